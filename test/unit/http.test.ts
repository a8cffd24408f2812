// How long a host that answered 429 is left alone: `Retry-After` in seconds or as an HTTP date,
// else `RateLimit-Reset` (Bluesky's epoch, or the IETF draft's delta), else a minute.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getJson } from '../../src/bluesky/http.ts';
import { json, stubFetch } from './helpers.ts';

/** A whole second, so an HTTP date (which has no milliseconds) names an exact number of seconds ahead. */
const NOW = Date.parse('2026-11-27T10:00:00Z');
let now = NOW;
let host = 0;

/** A host of its own for each request: the backoff a 429 sets is kept per origin for the page. */
const fresh = () => `https://limited-${host++}.test/xrpc/app.bsky.feed.searchPosts`;

/** The seconds a 429 with `headers` asks for, as the RequestError reports them. */
async function asked(headers: Record<string, string>, url = fresh()): Promise<number | undefined> {
  stubFetch(() => json({ error: 'RateLimitExceeded' }, 429, headers));
  const error = await getJson(url).catch((e: unknown) => e);
  expect(error).toMatchObject({ kind: 'rate-limited', status: 429 });
  return (error as { retryAfter?: number }).retryAfter;
}

beforeEach(() => {
  now = NOW;
  vi.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a 429 answer', () => {
  it('waits the seconds Retry-After gives, and asks that host again only once they have passed', async () => {
    const url = fresh();
    expect(await asked({ 'retry-after': '30' }, url)).toBe(30);
    const { calls } = stubFetch(() => json({ posts: [] }));
    now = NOW + 29_000;
    await expect(getJson(url)).rejects.toMatchObject({ kind: 'rate-limited', retryAfter: 1 });
    expect(calls).toHaveLength(0); // refused here, never sent
    now = NOW + 30_000;
    await expect(getJson(url)).resolves.toEqual({ posts: [] });
    expect(calls).toHaveLength(1);
  });

  it('reads Retry-After as an HTTP date, and a date already past as no wait at all', async () => {
    expect(await asked({ 'retry-after': new Date(NOW + 90_000).toUTCString() })).toBe(90);
    const url = fresh();
    expect(await asked({ 'retry-after': new Date(NOW - 90_000).toUTCString() }, url)).toBe(0);
    const { calls } = stubFetch(() => json({ posts: [] }));
    await expect(getJson(url)).resolves.toEqual({ posts: [] });
    expect(calls).toHaveLength(1);
  });

  it("reads RateLimit-Reset as Bluesky sends it (an epoch in seconds) and as the IETF draft's delta", async () => {
    expect(await asked({ 'ratelimit-reset': String(NOW / 1000 + 45) })).toBe(45);
    expect(await asked({ 'ratelimit-reset': '20' })).toBe(20);
    // Retry-After, when both come, is the host's answer to this request.
    expect(await asked({ 'retry-after': '10', 'ratelimit-reset': String(NOW / 1000 + 45) })).toBe(10);
  });

  it('waits a minute when the host says nothing it can read', async () => {
    expect(await asked({})).toBe(60);
    expect(await asked({ 'retry-after': 'soon' })).toBe(60);
  });
});
