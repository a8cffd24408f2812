// @vitest-environment node
// The worker's feed route, `{prefix}/feed?url=…`: the discussion as Atom from the proxy's own cache,
// kept like its answers, only for the site's own articles.
import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from 'feedsmith';
import { createWorker } from '../../src/worker/site.ts';
import { optionsFromEnv } from '../../src/worker/index.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { answering, clock, context, sampleAnswer } from './worker-stubs.ts';

const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
const SITE = new URL(ARTICLE).origin;
const FEED = `${SITE}/bsky/feed?url=${encodeURIComponent(ARTICLE)}&post=${encodeURIComponent(STORY)}`;

/** The worker on the article's site, its upstream answering from the sample AppView until `down`. */
function site() {
  const state = { down: false };
  const upstream = answering((url, init) => (state.down ? new Response('down', { status: 503 }) : sampleAnswer(url, init.headers)));
  const time = clock();
  const ctx = context();
  const worker = createWorker({ fetch: upstream.fetch, now: time.now, cache: null, feed: true });
  const get = (url: string, method = 'GET') => worker.fetch(new Request(url, { method }), {}, ctx);
  return { ...upstream, state, time, ctx, get };
}

describe('the feed route', () => {
  it('answers the discussion as Atom, kept: the next reader costs Bluesky nothing', async () => {
    const { get, calls } = site();
    const first = await get(FEED);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(first.headers.get('x-cache')).toBe('miss');
    const feed = parseAtomFeed(await first.text());
    expect(feed.entries!.length).toBeGreaterThan(10);
    // Its own address, in one spelling whatever order the query came in.
    expect(feed.links?.find((link) => link.rel === 'self')?.href).toBe(FEED);
    const asked = calls.length;
    expect(asked).toBeGreaterThan(0);
    const reordered = `${SITE}/bsky/feed?post=${encodeURIComponent(STORY)}&utm_source=x&url=${encodeURIComponent(ARTICLE)}`;
    const second = await get(reordered);
    expect([second.status, second.headers.get('x-cache'), calls.length]).toEqual([200, 'hit', asked]);
  });

  it('stands in with the last good feed while Bluesky fails', async () => {
    const { get, state, time, ctx } = site();
    const good = await (await get(FEED)).text();
    state.down = true;
    time.advance(3600); // past fresh and past serve-while-refreshing: a render is tried first, and fails
    const stale = await get(FEED);
    await ctx.settled();
    expect([stale.status, await stale.text()]).toEqual([200, good]);
  });

  it('is off unless the site turns it on (FEED=on)', async () => {
    expect(optionsFromEnv({ FEED: 'on' }).feed).toBe(true);
    expect(optionsFromEnv({}).feed).toBeUndefined();
    const worker = createWorker({ fetch: answering().fetch, cache: null });
    expect((await worker.fetch(new Request(FEED))).status).toBe(404);
  });

  it('is only for the site’s own articles, and only read', async () => {
    const { get, calls } = site();
    for (const url of ['https://elsewhere.example/story', 'javascript:alert(1)', ''])
      expect((await get(`${SITE}/bsky/feed?url=${encodeURIComponent(url)}`)).status, url).toBe(400);
    expect((await get(`${SITE}/bsky/feed`)).status).toBe(400);
    expect((await get(FEED, 'POST')).status).toBe(405);
    expect(calls).toHaveLength(0);
  });
});
