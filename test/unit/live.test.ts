import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/index.ts';
import type { DiscussThread } from '../../src/element.ts';
import { ARTICLE, DEEP_ARTICLE, MUTED, SPAMMER, sample } from '../../demo/appview/sample.ts';
import { createPost, linkMessages, withCreated, type NewPost } from '../../demo/appview/live.ts';
import type { PostView } from '../../demo/appview/build.ts';
import { ORIGIN, deferred, sampleRoute, stubFetch, xrpcRoutes } from './helpers.ts';
import { News, REPLY_SOURCE, TOP, WAITING_MAX, readEvent, wanted } from '../../src/live/news.ts';
import { HYDRATE_MS, POLL_MS } from '../../src/live/index.ts';
import { Queue, readBatch } from '../../src/live/hydrate.ts';
import { LIVE_SERVICE, isOn, streamUrl } from '../../src/live/stream.ts';
import { BSKY_LABELER } from '../../src/bluesky/moderation.ts';
import type { Discussion, Post, ThreadNode } from '../../src/bluesky/model.ts';

// `live`: a stand-in socket takes the place of Spacedust's, and hears what the stand-in stream
// (demo/appview/live.ts) would say of each post created at the sample AppView.

class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];
  readonly url: URL;
  readyState = FakeSocket.CONNECTING;
  sent: string[] = [];
  closed?: number;
  onopen?: () => void;
  onmessage?: (event: { data: unknown }) => void;
  onclose?: () => void;
  constructor(url: string | URL) {
    this.url = new URL(url);
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number) {
    this.closed = code;
    this.readyState = FakeSocket.CLOSED;
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  /** What the stream says of a new post: each of its links (the widget picks those it asked for). */
  hear(view: PostView) {
    for (const { message } of linkMessages(view)) this.onmessage?.({ data: message });
  }
  drop() {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.();
  }
}

/** Whether the widget is on screen, as its IntersectionObserver reports. */
let onScreen = true;
const observers = new Set<(entries: Array<{ isIntersecting: boolean }>) => void>();
const scroll = (visible: boolean) => ((onScreen = visible), observers.forEach((notify) => notify([{ isIntersecting: visible }])));
let hidden = false;
const setHidden = (value: boolean) => ((hidden = value), document.dispatchEvent(new Event('visibilitychange')));

beforeEach(() => {
  sessionStorage.clear();
  document.body.innerHTML = '';
  FakeSocket.all = [];
  onScreen = true;
  hidden = false;
  observers.clear();
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      #notify: (entries: Array<{ isIntersecting: boolean }>) => void;
      constructor(notify: (entries: Array<{ isIntersecting: boolean }>) => void) {
        this.#notify = notify;
      }
      observe() {
        observers.add(this.#notify);
        queueMicrotask(() => this.#notify([{ isIntersecting: onScreen }]));
      }
      unobserve() {}
      disconnect() {
        observers.delete(this.#notify);
      }
    },
  );
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
});

afterEach(() => {
  document.body.innerHTML = ''; // disconnected: every socket closed, every timer cleared
  vi.useRealTimers();
  vi.unstubAllGlobals();
  delete (document as { visibilityState?: unknown }).visibilityState;
});

const STREAM = 'ws://127.0.0.1:9/spacedust';

function mount(attributes: Record<string, string> = {}): DiscussThread {
  const el = document.createElement('discuss-thread');
  for (const [name, value] of Object.entries({
    loading: 'eager',
    service: ORIGIN,
    'search-service': ORIGIN,
    url: ARTICLE,
    live: '',
    'live-service': STREAM,
    ...attributes,
  }))
    el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

const shadow = (el: DiscussThread) => el.shadowRoot!;
const buttons = (el: DiscussThread) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="news"]')];
const loaded = (el: DiscussThread) => vi.waitFor(() => expect(el.getAttribute('status')).toBe('loaded'), { timeout: 3000 });
const socket = () => vi.waitFor(() => FakeSocket.all.find((s) => s.readyState !== FakeSocket.CLOSED) ?? expect.fail('no socket open'));
const roots = () => sample('').trees.map((tree) => tree.post.uri);
const summary = (el: DiscussThread) => shadow(el).querySelector('[part="summary"]')!.textContent!;
const news = (data: NewPost) => createPost(data, withCreated(sample('')))!;
const region = (el: DiscussThread) => shadow(el).querySelector('[role="status"].sr');
const texts = (el: DiscussThread) => buttons(el).map((b) => b.textContent!.trim());
/** Fake time from here on: the batch, the announcement and the poll wait on it. */
const fakeTime = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

/** A widget with `live` over the sample, its socket open, on fake time from then on. */
async function listening(attributes: Record<string, string> = {}, status = 'loaded') {
  stubFetch(sampleRoute);
  const el = mount(attributes);
  await vi.waitFor(() => expect(el.getAttribute('status')).toBe(status), { timeout: 3000 });
  const ws = await socket();
  ws.open();
  fakeTime();
  return { el, ws };
}

describe('live: when it listens', () => {
  it('opens no socket without `live`, nor with live="off": only the widget with `live` opens one', async () => {
    stubFetch(sampleRoute);
    const plain = mount({ live: '' });
    plain.removeAttribute('live');
    const off = mount({ live: 'off' });
    const on = mount();
    await Promise.all([loaded(plain), loaded(off), loaded(on)]);
    const ws = await socket(); // by the time the live widget's socket is open, the others had every chance
    await vi.waitFor(() => expect(region(on)).not.toBeNull());
    expect(FakeSocket.all).toEqual([ws]);
    expect(region(plain)).toBeNull();
    expect(region(off)).toBeNull();
  });

  it('opens one socket once the discussion shows on screen, for its threads, the article and every link path, with no hold', async () => {
    stubFetch(sampleRoute);
    onScreen = false;
    const el = mount();
    await loaded(el);
    await vi.waitFor(() => expect(region(el)).not.toBeNull()); // the live code is here, and waits
    expect(FakeSocket.all).toHaveLength(0); // not on screen
    scroll(true);
    const ws = await socket();
    expect(`${ws.url.origin}${ws.url.pathname}`).toBe(`${STREAM}/subscribe`);
    const subjects = ws.url.searchParams.getAll('wantedSubjects');
    expect(subjects).toEqual(expect.arrayContaining([...roots(), ARTICLE, `${ARTICLE}/`]));
    expect(ws.url.searchParams.getAll('wantedSources')).toEqual([
      REPLY_SOURCE,
      'app.bsky.feed.post:embed.external.uri',
      'app.bsky.feed.post:embed.media.external.uri',
      'app.bsky.feed.post:facets[app.bsky.richtext.facet].features[app.bsky.richtext.facet#link].uri',
      'app.bsky.feed.post:facets[].features[app.bsky.richtext.facet#link].uri',
    ]);
    expect(ws.url.searchParams.get('instant')).toBe('true');
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('closes when the page is hidden, when the widget scrolls away or leaves the page, and opens again when it is back', async () => {
    stubFetch(sampleRoute);
    const el = mount();
    await loaded(el);
    const first = await socket();
    setHidden(true);
    expect(first.readyState).toBe(FakeSocket.CLOSED);
    expect(first.closed).toBe(1000);
    setHidden(false);
    const second = await socket();
    expect(second).not.toBe(first);
    scroll(false);
    expect(second.readyState).toBe(FakeSocket.CLOSED);
    scroll(true);
    const third = await socket();
    el.remove();
    expect(third.readyState).toBe(FakeSocket.CLOSED);
    expect(FakeSocket.all).toHaveLength(3);
  });
});

describe('live: what arrives', () => {
  it('keeps a new reply behind "1 new reply" under the post it answers, counted in the header; pressing shows it there, focused', async () => {
    const { calls } = stubFetch(sampleRoute);
    const el = mount();
    await loaded(el);
    const ws = await socket();
    ws.open();
    const before = summary(el);
    const view = news({ text: 'Fresh reply from the stream', parent: roots()[0] });
    ws.hear(view);
    await vi.waitFor(() => expect(buttons(el).map((b) => b.textContent!.trim())).toEqual(['1 new reply']));
    // The reply, and its thread's root (whose threadgate names the replies its author hid).
    const asked = calls.filter((c) => c.url.pathname.endsWith('getPosts')).at(-1)!;
    expect(asked.url.searchParams.getAll('uris')).toEqual([view.uri, roots()[0]]);
    expect(shadow(el).textContent).not.toContain('Fresh reply from the stream'); // nothing moved
    expect(summary(el)).not.toBe(before);
    expect(summary(el)).toMatch(/(\d+) replies/);
    const replies = (text: string) => Number(/(\d+) replies/.exec(text)![1]);
    expect(replies(summary(el))).toBe(replies(before) + 1);
    // The button sits in the root's item, after its replies.
    expect(buttons(el)[0].closest('li')!.querySelector('article')!.dataset.uri).toBe(roots()[0]);
    buttons(el)[0].click();
    await vi.waitFor(() => expect(shadow(el).activeElement?.getAttribute('data-uri')).toBe(view.uri));
    expect(buttons(el)).toHaveLength(0);
    expect(replies(summary(el))).toBe(replies(before) + 1);
  });

  it('never shows a muted word, a hidden account or a post moderation hides; a reply to a new reply waits with it', async () => {
    const { el, ws } = await listening({ 'muted-words': MUTED, hide: SPAMMER });
    const root = roots()[1];
    ws.hear(news({ text: `What an ${MUTED}`, parent: root }));
    ws.hear(news({ text: 'Buy now', author: SPAMMER, parent: root }));
    ws.hear(news({ text: 'Labelled away', parent: root, labels: [{ src: BSKY_LABELER, val: '!hide' }] }));
    const good = news({ text: 'A fair point', parent: root });
    ws.hear(good);
    const under = news({ text: 'Agreed', parent: good.uri, author: 'quinn' });
    await vi.waitFor(() => expect(texts(el)).toEqual(['1 new reply'])); // one batch: the four together
    ws.hear(under);
    await vi.advanceTimersByTimeAsync(HYDRATE_MS); // the next batch waits for its turn
    await vi.waitFor(() => expect(texts(el)).toEqual(['2 new replies']));
    buttons(el)[0].click();
    await vi.waitFor(() => expect(shadow(el).textContent).toContain('Agreed'));
    expect(shadow(el).textContent).toContain('A fair point');
    for (const never of [`What an ${MUTED}`, 'Buy now', 'Labelled away']) expect(shadow(el).textContent).not.toContain(never);
  });

  it('keeps a new post about the article behind "1 new post" above the list, asks the stream for replies to it, shows it first', async () => {
    stubFetch(sampleRoute);
    const el = mount();
    await loaded(el);
    const ws = await socket();
    ws.open();
    const view = news({ text: 'Just read this story' });
    ws.hear(view);
    await vi.waitFor(() => expect(buttons(el).map((b) => b.textContent!.trim())).toEqual(['1 new post']));
    expect(buttons(el)[0].closest('li')).toBeNull(); // above the list
    // The socket is asked for the new thread's replies too (an update replaces every option).
    await vi.waitFor(() => expect(ws.sent.map((m) => JSON.parse(m)).at(-1)?.payload.wantedSubjects).toContain(view.uri));
    const update = JSON.parse(ws.sent.at(-1)!);
    expect(update.type).toBe('options_update');
    expect(update.payload.wantedSources).toContain(REPLY_SOURCE);
    buttons(el)[0].click();
    await vi.waitFor(() => expect(shadow(el).activeElement?.getAttribute('data-uri')).toBe(view.uri));
    expect(shadow(el).querySelector('[part="list"] > li article')!.getAttribute('data-uri')).toBe(view.uri); // first: no pinned post here
  });

  it('starts a discussion nobody had started: the first post waits behind its button, "Start the conversation!" gone', async () => {
    const empty = `${ORIGIN}/s/empty`;
    const { el, ws } = await listening({ service: empty, 'search-service': empty, 'backlinks-service': 'none' }, 'empty');
    expect(shadow(el).textContent).toContain('Start the conversation!');
    const view = news({ text: 'First!' });
    ws.hear(view);
    await vi.waitFor(() => expect(texts(el)).toEqual(['1 new post']));
    expect(el.getAttribute('status')).toBe('loaded');
    expect(shadow(el).textContent).not.toContain('Start the conversation!');
    expect(summary(el)).toMatch(/^1 post\b/);
    buttons(el)[0].click();
    await vi.waitFor(() => expect(shadow(el).activeElement?.getAttribute('data-uri')).toBe(view.uri));
  });

  it('says what waits in a polite live region, not on every event', async () => {
    const { el, ws } = await listening();
    const said = () => region(el)!.textContent;
    expect(said()).toBe('');
    ws.hear(news({ text: 'One', parent: roots()[2] }));
    await vi.waitFor(() => expect(said()).toBe('1 new reply'));
    ws.hear(news({ text: 'Two', parent: roots()[2] }));
    await vi.advanceTimersByTimeAsync(HYDRATE_MS);
    await vi.waitFor(() => expect(texts(el)).toEqual(['2 new replies']));
    expect(said()).toBe('1 new reply'); // not on every event…
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.waitFor(() => expect(said()).toBe('2 new replies')); // …but within half a minute
  });
});

describe('live: what never arrives', () => {
  it('believes no stream: a post said to link the article that does not, a reply in another thread, a quote of another post', async () => {
    const story = sample('').trees[0].post;
    const { el, ws } = await listening({ post: story.uri });
    const say = (view: PostView, source: string, subject: string) =>
      ws.onmessage?.({
        data: JSON.stringify({ kind: 'link', origin: 'live', link: { operation: 'create', source, source_record: view.uri, source_rev: '1', subject } }),
      });
    say(news({ text: 'Links elsewhere', link: 'https://elsewhere.example/story' }), 'app.bsky.feed.post:embed.external.uri', ARTICLE);
    const other = sample('').hostile[0].post.uri;
    say(news({ text: 'Another thread', parent: other }), REPLY_SOURCE, roots()[0]);
    // A reply in a thread on the page, said to be in another one: its root's threadgate was not the one read.
    say(news({ text: 'Wrong root', parent: roots()[1] }), REPLY_SOURCE, roots()[0]);
    say(news({ text: 'Quotes another', quote: roots()[2] }), 'app.bsky.feed.post:embed.record.uri', story.uri);
    const real = news({ text: 'About the article' });
    ws.hear(real);
    await vi.waitFor(() => expect(texts(el)).toEqual(['1 new post']));
    buttons(el)[0].click();
    await vi.waitFor(() => expect(shadow(el).activeElement?.getAttribute('data-uri')).toBe(real.uri));
    await vi.advanceTimersByTimeAsync(HYDRATE_MS * 2); // and nothing asked again brings them later
    expect(buttons(el)).toHaveLength(0);
    for (const never of ['Links elsewhere', 'Another thread', 'Wrong root', 'Quotes another']) expect(shadow(el).textContent).not.toContain(never);
  });

  it('never puts one article’s new post under another’s, when the article changes while it is being read', async () => {
    const [sent, gate, read] = [deferred(), deferred(), deferred()];
    stubFetch(async (url, init) => {
      const held = url.pathname.endsWith('getPosts') && url.searchParams.getAll('uris').some((uri) => uri.includes('/3live'));
      if (held) sent.resolve();
      if (held) await gate.promise;
      const response = await sampleRoute(url, init);
      if (!held) return response;
      const body = response.json.bind(response);
      return Object.assign(response, { json: () => body().finally(read.resolve) }); // the widget has its answer (this stub answers an aborted request too)
    });
    const el = mount();
    await loaded(el);
    const ws = await socket();
    ws.open();
    ws.hear(news({ text: 'About the first article' }));
    await sent.promise; // its getPosts is out, held
    el.setAttribute('url', DEEP_ARTICLE);
    await vi.waitFor(() => expect(shadow(el).textContent).toContain('Ada Lindqvist-Okonkwo')); // the other article's discussion
    gate.resolve();
    const next = await socket();
    expect(next).not.toBe(ws);
    expect(next.url.searchParams.getAll('wantedSubjects')).toContain(DEEP_ARTICLE);
    await read.promise;
    await new Promise((resolve) => setTimeout(resolve)); // what the widget does with it, in the microtasks after
    await el.updateComplete;
    expect(buttons(el)).toHaveLength(0);
    expect(shadow(el).textContent).not.toContain('About the first article');
  });

  it('lets quotes of the pinned post through whatever `author` says, as discovery does', async () => {
    stubFetch(sampleRoute);
    const story = sample('').trees[0].post;
    const el = mount({ post: story.uri, author: 'minapark.news.example' });
    await loaded(el);
    const ws = await socket();
    ws.open();
    expect(ws.url.searchParams.getAll('wantedSources')).toContain('app.bsky.feed.post:embed.record.uri');
    ws.hear(news({ text: 'Quoting the story', quote: story.uri, author: 'quoter' }));
    ws.hear(news({ text: 'Not the author', author: 'someone-else' })); // a new thread by another account: not with `author`
    await vi.waitFor(() => expect(texts(el)).toEqual(['1 new post']));
  });

  it('drops a reply the thread’s author hid, read from its root’s threadgate, however the stream announced it', async () => {
    const root = sample('').trees[0].post;
    const [hidden, kept] = [news({ text: 'Hidden by the author', parent: root.uri }), news({ text: 'Kept', parent: root.uri })];
    const gate = {
      uri: `${root.uri}-gate`,
      cid: 'bafy',
      record: { $type: 'app.bsky.feed.threadgate', post: root.uri, createdAt: root.indexedAt, hiddenReplies: [hidden.uri] },
      lists: [],
    };
    const { calls } = stubFetch(xrpcRoutes({ 'app.bsky.feed.getPosts': { posts: [hidden, kept, { ...root, threadgate: gate }] } }));
    const checks = { fits: () => true, ours: (uri: string) => uri === root.uri, since: 0 };
    const reply = { kind: 'reply' as const, root: root.uri, tries: 0, due: 0 };
    const asReplies = await readBatch(
      [
        [hidden.uri, reply],
        [kept.uri, reply],
      ],
      [root.uri],
      ORIGIN,
      {},
      checks,
    );
    expect(asReplies.read.map((r) => r.post.uri)).toEqual([kept.uri]);
    expect(calls[0].url.searchParams.getAll('uris')).toEqual([hidden.uri, kept.uri, root.uri]);
    // Announced as a link to the article only (no root named): asked again with its root before it may show.
    const link = { kind: 'post' as const, tries: 0, due: 0 };
    const first = await readBatch([[hidden.uri, link]], [], ORIGIN, {}, checks);
    expect(first.read).toEqual([]);
    expect(first.rooted).toEqual([[hidden.uri, { ...link, root: root.uri }]]);
    const again = await readBatch(first.rooted, [root.uri], ORIGIN, {}, checks);
    expect(again.read).toEqual([]);
  });

  it('takes nothing old for new: a post written, or indexed, before live started', async () => {
    const root = sample('').trees[0].post;
    const view = news({ text: 'Edited later', parent: root.uri });
    const edited = { ...view, record: { ...view.record, createdAt: '2026-11-27T10:00:00.000Z' } }; // indexed now, written long ago
    stubFetch(xrpcRoutes({ 'app.bsky.feed.getPosts': { posts: [view, edited].map((v, i) => ({ ...v, uri: `${v.uri}${i}` })) } }));
    const reply = { kind: 'reply' as const, root: root.uri, tries: 0, due: 0 };
    const since = Date.now() - 60_000;
    const { read } = await readBatch(
      [
        [`${view.uri}0`, reply],
        [`${view.uri}1`, reply],
      ],
      [],
      ORIGIN,
      {},
      { fits: () => true, ours: () => false, since },
    );
    expect(read.map((r) => r.post.uri)).toEqual([`${view.uri}0`]);
  });

  it('keeps its button from pressing while a page of threads loads', async () => {
    const gate = deferred();
    const { el, ws } = await listening({ limit: '2' });
    stubFetch(async (url, init) => (url.pathname.endsWith('getPostThread') && (await gate.promise), sampleRoute(url, init)));
    ws.hear(news({ text: 'Waiting for the page', parent: roots()[0] }));
    await vi.waitFor(() => expect(texts(el)).toEqual(['1 new reply']));
    shadow(el).querySelector<HTMLButtonElement>('.actions [part~="more"]')!.click();
    await vi.waitFor(() => expect(buttons(el)[0].disabled).toBe(true));
    gate.resolve();
    await vi.waitFor(() => expect(buttons(el)[0].disabled).toBe(false));
  });

  it('keeps the header true when a page of threads replaces the discussion: what waits is still counted', async () => {
    const { el, ws } = await listening({ limit: '2' });
    const twin = mount({ limit: '2', live: 'off' }); // the same discussion, without live
    await loaded(twin);
    const replies = (widget: DiscussThread) => Number(/(\d+) replies/.exec(summary(widget))![1]);
    ws.hear(news({ text: 'Waiting through a page', parent: roots()[0] }));
    await vi.waitFor(() => expect(texts(el)).toEqual(['1 new reply']));
    expect(replies(el)).toBe(replies(twin) + 1);
    for (const widget of [el, twin]) {
      shadow(widget).querySelector<HTMLButtonElement>('.actions [part~="more"]')!.click();
      await vi.waitFor(() => expect(shadow(widget).querySelectorAll('[part="list"] > li').length).toBeGreaterThan(2));
    }
    await el.updateComplete;
    expect(texts(el)).toEqual(['1 new reply']);
    expect(replies(el)).toBe(replies(twin) + 1); // the loader's new counts, and what waits
  });
});

describe('live: without a socket', () => {
  it('backs off from a stream that accepts and then drops at once, rather than storming it', async () => {
    stubFetch(sampleRoute);
    const el = mount();
    await loaded(el);
    fakeTime();
    for (const wait of [2_000, 4_000, 8_000]) {
      const ws = await socket();
      ws.open();
      ws.drop();
      const count = FakeSocket.all.length;
      await vi.advanceTimersByTimeAsync(wait * 0.75 - 1);
      expect(FakeSocket.all).toHaveLength(count); // not yet
      await vi.advanceTimersByTimeAsync(wait * 0.25 + 1);
      expect(FakeSocket.all).toHaveLength(count + 1);
    }
  });

  it('tries again with backoff and meanwhile polls at most once a minute, finding what was posted', async () => {
    const { calls } = stubFetch(sampleRoute);
    const el = mount();
    await loaded(el);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const first = await socket();
    first.drop(); // refused: CSP, the host down
    const searches = () => calls.filter((c) => c.url.pathname.endsWith('searchPosts')).length;
    const before = searches();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeSocket.all).toHaveLength(2); // tried again after about 2 s
    FakeSocket.all[1].drop();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(FakeSocket.all).toHaveLength(3); // then about 4 s
    FakeSocket.all[2].drop();
    expect(searches()).toBe(before);
    const view = news({ text: 'Posted while the stream was down', parent: roots()[0], silent: true });
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(searches()).toBe(before + 1); // one poll in the minute, however many retries
    await vi.waitFor(() => expect(texts(el)).toEqual(['1 new reply']));
    await vi.advanceTimersByTimeAsync(POLL_MS); // retries meanwhile (each socket given up after 10 s unopened), one poll
    expect(searches()).toBe(before + 2);
    expect(FakeSocket.all.length).toBeGreaterThan(4);
    buttons(el)[0].click();
    await vi.waitFor(() => expect(shadow(el).textContent).toContain(view.record.text));
  });
});

describe('live: the pieces', () => {
  it('reads only its own link events', () => {
    const discussion: Discussion = {
      threads: [{ ...post('at://did:plc:a/app.bsky.feed.post/1'), replies: [], more: 0 }],
      pending: [],
      failures: [],
      pinned: ['at://did:plc:a/app.bsky.feed.post/1'],
    };
    const want = wanted(discussion, ARTICLE, true);
    const event = (link: object) => JSON.stringify({ kind: 'link', origin: 'live', link: { operation: 'create', source_rev: '1', ...link } });
    const record = 'at://did:plc:b/app.bsky.feed.post/2';
    expect(readEvent(event({ source: REPLY_SOURCE, subject: discussion.threads[0].uri, source_record: record }), want)).toEqual({
      uri: record,
      kind: 'reply',
      subject: discussion.threads[0].uri,
    });
    expect(readEvent(event({ source: 'app.bsky.feed.post:embed.external.uri', subject: ARTICLE, source_record: record }), want)).toEqual({
      uri: record,
      kind: 'post',
      subject: ARTICLE,
    });
    expect(readEvent(event({ source: 'app.bsky.feed.post:embed.record.uri', subject: discussion.threads[0].uri, source_record: record }), want)).toEqual({
      uri: record,
      kind: 'quote',
      subject: discussion.threads[0].uri,
    });
    expect(readEvent(event({ source: REPLY_SOURCE, subject: ARTICLE, source_record: record }), want)).toBeUndefined();
    expect(readEvent(event({ source: 'app.bsky.feed.like:subject.uri', subject: discussion.threads[0].uri, source_record: record }), want)).toBeUndefined();
    expect(
      readEvent(event({ source: REPLY_SOURCE, subject: discussion.threads[0].uri, source_record: 'at://did:plc:b/app.bsky.feed.like/2' }), want),
    ).toBeUndefined();
    expect(readEvent(event({ operation: 'delete', source: REPLY_SOURCE, subject: discussion.threads[0].uri, source_record: record }), want)).toBeUndefined();
    expect(readEvent('{not json', want)).toBeUndefined();
    const padded = JSON.stringify({
      ...JSON.parse(event({ source: REPLY_SOURCE, subject: discussion.threads[0].uri, source_record: record })),
      pad: 'x'.repeat(16_384),
    });
    expect(readEvent(padded, want)).toBeUndefined(); // far longer than any link message: not even parsed
    expect(readEvent(new ArrayBuffer(2), want)).toBeUndefined();
    expect(wanted(discussion, ARTICLE, false).sources.some((s) => s.includes('embed.record'))).toBe(false);
    expect(want.subjects.length).toBeGreaterThan(0);
  });

  it('places new posts where they belong and no other place', () => {
    const root = { ...post('at://did:plc:a/app.bsky.feed.post/root'), replies: [], more: 0 } as ThreadNode;
    const discussion: Discussion = { threads: [root], pending: [post('at://did:plc:a/app.bsky.feed.post/later')], failures: [] };
    const box = new News();
    expect(box.add(post(root.uri), undefined, 'post', discussion)).toBe(false); // shown already
    expect(box.add(post('at://did:plc:a/app.bsky.feed.post/later'), undefined, 'post', discussion)).toBe(false); // found already
    expect(box.add(post('at://did:plc:b/app.bsky.feed.post/x'), 'at://did:plc:z/app.bsky.feed.post/elsewhere', 'reply', discussion)).toBe(false);
    expect(box.add(post('at://did:plc:b/app.bsky.feed.post/r1'), root.uri, 'reply', discussion)).toBe(true);
    expect(box.add(post('at://did:plc:b/app.bsky.feed.post/r2'), 'at://did:plc:b/app.bsky.feed.post/r1', 'reply', discussion)).toBe(true);
    expect(box.add(post('at://did:plc:c/app.bsky.feed.post/p'), undefined, 'post', discussion, () => false)).toBe(false); // not the `author`
    expect(box.add(post('at://did:plc:c/app.bsky.feed.post/q'), undefined, 'quote', discussion)).toBe(true);
    expect([box.count(root.uri), box.count(TOP)]).toEqual([2, 1]);
    const counts = { posts: 2, quotePosts: 0, replies: 0, likes: 0, reposts: 0, quotes: 0 };
    expect(box.totals(counts)).toEqual({ ...counts, posts: 3, quotePosts: 1, replies: 2 });
    const shown = box.show(root.uri, discussion, 'top');
    expect(shown.threads[0].replies.map((r) => r.uri)).toEqual(['at://did:plc:b/app.bsky.feed.post/r1']);
    expect(shown.threads[0].replies[0].replies.map((r) => r.uri)).toEqual(['at://did:plc:b/app.bsky.feed.post/r2']);
    expect(shown.threads[0].counts.replies).toBe(1);
    expect(box.count(root.uri)).toBe(0);
    // A refresh that now holds the quote: it waits no more.
    box.settle({ ...discussion, pending: [...discussion.pending, post('at://did:plc:c/app.bsky.feed.post/q')] });
    expect(box.count(TOP)).toBe(0);
    // A flood waits up to a bound, then is dropped.
    const flood = new News();
    for (let i = 0; i <= WAITING_MAX; i++) flood.add(post(`at://did:plc:f/app.bsky.feed.post/${i}`), undefined, 'post', discussion);
    expect(flood.count(TOP)).toBe(WAITING_MAX);
  });

  it('asks again for a post the AppView lacks after 3 s, then 10 s, then lets it go; a flood waits 100 at most', () => {
    const queue = new Queue();
    queue.add('at://did:plc:a/app.bsky.feed.post/1', 'reply', 'at://did:plc:a/app.bsky.feed.post/root');
    queue.add('at://did:plc:a/app.bsky.feed.post/1', 'post'); // also links the article: its root stays
    const first = queue.take(0);
    let { batch } = first;
    expect(first.roots).toEqual(['at://did:plc:a/app.bsky.feed.post/root']);
    expect(batch[0][1]).toMatchObject({ kind: 'post', root: 'at://did:plc:a/app.bsky.feed.post/root' });
    for (const [wait, now] of [
      [3_000, 1_000],
      [10_000, 5_000],
    ]) {
      queue.again(batch[0][0], batch[0][1], now);
      expect(queue.next()).toBe(now + wait);
      expect(queue.take(now + wait - 1).batch).toEqual([]);
      ({ batch } = queue.take(now + wait));
      expect(batch).toHaveLength(1);
    }
    queue.again(batch[0][0], batch[0][1], 20_000);
    expect(queue.size).toBe(0); // three asks in all
    for (let i = 0; i < 150; i++) queue.add(`at://did:plc:a/app.bsky.feed.post/f${i}`, 'post');
    expect(queue.size).toBe(100);
    expect(queue.take(0).batch).toHaveLength(25); // a getPosts holds 25
  });

  it('takes `live` as on unless off, and a stream only at wss: (ws: on loopback)', () => {
    expect([isOn(''), isOn('on'), isOn('OFF'), isOn('false'), isOn(undefined), isOn(null)]).toEqual([true, true, false, false, false, false]);
    const warn = vi.fn();
    expect(streamUrl(undefined, warn)).toBe(LIVE_SERVICE);
    expect(streamUrl('wss://stream.example/', warn)).toBe('wss://stream.example');
    expect(streamUrl('ws://localhost:8080', warn)).toBe('ws://localhost:8080');
    expect(warn).not.toHaveBeenCalled();
    for (const bad of ['ws://stream.example', 'https://stream.example', 'javascript:alert(1)', 'wss://stream.example/?x=1', 'not a url']) {
      expect(streamUrl(bad, warn)).toBe(LIVE_SERVICE);
      expect(warn).toHaveBeenLastCalledWith('live-service', bad, expect.stringContaining(LIVE_SERVICE));
    }
  });
});

function post(uri: string): Post {
  return {
    uri,
    cid: 'bafy',
    url: 'https://bsky.app/',
    author: { did: uri.split('/')[2], handle: 'someone.test', displayName: 'Someone' },
    text: '',
    facets: [],
    langs: [],
    createdAt: new Date().toISOString(),
    counts: { replies: 0, reposts: 0, likes: 0, quotes: 0 },
    links: [],
  };
}
