// Threads: each root with its replies, from `app.bsky.feed.getPostThread`, fetched only for roots
// that have replies, a few at a time, a page's worth of posts at a time. Replies the thread's author
// hid, blocked and missing posts are dropped with everything under them.

import type { AppBskyFeedDefs } from '@atproto/api';
import type { Post, Rules, Sort, ThreadNode } from './model.ts';
import { hiddenReplies, isObject, parsePost, type ReadOptions } from './parse.ts';
import { RequestError, sendEarly, xrpc, type RequestOptions } from './http.ts';
import { settleEarly, threadParams, threadUrl } from './early.ts';
import { size } from './tree.ts';

const CONCURRENCY = 4;

const engagement = (post: Post) => post.counts.likes + 2 * post.counts.reposts + post.counts.replies + post.counts.quotes;
const time = (post: Post) => Date.parse(post.createdAt) || 0;

/** Order for roots and, within each branch, for replies. Ties go to the newer post. */
export function compare(sort: Sort): (a: Post, b: Post) => number {
  if (sort === 'oldest') return (a, b) => time(a) - time(b);
  if (sort === 'latest') return (a, b) => time(b) - time(a);
  return (a, b) => engagement(b) - engagement(a) || time(b) - time(a);
}

/**
 * The first view of a thread stays small however many replies it has: up to 10 direct replies of
 * the post, 3 under each reply below, 40 in all, the best first (in `sort` order), filled level by
 * level. The rest wait behind "N more replies", which loads that branch (`openBranch`).
 */
const FIRST_VIEW = { direct: 10, nested: 3, total: 40 };

/**
 * A page of threads is bounded as a thread's first view is: about as many posts as one thread
 * shows (its root and 40 replies), however many roots the search found and however many replies
 * each has. Its rendering then costs about what the largest single thread's does, and a search of a
 * hundred busy posts asks for a few threads, not a hundred. The rest wait behind "Show more".
 */
export const PAGE_POSTS = FIRST_VIEW.total;

type Json = Record<string, unknown>;

/** A thread view's post; undefined for blocked, missing, invalid or moderated posts, null for a reply the thread's author hid. */
function nodeOf(view: unknown, hidden: Set<string>, rules?: Rules): { post: Post; view: Json } | null | undefined {
  if (!isObject(view) || view.$type !== ('app.bsky.feed.defs#threadViewPost' satisfies AppBskyFeedDefs.ThreadViewPost['$type'])) return undefined;
  const post = parsePost(view.post, rules);
  if (!post) return undefined;
  return hidden.has(post.uri) ? null : { post, view };
}

/**
 * `app.bsky.feed.defs#threadViewPost` → ThreadNode, breadth first within FIRST_VIEW; with `all`,
 * every direct reply of the top post is shown. Replies past the view are never parsed.
 */
function buildThread(view: unknown, depth: number, hidden: Set<string>, sort: Sort, rules?: Rules, all = false): ThreadNode | null | undefined {
  const top = nodeOf(view, hidden, rules);
  if (!top) return top;
  const order = compare(sort);
  const root: ThreadNode = { ...top.post, replies: [], more: 0 };
  let budget = FIRST_VIEW.total;
  const queue: Array<[ThreadNode, Json, number]> = [[root, top.view, 0]];
  for (let i = 0; i < queue.length; i++) {
    const [node, raw, level] = queue[i];
    if (level >= depth || !Array.isArray(raw.replies)) {
      node.more = node.counts.replies; // cut here by `depth`, or by the AppView
      continue;
    }
    const children = raw.replies
      .map((reply) => nodeOf(reply, hidden, rules))
      .filter((child): child is { post: Post; view: Json } => !!child)
      .sort((a, b) => order(a.post, b.post));
    const every = all && level === 0;
    const shown = children.slice(0, every ? children.length : Math.max(0, Math.min(level ? FIRST_VIEW.nested : FIRST_VIEW.direct, budget)));
    if (!every) budget -= shown.length;
    node.replies = shown.map((child) => ({ ...child.post, replies: [], more: 0 }));
    node.more = children.length - shown.length;
    shown.forEach((child, j) => queue.push([node.replies[j], child.view, level + 1]));
  }
  return root;
}

const leaf = (post: Post): ThreadNode => ({ ...post, replies: [], more: post.counts.replies });

/** getPostThread for `uri`, as a node; undefined when the post is gone, null when it must not be shown. */
async function fetchThread(uri: string, service: string, depth: number, sort: Sort, ctx: ReadOptions, all = false) {
  const body = await xrpc(service, 'app.bsky.feed.getPostThread', threadParams(uri, depth), ctx);
  return buildThread(isObject(body) ? body.thread : undefined, depth, hiddenReplies(isObject(body) ? body.threadgate : undefined), sort, ctx.rules, all);
}

/**
 * The depth a root's first view asks for: with more direct replies than the view holds, two levels
 * fill it, and asking no deeper keeps a thread of thousands of replies a small response (4.7 MB for
 * 5,000 replies at depth 6).
 */
const firstViewDepth = (root: Post, depth: number) => (root.counts.replies > FIRST_VIEW.total ? Math.min(depth, 2) : depth);

/**
 * The threads `loadThread` will ask for these roots, sent now (see `sendEarly`), unless the requests
 * are not the page's plain ones (a server's fetch, the labelers' header).
 */
export function sendThreadsEarly(roots: readonly Post[], service: string, depth: number, ctx: RequestOptions, settled: readonly Post[] = []): void {
  if (ctx.fetch || ctx.labelers) return;
  const asked = (root: Post) => (root.counts.replies ? firstViewDepth(root, depth) : undefined);
  for (const root of settled) settleEarly(root.uri, service, depth, asked(root));
  for (const root of roots) {
    const levels = asked(root);
    settleEarly(root.uri, service, depth, levels);
    if (levels) sendEarly(threadUrl(service, root.uri, levels));
  }
}

/**
 * A root and its first view of replies down to `depth` levels. A failed fetch keeps the root without
 * replies; null when the thread says the root itself must not be shown (a reply its author hid).
 */
export async function loadThread(root: Post, service: string, depth: number, sort: Sort, ctx: ReadOptions): Promise<ThreadNode | null> {
  if (root.counts.replies === 0 || depth === 0) return leaf(root);
  try {
    const node = await fetchThread(root.uri, service, firstViewDepth(root, depth), sort, ctx);
    return node === undefined ? leaf(root) : node && root.quoting ? { ...node, quoting: true } : node;
  } catch (error) {
    if (error instanceof RequestError) return leaf(root);
    throw error;
  }
}

/** A branch opened in place: the post at `uri` with every direct reply, and their first views below. */
export const loadBranch = (uri: string, service: string, depth: number, sort: Sort, ctx: ReadOptions) =>
  fetchThread(uri, service, Math.max(depth, 1), sort, ctx, true);

/**
 * What a root's first view will hold, guessed before its thread is read from the one count a
 * search hit has, its direct replies: each with the 3 the first view shows under a reply.
 */
const guess = (root: Post) => 1 + Math.min(FIRST_VIEW.total, root.counts.replies * (1 + FIRST_VIEW.nested));

/**
 * The threads a first page's first requests will ask for, sent now (see sendThreadsEarly): the
 * pinned posts', then those of the roots a route found, in `sort` order, as many as the page has
 * room for by `limit` and by guessed size, and no more than loadThreads asks for at a time. They
 * need not wait for the search or the quotes; a quote that outranks one of them pushes it to a later
 * request, and its early answer is let go unread.
 */
export function sendPageEarly(
  pinned: readonly Post[],
  found: readonly Post[],
  sort: Sort,
  service: string,
  depth: number,
  limit: number,
  ctx: RequestOptions,
): void {
  let shown = pinned.reduce((total, root) => total + guess(root), 0);
  const room = Math.min(CONCURRENCY, limit) - pinned.length;
  const first = [...found].sort(compare(sort)).slice(0, Math.max(0, room));
  // Every pinned post's thread sent early is settled, those asked for later too (the page holds them all).
  const roots = [...pinned.slice(0, CONCURRENCY), ...first.filter((root) => shown < PAGE_POSTS && (shown += guess(root)))];
  sendThreadsEarly(roots, service, depth, ctx, pinned.slice(CONCURRENCY));
}

/**
 * Threads for the first of these roots, in order, a few requests at a time: roots are taken while
 * the page holds fewer than `posts` posts, counting each loaded thread as it shows and each thread
 * on its way as guessed, so a page ends about a thread past `posts`; the first `must` roots are
 * taken whatever they hold. `taken`: how many roots the page used, those left out included (roots
 * a thread says to hide).
 */
export async function loadThreads(
  roots: readonly Post[],
  service: string,
  depth: number,
  sort: Sort,
  ctx: ReadOptions,
  posts = Infinity,
  must = 0,
): Promise<{ threads: ThreadNode[]; taken: number }> {
  const threads: Array<ThreadNode | null> = [];
  let taken = 0;
  let shown = 0;
  const worker = async () => {
    while (taken < roots.length && (taken < must || shown < posts)) {
      const index = taken++;
      const guessed = guess(roots[index]);
      shown += guessed;
      const thread = (threads[index] = await loadThread(roots[index], service, depth, sort, ctx));
      shown += (thread ? size(thread) : 0) - guessed;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { threads: threads.filter((thread): thread is ThreadNode => !!thread), taken };
}
