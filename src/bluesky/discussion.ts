// The whole data flow for one article, DOM-free: discovery → moderation (in parsing) → sort →
// threads, a page at a time so "Show more" needs no new search.

import type { Discussion, DiscussionInputs, Post, RawRules, RouteFailure, Rules, Sort, ThreadNode, Totals } from './model.ts';
import type { RequestOptions } from './http.ts';
import type { ReadOptions } from './parse.ts';
import { discover, resolveDid } from './discover.ts';
import { searchRequest } from './search.ts';
import { PAGE_POSTS, compare, loadBranch, loadThreads } from './threads.ts';
import { memo } from './memo.ts';

/** Every route failed (and no pinned post could be shown). */
export class DiscoveryError extends Error {
  override name = 'DiscoveryError';
  constructor(readonly failures: RouteFailure[]) {
    super(`no route answered: ${failures.map((f) => `${f.route} ${f.kind}${f.status ? ` ${f.status}` : ''}`).join(', ')}`);
  }
}

/** Every post shown as a reply somewhere in `threads`: a root among them is shown once, in place. */
function nestedIn(threads: readonly ThreadNode[]): Set<string> {
  const uris = new Set<string>();
  const walk = (node: ThreadNode) => node.replies.forEach((reply) => (uris.add(reply.uri), walk(reply)));
  threads.forEach(walk);
  return uris;
}

const hasRules = (raw: RawRules): boolean => !!(raw.hide?.length || raw.mutedWords?.trim() || raw.labelers?.trim() || raw.filter !== undefined);

/** The rules' header, known as soon as their code arrives, and the rules, once their labelers answered. */
interface Ruled {
  accept?: string;
  ready: Promise<{ rules?: Rules; failures: RouteFailure[] }>;
}

/** The site's rules for a set of inputs, read once for that object: a failed read is asked again next time. */
const ruleCache = new WeakMap<DiscussionInputs, Promise<Ruled>>();

/**
 * `options` with the site owner's rules, which every read of a post applies, and their labelers
 * asked for on every AppView query; with the labelers that could not be read. `early` runs as soon
 * as the header is known, while the labelers' definitions are still on their way.
 */
export async function withRules(
  inputs: DiscussionInputs,
  options: RequestOptions,
  early?: (ctx: RequestOptions) => void,
): Promise<[ReadOptions, RouteFailure[]]> {
  // The rules' code comes only to pages that set a rule; a failure is asked again next time.
  const entry = memo(
    ruleCache,
    inputs,
    () =>
      hasRules(inputs)
        ? import('./rules.ts').then((module) => module.loadRules(inputs, inputs.service, options, (handle) => resolveDid(handle, inputs.service, options)))
        : Promise.resolve({ ready: Promise.resolve({ failures: [] }) }),
    (ruled) => ruled.ready,
  );
  const { accept, ready } = await entry;
  const ctx = { ...options, labelers: accept };
  early?.(ctx);
  const { rules, failures } = await ready;
  return [{ ...ctx, rules }, failures];
}

/** The branches the reader opened in each discussion, by URI: each discussion made from one keeps them. */
const openedIn = new WeakMap<Discussion, ReadonlySet<string>>();

/** The branches the reader opened in `discussion` (see `openBranch`). */
export const opened = (discussion: Discussion): ReadonlySet<string> => openedIn.get(discussion) ?? new Set();

/** `next`, made from `discussion`, with the branches opened in it, and `uri` if given. */
export function carry(discussion: Discussion, next: Discussion, uri?: string): Discussion {
  openedIn.set(next, uri ? new Set([...opened(discussion), uri]) : opened(discussion));
  return next;
}

/**
 * Load the next page of pending roots' threads: at most `count` roots, and no more once the page
 * holds about `posts` posts (PAGE_POSTS), the first `must` roots whatever they hold. Roots already
 * shown inside a thread are skipped.
 */
export async function nextPage(
  discussion: Discussion,
  count: number,
  inputs: DiscussionInputs,
  options: RequestOptions = {},
  posts = PAGE_POSTS,
  must = 0,
): Promise<Discussion> {
  const [ctx] = await withRules(inputs, options);
  const shownInside = nestedIn(discussion.threads);
  const pending = discussion.pending.filter((root) => !shownInside.has(root.uri));
  const page = await loadThreads(pending.slice(0, count), inputs.service, inputs.depth, inputs.sort, ctx, posts, must);
  const merged = [...discussion.threads, ...page.threads.filter((thread) => !shownInside.has(thread.uri))];
  const inside = nestedIn(merged);
  // A root shown earlier may turn out to be a reply in this page's threads: it moves there.
  const threads = merged.filter((thread) => !inside.has(thread.uri));
  return carry(discussion, { ...discussion, threads, pending: pending.slice(page.taken).filter((root) => !inside.has(root.uri)) });
}

/** `node` with the branch at `uri` replaced by `branch`, or `node` itself when the branch is not under it. */
function replace(node: ThreadNode, uri: string, branch: ThreadNode): ThreadNode {
  if (node.uri === uri) return branch;
  const replies = node.replies.map((reply) => replace(reply, uri, branch));
  return replies.some((reply, i) => reply !== node.replies[i]) ? { ...node, replies } : node;
}

/**
 * Open the branch at `uri` in place: its every direct reply, and their first views below; `opened`
 * names it from then on. A branch that is gone or hidden now is left as it was.
 */
export async function openBranch(discussion: Discussion, uri: string, inputs: DiscussionInputs, options: RequestOptions = {}): Promise<Discussion> {
  const [ctx] = await withRules(inputs, options);
  const branch = await loadBranch(uri, inputs.service, inputs.depth, inputs.sort, ctx);
  return branch ? carry(discussion, { ...discussion, threads: discussion.threads.map((thread) => replace(thread, uri, branch)) }, uri) : discussion;
}

/**
 * The discussion's first page, the pinned posts all on it; `search` is the search request when it
 * was sent already; `posts` bounds the page as `nextPage` does.
 */
export async function loadDiscussion(
  inputs: DiscussionInputs,
  options: RequestOptions = {},
  search?: Promise<unknown>,
  posts = PAGE_POSTS,
): Promise<Discussion> {
  // With labelers, the search goes out (with their header) while their definitions are read.
  const [ctx, unread] = await withRules(inputs, options, (ctx) => {
    search ??= searchRequest(inputs, ctx);
    search.catch(() => {}); // read, and reported, by discovery
  });
  const found = await discover(inputs, ctx, search);
  const failures = [...found.failures, ...unread];
  if (!found.answered && !found.pinned.length) throw new DiscoveryError(failures);
  const roots = [...found.pinned, ...found.found.sort(compare(inputs.sort))];
  const pinned = found.pinned.length ? { pinned: found.pinned.map((root) => root.uri) } : {};
  return nextPage({ threads: [], pending: roots, failures, ...pinned }, Math.max(inputs.limit, found.pinned.length), inputs, ctx, posts, found.pinned.length);
}

/** `node` and the replies under it, every level in `order`: a copy; `node` is left as it is. */
const sortNode = (node: ThreadNode, order: (a: Post, b: Post) => number): ThreadNode => ({
  ...node,
  replies: node.replies.map((reply) => sortNode(reply, order)).sort(order),
});

/**
 * What is loaded, in the order the reader chose: threads, and replies within each, as `sort` orders
 * them on loading; the pinned posts stay first. A copy: the discussion loaded (and cached) is left
 * as it is, and nothing is asked of the network, so the pages still to come follow the site's order.
 */
export function reorder(discussion: Discussion, sort: Sort): Discussion {
  const order = compare(sort);
  const pinned = new Set(discussion.pinned);
  const threads = discussion.threads.map((thread) => sortNode(thread, order));
  return {
    ...discussion,
    threads: [...threads.filter((thread) => pinned.has(thread.uri)), ...threads.filter((thread) => !pinned.has(thread.uri)).sort(order)],
  };
}

/** Each discussion in each order the reader chose, sorted once: every render after (one per step or choice) gets the same copy. */
const sorted = new WeakMap<Discussion, Partial<Record<Sort, Discussion>>>();

/** `discussion` in the reader's `order` (a copy, made once), or as loaded when they chose none. */
export function ordered(discussion: Discussion, order?: Sort): Discussion {
  if (!order) return discussion;
  const known = sorted.get(discussion) ?? {};
  sorted.set(discussion, known);
  return (known[order] ??= reorder(discussion, order));
}

/**
 * What the header summarises, every number true of the discussion and never smaller than what the
 * page shows: `posts` counts the top-level posts; `replies` every reply known, those on the page
 * and those Bluesky counts under a post whose replies are not (all) shown; `likes`, `reposts` and
 * `quotes` add up every post on the page and every top-level post not shown yet.
 */
export function totals(discussion: Discussion): Totals {
  const roots = [...discussion.threads, ...discussion.pending];
  const sum: Totals = { posts: roots.length, quotePosts: roots.filter((root) => root.quoting).length, replies: 0, reposts: 0, likes: 0, quotes: 0 };
  const add = (post: Post) => ((sum.likes += post.counts.likes), (sum.reposts += post.counts.reposts), (sum.quotes += post.counts.quotes));
  const walk = (node: ThreadNode) => {
    add(node);
    sum.replies += node.replies.length + node.more;
    node.replies.forEach(walk);
  };
  discussion.threads.forEach(walk);
  for (const root of discussion.pending) {
    add(root);
    sum.replies += root.counts.replies;
  }
  return sum;
}
