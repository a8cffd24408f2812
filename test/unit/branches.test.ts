// The first view of a big thread stays small, and every branch left out opens in place.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/index.ts';
import type { DiscussThread } from '../../src/element.ts';
import { loadDiscussion, openBranch } from '../../src/bluesky/discussion.ts';
import type { DiscussionInputs, ThreadNode } from '../../src/bluesky/model.ts';
import { actor, post, reply, threadView, type PostView, type Tree } from '../../demo/appview/build.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { assertValidOutput, ORIGIN, stubFetch, xrpcRoutes } from './helpers.ts';

const people = Array.from({ length: 5 }, (_, i) => actor(`crowd${i}`, `Crowd ${i}`));
const at = (i: number) => new Date(Date.parse('2026-11-27T10:00:00Z') + i * 1000).toISOString();
let n = 0;

/** A root with `fanout[0]` replies, `fanout[1]` under each, and so on; likes fall with the index. */
function bigThread(fanout: number[]) {
  const root = post({ author: people[0], rkey: `3kbranch${n++}`, createdAt: at(0), text: ['Root ', { link: ARTICLE }], replies: fanout[0] });
  const byUri = new Map<string, Tree>();
  const grow = (parent: PostView, [here, ...below]: number[]): Tree[] =>
    Array.from({ length: here ?? 0 }, (_, i) => {
      const p = reply(root, parent, {
        author: people[i % 5],
        rkey: `3kbranch${n++}`,
        createdAt: at(n),
        text: [`reply ${n}`],
        likes: 1000 - i,
        replies: below[0] ?? 0,
      });
      const tree: Tree = { post: p, replies: grow(p, below) };
      byUri.set(p.uri, tree);
      return tree;
    });
  const tree: Tree = { post: root, replies: grow(root, fanout) };
  byUri.set(root.uri, tree);
  const routes = xrpcRoutes({
    'app.bsky.feed.searchPosts': { posts: [root] },
    'app.bsky.feed.getPostThread': (q: URLSearchParams) => threadView(byUri.get(q.get('uri')!)!, Number(q.get('depth'))),
  });
  return { root, tree, routes };
}

const count = (nodes: ThreadNode[]): number => nodes.reduce((total, node) => total + 1 + count(node.replies), 0);
const inputs: DiscussionInputs = { article: ARTICLE, pinned: [], service: ORIGIN, searchService: ORIGIN, sort: 'top', limit: 20, depth: 6 };

afterEach(() => vi.unstubAllGlobals());

describe('the first view of a thread', () => {
  it('shows the best 10 direct replies, 3 under each below, 40 in all, and counts the rest', async () => {
    const { tree, routes } = bigThread([200, 4, 3]);
    assertValidOutput('app.bsky.feed.getPostThread', threadView(tree, 6));
    const { calls } = stubFetch(routes);
    const [thread] = (await loadDiscussion(inputs)).threads;
    // Two levels fill the view, so no more is asked: a thread of thousands stays a small response.
    expect(calls.find((c) => c.url.pathname.endsWith('getPostThread'))!.url.searchParams.get('depth')).toBe('2');
    expect(thread.replies).toHaveLength(10);
    expect(thread.more).toBe(190);
    expect(thread.replies.map((r) => r.counts.likes)).toEqual([1000, 999, 998, 997, 996, 995, 994, 993, 992, 991]);
    expect(thread.replies.every((r) => r.replies.length === 3 && r.more === 1)).toBe(true);
    expect(count(thread.replies)).toBe(40);
    // Asked two levels deep, the third level is counted, not shown (the budget binds below: next test).
    expect(thread.replies[0].replies.every((r) => r.replies.length === 0 && r.more === 3)).toBe(true);
  });

  it('stops at 40 replies in all when the third level would pass it, filling it best first', async () => {
    // Eight direct replies, so the whole thread is asked for: the budget, not the depth, is the limit.
    const { tree, routes } = bigThread([8, 3, 3]);
    assertValidOutput('app.bsky.feed.getPostThread', threadView(tree, 6));
    const { calls } = stubFetch(routes);
    const [thread] = (await loadDiscussion(inputs)).threads;
    expect(calls.find((c) => c.url.pathname.endsWith('getPostThread'))!.url.searchParams.get('depth')).toBe('6');
    expect(count(thread.replies)).toBe(40); // 8 + 24 + the 8 left of the budget
    const third = thread.replies.flatMap((r) => r.replies).map((r) => [r.replies.length, r.more]);
    expect(third).toEqual([[3, 0], [3, 0], [2, 1], ...Array.from({ length: 21 }, () => [0, 3])]);
  });

  it('opens a branch in place with every direct reply, and leaves the rest of the discussion as it was', async () => {
    const { routes } = bigThread([30, 2]);
    stubFetch(routes);
    const discussion = await loadDiscussion(inputs);
    const opened = await openBranch(discussion, discussion.threads[0].uri, inputs);
    expect(opened.threads[0].replies).toHaveLength(30);
    expect(opened.threads[0].more).toBe(0);
    const again = await openBranch(opened, opened.threads[0].replies[0].replies[0].uri, inputs);
    expect(again.threads[0].replies[1]).toBe(opened.threads[0].replies[1]); // untouched branches are the same objects
  });
});

describe('<discuss-thread> opening a branch', () => {
  beforeEach(() => sessionStorage.clear());

  it('loads the replies into the page on "Show N more replies" and focuses the first new one', async () => {
    const { routes } = bigThread([14, 1]);
    const { calls } = stubFetch(routes);
    const el = document.createElement('discuss-thread') as DiscussThread;
    for (const [k, v] of Object.entries({ loading: 'eager', service: ORIGIN, 'search-service': ORIGIN, url: ARTICLE })) el.setAttribute(k, v);
    document.body.append(el);
    await vi.waitFor(() => expect(el.getAttribute('status')).toBe('loaded'));
    const root = el.shadowRoot!;
    const items = () => root.querySelectorAll('.list > li > ol > li');
    expect(items()).toHaveLength(10);
    const button = root.querySelector<HTMLButtonElement>('.list > li > .more > button[part="more"]')!;
    expect(button.textContent!.trim()).toBe('Show 4 more replies');
    const link = button.parentElement!.querySelector<HTMLAnchorElement>('a[part="more"]')!;
    expect(link.href).toMatch(/^https:\/\/bsky\.app\/profile\//); // the branch on Bluesky stays as the second way
    const sent = calls.length;
    button.click();
    await vi.waitFor(() => expect(items()).toHaveLength(14));
    expect(calls.slice(sent).map((c) => c.url.searchParams.get('uri'))).toEqual([calls[1].url.searchParams.get('uri')]);
    await vi.waitFor(() => expect(root.activeElement).toBe(root.querySelectorAll('.list > li > ol > li > article')[10]));
    expect(root.querySelector('.list > li > .more')).toBeNull();
    el.remove();
  });
});
