import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { OAuthSession } from '@atproto/oauth-client-browser';
import { ReaderController } from '../../src/reader.ts';
import { Wing } from '../../src/join/index.ts';
import { MARK, isCallback } from '../../src/join/mark.ts';
import { client, restore } from '../../src/join/session.ts';
import { readInputs, type Page } from '../../src/inputs.ts';
import { messages } from '../../src/i18n/messages.ts';
import { json, stubFetch, xrpcRoutes } from './helpers.ts';

// The reader's controller, in the entry file: when it fetches the sign-in code and lets it look
// for a session. A reader who signed in here before is looked for only once the widget activates;
// a reader back from their server (a callback in the fragment, where the OAuth client reads it),
// at once. The OAuth client is stood in for; the sign-in code and the mark are the real ones.

vi.mock('../../src/join/session.ts', async (original) => ({
  ...(await original<typeof import('../../src/join/session.ts')>()),
  client: vi.fn(async () => ({})),
  restore: vi.fn(),
  signIn: vi.fn(),
}));

const CLIENT = 'https://news.example/client-metadata.json';
const DID = 'did:plc:ragtjsm2j2vknwkz3zp4oxrd';
const page: Page = { baseURI: 'https://news.example/story', href: 'https://news.example/story', title: 'Story' };
const inputs = (service = 'https://appview.example') => readInputs({ url: 'https://news.example/story', clientId: CLIENT, service }, page, vi.fn());
const t = messages('en')!;

const session = {
  did: DID,
  fetchHandler: vi.fn(async () => json({ records: [] })),
  signOut: vi.fn(async () => {}),
} as unknown as OAuthSession;

let fetched: ReturnType<typeof stubFetch>;
beforeEach(() => {
  fetched = stubFetch(xrpcRoutes({ 'app.bsky.actor.getProfile': { did: DID, handle: 'reader.example', displayName: 'A Reader' } }));
  vi.mocked(restore).mockResolvedValue({ session });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.mocked(client).mockClear();
  vi.mocked(restore).mockReset();
  localStorage.clear();
  history.replaceState(null, '', '/');
});

/** A reader's controller on an element that is not on any page: it records its controllers and updates. */
function controller() {
  const controllers = new Set<ReactiveController>();
  const host = Object.assign(document.createElement('div'), {
    addController: (c: ReactiveController) => void controllers.add(c),
    removeController: (c: ReactiveController) => void controllers.delete(c),
    requestUpdate: vi.fn(),
    updateComplete: Promise.resolve(true),
  }) as unknown as ReactiveControllerHost & HTMLElement;
  const reader = new ReaderController(host);
  /** One update of the element: fed, then each controller's `hostUpdate`, as Lit runs them. */
  const update = (active: boolean, service?: string) => {
    reader.set(inputs(service), active, 'en');
    for (const c of [...controllers]) c.hostUpdate?.();
  };
  /** The header's control, as the element would render it now. */
  const shown = () => {
    const box = document.createElement('div');
    render(reader.port(t, 'en').control, box);
    return box;
  };
  return { reader, host, controllers, update, shown };
}

describe('a reader who signed in here before', () => {
  beforeEach(() => localStorage.setItem(MARK, CLIENT));

  it('is not looked for before the widget activates, even when the article’s own query reads like a callback', async () => {
    history.replaceState(null, '', '/story?state=CA&code=94103'); // an article's address, not a return from a server
    const { update, shown } = controller();
    update(false);
    // The reader presses "Sign in with Bluesky" on the widget far down the page: the code arrives
    // and asks for their handle. Had it been fetched for the session, it would have looked first.
    shown().querySelector('button')!.click();
    await vi.waitFor(() => expect(shown().querySelector('form.join-form')).not.toBeNull());
    expect(client).not.toHaveBeenCalled(); // no OAuth client, so no token refreshed
    expect(restore).not.toHaveBeenCalled();
    expect(session.fetchHandler).not.toHaveBeenCalled(); // no listRecords
    expect(fetched.calls).toEqual([]); // no getProfile
  });

  it('is looked for once the widget activates: their session restored, their profile and their likes asked for', async () => {
    const { update, shown } = controller();
    update(false);
    update(true);
    await vi.waitFor(() => expect(shown().textContent).toContain('Signed in as @reader.example'));
    expect(restore).toHaveBeenCalledTimes(1);
    expect(fetched.calls.map((call) => call.url.pathname)).toEqual(['/xrpc/app.bsky.actor.getProfile']);
    expect(vi.mocked(session.fetchHandler).mock.calls.map(([path]) => String(path).replace(/\?.*/, ''))).toEqual([
      '/xrpc/com.atproto.repo.listRecords',
      '/xrpc/com.atproto.repo.listRecords',
    ]);
  });
});

describe('a reader back from their server', () => {
  it('finishes signing in at once, before the widget activates', async () => {
    history.replaceState(null, '', '/story#state=3m7state&iss=https%3A%2F%2Fpds.example&code=cod-3m7');
    const { update } = controller();
    update(false);
    await vi.waitFor(() => expect(restore).toHaveBeenCalledTimes(1));
  });

  it('is told by the fragment only, where the OAuth client reads it', () => {
    expect(isCallback({ hash: '#state=3m7state&iss=https%3A%2F%2Fpds.example&code=cod-3m7' })).toBe(true);
    expect(isCallback({ hash: '#state=3m7state&error=access_denied' })).toBe(true);
    expect(isCallback({ hash: '#code=cod-3m7' })).toBe(false);
    expect(isCallback({ hash: '', search: '?state=CA&code=94103' } as { hash: string })).toBe(false);
  });
});

describe('a new client-id or AppView while the sign-in code is on its way', () => {
  /** Wings the test settles itself, in the order they are asked for; `fake` makes one that records what it is told. */
  function wings() {
    const asked: Array<{ resolve(wing: Wing): void; reject(error: Error): void }> = [];
    vi.spyOn(Wing, 'open').mockImplementation(() => new Promise<Wing>((resolve, reject) => void asked.push({ resolve, reject })));
    const fake = () => ({ start: vi.fn(async () => {}), ask: vi.fn(), close: vi.fn(), port: () => ({ control: t.signIn }) }) as unknown as Wing;
    return { asked, fake };
  }

  beforeEach(() => localStorage.setItem(MARK, CLIENT));

  it('closes the wing made for the old inputs, and starts only the new one', async () => {
    const { asked, fake } = wings();
    const { update } = controller();
    update(true, 'https://appview.example');
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    update(true, 'https://other-appview.example');
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    const [old, current] = [fake(), fake()];
    asked[0].resolve(old);
    await vi.waitFor(() => expect(old.close).toHaveBeenCalled());
    asked[1].resolve(current);
    await vi.waitFor(() => expect(current.start).toHaveBeenCalled());
    expect(old.start).not.toHaveBeenCalled();
    expect(current.close).not.toHaveBeenCalled();
  });

  it('lets a failure of the old code’s fetch undo nothing of the new one: one wing, opened once', async () => {
    const { asked, fake } = wings();
    const { update, shown } = controller();
    update(true, 'https://appview.example');
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    update(true, 'https://other-appview.example');
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    asked[0].reject(new TypeError('Failed to fetch dynamically imported module'));
    await new Promise((drained) => setTimeout(drained)); // (the rejection's handlers are microtasks: all have run)
    // The reader presses "Sign in with Bluesky": it waits for the wing on its way, and asks only that one.
    shown().querySelector('button')!.click();
    const current = fake();
    asked[1].resolve(current);
    await vi.waitFor(() => expect(current.ask).toHaveBeenCalled());
    expect(Wing.open).toHaveBeenCalledTimes(2);
  });
});
