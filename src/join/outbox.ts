// What the reader sends from this page: their drafts (kept through a reload, a sign-in or a
// failure), which composers are sending, the posts sent (one map, by URI), shown in the discussion
// at once, and whether the AppView shows them yet. Every timer it sets, `stop()` clears.

import type { Post, ThreadNode } from '../bluesky/model.ts';
import { xrpc } from '../bluesky/http.ts';

/** A post the reader sent from this page: under which post (`top`: a new post), and whether the AppView shows it yet. */
export interface Sent {
  target: string;
  node: ThreadNode;
  confirmed: boolean;
}

/** How many times, and after how long (times the attempt), the AppView is asked whether it shows a sent post. */
const CONFIRM_TRIES = 5;
const CONFIRM_STEP_MS = 1500;

const DRAFT = 'discuss-thread:draft:';

export class Outbox {
  /** By the sent post's URI. */
  #sent = new Map<string, Sent>();
  /** Composers (by target) whose post is on its way: each composer waits only for its own. */
  #sending = new Set<string>();
  /** The next confirmation request of each unconfirmed post, by URI. */
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Aborted when the outbox stops, until it resumes: no confirmation is asked, or shown, meanwhile. */
  #stop = new AbortController();
  /** Drafts when this tab's sessionStorage is refused: they live as long as the page. */
  #memory = new Map<string, string>();

  constructor(
    /** The AppView that is asked whether it shows a sent post. */
    readonly service: string,
    readonly changed: () => void,
    /** The page the drafts belong to. */
    readonly page: () => string = () => location.pathname,
  ) {}

  /**
   * The reader's posts sent under `parent` (`top`: new posts), those not in `shown` yet, the newest
   * first: the discussion puts them first under `parent`, so the latest is right under what it answers.
   */
  mine = (parent: string, shown: readonly Post[]): ThreadNode[] =>
    [...this.#sent.values()]
      .filter((sent) => sent.target === parent && !shown.some((post) => post.uri === sent.node.uri))
      .map((sent) => sent.node)
      .reverse();

  /** A sent post, by its URI. */
  sent(uri: string): Sent | undefined {
    return this.#sent.get(uri);
  }

  sending(target: string): boolean {
    return this.#sending.has(target);
  }

  /** Send from the composer at `target` with `post` (which throws what failed); one post at a time per composer. */
  async send(target: string, post: () => Promise<ThreadNode>): Promise<Sent | undefined> {
    if (this.#sending.has(target)) return undefined;
    this.#sending.add(target);
    this.changed();
    try {
      const sent: Sent = { target, node: await post(), confirmed: false };
      this.#sent.set(sent.node.uri, sent);
      this.write(target, '');
      this.#confirm(sent);
      return sent;
    } finally {
      this.#sending.delete(target);
      this.changed();
    }
  }

  /** Ask the AppView, a few times, whether it shows `sent` yet (unless stopped: a post that arrives after a stop waits for `resume`). */
  #confirm(sent: Sent, attempt = 0) {
    const { signal } = this.#stop;
    if (signal.aborted || sent.confirmed || attempt >= CONFIRM_TRIES || this.#timers.has(sent.node.uri)) return;
    const ask = async () => {
      this.#timers.delete(sent.node.uri);
      const body = await xrpc(this.service, 'app.bsky.feed.getPosts', { uris: [sent.node.uri] }, { signal }).catch(() => undefined);
      if (signal.aborted) return; // stopped meanwhile: nothing more is asked or shown
      if ((body as { posts?: unknown[] } | undefined)?.posts?.length) {
        sent.confirmed = true;
        this.changed();
      } else this.#confirm(sent, attempt + 1);
    };
    this.#timers.set(sent.node.uri, setTimeout(ask, CONFIRM_STEP_MS * (attempt + 1)));
  }

  /** Stop asking, until resumed (the element left the page, the reader signed out, the sign-in code was replaced). */
  stop(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#stop.abort();
  }

  /** Ask again about the posts not confirmed yet (the element is back on the page). */
  resume(): void {
    if (this.#stop.signal.aborted) this.#stop = new AbortController();
    for (const sent of this.#sent.values()) this.#confirm(sent);
  }

  #key = (target: string) => `${DRAFT}${this.page()} ${target}`;

  /** The draft in the composer at `target`, kept in this tab's sessionStorage by page and target. */
  draft(target: string): string {
    const key = this.#key(target);
    try {
      return sessionStorage.getItem(key) ?? this.#memory.get(key) ?? '';
    } catch {
      return this.#memory.get(key) ?? ''; // storage refused
    }
  }

  write(target: string, text: string): void {
    const key = this.#key(target);
    if (text) this.#memory.set(key, text);
    else this.#memory.delete(key);
    try {
      if (text) sessionStorage.setItem(key, text);
      else sessionStorage.removeItem(key);
    } catch {
      // kept in memory above
    }
  }
}
