import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import type { OAuthSession } from '@atproto/oauth-client-browser';
import { Wing } from '../../src/join/index.ts';
import { control, type JoinView } from '../../src/join/view.ts';
import { restore } from '../../src/join/session.ts';
import { joinMessages, loadJoinMessages } from '../../src/i18n/join.ts';
import { readInputs, type Page } from '../../src/inputs.ts';
import { messages } from '../../src/i18n/messages.ts';
import type { Post } from '../../src/bluesky/model.ts';
import type { Reading } from '../../src/join/port.ts';
import { json, stubFetch, xrpcRoutes } from './helpers.ts';

// The sign-in wing as the element drives it: what the reader does goes to their PDS (stood in for
// by a stubbed `fetchHandler`) and to the AppView (a stubbed `fetch`); what the view is given is
// read from the `control` template's argument. An action that outlives a sign-out writes nothing.

vi.mock('../../src/join/session.ts', async (original) => ({
  ...(await original<typeof import('../../src/join/session.ts')>()),
  client: vi.fn(async () => ({})),
  restore: vi.fn(),
  signIn: vi.fn(),
}));
vi.mock('../../src/join/view.ts', async (original) => {
  const view = await original<typeof import('../../src/join/view.ts')>();
  return { ...view, control: vi.fn(view.control) };
});
vi.mock('../../src/i18n/join.ts', async (original) => {
  const join = await original<typeof import('../../src/i18n/join.ts')>();
  return { ...join, loadJoinMessages: vi.fn(join.loadJoinMessages) };
});

const CLIENT = 'https://news.example/client-metadata.json';
const SERVICE = 'https://appview.example';
const DID = 'did:plc:ragtjsm2j2vknwkz3zp4oxrd';
const ALICE = 'did:plc:4ksk3lcqk6ok5fnbnw6rlpb3';
const page: Page = { baseURI: 'https://news.example/story', href: 'https://news.example/story', title: 'Story' };
const t = messages('en')!;
const story = { uri: 'at://did:plc:sw7fivsls5jd6l344ydke56c/app.bsky.feed.post/3m6aaa2story', cid: 'bafyreistorystorystorystorystorystorystorystorystory' };
const reply = { uri: 'at://did:plc:4ksk3lcqk6ok5fnbnw6rlpb3/app.bsky.feed.post/3m6aac2mina', cid: 'bafyreiminaminaminaminaminaminaminaminaminaminamina' };

/** The reader's PDS: listRecords finds nothing; each create waits for the test, which answers it with `created` or fails it. */
function pds() {
  const creates: Array<{ body: { collection: string; record: { text?: string } }; answer(error?: Error): void }> = [];
  const fetchHandler = vi.fn(async (pathname: string, init?: RequestInit) => {
    if (pathname.startsWith('/xrpc/com.atproto.repo.listRecords')) return json({ records: [] });
    const body = JSON.parse(String(init?.body));
    return new Promise<Response>((resolve, reject) =>
      creates.push({
        body,
        answer: (error) =>
          error ? reject(error) : resolve(json({ uri: `at://${DID}/${body.collection}/3m7rkey${creates.length}`, cid: `bafyreirecord${creates.length}` })),
      }),
    );
  });
  const session = { did: DID, fetchHandler, signOut: vi.fn(async () => {}) } as unknown as OAuthSession;
  return { session, creates };
}

let fetched: ReturnType<typeof stubFetch>;
const wings: Wing[] = [];
beforeEach(() => {
  fetched = stubFetch(
    xrpcRoutes({
      'app.bsky.actor.getProfile': { did: DID, handle: 'reader.example', displayName: 'A Reader' },
      'com.atproto.identity.resolveHandle': (query: URLSearchParams) =>
        query.get('handle') === 'alice.wing.test' ? { did: ALICE } : json({ error: 'InvalidRequest' }, 400),
      'app.bsky.feed.getPosts': { posts: [] },
    }),
  );
});
afterEach(() => {
  wings.splice(0).forEach((wing) => wing.close()); // no confirmation outlives its test
  vi.unstubAllGlobals();
  vi.mocked(restore).mockReset();
  vi.mocked(control).mockClear();
  vi.mocked(loadJoinMessages).mockClear();
  sessionStorage.clear();
});

/** A wing on an element that is not on any page, for a reader whose interface language is `lang`. */
function wing(lang = 'en') {
  const host = Object.assign(document.createElement('div'), {
    addController: vi.fn(),
    removeController: vi.fn(),
    requestUpdate: vi.fn(),
    updateComplete: Promise.resolve(true),
  }) as unknown as ReactiveControllerHost & HTMLElement;
  const reader: { -readonly [K in keyof Reading]: Reading[K] } = {
    inputs: readInputs({ url: 'https://news.example/story', clientId: CLIENT, service: SERVICE }, page, vi.fn()),
    lang,
  };
  const made = new Wing(host, reader, CLIENT, SERVICE);
  wings.push(made);
  /** What the view is given now, as the element's render would give it. */
  const view = (): JoinView => {
    made.port(t, reader.lang!);
    return vi.mocked(control).mock.lastCall![0];
  };
  return { wing: made, host, reader, view };
}

/** A wing whose reader is signed in, with their PDS. */
async function signedIn() {
  const { session, creates } = pds();
  vi.mocked(restore).mockResolvedValue({ session });
  const made = wing();
  await made.wing.start();
  expect(made.view().account.kind).toBe('in');
  return { ...made, session, creates };
}

const submit = () => ({ preventDefault: vi.fn() }) as unknown as SubmitEvent;
/** (Every microtask the PDS's answer set off has run: nothing here waits on anything else.) */
const drained = () => new Promise((done) => setTimeout(done));

describe('an action that outlives a sign-out', () => {
  it('says nothing of a like refused after the reader signed out, as it does while they are in', async () => {
    const { view, creates } = await signedIn();
    view().on.flip(story as Post, 'like');
    await vi.waitFor(() => expect(creates).toHaveLength(1));
    creates[0].answer(new Error('The session was deleted by another process'));
    await vi.waitFor(() => expect(view().failure).toMatchObject({ at: story.uri, error: { kind: 'expired' } })); // while signed in: said

    view().on.flip(reply as Post, 'repost');
    await vi.waitFor(() => expect(creates).toHaveLength(2));
    view().on.signOut();
    await vi.waitFor(() => expect(view().account.kind).toBe('out'));
    creates[1].answer(new Error('The session was deleted by another process'));
    await drained();
    expect(view().failure).toBeUndefined();
  });

  it('says nothing of a reply refused after the reader signed out, and keeps their text', async () => {
    const { view, creates } = await signedIn();
    view().on.toggle(story.uri);
    view().on.input(story.uri, 'Sent as I signed out.');
    view().on.send(submit(), story.uri, story, story);
    await vi.waitFor(() => expect(creates).toHaveLength(1));
    view().on.signOut();
    await vi.waitFor(() => expect(view().account.kind).toBe('out'));
    creates[0].answer(new TypeError('Failed to fetch'));
    await drained();
    expect(view().failure).toBeUndefined();
    expect(view().outbox.draft(story.uri)).toBe('Sent as I signed out.');
  });
});

describe('posting', () => {
  it('resolves a mention’s handle with the discussion’s resolver: checked, and asked once a page', async () => {
    const { view, creates } = await signedIn();
    for (const [i, target] of [story.uri, reply.uri].entries()) {
      view().on.input(target, 'Thanks @alice.wing.test!');
      view().on.send(submit(), target, target === story.uri ? story : reply, story);
      await vi.waitFor(() => expect(creates).toHaveLength(i + 1));
      creates[i].answer();
    }
    const facets = creates.map((create) => (create.body.record as { facets?: Array<{ features: unknown[] }> }).facets?.[0]?.features);
    expect(facets).toEqual([[{ $type: 'app.bsky.richtext.facet#mention', did: ALICE }], [{ $type: 'app.bsky.richtext.facet#mention', did: ALICE }]]);
    expect(fetched.calls.filter((call) => call.url.pathname.endsWith('/com.atproto.identity.resolveHandle'))).toHaveLength(1);
  });
});

describe('the language of what the reader writes', () => {
  it('is the page’s, as the nearest lang declares it, any language as a valid tag; the browser’s without one', async () => {
    const { host, view } = wing();
    const page = Object.assign(document.createElement('article'), { lang: 'pt-br' });
    page.append(host);
    document.body.append(page);
    expect(view().postLang).toBe('pt-BR');
    host.setAttribute('lang', 'nl'); // the element's own: not one the interface speaks, still the post's
    expect(view().postLang).toBe('nl');
    host.setAttribute('lang', 'not a language!');
    expect(view().postLang).toBe('en');
    page.remove();
  });

  it('marks the reader’s post with it', async () => {
    const { host, view, creates } = await signedIn();
    host.setAttribute('lang', 'ko');
    view().on.input(story.uri, '좋은 기사입니다.');
    view().on.send(submit(), story.uri, story, story);
    await vi.waitFor(() => expect(creates).toHaveLength(1));
    expect(creates[0].body.record).toMatchObject({ text: '좋은 기사입니다.', langs: ['ko'] });
    creates[0].answer();
  });
});

describe('the composer for a new post', () => {
  it('previews the article’s card, its picture once it is known to go with the post, fetched once for the preview and the post', async () => {
    const head = document.head;
    const meta = Object.assign(document.createElement('meta'), { content: 'https://news.example/card.png' });
    meta.setAttribute('property', 'og:image');
    head.append(meta);
    const pictures: string[] = [];
    const appView = globalThis.fetch;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init?: RequestInit) => {
        if (String(input) !== 'https://news.example/card.png') return appView(input, init);
        pictures.push(String(input));
        return new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/png' } });
      }),
    );
    const { view, creates } = await signedIn();
    view().on.toggle('top');
    expect(view().preview).toMatchObject({ card: { uri: 'https://news.example/story', image: 'https://news.example/card.png' }, picture: 'pending' });
    await vi.waitFor(() => expect(view().preview?.picture).toBe('yes'));
    view().on.input('top', 'Worth reading.');
    view().on.send(submit(), 'top');
    await vi.waitFor(() => expect(creates).toHaveLength(1)); // (this PDS refuses the upload: the post goes without it)
    expect(pictures).toEqual(['https://news.example/card.png']);
    meta.remove();
  });
});

describe('the wing’s strings', () => {
  it('are fetched for a new interface language before a render, never by the render', async () => {
    const { wing: made, reader, host, view } = wing('en');
    reader.lang = 'ja'; // the page's language changed
    expect(view().t.signedIn).toBe('Signed in as {name}'); // English stands in
    expect(loadJoinMessages).not.toHaveBeenCalled();
    made.hostUpdate();
    expect(loadJoinMessages).toHaveBeenCalledWith('ja');
    await vi.waitFor(() => expect(host.requestUpdate).toHaveBeenCalled());
    expect(view().t.signedIn).toBe(joinMessages('ja')!.signedIn);
    expect(view().t.signedIn).not.toBe('Signed in as {name}');
  });
});
