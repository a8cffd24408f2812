import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDiscussion, nextPage, reorder, DiscoveryError, totals } from '../../src/bluesky/discussion.ts';
import type { DiscussionInputs, ThreadNode } from '../../src/bluesky/model.ts';
import { actor, post, reply, threadView, type PostView } from '../../demo/appview/build.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { deferred, json, ORIGIN, sampleRoute, stubFetch, xrpcRoutes } from './helpers.ts';

afterEach(() => vi.unstubAllGlobals());

const inputs = (extra: Partial<DiscussionInputs> = {}): DiscussionInputs => ({
  article: ARTICLE,
  pinned: [],
  service: ORIGIN,
  searchService: ORIGIN,
  sort: 'top',
  limit: 20,
  depth: 6,
  ...extra,
});

const nsids = (calls: Array<{ url: URL }>) => calls.map((c) => c.url.pathname.split('/').pop());
const texts = (nodes: ThreadNode[]): unknown[] => nodes.map((n) => (n.replies.length ? [n.text, texts(n.replies)] : n.text));

const alice = actor('alice', 'Alice');
const bob = actor('bob', 'Bob');
let n = 0;
const make = (extra: Partial<Parameters<typeof post>[0]> = {}) =>
  post({ author: alice, rkey: `3k${n++}`, createdAt: '2026-11-27T10:00:00.000Z', text: [`post ${n}`], ...extra });

describe('discovery', () => {
  it('finds the posts linking the article, with the pinned post first and shown once', async () => {
    const { calls } = stubFetch(sampleRoute);
    const discussion = await loadDiscussion(inputs({ pinned: [{ actor: 'minapark.news.example', rkey: '3m6aaa2story' }] }));
    expect(discussion.threads[0].author.handle).toBe('minapark.news.example');
    expect(discussion.threads[0].text).toMatch(/^New from me/);
    const uris = discussion.threads.map((t) => t.uri);
    expect(new Set(uris).size).toBe(uris.length);
    // The six other posts linking the article, and the two quotes of the story that do not link it.
    expect(uris).toHaveLength(9);
    expect(discussion.threads.filter((t) => t.quoting).map((t) => t.author.handle)).toEqual(
      expect.arrayContaining(['alex-dev.bsky.social', 'tomas.reyes', 'seoyeon.bsky.social']),
    );
    expect(nsids(calls)).toContain('com.atproto.identity.resolveHandle');
    const getPosts = calls.find((c) => c.url.pathname.endsWith('getPosts'))!;
    expect(getPosts.url.searchParams.getAll('uris')).toEqual([discussion.threads[0].uri]);
  });

  it('searches once, for the article URL, one page of 100 without a cursor', async () => {
    const { calls } = stubFetch(sampleRoute);
    await loadDiscussion(inputs({ author: 'alice.example' }));
    const searches = calls.filter((c) => c.url.pathname.endsWith('searchPosts'));
    expect(searches).toHaveLength(1);
    const params = searches[0].url.searchParams;
    expect(params.get('url')).toBe(ARTICLE);
    expect(params.get('q')).toBeTruthy();
    expect(params.get('limit')).toBe('100');
    expect(params.get('author')).toBe('alice.example');
    expect(params.has('cursor')).toBe(false);
  });

  it('sends plain GETs with no custom headers', async () => {
    const { calls } = stubFetch(sampleRoute);
    await loadDiscussion(inputs());
    for (const call of calls) {
      expect(call.init?.method ?? 'GET').toBe('GET');
      expect(call.init?.headers).toBeUndefined();
    }
  });

  it('asks getPosts for at most 25 posts a call', async () => {
    const many = Array.from({ length: 30 }, () => make());
    const { calls } = stubFetch(
      xrpcRoutes({
        'app.bsky.feed.getPosts': (q: URLSearchParams) => ({ posts: many.filter((p) => q.getAll('uris').includes(p.uri)) }),
        'app.bsky.feed.searchPosts': { posts: [] },
      }),
    );
    const discussion = await loadDiscussion(inputs({ pinned: many.map((p) => ({ actor: alice.did, rkey: p.uri.split('/').pop()! })) }));
    const sizes = calls.filter((c) => c.url.pathname.endsWith('getPosts')).map((c) => c.url.searchParams.getAll('uris').length);
    expect(sizes).toEqual([25, 5]);
    expect(discussion.threads.map((t) => t.uri)).toEqual(many.map((p) => p.uri));
  });

  it('is empty when search answers with nothing', async () => {
    stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: [] } }));
    const discussion = await loadDiscussion(inputs());
    expect(discussion.threads).toEqual([]);
    expect(discussion.failures).toEqual([]);
  });

  it('fails, naming the route, when search fails and nothing was pinned', async () => {
    stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': json({ error: 'InternalServerError' }, 500) }));
    const error = await loadDiscussion(inputs()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect((error as DiscoveryError).failures).toEqual([{ route: 'search', kind: 'unavailable', status: 500 }]);
  });

  it('still shows the pinned posts when search fails', async () => {
    const pinned = make();
    stubFetch(
      xrpcRoutes({
        'app.bsky.feed.getPosts': { posts: [pinned] },
        'app.bsky.feed.getQuotes': { uri: pinned.uri, posts: [] },
        'app.bsky.feed.searchPosts': json({ error: 'AuthMissing' }, 403),
      }),
    );
    const discussion = await loadDiscussion(inputs({ pinned: [{ actor: alice.did, rkey: pinned.uri.split('/').pop()! }] }));
    expect(discussion.threads.map((t) => t.uri)).toEqual([pinned.uri]);
    expect(discussion.failures).toEqual([{ route: 'search', kind: 'refused', status: 403 }]);
  });

  it('keeps the valid posts of a broken response and drops the rest', async () => {
    const good = make();
    stubFetch(
      xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: [{ uri: 42 }, null, { ...make(), author: 'x' }, good, { ...make(), record: { text: 7 } }] } }),
    );
    const discussion = await loadDiscussion(inputs());
    expect(discussion.threads.map((t) => t.uri)).toEqual([good.uri]);
  });
});

describe('threads', () => {
  it('nests replies under their parents and cuts branches at depth, counting what is left', async () => {
    stubFetch(sampleRoute);
    const discussion = await loadDiscussion(inputs({ depth: 3 }));
    const story = discussion.threads.find((t) => t.text.startsWith('New from me'))!;
    const sam = story.replies.find((r) => r.text.startsWith('Great reporting'))!;
    const mina = sam.replies[0];
    const sam2 = mina.replies[0];
    expect(sam2.text).toBe('Thanks. That is alarming.');
    expect(sam2.replies).toEqual([]);
    expect(sam2.more).toBe(1);
    expect(story.more).toBe(0);
  });

  it('asks for threads only for roots with replies, at most 4 at a time', async () => {
    const roots = Array.from({ length: 10 }, (_, i) => make({ replies: i % 5 === 0 ? 0 : 1 }));
    let open = 0;
    let peak = 0;
    const asked: string[] = [];
    stubFetch(
      xrpcRoutes({
        'app.bsky.feed.searchPosts': { posts: roots },
        'app.bsky.feed.getPostThread': async (q: URLSearchParams) => {
          asked.push(q.get('uri')!);
          peak = Math.max(peak, ++open);
          await new Promise((r) => setTimeout(r, 5));
          open--;
          const root = roots.find((r) => r.uri === q.get('uri'))!;
          return threadView(
            {
              post: root,
              replies: [
                { post: reply(root, root, { author: bob, rkey: `3kr${q.get('uri')!.slice(-3)}`, createdAt: '2026-11-27T11:00:00.000Z', text: ['re'] }) },
              ],
            },
            6,
          );
        },
      }),
    );
    const discussion = await loadDiscussion(inputs());
    expect(asked.sort()).toEqual(
      roots
        .filter((r) => r.replyCount > 0)
        .map((r) => r.uri)
        .sort(),
    );
    expect(peak).toBeLessThanOrEqual(4);
    expect(peak).toBeGreaterThan(1);
    expect(discussion.threads.filter((t) => t.replies.length)).toHaveLength(8);
  });

  it('shows a root that already sits inside another root’s thread once, in its place', async () => {
    const root = make({ replies: 1, likes: 10 });
    const inner = reply(root, root, { author: bob, rkey: '3kinner', createdAt: '2026-11-27T11:00:00.000Z', text: ['inner, also linking the article'] });
    stubFetch(
      xrpcRoutes({
        'app.bsky.feed.searchPosts': { posts: [inner, root] },
        'app.bsky.feed.getPostThread': threadView({ post: root, replies: [{ post: inner }] }, 6),
      }),
    );
    const discussion = await loadDiscussion(inputs());
    expect(texts(discussion.threads)).toEqual([[root.record.text, ['inner, also linking the article']]]);
  });

  it('keeps a root whose thread failed to load, without its replies', async () => {
    const root = make({ replies: 3 });
    stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: [root] }, 'app.bsky.feed.getPostThread': json({ error: 'InternalServerError' }, 502) }));
    const discussion = await loadDiscussion(inputs());
    expect(discussion.threads).toHaveLength(1);
    expect(discussion.threads[0].replies).toEqual([]);
    expect(discussion.threads[0].more).toBe(3);
  });
});

describe('sort and paging', () => {
  const at = (minutes: number) => new Date(Date.parse('2026-11-27T12:00:00Z') - minutes * 60_000).toISOString();
  const roots: PostView[] = [make({ createdAt: at(30), likes: 1 }), make({ createdAt: at(10), likes: 0 }), make({ createdAt: at(20), likes: 50, reposts: 3 })];

  it.each([
    ['top', [2, 0, 1]],
    ['latest', [1, 2, 0]],
    ['oldest', [0, 2, 1]],
  ] as const)('orders roots by %s', async (sort, order) => {
    stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: roots } }));
    const discussion = await loadDiscussion(inputs({ sort }));
    expect(discussion.threads.map((t) => t.uri)).toEqual(order.map((i) => roots[i].uri));
  });

  it('orders replies within a branch by the same rule', async () => {
    stubFetch(sampleRoute);
    const oldest = await loadDiscussion(inputs({ sort: 'oldest' }));
    const story = oldest.threads.find((t) => t.text.startsWith('New from me'))!;
    // Open Wire replied 10 minutes before Sam.
    expect(story.replies.map((r) => r.author.handle)).toEqual(['openwire.org', 'samokafor.bsky.social']);
  });

  it('shows `limit` roots, and the next ones on request without searching again', async () => {
    const many = Array.from({ length: 5 }, (_, i) => make({ createdAt: at(i), replies: 1 }));
    const { calls } = stubFetch(
      xrpcRoutes({
        'app.bsky.feed.searchPosts': { posts: many },
        'app.bsky.feed.getPostThread': (q: URLSearchParams) => threadView({ post: many.find((p) => p.uri === q.get('uri'))! }, 6),
      }),
    );
    const first = await loadDiscussion(inputs({ limit: 2, sort: 'latest' }));
    expect(first.threads.map((t) => t.uri)).toEqual(many.slice(0, 2).map((p) => p.uri));
    expect(totals(first).posts).toBe(5);
    const threadsBefore = calls.filter((c) => c.url.pathname.endsWith('getPostThread')).length;
    const second = await nextPage(first, 2, inputs({ limit: 2, sort: 'latest' }));
    expect(second.threads.map((t) => t.uri)).toEqual(many.slice(0, 4).map((p) => p.uri));
    expect(second.pending).toHaveLength(1);
    expect(calls.filter((c) => c.url.pathname.endsWith('searchPosts'))).toHaveLength(1);
    expect(calls.filter((c) => c.url.pathname.endsWith('getPostThread')).length).toBe(threadsBefore + 2);
  });
});

describe('the order the reader chooses', () => {
  it.each(['top', 'latest', 'oldest'] as const)('shows what a load in %s would, from a load in any other order, with no request', async (sort) => {
    const { calls } = stubFetch(sampleRoute);
    const expected = await loadDiscussion(inputs({ sort }));
    for (const other of (['top', 'latest', 'oldest'] as const).filter((s) => s !== sort)) {
      const loaded = await loadDiscussion(inputs({ sort: other }));
      const before = calls.length;
      const shown = reorder(loaded, sort);
      expect(calls.length).toBe(before);
      // Threads, and replies at every level (sample threads are small: their first view holds every reply).
      expect(texts(shown.threads)).toEqual(texts(expected.threads));
    }
  });

  it('keeps the pinned posts first, and leaves the loaded discussion as it was', async () => {
    stubFetch(sampleRoute);
    const loaded = await loadDiscussion(inputs({ sort: 'top', pinned: [{ actor: 'minapark.news.example', rkey: '3m6aaa2story' }] }));
    const copy = structuredClone(loaded);
    const oldest = reorder(loaded, 'oldest');
    const latest = reorder(loaded, 'latest');
    expect(oldest.threads[0].uri).toBe(loaded.pinned![0]);
    expect(latest.threads[0].uri).toBe(loaded.pinned![0]);
    const times = (d: typeof loaded) => d.threads.slice(1).map((t) => Date.parse(t.createdAt));
    expect(times(oldest)).toEqual([...times(oldest)].sort((a, b) => a - b));
    expect(times(latest)).toEqual([...times(latest)].sort((a, b) => b - a));
    expect(loaded).toEqual(copy);
  });
});

describe('review findings', () => {
  it('moves a root shown earlier into the thread of a later page that contains it', async () => {
    const b = make({ replies: 1, likes: 1, createdAt: '2026-11-27T09:00:00.000Z' });
    const a = reply(b, b, { author: bob, rkey: '3krevA', createdAt: '2026-11-27T10:00:00.000Z', text: ['A'], likes: 100 });
    stubFetch(
      xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: [a, b] }, 'app.bsky.feed.getPostThread': threadView({ post: b, replies: [{ post: a }] }, 6) }),
    );
    const first = await loadDiscussion(inputs({ limit: 1 }));
    expect(texts(first.threads)).toEqual(['A']);
    const second = await nextPage(first, 1, inputs({ limit: 1 }));
    expect(texts(second.threads)).toEqual([[b.record.text, ['A']]]);
  });

  it('drops a search hit that its thread’s author hid', async () => {
    const root = make({ replies: 1 });
    const hiddenHit = reply(root, root, { author: bob, rkey: '3krevH', createdAt: '2026-11-27T11:00:00.000Z', text: ['hidden but linking'], replies: 1 });
    const under = reply(root, hiddenHit, { author: alice, rkey: '3krevU', createdAt: '2026-11-27T11:30:00.000Z', text: ['under'] });
    // Asked about the hit, the AppView answers with the hit at the top and its thread root's threadgate.
    const asked = threadView({ post: hiddenHit, replies: [{ post: under }] }, 6) as Record<string, unknown>;
    const gate = (threadView({ post: root, hidden: [hiddenHit.uri] }, 6) as Record<string, unknown>).threadgate;
    stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: [hiddenHit] }, 'app.bsky.feed.getPostThread': { ...asked, threadgate: gate } }));
    const discussion = await loadDiscussion(inputs());
    expect(discussion.threads).toEqual([]);
  });

  it('keeps the valid posts when a facet or embed has a non-string $type', async () => {
    const good = make();
    const odd = make();
    odd.record.facets = [{ index: { byteStart: 0, byteEnd: 1 }, features: [{ $type: { toString: 0 } }] }];
    (odd as Record<string, unknown>).embed = { $type: 'app.bsky.embed.record#view', record: { $type: { toString: 0 } } };
    stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: [odd, good] } }));
    const discussion = await loadDiscussion(inputs({ sort: 'oldest' }));
    expect(discussion.threads.map((t) => t.uri).sort()).toEqual([odd.uri, good.uri].sort());
    expect(discussion.threads.find((t) => t.uri === odd.uri)!.facets).toEqual([]);
  });

  it('summarises honestly: never fewer replies or likes than the page shows, counting nested replies', async () => {
    stubFetch(sampleRoute);
    for (const depth of [0, 1, 2, 6]) {
      const discussion = await loadDiscussion(inputs({ depth, limit: 3 }));
      const shown = (nodes: ThreadNode[]): ThreadNode[] => nodes.flatMap((node) => [node, ...shown(node.replies)]);
      const posts = shown(discussion.threads);
      const sum = totals(discussion);
      expect(sum.posts).toBe(discussion.threads.length + discussion.pending.length);
      expect(sum.replies).toBeGreaterThanOrEqual(posts.length - discussion.threads.length);
      expect(sum.likes).toBeGreaterThanOrEqual(posts.reduce((total, post) => total + post.counts.likes, 0));
      // Nothing counted twice: a reply on the page is counted once, not again in its parent's count.
      expect(sum.replies).toBe(
        posts.reduce((total, post) => total + post.replies.length + post.more, 0) + discussion.pending.reduce((t, r) => t + r.counts.replies, 0),
      );
    }
  });
});

describe('a page’s worth of posts', () => {
  const at = (i: number) => new Date(Date.parse('2026-11-27T12:00:00Z') - i * 60_000).toISOString();
  /** A root about the article with `direct` replies, each with two under it; as a search hit, it counts its direct replies, as the AppView does. */
  function rooted(i: number, direct: number) {
    const root = make({ createdAt: at(i), replies: direct });
    const replies = Array.from({ length: direct }, (_, j) => {
      const first = reply(root, root, { author: bob, rkey: `3kpage${i}r${j}`, createdAt: at(i - 0.5), text: ['re'], replies: 2 });
      const under = [0, 1].map((k) => ({ post: reply(root, first, { author: alice, rkey: `3kpage${i}r${j}u${k}`, createdAt: at(i - 0.6), text: ['re re'] }) }));
      return { post: first, replies: under };
    });
    return { post: root, replies };
  }
  /** A wide search: 12 roots of 16 posts each (5 direct replies, 2 under each), two of them (the 1st and 4th) with no replies. */
  function wide() {
    const trees = Array.from({ length: 12 }, (_, i) => rooted(i, i === 0 || i === 3 ? 0 : 5));
    const byUri = new Map(trees.map((tree) => [tree.post.uri, tree]));
    const { calls } = stubFetch(
      xrpcRoutes({
        'app.bsky.feed.searchPosts': { posts: trees.map((tree) => tree.post) },
        'app.bsky.feed.getPostThread': (q: URLSearchParams) => threadView(byUri.get(q.get('uri')!)!, 6),
      }),
    );
    const asked = () => calls.filter((c) => c.url.pathname.endsWith('getPostThread')).map((c) => c.url.searchParams.get('uri'));
    return { roots: trees.map((tree) => tree.post), asked };
  }
  const posts = (nodes: ThreadNode[]): number => nodes.reduce((n, node) => n + 1 + posts(node.replies), 0);

  it('shows roots in order until they hold about one thread’s first view, asking only for threads with replies', async () => {
    const { roots, asked } = wide();
    const first = await loadDiscussion(inputs({ sort: 'latest', limit: 20 }));
    const shown = first.threads.map((t) => t.uri);
    // A prefix of the roots, fewer than `limit` allows, of about 40 posts: never under, at most a thread over.
    expect(shown).toEqual(roots.slice(0, shown.length).map((r) => r.uri));
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.length).toBeLessThan(roots.length);
    expect(posts(first.threads)).toBeGreaterThanOrEqual(40);
    expect(posts(first.threads)).toBeLessThanOrEqual(40 + 16);
    // One request a shown root with replies; none for the others, none for the roots still pending.
    expect(asked()).toEqual(
      roots
        .slice(0, shown.length)
        .filter((r) => r.replyCount > 0)
        .map((r) => r.uri),
    );
    expect(first.pending.map((r) => r.uri)).toEqual(roots.slice(shown.length).map((r) => r.uri));
    // The header counts the pending roots and their replies.
    const sum = totals(first);
    expect(sum.posts).toBe(12);
    expect(sum.replies).toBe(posts(first.threads) - shown.length + first.pending.reduce((n, r) => n + r.counts.replies, 0));
  });

  it('"Show more" loads the next page’s worth, asking only for its own threads', async () => {
    const { roots, asked } = wide();
    const first = await loadDiscussion(inputs({ sort: 'latest', limit: 20 }));
    const before = asked().length;
    const second = await nextPage(first, 20, inputs({ sort: 'latest', limit: 20 }));
    const page = second.threads.slice(first.threads.length);
    expect(second.threads.slice(0, first.threads.length)).toEqual(first.threads);
    expect(page.map((t) => t.uri)).toEqual(first.pending.slice(0, page.length).map((r) => r.uri));
    expect(posts(page)).toBeGreaterThanOrEqual(40);
    expect(posts(page)).toBeLessThanOrEqual(40 + 16);
    expect(asked().slice(before)).toEqual(page.filter((t) => t.counts.replies > 0).map((t) => t.uri));
    expect(second.pending).toHaveLength(roots.length - second.threads.length);
    expect(totals(second).posts).toBe(12);
  });

  it('stops at `limit` roots when they hold fewer posts, and asks nothing for roots without replies', async () => {
    const quiet = Array.from({ length: 30 }, (_, i) => make({ createdAt: at(i) }));
    const { calls } = stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: quiet } }));
    const first = await loadDiscussion(inputs({ sort: 'latest', limit: 20 }));
    expect(first.threads.map((t) => t.uri)).toEqual(quiet.slice(0, 20).map((p) => p.uri));
    expect(first.pending).toHaveLength(10);
    expect(nsids(calls)).toEqual(['app.bsky.feed.searchPosts']);
  });

  it('keeps every pinned post on the first page, whatever their threads hold', async () => {
    const pinned = [rooted(0, 5), rooted(1, 5), rooted(2, 5)];
    const found = [rooted(3, 5), rooted(4, 0)];
    const byUri = new Map([...pinned, ...found].map((tree) => [tree.post.uri, tree]));
    stubFetch(
      xrpcRoutes({
        'app.bsky.feed.getPosts': (q: URLSearchParams) => ({ posts: q.getAll('uris').map((uri) => byUri.get(uri)!.post) }),
        'app.bsky.feed.getQuotes': (q: URLSearchParams) => ({ uri: q.get('uri'), posts: [] }),
        'app.bsky.feed.searchPosts': { posts: found.map((tree) => tree.post) },
        'app.bsky.feed.getPostThread': (q: URLSearchParams) => threadView(byUri.get(q.get('uri')!)!, 6),
      }),
    );
    const first = await loadDiscussion(inputs({ limit: 1, pinned: pinned.map((tree) => ({ actor: alice.did, rkey: tree.post.uri.split('/').pop()! })) }));
    // Three threads of 16 posts: past a page's worth, and past `limit`, yet all shown; the found roots wait.
    expect(first.threads.map((t) => t.uri)).toEqual(pinned.map((tree) => tree.post.uri));
    expect(first.pending.map((r) => r.uri)).toEqual(found.map((tree) => tree.post.uri));
  });
});

// The requests a pinned post needs go out as soon as its address is known: a discussion pinned to
// one post takes two round trips (its handle, then its thread), as a widget that discovers nothing.
describe('requests sent early', () => {
  const withReplies = (count: number) => {
    const root = make({ replies: count, likes: 50 });
    const replies = Array.from({ length: count }, (_, j) => ({
      post: reply(root, root, { author: bob, rkey: `3kearly${n}r${j}`, createdAt: '2026-11-27T11:00:00.000Z', text: ['re'] }),
    }));
    return { post: root, replies };
  };

  it('asks for the pinned thread and its quotes beside getPosts, and the first page once search found the pinned post', async () => {
    const pinned = withReplies(3);
    const found = withReplies(2);
    const posts = deferred();
    const asked: string[] = [];
    const { calls } = stubFetch(async (url, init) => {
      const name = url.pathname.split('/').pop()!;
      asked.push(name === 'app.bsky.feed.getPostThread' ? `${name} ${url.searchParams.get('uri')}` : name);
      if (name === 'app.bsky.feed.getPosts') await posts.promise;
      return xrpcRoutes({
        'com.atproto.identity.resolveHandle': { did: alice.did },
        'app.bsky.feed.getPosts': { posts: [pinned.post] },
        'app.bsky.feed.getQuotes': (q: URLSearchParams) => ({ uri: q.get('uri'), posts: [] }),
        'app.bsky.feed.searchPosts': { posts: [found.post, pinned.post] },
        'app.bsky.feed.getPostThread': (q: URLSearchParams) =>
          threadView(
            [pinned, found].find((t) => t.post.uri === q.get('uri'))!,
            6,
          ),
      })(url, init);
    });
    const loading = loadDiscussion(inputs({ pinned: [{ actor: alice.handle, rkey: pinned.post.uri.split('/').pop()! }] }));
    // getPosts has not answered, yet the pinned thread, its quotes and the found root's thread are asked.
    await vi.waitFor(() => expect(asked).toContain(`app.bsky.feed.getPostThread ${found.post.uri}`));
    expect(asked).toEqual(expect.arrayContaining(['app.bsky.feed.getPosts', 'app.bsky.feed.getQuotes', `app.bsky.feed.getPostThread ${pinned.post.uri}`]));
    posts.resolve();
    const discussion = await loading;
    expect(discussion.threads.map((t) => [t.uri, t.replies.length])).toEqual([
      [pinned.post.uri, 3],
      [found.post.uri, 2],
    ]);
    expect(new Set(asked).size, asked.join('\n')).toBe(asked.length); // each once
    expect(calls.find(({ url }) => url.searchParams.get('uri') === pinned.post.uri)?.url.searchParams.get('depth')).toBe('6');
  });

  it('lets what it sent for a pinned post go when getPosts does not return the post (deleted, hidden)', async () => {
    const gone = withReplies(2);
    const { calls } = stubFetch(
      xrpcRoutes({
        'app.bsky.feed.getPosts': { posts: [] },
        'app.bsky.feed.getQuotes': (q: URLSearchParams) => ({ uri: q.get('uri'), posts: [] }),
        'app.bsky.feed.searchPosts': { posts: [] },
        'app.bsky.feed.getPostThread': () => threadView(gone, 6),
      }),
    );
    const discussion = await loadDiscussion(inputs({ pinned: [{ actor: alice.did, rkey: gone.post.uri.split('/').pop()! }] }));
    expect(discussion.threads).toEqual([]);
    const early = calls.filter(({ url }) => /getPostThread|getQuotes/.test(url.pathname));
    expect(early.map(({ url }) => url.pathname.split('.').pop())).toEqual(['getPostThread', 'getQuotes']);
    expect(early.every(({ init }) => init?.signal?.aborted)).toBe(true);
  });

  it('lets the early thread of a pinned post go when it has more replies than a first view, and asks two levels', async () => {
    const pinned = withReplies(41);
    const { calls } = stubFetch(
      xrpcRoutes({
        'app.bsky.feed.getPosts': { posts: [pinned.post] },
        'app.bsky.feed.getQuotes': (q: URLSearchParams) => ({ uri: q.get('uri'), posts: [] }),
        'app.bsky.feed.searchPosts': { posts: [] },
        'app.bsky.feed.getPostThread': () => threadView(pinned, 6),
      }),
    );
    const discussion = await loadDiscussion(inputs({ pinned: [{ actor: alice.did, rkey: pinned.post.uri.split('/').pop()! }] }));
    expect(discussion.threads[0].replies).toHaveLength(10);
    const threads = calls.filter(({ url }) => url.pathname.endsWith('getPostThread'));
    expect(threads.map(({ url, init }) => [url.searchParams.get('depth'), init?.signal?.aborted])).toEqual([
      ['6', true],
      ['2', false],
    ]);
  });
});
