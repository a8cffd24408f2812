// The posts the stream announced, asked of the AppView: a queue that asks for each at most three
// times (the stream is faster than the AppView's index), and the read of one batch — getPosts for
// the posts and, for replies, their threads' roots, whose threadgate names the replies their authors
// hid. Only what discovery would show comes out: Bluesky's labels and the site's rules (parsePost),
// a hidden reply dropped, and the post checked to be what the stream said it is.

import type { Post } from '../bluesky/model.ts';
import { xrpc } from '../bluesky/http.ts';
import { hiddenReplies, isObject, parsePost, type ReadOptions } from '../bluesky/parse.ts';
import { parentOf, type Kind } from './news.ts';

const GET_POSTS_MAX = 25;
/** How long to wait before asking again for a post the AppView did not have: twice more, then let go. */
const AGAIN_MS = [3_000, 10_000];
/** Posts waiting to be asked for, at most: a flood beyond it is dropped. */
const QUEUE_MAX = 100;

export interface Item {
  kind: Kind;
  /** The thread's root, for a reply (the subject the stream named). */
  root?: string;
  tries: number;
  /** Not asked for before this time (ms since the epoch). */
  due: number;
}

export class Queue {
  #items = new Map<string, Item>();

  get size(): number {
    return this.#items.size;
  }

  /** Queue `uri`; a reply queued already that turns out to link the article too may start a thread. */
  add(uri: string, kind: Kind, root?: string): void {
    const queued = this.#items.get(uri);
    if (queued) {
      if (queued.kind === 'reply') queued.kind = kind;
      queued.root ??= root; // a reply stays one, whatever else it links: its root's threadgate is read
    } else if (this.#items.size < QUEUE_MAX) this.#items.set(uri, { kind, root, tries: 0, due: 0 });
  }

  /** When the next due post may be asked for, if any waits. */
  next(): number | undefined {
    return this.#items.size ? Math.min(...[...this.#items.values()].map((item) => item.due)) : undefined;
  }

  /** Those due at `now`, taken, with the roots of the replies among them: 25 addresses in all at most. */
  take(now: number): { batch: Array<[string, Item]>; roots: string[] } {
    const batch: Array<[string, Item]> = [];
    const roots = new Set<string>();
    for (const [uri, item] of this.#items) {
      if (item.due > now) continue;
      const more = item.root && !roots.has(item.root) ? 1 : 0;
      if (batch.length + roots.size + 1 + more > GET_POSTS_MAX) break;
      if (item.root) roots.add(item.root);
      batch.push([uri, item]);
      this.#items.delete(uri);
    }
    return { batch, roots: [...roots] };
  }

  /** Asked for in vain (not indexed yet, or the request failed): again later, or let go after three tries. */
  again(uri: string, item: Item, now: number, failed = true): void {
    const tries = item.tries + (failed ? 1 : 0);
    if (tries > AGAIN_MS.length || this.#items.size >= QUEUE_MAX) return;
    this.#items.set(uri, { ...item, tries, due: failed ? now + AGAIN_MS[tries - 1] : 0 });
  }

  clear(): void {
    this.#items.clear();
  }
}

export interface Read {
  post: Post;
  parent?: string;
  kind: Kind;
}

export interface Batch {
  /** The posts that may be shown, oldest first (a reply to another new post then finds it in place). */
  read: Read[];
  /** Those the AppView did not have. */
  missing: Array<[string, Item]>;
  /** Replies in one of the page's threads whose root was not asked with them: asked again with it. */
  rooted: Array<[string, Item]>;
}

/**
 * One batch: each post read under the site's rules, as the stream said it is (`fits`), new since
 * `since`, and, when it answers a thread on the page (`ours`), not among the replies its root's
 * author hid.
 */
export async function readBatch(
  batch: ReadonlyArray<[string, Item]>,
  roots: readonly string[],
  service: string,
  ctx: ReadOptions,
  checks: { fits: (post: Post, item: Item) => boolean; ours: (root: string) => boolean; since: number },
): Promise<Batch> {
  const body = await xrpc(service, 'app.bsky.feed.getPosts', { uris: [...batch.map(([uri]) => uri), ...roots] }, ctx);
  const views = new Map((isObject(body) && Array.isArray(body.posts) ? body.posts : []).filter(isObject).map((view) => [view.uri, view]));
  const hiddenIn = new Map(roots.map((root) => [root, hiddenReplies(views.get(root)?.threadgate)]));
  const answer: Batch = { read: [], missing: [], rooted: [] };
  for (const [uri, item] of batch) {
    const view = views.get(uri);
    if (!view) {
      answer.missing.push([uri, item]);
      continue;
    }
    const post = parsePost(view, ctx.rules);
    // Not new: indexed or written before `since` (an edit is a `create` too, and the AppView may date an edited post by the edit).
    if (!post || !(Math.min(Date.parse(String(view.indexedAt)), Date.parse(post.createdAt)) >= checks.since) || !checks.fits(post, item)) continue;
    const root = post.root?.uri;
    const hidden = root && checks.ours(root) ? hiddenIn.get(root) : new Set<string>();
    if (!hidden) answer.rooted.push([uri, { ...item, root: root! }]);
    else if (!hidden.has(uri)) answer.read.push({ post, parent: parentOf(view), kind: item.kind });
  }
  answer.read.sort((a, b) => a.post.createdAt.localeCompare(b.post.createdAt));
  return answer;
}
