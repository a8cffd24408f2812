// The posts the stream announced, asked of the AppView: a queue that asks for each at most three
// times (the stream is faster than the AppView's index), and the read of one batch — getPosts for
// the posts and, for replies, their threads' roots, whose threadgate names the replies their authors
// hid. Only what discovery would show comes out: Bluesky's labels and the site's rules (parsePost),
// a hidden reply dropped, and the post checked to be what the stream said it is.

import type { Post } from '../bluesky/model.ts';
import { xrpc } from '../bluesky/http.ts';
import { isObject, parsePost, type ReadOptions } from '../bluesky/parse.ts';
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
      if (queued.kind === 'reply') Object.assign(queued, { kind, root: undefined });
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

/** Replies the author of the thread at `view` hid, from its threadgate. */
const hiddenBy = (view: Record<string, unknown>): string[] => {
  const record = isObject(view.threadgate) && isObject(view.threadgate.record) ? view.threadgate.record : undefined;
  return record && Array.isArray(record.hiddenReplies) ? record.hiddenReplies.filter((uri): uri is string => typeof uri === 'string') : [];
};

/**
 * One batch: the posts that may be shown, each as the stream said (`fits`), indexed since `since`;
 * and those the AppView did not have.
 */
export async function readBatch(
  batch: ReadonlyArray<[string, Item]>,
  roots: readonly string[],
  service: string,
  ctx: ReadOptions,
  fits: (post: Post, kind: Kind) => boolean,
  since: number,
): Promise<{ read: Read[]; missing: Array<[string, Item]> }> {
  const body = await xrpc(service, 'app.bsky.feed.getPosts', { uris: [...batch.map(([uri]) => uri), ...roots] }, ctx);
  const views = new Map((isObject(body) && Array.isArray(body.posts) ? body.posts : []).filter(isObject).map((view) => [view.uri, view]));
  const hidden = new Set(roots.flatMap((root) => hiddenBy(views.get(root) ?? {})));
  const read: Read[] = [];
  const missing: Array<[string, Item]> = [];
  for (const [uri, item] of batch) {
    const view = views.get(uri);
    if (!view) {
      missing.push([uri, item]);
      continue;
    }
    // An old post announced again (an edit is a `create` too) is not new.
    const post = !hidden.has(uri) && Date.parse(String(view.indexedAt)) >= since ? parsePost(view, ctx.rules) : undefined;
    if (post && fits(post, item.kind)) read.push({ post, parent: parentOf(view), kind: item.kind });
  }
  // Oldest first: a reply to another new post finds it in place.
  return { read: read.sort((a, b) => a.post.createdAt.localeCompare(b.post.createdAt)), missing };
}
