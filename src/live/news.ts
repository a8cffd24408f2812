// What `live` listens for and what it makes of it, DOM-free: the subjects and sources asked of the
// link-event stream (Spacedust), its messages read, and the new posts kept waiting where they belong
// (under the post they answer, or at the top for new posts) until the reader shows them.

import type { Discussion, Post, Sort, ThreadNode, Totals } from '../bluesky/model.ts';
import { LINK_PATHS, spellings } from '../bluesky/backlinks.ts';
import { isObject, isPostUri } from '../bluesky/parse.ts';
import { normalizeUrl } from '../bluesky/urls.ts';
import { size } from '../bluesky/tree.ts';

const POST = 'app.bsky.feed.post';
/** A reply names its thread's root here: every reply in a thread on the page. */
export const REPLY_SOURCE = `${POST}:reply.root.uri`;
/** A quote names the quoted post here, alone or beside media. */
const QUOTE_SOURCES = [`${POST}:embed.record.uri`, `${POST}:embed.record.record.uri`];
const LINK_SOURCES = LINK_PATHS.map((path) => `${POST}:${path}`);

/** What the page listens for. `subjects` is never empty: an empty list asks the stream for everything. */
export interface Wanted {
  subjects: string[];
  sources: string[];
  /** The threads' roots, the article's spellings, the pinned posts: which is which. */
  roots: Set<string>;
  article: Set<string>;
  pinned: Set<string>;
}

/** What kind of new post a link event announces. */
export type Kind = 'reply' | 'post' | 'quote';

/** The waiting posts above `top`, by where they wait: `TOP` for new posts, else the URI of the post they answer. */
export const TOP = 'top';

/** Every post the discussion holds: those on the page, and the roots not shown yet. */
function known(discussion: Discussion): Map<string, ThreadNode | undefined> {
  const seen = new Map<string, ThreadNode | undefined>();
  const walk = (node: ThreadNode) => (seen.set(node.uri, node), node.replies.forEach(walk));
  discussion.threads.forEach(walk);
  discussion.pending.forEach((root) => seen.has(root.uri) || seen.set(root.uri, undefined));
  return seen;
}

/** The subjects and sources for a discussion: replies in its threads (by their real root), new links to the article, quotes of the pinned posts. */
export function wanted(discussion: Discussion, article: string, quotes: boolean, waiting: readonly ThreadNode[] = []): Wanted {
  const roots = new Set([...discussion.threads, ...waiting].map((post) => post.root?.uri ?? post.uri));
  const spelled = new Set(spellings(article));
  const pinned = new Set(quotes ? discussion.pinned : []);
  return {
    subjects: [...roots, ...spelled, ...pinned],
    sources: [REPLY_SOURCE, ...LINK_SOURCES, ...(pinned.size ? QUOTE_SOURCES : [])],
    roots,
    article: spelled,
    pinned,
  };
}

/** Longer than any link message (about 500 characters): not read. */
const MESSAGE_MAX = 16_384;

/**
 * A stream message: the new post record's URI, what it announces, and the subject named (a reply's
 * root); undefined when it is none of ours, or not a link event at all.
 */
export function readEvent(data: unknown, want: Wanted): { uri: string; kind: Kind; subject: string } | undefined {
  let message: unknown;
  try {
    message = typeof data === 'string' && data.length <= MESSAGE_MAX ? JSON.parse(data) : undefined;
  } catch {
    return undefined;
  }
  const link = isObject(message) && message.kind === 'link' && isObject(message.link) ? message.link : undefined;
  if (!link || link.operation !== 'create' || typeof link.subject !== 'string' || !isPostUri(link.source_record)) return undefined;
  if (link.source_record.split('/')[3] !== POST) return undefined;
  const { source, subject } = link;
  const kind: Kind | undefined =
    source === REPLY_SOURCE && want.roots.has(subject)
      ? 'reply'
      : LINK_SOURCES.includes(source as string) && want.article.has(subject)
        ? 'post'
        : QUOTE_SOURCES.includes(source as string) && want.pinned.has(subject)
          ? 'quote'
          : undefined;
  return kind && { uri: link.source_record, kind, subject };
}

/**
 * The post is what the stream said it is (a stream is data, and may lie): a reply in the thread the
 * stream named (`root`), one we asked for; a post linking the article; a quote that shows a pinned post.
 */
export function fits(post: Post, kind: Kind, want: Wanted, article: string, root?: string): boolean {
  if (kind === 'reply') return !!post.root && post.root.uri === root && want.roots.has(root);
  if (kind === 'post') return post.links.some((link) => normalizeUrl(link) === normalizeUrl(article));
  return post.embed?.kind === 'quote' && !!post.embed.post && want.pinned.has(post.embed.post.uri);
}

/** The post a reply answers, from the record as the AppView sends it; undefined for a post that answers none. */
export function parentOf(view: unknown): string | undefined {
  const record = isObject(view) && isObject(view.record) ? view.record : undefined;
  const reply = record && isObject(record.reply) && isObject(record.reply.parent) ? record.reply.parent : undefined;
  return reply && isPostUri(reply.uri) ? reply.uri : undefined;
}

/** Posts that wait at most: a page left open on a viral thread keeps this many, and drops the rest until the reader shows some. */
export const WAITING_MAX = 500;

/** New posts waiting to be shown, each where it belongs, with the new replies to it. */
export class News {
  /** By the post they answer (`TOP`: new posts), newest last. */
  readonly waiting = new Map<string, ThreadNode[]>();
  /** Every waiting post, by URI: a reply to one joins it. */
  #nodes = new Map<string, ThreadNode>();

  /**
   * Place a new post found by the stream or a poll: under the post on the page it answers, under a
   * waiting one, or (a post about the article, a quote of a pinned one) at the top. False when it
   * has no place: known already, or a reply to something not on the page.
   */
  add(post: Post, parent: string | undefined, kind: Kind, discussion: Discussion, author?: (post: Post) => boolean): boolean {
    const shown = known(discussion);
    if (shown.has(post.uri) || this.#nodes.has(post.uri) || this.#nodes.size >= WAITING_MAX) return false;
    const node: ThreadNode = { ...post, replies: [], more: 0, ...(kind === 'quote' && { quoting: true }) };
    const above = parent && this.#nodes.get(parent);
    if (parent && shown.get(parent)) this.#wait(parent, node);
    else if (above) above.replies.push(node);
    else if (kind === 'quote' || (kind === 'post' && (!author || author(post))))
      this.#wait(TOP, node); // quotes join whatever `author` says, as in discovery
    else return false;
    this.#nodes.set(post.uri, node);
    return true;
  }

  #wait(at: string, node: ThreadNode) {
    this.waiting.set(at, [...(this.waiting.get(at) ?? []), node]);
  }

  /** How many wait at `at`: new posts at the top, every new reply (and reply to one) under a post. */
  count(at: string): number {
    const nodes = this.waiting.get(at) ?? [];
    return at === TOP ? nodes.length : nodes.reduce((n, node) => n + size(node), 0);
  }

  /** The header's numbers with what waits: `totals` of the discussion shown, plus the new posts and replies. */
  totals(shown: Totals): Totals {
    const sum = { ...shown };
    for (const [at, nodes] of this.waiting)
      for (const node of nodes) {
        const top = at === TOP ? 1 : 0;
        sum.posts += top;
        sum.quotePosts += top && node.quoting ? 1 : 0;
        sum.replies += size(node) - top;
      }
    return sum;
  }

  /** Waiting new posts that are new threads (their own replies to listen for). */
  threads = (): ThreadNode[] => this.waiting.get(TOP) ?? [];

  /**
   * The discussion with what waits at `at` shown where the button was: new posts after the pinned
   * ones (after every thread in `oldest` order), new replies after the replies shown. Nothing
   * waits there any more.
   */
  show(at: string, discussion: Discussion, order: Sort): Discussion {
    const nodes = this.take(at);
    if (at === TOP) {
      const pinned = new Set(discussion.pinned);
      const first = order === 'oldest' ? discussion.threads.length : discussion.threads.filter((thread) => pinned.has(thread.uri)).length;
      const fresh = order === 'oldest' ? nodes : [...nodes].reverse();
      return { ...discussion, threads: [...discussion.threads.slice(0, first), ...fresh, ...discussion.threads.slice(first)] };
    }
    const add = (node: ThreadNode): ThreadNode =>
      node.uri === at
        ? { ...node, replies: [...node.replies, ...nodes], counts: { ...node.counts, replies: node.counts.replies + nodes.length } }
        : { ...node, replies: node.replies.map(add) };
    return { ...discussion, threads: discussion.threads.map(add) };
  }

  /** Take what waits at `at` (and forget it was waiting). */
  take(at: string): ThreadNode[] {
    const nodes = this.waiting.get(at) ?? [];
    this.waiting.delete(at);
    nodes.forEach(this.#forget);
    return nodes;
  }

  #forget = (node: ThreadNode): void => (this.#nodes.delete(node.uri), node.replies.forEach(this.#forget));

  /** After the discussion changed under them (a refresh, a page, a branch): what it now shows waits no more, nor what lost its place. */
  settle(discussion: Discussion): void {
    const shown = known(discussion);
    for (const [at, nodes] of this.waiting) {
      const placed = at === TOP || !!shown.get(at);
      const kept = nodes.filter((node) => placed && !shown.has(node.uri));
      nodes.filter((node) => !kept.includes(node)).forEach(this.#forget);
      if (kept.length) this.waiting.set(at, kept);
      else this.waiting.delete(at);
    }
  }
}
