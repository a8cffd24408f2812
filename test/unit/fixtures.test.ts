import { describe, expect, it } from 'vitest';
import { answer } from '../../demo/appview/server.ts';
import { actor, post, reply, threadView } from '../../demo/appview/build.ts';
import { ARTICLE, sample } from '../../demo/appview/sample.ts';
import { assertValidOutput, ORIGIN } from './helpers.ts';

const get = async (path: string) => {
  const found = await answer(new URL(path, ORIGIN));
  if (!found) throw new Error(`no answer for ${path}`);
  return { status: found.status, body: JSON.parse(found.body) };
};

describe('sample AppView', () => {
  const data = sample(`${ORIGIN}/sample-media`, Date.parse('2026-11-27T12:00:00Z'));

  it('answers a search for the article with lexicon-valid posts', async () => {
    const { status, body } = await get(`/xrpc/app.bsky.feed.searchPosts?q=*&limit=100&url=${encodeURIComponent(ARTICLE)}`);
    expect(status).toBe(200);
    expect(body.posts.length).toBe(data.trees.length);
    assertValidOutput('app.bsky.feed.searchPosts', body);
  });

  it('answers every thread, at every depth, with lexicon-valid output', async () => {
    for (const tree of data.trees) {
      for (const depth of [0, 1, 6, 10]) {
        const { body } = await get(`/xrpc/app.bsky.feed.getPostThread?depth=${depth}&uri=${encodeURIComponent(tree.post.uri)}`);
        assertValidOutput('app.bsky.feed.getPostThread', body);
      }
    }
  });

  it('answers getPosts and resolveHandle with lexicon-valid output', async () => {
    const uris = [...data.posts.keys()].map((uri) => `uris=${encodeURIComponent(uri)}`).join('&');
    const { body } = await get(`/xrpc/app.bsky.feed.getPosts?${uris}`);
    expect(body.posts).toHaveLength(data.posts.size);
    assertValidOutput('app.bsky.feed.getPosts', body);
    const resolved = await get('/xrpc/com.atproto.identity.resolveHandle?handle=minapark.news.example');
    assertValidOutput('com.atproto.identity.resolveHandle', resolved.body);
  });

  it('finds nothing for another article, and fails on request', async () => {
    const other = await get(`/xrpc/app.bsky.feed.searchPosts?q=*&url=${encodeURIComponent('https://news.example/other')}`);
    expect(other.body.posts).toEqual([]);
    assertValidOutput('app.bsky.feed.searchPosts', other.body);
    expect((await get('/s/error/xrpc/app.bsky.feed.searchPosts?q=*')).status).toBe(500);
  });
});

describe('fixture builders', () => {
  it('build lexicon-valid posts with every embed and facet kind', () => {
    const a = actor('alice', 'Alice');
    const root = post({
      author: a,
      rkey: '3kroot',
      createdAt: '2026-11-27T10:00:00.000Z',
      text: ['hi ', { tag: 'tag' }, ' ', { mention: a }, ' ', { link: 'https://example.com' }],
    });
    const embeds = [
      { images: [{ url: 'https://cdn.example/a.jpg', alt: 'a', width: 4, height: 3 }] },
      { external: { uri: 'https://example.com', title: 't', description: 'd', thumb: 'https://cdn.example/t.jpg' } },
      { quote: root },
      { quote: 'not-found' as const },
      { quote: 'blocked' as const },
      { quote: 'detached' as const },
      { quote: root, media: { images: [{ url: 'https://cdn.example/b.jpg', alt: '', width: 1, height: 1 }] } },
      { video: { thumbnail: 'https://video.example/thumb.jpg', alt: 'v', width: 16, height: 9 } },
      { unknown: true as const },
    ];
    const posts = embeds.map((embed, i) => reply(root, root, { author: a, rkey: `3kreply${i}`, createdAt: '2026-11-27T11:00:00.000Z', text: ['x'], embed }));
    expect(() => assertValidOutput('app.bsky.feed.getPosts', { posts: [root, ...posts] })).not.toThrow();
    expect(() =>
      assertValidOutput(
        'app.bsky.feed.getPostThread',
        threadView(
          { post: root, replies: [...posts.map((p) => ({ post: p })), { blocked: `${root.uri}x` }, { notFound: `${root.uri}y` }], hidden: [posts[0].uri] },
          6,
        ),
      ),
    ).not.toThrow();
  });

  it('are checked: an invalid response is rejected', () => {
    expect(() => assertValidOutput('app.bsky.feed.getPosts', { posts: [{ uri: 'nope' }] })).toThrow();
  });
});
