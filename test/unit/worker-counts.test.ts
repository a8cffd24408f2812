// @vitest-environment node
// The worker's counts route, `{prefix}/counts?url=…&url=…`: a page of `<discuss-count>`s in one
// request, each article's count kept on its own, only for the site's own articles.
import { describe, expect, it } from 'vitest';
import { createWorker } from '../../src/worker/site.ts';
import { optionsFromEnv } from '../../src/worker/index.ts';
import { ARTICLE, HOSTILE_ARTICLE } from '../../demo/appview/sample.ts';
import { answering, clock, context } from './worker-stubs.ts';

const SITE = new URL(ARTICLE).origin;
const countsOf = (...articles: string[]) => `${SITE}/bsky/counts?${new URLSearchParams(articles.map((url) => ['url', url]))}`;

function site() {
  const upstream = answering();
  const time = clock();
  const ctx = context();
  const worker = createWorker({ fetch: upstream.fetch, now: time.now, cache: null, counts: true });
  const get = (url: string, method = 'GET') => worker.fetch(new Request(url, { method }), {}, ctx);
  return { ...upstream, get, time };
}

describe('the counts route', () => {
  it('counts a page of the site’s articles in one answer, from the backlink index, each kept on its own', async () => {
    const { get, calls } = site();
    const first = await get(countsOf(ARTICLE, HOSTILE_ARTICLE));
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const { counts } = (await first.json()) as { counts: Record<string, number> };
    expect(counts[ARTICLE]).toBe(6);
    expect(counts[HOSTILE_ARTICLE]).toBeGreaterThan(0);
    // Two spellings an article, asked of the index's /links/all.
    expect(calls.map(({ url }) => `${url.host}${url.pathname}`)).toEqual(Array(4).fill('constellation.microcosm.blue/links/all'));
    // Another page that shows one of them: from what is kept.
    const again = (await (await get(countsOf(HOSTILE_ARTICLE))).json()) as { counts: Record<string, number> };
    expect([again.counts[HOSTILE_ARTICLE], calls.length]).toEqual([counts[HOSTILE_ARTICLE], 4]);
  });

  it('counts only the site’s own articles (any other is null, and the page of counts is not kept), at most 50 a request, and only reads', async () => {
    const { get, calls } = site();
    const mixed = await get(countsOf('https://elsewhere.example/a', 'not a url', ARTICLE));
    expect(mixed.headers.get('cache-control')).toBe('no-store');
    expect(await mixed.json()).toEqual({ counts: { 'https://elsewhere.example/a': null, 'not a url': null, [ARTICLE]: 6 } });
    expect(calls.every(({ url }) => url.searchParams.get('target')!.startsWith(ARTICLE))).toBe(true);
    const asked = calls.length;
    expect((await get(`${SITE}/bsky/counts`)).status).toBe(400);
    expect((await get(countsOf(...Array.from({ length: 51 }, (_, i) => `${SITE}/story/${i}`)))).status).toBe(400);
    expect((await get(countsOf(HOSTILE_ARTICLE), 'HEAD')).status).toBe(200); // answered, nothing counted
    expect((await get(countsOf(ARTICLE), 'POST')).status).toBe(405);
    expect(calls).toHaveLength(asked);
  });

  it('is off unless the site turns it on (COUNTS=on)', async () => {
    expect(optionsFromEnv({ COUNTS: 'on' }).counts).toBe(true);
    const worker = createWorker({ fetch: answering().fetch, cache: null });
    expect((await worker.fetch(new Request(countsOf(ARTICLE)))).status).toBe(404);
  });
});
