// The entry's prelude (issue 19 §5): the requests a <discuss-thread> in the page names by its
// attributes alone go out before the element's code has run, and the element's load takes them up
// rather than asking again. The element is registered only when a test says so, as a page whose
// entry file is still evaluating.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attributesOf, prelude } from '../../src/prelude.ts';
import { takeBegun } from '../../src/load.ts';
import { readInputs, readPage } from '../../src/inputs.ts';
import { writeCache } from '../../src/bluesky/cache.ts';
import { getJson, sendEarly } from '../../src/bluesky/http.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { json, ORIGIN, sampleRoute, stubFetch } from './helpers.ts';

const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
const ATTRIBUTES = { url: ARTICLE, post: STORY, service: ORIGIN, 'search-service': ORIGIN, 'backlinks-service': 'none' };

/** A host of its own for a test's widgets: an early request no one took stays for ten seconds, and one to its address is sent once. */
const hosts = (host: string) => ({ service: host, 'search-service': host });

function tag(attributes: Record<string, string> = {}): HTMLElement {
  const el = document.createElement('discuss-thread');
  for (const [name, value] of Object.entries({ ...ATTRIBUTES, ...attributes })) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

/** The load the prelude began for this tag, taken and awaited so that none runs on past its test. */
const finished = (el: Element) => takeBegun(readInputs(attributesOf(el), readPage(document), () => {}).key);

/** Each request's method and query, in the order sent. */
const sent = (calls: Array<{ url: URL; init?: RequestInit }>) => calls.map(({ url }) => `${url.pathname.split('/').pop()}${url.search}`);

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the prelude', () => {
  it('sends nothing for a widget the server rendered, one far below the viewport, or one the session cache serves fresh', async () => {
    const { calls } = stubFetch(sampleRoute);
    const host = 'https://quiet.test';
    tag({ loading: 'eager', ...hosts(host) }).attachShadow({ mode: 'open' }); // a declarative shadow root, as parsed
    const far = tag(hosts(host));
    far.getBoundingClientRect = () => ({ top: 5000, bottom: 5400 }) as DOMRect;
    const cachedEl = tag({ loading: 'eager', sort: 'latest', ...hosts(host) });
    writeCache(readInputs(attributesOf(cachedEl), readPage(document), () => {}).key, { threads: [], pending: [], failures: [] });
    prelude(document);
    expect(sent(calls)).toEqual([]);
    // A lazy widget within 800 px of the viewport loads as the element's observer would have it.
    cachedEl.remove();
    far.getBoundingClientRect = () => ({ top: innerHeight + 700, bottom: innerHeight + 900 }) as DOMRect;
    prelude(document);
    expect(sent(calls)).toHaveLength(2);
    expect((await finished(far))?.threads.length).toBeGreaterThan(0);
  });

  it('sends the requests but begins no load for a widget given a `filter` before it upgraded: its own load, with the filter, takes them', async () => {
    const { calls } = stubFetch(sampleRoute);
    const el = tag({ loading: 'eager', ...hosts('https://filtered.test') });
    Object.assign(el, { filter: () => true }); // as a page's script sets it before the element's code has run
    prelude(document);
    expect(sent(calls).map((request) => request.split('?')[0])).toEqual(['app.bsky.feed.searchPosts', 'com.atproto.identity.resolveHandle']);
    expect(finished(el)).toBeUndefined();
  });

  it('leaves the search, the thread and the quotes to the discussion code when the site names labelers (they carry their header)', async () => {
    const { calls } = stubFetch(sampleRoute);
    const el = tag({ loading: 'eager', labelers: 'did:plc:newswatch', ...hosts('https://labelled.test') });
    prelude(document);
    expect(sent(calls).map((request) => request.split('?')[0])).toEqual(['com.atproto.identity.resolveHandle']);
    await finished(el);
    // Nor its thread and quotes, for the same reason: every request of the post's carries the header.
    for (const method of ['searchPosts', 'getPostThread', 'getQuotes']) {
      const asked = calls.filter(({ url }) => url.pathname.endsWith(method));
      expect(asked.length, method).toBeGreaterThan(0);
      for (const { init } of asked) expect(new Headers(init?.headers).get('atproto-accept-labelers'), method).toContain('did:plc:newswatch');
    }
  });

  // Last: once the element is registered, the prelude of a second copy of the entry leaves the page to it.
  it('sends the search and the pinned post’s handle at once, its thread and quotes on the handle’s answer, and the element then asks for none again', async () => {
    const { calls } = stubFetch(sampleRoute);
    const el = tag({ loading: 'eager' });
    prelude(document);
    expect(sent(calls).map((request) => request.split('?')[0])).toEqual(['app.bsky.feed.searchPosts', 'com.atproto.identity.resolveHandle']);
    expect(calls[1].url.searchParams.get('handle')).toBe('minapark.news.example');
    // The handle's answer names the post: its thread and quotes go out with getPosts, not after it.
    // (Here the discussion code is at hand at once, and reads the answer as soon as the prelude does.)
    await vi.waitFor(() => expect(sent(calls).map((request) => request.split('?')[0])).toContain('app.bsky.feed.getPosts'));
    expect(
      sent(calls)
        .map((request) => request.split('?')[0])
        .slice(0, 5),
    ).toEqual([
      'app.bsky.feed.searchPosts',
      'com.atproto.identity.resolveHandle',
      'app.bsky.feed.getPostThread',
      'app.bsky.feed.getQuotes',
      'app.bsky.feed.getPosts',
    ]);
    expect(calls[2].url.searchParams.get('uri')).toMatch(/^at:\/\/did:plc:[a-z0-9]+\/app\.bsky\.feed\.post\/3m6aaa2story$/);
    // The element's code has evaluated: the widget upgrades, and loads. (happy-dom upgrades a tag
    // already in the page without its attributes, so the test puts the same tag there anew.)
    el.remove();
    await import('../../src/index.ts');
    const widget = tag({ loading: 'eager' });
    await new Promise((resolve) => widget.addEventListener('discuss-thread-load', resolve, { once: true }));
    expect(widget.getAttribute('status')).toBe('loaded');
    // Every request once: the search and the handle were the prelude's, the pinned thread went out early.
    const requests = sent(calls);
    expect(new Set(requests).size, requests.join('\n')).toBe(requests.length);
    expect(requests.filter((r) => r.startsWith('app.bsky.feed.searchPosts'))).toHaveLength(1);
    expect(requests.filter((r) => r.startsWith('app.bsky.feed.getPostThread')).length).toBeGreaterThan(0);
  });
});

describe('a request sent early', () => {
  it('answers the first plain request to its address, once, and only within ten seconds', async () => {
    let now = Date.parse('2026-12-03T10:00:00Z');
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const { calls } = stubFetch(() => json({ posts: [] }));
    const url = (n: number) => `${ORIGIN}/xrpc/app.bsky.feed.getPosts?uris=${n}`;
    sendEarly(url(1));
    sendEarly(url(1)); // sent once however often asked
    expect(await getJson(url(1))).toEqual({ posts: [] });
    expect(calls).toHaveLength(1);
    await getJson(url(1)); // taken: the next asks the network
    expect(calls).toHaveLength(2);
    sendEarly(url(2));
    await getJson(url(2), {}, { 'atproto-accept-labelers': 'did:plc:x' }); // a request with a header of its own is not the early one
    expect(calls).toHaveLength(4);
    sendEarly(url(3));
    now += 10_001;
    await getJson(url(3)); // too old to stand for a request now
    expect(calls).toHaveLength(6);
  });
});
