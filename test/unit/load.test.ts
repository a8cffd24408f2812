import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LitElement } from 'lit';
import { LoadController, type LoadState } from '../../src/load.ts';
import { readInputs } from '../../src/inputs.ts';
import { clearCache, readCache } from '../../src/bluesky/cache.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { deferred, ORIGIN, sampleRoute, stubFetch, type Route } from './helpers.ts';

// The controller on a bare Lit host: what the element builds on, tested without the element.
class Host extends LitElement {
  loader = new LoadController(this);
  states: Array<LoadState['status']> = [];
  override updated() {
    this.states.push(this.loader.state.status);
  }
}
customElements.define('load-controller-host', Host);

const inputs = (extra: Record<string, unknown> = {}) =>
  readInputs(
    { url: ARTICLE, service: ORIGIN, searchService: ORIGIN, backlinksService: 'none', ...extra },
    { baseURI: ORIGIN, href: ORIGIN, title: 't' },
    () => {},
  );

function host() {
  const el = document.createElement('load-controller-host') as Host;
  document.body.append(el);
  return el;
}

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('LoadController', () => {
  it('shows the server’s fresh data with no request; a forced load skips it for good', async () => {
    const first = inputs();
    const asked: string[] = [];
    stubFetch((url, init) => (asked.push(url.pathname), sampleRoute(url, init)));
    // The data a server would have rendered: the discussion this controller loads for these inputs.
    const loader = host().loader;
    loader.load(first, first.key);
    await loader.done;
    const discussion = (loader.state as { discussion: unknown }).discussion;
    sessionStorage.clear();
    asked.length = 0;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = host();
    el.loader.served = { at: Date.now(), ttl: 300, key: first.key, discussion };
    el.loader.load(first, first.key);
    await el.loader.done;
    expect([el.loader.state.status, asked]).toEqual(['loaded', []]);
    const other = host();
    other.loader.served = { at: Date.now(), ttl: 300, key: first.key, discussion };
    other.loader.load(first, first.key, true); // "Try again", refresh()
    await other.loader.done;
    const second = inputs({ sort: 'oldest' });
    other.loader.load(second, second.key);
    await other.loader.done;
    expect(warn).not.toHaveBeenCalled(); // (the server's data, consulted again, would be "for other attributes")
    expect(asked.filter((path) => path.endsWith('searchPosts'))).toHaveLength(2);
  });

  it('goes searching → loaded, and fires one load event with the counts', async () => {
    const gate = deferred();
    stubFetch(async (url, init) => (url.pathname.endsWith('searchPosts') && (await gate.promise), sampleRoute(url, init)));
    const el = host();
    const events: CustomEvent[] = [];
    el.addEventListener('discuss-thread-load', (e) => events.push(e as CustomEvent));
    const i = inputs();
    el.loader.load(i, i.key);
    expect(el.loader.state.status).toBe('searching');
    gate.resolve();
    await el.loader.done;
    expect(el.loader.state.status).toBe('loaded');
    expect(events).toHaveLength(1);
    expect(events[0].detail).toMatchObject({ posts: 7, failures: [] });
  });

  it('sends the search before the discussion code has arrived', async () => {
    const { calls } = stubFetch(sampleRoute);
    const el = host();
    const i = inputs({ sort: 'latest' });
    el.loader.load(i, i.key);
    // Synchronously, in the same turn as load(): the request is out.
    expect(calls.map((c) => c.url.pathname.split('/').pop())).toEqual(['app.bsky.feed.searchPosts']);
    await el.loader.done;
  });

  it('does not load the same inputs twice, and aborts a load that new inputs replace', async () => {
    const signals: AbortSignal[] = [];
    const hang: Route = (url, init) => (url.pathname.endsWith('searchPosts') && signals.push(init!.signal!), new Promise(() => {}));
    stubFetch(hang);
    const el = host();
    const first = inputs();
    el.loader.load(first, first.key);
    el.loader.load(first, first.key);
    expect(signals).toHaveLength(1);
    const second = inputs({ sort: 'oldest' });
    el.loader.load(second, second.key);
    expect(signals[0].aborted).toBe(true);
    expect(signals).toHaveLength(2);
    el.remove(); // disconnected: everything under way is aborted
    expect(signals[1].aborted).toBe(true);
  });

  it('shows a fresh cache entry with no request, and a stale one at once while it refreshes quietly', async () => {
    stubFetch(sampleRoute);
    const first = host();
    const i = inputs();
    first.loader.load(i, i.key);
    await first.loader.done;
    // The entry is written once the discussion is on screen.
    await vi.waitFor(() => expect(Object.keys(sessionStorage).some((k) => k.startsWith('discuss-thread:'))).toBe(true));
    const { calls } = stubFetch(sampleRoute);
    const again = host();
    again.loader.load(i, i.key);
    await again.loader.done;
    expect(again.loader.state.status).toBe('loaded');
    expect(calls).toHaveLength(0);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 10 * 60_000);
    const later = host();
    later.loader.load(i, i.key);
    expect(later.loader.state.status).toBe('loaded'); // the stale copy, at once
    await later.loader.done;
    expect(calls.length).toBeGreaterThan(0);
    await later.updateComplete;
    expect(later.states).not.toContain('searching');
    vi.restoreAllMocks();
  });

  it('reports every failed route in the error state and event', async () => {
    stubFetch(() => new Response('{}', { status: 503 }));
    const el = host();
    const errors: CustomEvent[] = [];
    el.addEventListener('discuss-thread-error', (e) => errors.push(e as CustomEvent));
    const i = inputs();
    el.loader.load(i, i.key);
    await el.loader.done;
    expect(el.loader.state).toMatchObject({ status: 'error', error: { failures: [{ route: 'search', kind: 'unavailable', status: 503 }] } });
    expect(errors).toHaveLength(1);
  });

  it('loads the next page, and resolves to the discussion it shows', async () => {
    stubFetch(sampleRoute);
    const el = host();
    const i = inputs({ limit: 2 });
    el.loader.load(i, i.key);
    await el.loader.done;
    const more = el.loader.more();
    expect(el.loader.state).toMatchObject({ status: 'loaded', busy: 'more' });
    expect(await more).toBe((el.loader.state as { discussion: unknown }).discussion);
    expect('busy' in el.loader.state && el.loader.state.busy).toBeFalsy();
    expect((el.loader.state as { discussion: { threads: unknown[] } }).discussion.threads).toHaveLength(4);
  });

  it('on a host that draws in steps, announces the discussion once it is all drawn, a page added meanwhile or not', async () => {
    class Stepped extends LitElement {
      loader = new LoadController(this, { stepped: true });
    }
    customElements.define('load-controller-stepped', Stepped);
    stubFetch(sampleRoute);
    const el = document.body.appendChild(document.createElement('load-controller-stepped') as Stepped);
    const events: CustomEvent[] = [];
    el.addEventListener('discuss-thread-load', (e) => events.push(e as CustomEvent));
    const i = inputs({ limit: 2 });
    el.loader.load(i, i.key);
    await el.loader.done;
    expect(el.loader.state).toMatchObject({ status: 'loaded', drawing: true });
    // The reader reaches the next page before the rest of the first is drawn: still waiting.
    await el.loader.more();
    expect(el.loader.state).toMatchObject({ status: 'loaded', drawing: true });
    expect(events).toHaveLength(0);
    el.loader.drawn();
    el.loader.drawn(); // said again, as every render that draws all says it
    expect(el.loader.state).toMatchObject({ status: 'loaded', drawing: undefined });
    expect(events.map((e) => e.detail.posts)).toEqual([7]);
  });

  it('writes nothing to the session cache once a newer load or a disconnect has superseded it', async () => {
    // The entry is written a turn after the discussion shows; the test decides when that turn comes.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    stubFetch(sampleRoute);
    const el = host();
    const [top, oldest] = [inputs(), inputs({ sort: 'oldest' })];
    el.loader.load(top, top.key);
    await el.loader.done; // shown, its entry not written yet…
    el.loader.load(oldest, oldest.key); // …when new inputs replace it
    await el.loader.done;
    el.remove(); // and this one is disconnected before its turn
    vi.runAllTimers();
    expect([readCache(top.key), readCache(oldest.key)]).toEqual([undefined, undefined]);
    // A load that stands writes its entry on that turn, so the test above could see a write.
    const again = host();
    again.loader.load(top, top.key);
    await again.loader.done;
    expect(readCache(top.key)).toBeUndefined();
    vi.runAllTimers();
    expect(readCache(top.key)).toMatchObject({ fresh: true });
  });

  it('writes nothing to the session cache when the reader posted while it loaded: the cache was cleared', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    stubFetch(sampleRoute);
    const el = host();
    const top = inputs();
    el.loader.load(top, top.key);
    clearCache(); // the reader's post went out while the discussion was loading, without it
    await el.loader.done;
    vi.runAllTimers();
    expect(readCache(top.key)).toBeUndefined();
  });

  describe('a quiet refresh that lands while "Show more" is loading', () => {
    // Four threads without replies on the first page, so the quiet refresh needs no thread; the next
    // page's three have replies, so "Show more" waits on their getPostThread, which the test holds.
    const i = inputs({ limit: 4, sort: 'latest' });
    const threadsOf = (state: LoadState) => ('discussion' in state ? state.discussion.threads.length : 0);

    /** A stale entry on screen, its quiet refresh's search held, and "Show more" waiting on its threads. */
    async function refreshDuringMore(threadRoute: (url: URL, init?: RequestInit) => Promise<Response>) {
      stubFetch(sampleRoute);
      const first = host();
      first.loader.load(i, i.key);
      await first.loader.done;
      await vi.waitFor(() => expect(readCache(i.key)).toBeDefined());
      first.remove();
      vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 10 * 60_000);
      const search = deferred();
      const { calls } = stubFetch(async (url, init) => {
        if (url.pathname.endsWith('searchPosts')) await search.promise;
        return url.pathname.endsWith('getPostThread') ? threadRoute(url, init) : sampleRoute(url, init);
      });
      const el = host();
      el.loader.load(i, i.key);
      expect(threadsOf(el.loader.state)).toBe(4); // the stale copy
      const more = el.loader.more();
      await vi.waitFor(() => expect(calls.filter((c) => c.url.pathname.endsWith('getPostThread'))).toHaveLength(3));
      search.resolve(); // the quiet refresh lands first…
      await el.loader.done;
      const refreshed = el.loader.state;
      expect(refreshed).toMatchObject({ status: 'loaded' });
      expect(refreshed).not.toHaveProperty('busy');
      return { el, more, refreshed };
    }

    afterEach(() => vi.restoreAllMocks());

    it('keeps a quiet refresh that lands while "Show more" is loading', async () => {
      // The older page's threads still arrive, after the refresh: an answer already on its way.
      const threads = deferred();
      const { el, more, refreshed } = await refreshDuringMore(async (url, init) => (await threads.promise, sampleRoute(url, init)));
      threads.resolve(); // …then the older "Show more"
      expect(await more).toBeUndefined();
      expect(el.loader.state).toBe(refreshed);
      expect(threadsOf(el.loader.state)).toBe(4);
    });

    it('keeps a quiet refresh when the "Show more" it aborted fails', async () => {
      // As a browser's fetch does: an aborted request rejects.
      const { el, more, refreshed } = await refreshDuringMore(
        (_url, init) => new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason))),
      );
      expect(await more).toBeUndefined();
      expect(el.loader.state).toBe(refreshed);
    });
  });
});
