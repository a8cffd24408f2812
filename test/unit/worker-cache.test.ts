// @vitest-environment node
// The caching policy, with an upstream the test answers itself and a clock it moves: upstream hears
// once per query however many readers ask, not at all while the answer is fresh, once (in the
// background) when it is stale, and the last good answer stands in while upstream fails.

import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/worker/store.ts';
import { HANDLE, SEARCH, SITE, answering, json, proxyWith, upstream } from './worker-stubs.ts';
import { deferred } from './helpers.ts';

const TTL = 60;
const STALE_FOR = 600;
const STALE_IF_ERROR = 86_400;
const options = { ttl: TTL, staleFor: STALE_FOR, staleIfError: STALE_IF_ERROR };

/** A proxy over an upstream the test answers, once upstream has answered a first request for `url` with `response` (else the sample AppView's answer). */
async function afterFirst(url: string, response?: Response) {
  const up = upstream();
  const proxy = proxyWith(up.fetch, options);
  const pending = proxy.get(url);
  (await up.asked(1)).answer(response);
  return { ...proxy, up, first: await pending };
}

describe('readers who ask together', () => {
  it('share one upstream request: 50 concurrent misses, one request, one answer for all', async () => {
    const up = upstream();
    const { get } = proxyWith(up.fetch, options);
    const pending = Array.from({ length: 50 }, () => get(SEARCH));
    (await up.asked(1)).answer();
    const responses = await Promise.all(pending);
    expect(up.calls).toHaveLength(1);
    const bodies = new Set(await Promise.all(responses.map((r) => r.text())));
    expect(bodies.size).toBe(1);
    expect(JSON.parse([...bodies][0]).posts.length).toBeGreaterThan(0);
    expect(responses.every((r) => r.status === 200 && r.headers.get('x-cache') === 'miss')).toBe(true);
  });

  it('share it even when the shared store answers after the upstream request has ended', async () => {
    // A slow store lookup must not let a reader slip between the answer arriving and its keeping.
    const lookups: Array<ReturnType<typeof deferred<undefined>>> = [];
    const store = { get: () => (lookups.push(deferred<undefined>()), lookups.at(-1)!.promise), put: () => Promise.resolve() };
    const up = upstream();
    const { get } = proxyWith(up.fetch, { ...options, cache: store });
    const first = get(HANDLE);
    const second = get(HANDLE);
    lookups[0].resolve(undefined);
    (await up.asked(1)).answer();
    expect((await first).headers.get('x-cache')).toBe('miss');
    lookups[1].resolve(undefined); // the store says "nothing" after the answer came back
    expect((await second).headers.get('x-cache')).toBe('hit');
    expect(up.calls).toHaveLength(1);
  });
});

describe('a fresh answer', () => {
  it('is served without asking upstream, with its age and what remains of its freshness', async () => {
    const up = answering();
    const { get, time } = proxyWith(up.fetch, options);
    const first = await get(SEARCH);
    time.advance(25);
    const second = await get(SEARCH);
    expect(up.calls).toHaveLength(1);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(second.headers.get('age')).toBe('25');
    expect(second.headers.get('cache-control')).toBe(`public, max-age=35, stale-while-revalidate=${STALE_FOR}, stale-if-error=${STALE_IF_ERROR}`);
  });

  it('is found by another isolate through the shared store', async () => {
    const store = new MemoryStore(100, 1e6, () => Date.UTC(2026, 10, 27, 12));
    const up = answering();
    await proxyWith(up.fetch, { ...options, cache: store }).get(SEARCH);
    const other = await proxyWith(up.fetch, { ...options, cache: store }).get(SEARCH);
    expect(other.headers.get('x-cache')).toBe('hit');
    expect(up.calls).toHaveLength(1);
  });
});

describe('a stale answer', () => {
  it('is served at once while one background request refreshes it', async () => {
    const { up, get, time, ctx } = await afterFirst(HANDLE, json({ did: 'did:plc:old' }));
    time.advance(TTL + 1);
    const stale = await Promise.all([get(HANDLE), get(HANDLE), get(HANDLE)]); // upstream has not answered
    for (const response of stale) {
      expect(response.headers.get('x-cache')).toBe('stale');
      expect(await response.json()).toEqual({ did: 'did:plc:old' });
    }
    (await up.asked(2)).answer(json({ did: 'did:plc:new' }));
    await ctx.settled();
    const fresh = await get(HANDLE);
    expect(fresh.headers.get('x-cache')).toBe('hit');
    expect(await fresh.json()).toEqual({ did: 'did:plc:new' });
    expect(up.calls).toHaveLength(2);
  });

  it('is not served past its stale window: the reader waits for upstream', async () => {
    const { up, get, time } = await afterFirst(HANDLE);
    time.advance(TTL + STALE_FOR + 1);
    const late = get(HANDLE);
    (await up.asked(2)).answer(json({ did: 'did:plc:new' }));
    expect((await late).headers.get('x-cache')).toBe('miss');
    expect(await (await late).json()).toEqual({ did: 'did:plc:new' });
  });
});

describe('when upstream fails', () => {
  const failures = {
    'a network error': (call: { fail(): void }) => call.fail(),
    'a 500': (call: { answer(r: Response): void }) => call.answer(json({ error: 'InternalServerError', message: 'boom' }, 500)),
    'a 429': (call: { answer(r: Response): void }) => call.answer(json({ error: 'RateLimitExceeded' }, 429, { 'retry-after': '30' })),
    'a 200 that is not JSON': (call: { answer(r: Response): void }) =>
      call.answer(new Response('<html>oops</html>', { headers: { 'content-type': 'text/html' } })),
  };

  for (const [name, fail] of Object.entries(failures))
    it(`serves the last good answer after ${name}, and leaves upstream alone for a while`, async () => {
      const { up, get, time, first } = await afterFirst(SEARCH);
      const good = await first.text();
      time.advance(TTL + STALE_FOR + 1); // past serving stale while refreshing: only a failure lets it stand in
      const during = get(SEARCH);
      fail(await up.asked(2));
      const response = await during;
      expect(response.status).toBe(200);
      expect(response.headers.get('x-cache')).toBe('stale');
      expect(await response.text()).toBe(good);
      const again = await get(SEARCH); // the failure is remembered: no new request yet
      expect(await again.text()).toBe(good);
      expect(up.calls).toHaveLength(2);
    });

  it('passes the failure on, as {error, message}, when there is no good answer to serve', async () => {
    const up = upstream();
    const { get } = proxyWith(up.fetch, options);
    const cases = [
      { url: `${SITE}/bsky/xrpc/app.bsky.feed.getQuotes?uri=at://a`, fail: (c: { fail(): void }) => c.fail(), status: 502, error: 'UpstreamUnavailable' },
      {
        url: `${SITE}/bsky/xrpc/app.bsky.feed.getQuotes?uri=at://b`,
        fail: (c: { answer(r: Response): void }) => c.answer(json({ error: 'InternalServerError', message: 'boom' }, 500)),
        status: 500,
        error: 'InternalServerError',
      },
      {
        url: `${SITE}/bsky/xrpc/app.bsky.feed.getQuotes?uri=at://c`,
        fail: (c: { answer(r: Response): void }) => c.answer(json({ error: 'RateLimitExceeded', message: 'slow down' }, 429, { 'retry-after': '30' })),
        status: 429,
        error: 'RateLimitExceeded',
      },
      {
        url: SEARCH,
        fail: (c: { answer(r: Response): void }) => c.answer(json({ error: 'Forbidden', message: 'search is off' }, 403)),
        status: 403,
        error: 'Forbidden',
      },
    ];
    for (const [i, { url, fail, status, error }] of cases.entries()) {
      const response = get(url);
      fail(await up.asked(i + 1));
      expect((await response).status, error).toBe(status);
      expect(await (await response).json()).toEqual({ error, message: expect.any(String) });
      expect((await response).headers.get('cache-control')).toBe('no-store');
    }
    expect((await get(cases[2].url)).headers.get('retry-after')).toBe('30');
  });

  it('times out a host that does not answer', async () => {
    const up = upstream(); // never answered: the timeout aborts it
    const { get } = proxyWith(up.fetch, { ...options, timeout: 1 });
    const response = await get(SEARCH);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: 'UpstreamTimeout' });
  });

  it('stops serving the last good answer after the stale-if-error bound', async () => {
    const { up, get, time } = await afterFirst(SEARCH);
    time.advance(TTL + STALE_IF_ERROR + 1);
    const late = get(SEARCH);
    (await up.asked(2)).fail();
    expect((await late).status).toBe(502);
  });

  it('asks again once the backoff a 429 asked for has passed', async () => {
    const { up, get, time, first } = await afterFirst(HANDLE, json({ error: 'RateLimitExceeded' }, 429, { 'retry-after': '30' }));
    expect(first.status).toBe(429);
    time.advance(29);
    expect((await get(HANDLE)).status).toBe(429);
    expect(up.calls).toHaveLength(1);
    time.advance(2);
    const later = get(HANDLE);
    (await up.asked(2)).answer();
    expect((await later).status).toBe(200);
  });
});

describe('an XRPC 400', () => {
  it('is kept while fresh, then asked again, and never stands in for a failure', async () => {
    const url = `${SITE}/bsky/xrpc/app.bsky.feed.getPostThread?uri=at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3deleted`;
    const { up, get, time, first } = await afterFirst(url, json({ error: 'NotFound', message: 'Post not found', extra: 'dropped' }, 400));
    expect(first.status).toBe(400);
    expect(await first.json()).toEqual({ error: 'NotFound', message: 'Post not found' });
    expect((await get(url)).headers.get('x-cache')).toBe('hit');
    expect(up.calls).toHaveLength(1);
    time.advance(TTL + 1);
    const later = get(url);
    (await up.asked(2)).fail();
    expect((await later).status).toBe(502);
  });

  it('replaces a good answer: a deleted post stops being served', async () => {
    const { up, get, time } = await afterFirst(HANDLE);
    time.advance(TTL + STALE_FOR + 1);
    const gone = get(HANDLE);
    (await up.asked(2)).answer(json({ error: 'InvalidRequest', message: 'Unable to resolve handle' }, 400));
    expect((await gone).status).toBe(400);
  });
});

describe('getPosts without every post asked for', () => {
  it('is kept only for a second, so a reply just sent shows up on the next look', async () => {
    const url = `${SITE}/bsky/xrpc/app.bsky.feed.getPosts?uris=at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3new`;
    const { up, get, time, first } = await afterFirst(url, json({ posts: [] }));
    expect(first.headers.get('cache-control')).toBe('public, max-age=1');
    time.advance(1.5);
    const next = get(url);
    (await up.asked(2)).answer();
    expect((await next).headers.get('x-cache')).toBe('miss');
  });
});
