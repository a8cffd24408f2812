// Threads: each root with its replies, from `app.bsky.feed.getPostThread`, fetched only for roots
// that have replies, a few at a time. Replies the thread's author hid, blocked and missing posts
// are dropped with everything under them.

import type { AppBskyFeedDefs } from '@atproto/api';
import type { Post, Sort, ThreadNode } from './model.ts';
import { isObject, parsePost } from './parse.ts';
import { RequestError, mapLimit, xrpc, type RequestOptions } from './http.ts';

const CONCURRENCY = 4;

const engagement = (post: Post) => post.counts.likes + 2 * post.counts.reposts + post.counts.replies + post.counts.quotes;
const time = (post: Post) => Date.parse(post.createdAt) || 0;

/** Order for roots and, within each branch, for replies. Ties go to the newer post. */
export function compare(sort: Sort): (a: Post, b: Post) => number {
  if (sort === 'oldest') return (a, b) => time(a) - time(b);
  if (sort === 'latest') return (a, b) => time(b) - time(a);
  return (a, b) => engagement(b) - engagement(a) || time(b) - time(a);
}

function hiddenReplies(threadgate: unknown): Set<string> {
  const record = isObject(threadgate) && isObject(threadgate.record) ? threadgate.record : undefined;
  const hidden = record && Array.isArray(record.hiddenReplies) ? record.hiddenReplies : [];
  return new Set(hidden.filter((uri): uri is string => typeof uri === 'string'));
}

/**
 * `app.bsky.feed.defs#threadViewPost` → ThreadNode; undefined for blocked, missing, invalid or
 * moderated posts, null for a reply the thread's author hid.
 */
function buildNode(view: unknown, level: number, depth: number, hidden: Set<string>, sort: Sort): ThreadNode | null | undefined {
  if (!isObject(view) || view.$type !== ('app.bsky.feed.defs#threadViewPost' satisfies AppBskyFeedDefs.ThreadViewPost['$type'])) return undefined;
  const post = parsePost(view.post);
  if (!post) return undefined;
  if (hidden.has(post.uri)) return null;
  const replies =
    level < depth && Array.isArray(view.replies)
      ? view.replies
          .map((reply) => buildNode(reply, level + 1, depth, hidden, sort))
          .filter((node): node is ThreadNode => !!node)
          .sort(compare(sort))
      : [];
  const more = level >= depth || !Array.isArray(view.replies) ? post.counts.replies : 0;
  return { ...post, replies, more };
}

const leaf = (post: Post): ThreadNode => ({ ...post, replies: [], more: post.counts.replies });

/**
 * A root and its replies down to `depth` levels. A failed fetch keeps the root without replies; null
 * when the thread says the root itself must not be shown (a reply its thread's author hid).
 */
export async function loadThread(root: Post, service: string, depth: number, sort: Sort, ctx: RequestOptions): Promise<ThreadNode | null> {
  if (root.counts.replies === 0 || depth === 0) return leaf(root);
  let body: unknown;
  try {
    body = await xrpc(service, 'app.bsky.feed.getPostThread', { uri: root.uri, depth, parentHeight: 0 }, ctx);
  } catch (error) {
    if (error instanceof RequestError) return leaf(root);
    throw error;
  }
  const thread = isObject(body) ? body.thread : undefined;
  const node = buildNode(thread, 0, depth, hiddenReplies(isObject(body) ? body.threadgate : undefined), sort);
  return node === undefined ? leaf(root) : node;
}

/** Threads for these roots, a few requests at a time; roots a thread says to hide are left out. */
export async function loadThreads(roots: readonly Post[], service: string, depth: number, sort: Sort, ctx: RequestOptions): Promise<ThreadNode[]> {
  const threads = await mapLimit(roots, CONCURRENCY, (root) => loadThread(root, service, depth, sort, ctx));
  return threads.filter((thread): thread is ThreadNode => !!thread);
}
