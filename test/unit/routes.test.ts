import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDiscussion, DiscoveryError } from '../../src/bluesky/discussion.ts';
import type { DiscussionInputs } from '../../src/bluesky/model.ts';
import { LINK_PATHS, spellings } from '../../src/bluesky/backlinks.ts';
import { actor, feedItem, post } from '../../demo/appview/build.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { json, ORIGIN, sampleRoute, stubFetch, xrpcRoutes, type Route } from './helpers.ts';

afterEach(() => vi.unstubAllGlobals());

/** Inputs pointing every host at the sample AppView with `flags` switched on. */
const inputs = (flags: string, extra: Partial<DiscussionInputs> = {}): DiscussionInputs => {
  const host = `${ORIGIN}/s/${flags}`;
  return { article: ARTICLE, pinned: [], service: host, searchService: host, backlinksService: host, sort: 'latest', limit: 20, depth: 6, ...extra };
};
const paths = (calls: Array<{ url: URL }>) => calls.map((c) => c.url.pathname.replace(/^\/s\/[^/]+/, ''));

describe('discovery routes', () => {
  it('finds the discussion through the backlink index when search is refused, by every path and spelling', async () => {
    const { calls } = stubFetch(sampleRoute);
    const discussion = await loadDiscussion(inputs('search403'));
    expect(discussion.failures).toEqual([{ route: 'search', kind: 'refused', status: 403 }]);
    // Every root that links an exact spelling of the address: the quote beside a link card to
    // ARTICLE/ (Sam), link facets with and without `$type` on the facet, link cards. Alex's quote
    // links it only with tracking parameters, which no exact-string index can match.
    expect(discussion.threads.map((t) => t.author.handle)).toEqual([
      'samokafor.bsky.social',
      'parkhyun.bsky.social',
      'rosa.bsky.social',
      'lena.bsky.social',
      'jiwoo.bsky.social',
      'minapark.news.example',
    ]);
    const queries = calls.filter((c) => c.url.pathname.endsWith('/xrpc/blue.microcosm.links.getBacklinks')).map((c) => c.url.searchParams);
    expect(queries.map((p) => [p.get('subject'), p.get('source')]).sort()).toEqual(
      [ARTICLE, `${ARTICLE}/`].flatMap((subject) => LINK_PATHS.map((path) => [subject, `app.bsky.feed.post:${path}`])).sort(),
    );
    expect(queries.every((p) => p.get('limit') === '100')).toBe(true);
    const hydrated = calls.filter((c) => c.url.pathname.endsWith('getPosts'));
    expect(hydrated.every((c) => c.url.searchParams.getAll('uris').length <= 25)).toBe(true);
  });

  it('asks a fixed number of backlink queries: two spellings, or four when the host has www.', () => {
    expect(spellings('https://news.example/a/b')).toEqual(['https://news.example/a/b', 'https://news.example/a/b/']);
    expect(spellings('https://www.news.example/a/b/?id=7')).toEqual([
      'https://www.news.example/a/b?id=7',
      'https://www.news.example/a/b/?id=7',
      'https://news.example/a/b?id=7',
      'https://news.example/a/b/?id=7',
    ]);
    expect(spellings('https://news.example/')).toEqual(['https://news.example', 'https://news.example/']);
  });

  it('hydrates at most 100 backlinked posts, whatever the index returns', async () => {
    const author = actor('many', 'Many');
    const records = Array.from({ length: 150 }, (_, i) => ({ did: author.did, collection: 'app.bsky.feed.post', rkey: `3kmany${i}` }));
    const { calls } = stubFetch(
      xrpcRoutes({
        'app.bsky.feed.searchPosts': json({ error: 'AuthMissing' }, 401),
        'blue.microcosm.links.getBacklinks': { total: 150, records, cursor: 'next' },
        'app.bsky.feed.getPosts': (q: URLSearchParams) => ({
          posts: q.getAll('uris').map((uri) => post({ author, rkey: uri.split('/').pop()!, createdAt: '2026-11-27T10:00:00.000Z', text: [{ link: ARTICLE }] })),
        }),
      }),
    );
    const discussion = await loadDiscussion({ ...inputs('x'), service: ORIGIN, searchService: ORIGIN, backlinksService: ORIGIN, limit: 100, depth: 0 });
    expect(discussion.threads.length + discussion.pending.length).toBe(100);
    expect(calls.filter((c) => c.url.pathname.endsWith('getPosts'))).toHaveLength(4);
  });

  it('moves on when a refusal comes without CORS headers (a network TypeError)', async () => {
    stubFetch(sampleRoute);
    const discussion = await loadDiscussion(inputs('search403,nocors'));
    expect(discussion.failures).toEqual([{ route: 'search', kind: 'network' }]);
    expect(discussion.threads).toHaveLength(6);
  });

  it('moves on when search times out', async () => {
    const hang: Route = (url, init) =>
      url.pathname.endsWith('searchPosts')
        ? new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
        : sampleRoute(url, init);
    stubFetch(hang);
    const discussion = await loadDiscussion(inputs('x'), { timeout: 50 });
    expect(discussion.failures).toEqual([{ route: 'search', kind: 'timeout' }]);
    expect(discussion.threads.length).toBeGreaterThan(0);
  });

  it('honours Retry-After on 429: moves on, and does not ask that host again until then', async () => {
    const { calls } = stubFetch(sampleRoute);
    const host = 'https://rate-limited.test/s/search429';
    const first = await loadDiscussion(inputs('x', { searchService: host }));
    expect(first.failures).toEqual([{ route: 'search', kind: 'rate-limited', status: 429 }]);
    expect(first.threads.length).toBeGreaterThan(0);
    const searches = () => calls.filter((c) => c.url.host === 'rate-limited.test').length;
    expect(searches()).toBe(1);
    const second = await loadDiscussion(inputs('x', { searchService: host }));
    expect(second.failures[0]).toMatchObject({ route: 'search', kind: 'rate-limited' });
    expect(searches()).toBe(1);
  });

  it('with author set and the backlink index down, finds the author’s own posts in their feed', async () => {
    const { calls } = stubFetch(sampleRoute);
    const discussion = await loadDiscussion(inputs('search403,backlinks-down', { author: 'minapark.news.example' }));
    expect(discussion.failures.map((f) => f.route)).toEqual(['search', 'backlinks']);
    // Her story, not 지우's post that she reposted.
    expect(discussion.threads.map((t) => t.text.slice(0, 11))).toEqual(['New from me']);
    expect(paths(calls)).toContain('/xrpc/app.bsky.feed.getAuthorFeed');
  });

  it('matches the author’s links however the address is written', async () => {
    const me = actor('me.example', 'Me');
    const forms = [`${ARTICLE}/`, `${ARTICLE}?utm_source=x#comments`, ARTICLE.replace('https://', 'https://www.'), 'https://news.example/elsewhere'];
    const feed = forms.map((uri, i) => feedItem(post({ author: me, rkey: `3kf${i}`, createdAt: '2026-11-27T10:00:00.000Z', text: ['see ', { link: uri }] })));
    stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': json({ error: 'AuthMissing' }, 401), 'app.bsky.feed.getAuthorFeed': { feed } }));
    const discussion = await loadDiscussion(inputs('x', { author: 'me.example', backlinksService: undefined }));
    expect(discussion.threads).toHaveLength(3);
  });

  it('keeps only the author’s posts from the backlink index when author is set', async () => {
    stubFetch(sampleRoute);
    const discussion = await loadDiscussion(inputs('search403', { author: 'jiwoo.bsky.social' }));
    expect(discussion.threads.map((t) => t.author.handle)).toEqual(['jiwoo.bsky.social']);
  });

  it('stops at the first route that answers, even with nothing', async () => {
    const { calls } = stubFetch(sampleRoute);
    const discussion = await loadDiscussion(inputs('empty', { author: 'minapark.news.example' }));
    expect(discussion.threads).toEqual([]);
    expect(paths(calls)).toEqual(['/xrpc/app.bsky.feed.searchPosts']);
  });

  it('fails with every route and how it failed when none answers', async () => {
    stubFetch(sampleRoute);
    const error = (await loadDiscussion(inputs('error', { author: 'minapark.news.example' })).catch((e: unknown) => e)) as DiscoveryError;
    expect(error).toBeInstanceOf(DiscoveryError);
    expect(error.failures).toEqual([
      { route: 'search', kind: 'unavailable', status: 500 },
      { route: 'backlinks', kind: 'unavailable', status: 500 },
      { route: 'author-feed', kind: 'unavailable', status: 500 },
    ]);
  });

  it('skips the backlink index when it is turned off', async () => {
    const { calls } = stubFetch(sampleRoute);
    await expect(loadDiscussion(inputs('search403', { backlinksService: undefined }))).rejects.toBeInstanceOf(DiscoveryError);
    expect(paths(calls)).toEqual(['/xrpc/app.bsky.feed.searchPosts']);
  });
});
