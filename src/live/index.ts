// `live`: new replies and new posts about the article arrive while the reader reads. Only while the
// widget shows a discussion, on screen, in a visible page, one socket to a link-event stream
// (Spacedust) hears of new links to what it shows; the posts are asked of the AppView (getPosts, a
// batch at most every few seconds), read under the site's rules like every other, and wait behind a
// button where they belong (news.ts), so nothing moves under the reader. A socket that cannot open or
// drops is tried again with backoff, and meanwhile the discussion is polled, at most once a minute.
// Loaded by the discussion code, only for a widget with `live`.

import { nothing, type ReactiveController } from 'lit';
import type { Inputs } from '../inputs.ts';
import type { Discussion, Post, ThreadNode, Totals } from '../bluesky/model.ts';
import type { Lazy, LiveArgs, LiveHost, Loader, PostsView, View } from './host.ts';
import { warner } from '../bluesky/warn.ts';
import { byAuthor } from '../bluesky/parse.ts';
import { focusNew } from '../focus.ts';
import { News, TOP, fits, readEvent, wanted, type Kind, type Wanted } from './news.ts';
import { Queue, readBatch, type Item } from './hydrate.ts';
import { liveMessages, newsButton, region, say, summary, type LiveMessages } from './view.ts';
import { Stream, isOn, streamUrl } from './stream.ts';

/** At most one getPosts this often: new posts are asked for together. */
export const HYDRATE_MS = 3_000;
/** Without a socket, the discussion is asked again this often at most. */
export const POLL_MS = 60_000;
/** What arrived is said at most this often. */
const SAY_MS = 30_000;
/**
 * A post indexed (the stream's) or created (a poll's) this long before `live` started is not new: an
 * edit announces an old post again, a poll finds old replies a first view left out.
 */
const SKEW_MS = 120_000;

export class Live implements ReactiveController {
  readonly #host: LiveHost;
  readonly #loader: Loader;
  readonly #lazy: Lazy;
  readonly #inputs: () => Inputs;
  #news = new News();
  /** The inputs the waiting posts belong to (their key, and `filter`): another article's never show. */
  #key?: string;
  #filter?: unknown;
  readonly #warn = warner();
  #stream = new Stream({
    open: () => this.#opened(),
    message: (data) => this.#event(data),
    closed: (heard) => this.#dropped(heard),
  });
  #want?: Wanted;
  /** The discussion `#want` was made for. */
  #seen?: Discussion;
  #onScreen = typeof IntersectionObserver !== 'function';
  #observer?: IntersectionObserver;
  /** Without a socket: polling until one opens. */
  #fallback = false;
  #timers = new Map<'retry' | 'poll' | 'batch' | 'say', ReturnType<typeof setTimeout>>();
  #queue = new Queue();
  #lastBatch = 0;
  /** The counts this wrote in the load state: any others are the loader's, and get what waits added. */
  #counted?: Totals;
  /** Until when nothing can have been missed: the socket's last moment open, the last poll's start. */
  #heard = Date.now();
  readonly #since = Date.now() - SKEW_MS;
  #abort = new AbortController();
  /** Requests under way (a batch, a poll): stopping aborts them. */
  #busy = 0;
  #said = '';
  #saidAt = -Infinity;

  constructor(...[host, loader, inputs, lazy]: [...LiveArgs, Lazy]) {
    [this.#host, this.#loader, this.#lazy, this.#inputs] = [host, loader, lazy, inputs];
    loader.news = this.#render;
    host.addController(this);
    host.requestUpdate(); // the live region, on the page before it has anything to say
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#sync);
    if (typeof IntersectionObserver !== 'function') return;
    this.#observer = new IntersectionObserver((entries) => ((this.#onScreen = entries[entries.length - 1].isIntersecting), this.#sync()));
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#sync);
    this.#observer?.disconnect();
    this.#stop();
  }

  hostUpdated(): void {
    this.#sync();
  }

  /** The widget shows a discussion, on screen, in a visible page, with `live` on. */
  #on(): boolean {
    return isOn(this.#host.live) && this.#host.isConnected && 'discussion' in this.#loader.state && document.visibilityState === 'visible' && this.#onScreen;
  }

  /** Start, follow the discussion, or stop, as the widget now is. */
  #sync = (): void => {
    const { state } = this.#loader;
    const inputs = this.#inputs();
    if (!this.#ours(inputs)) {
      // Another article (or other rules): what was asked or waits for the last one goes.
      this.#stop();
      [this.#key, this.#filter, this.#news, this.#seen, this.#said, this.#saidAt] = [inputs.key, inputs.filter, new News(), undefined, '', -Infinity];
      this.#queue.clear();
      this.#host.requestUpdate(); // the region for these inputs, and no button of the last ones
    }
    if (!this.#on() || !('discussion' in state)) return this.#stop();
    if (state.discussion !== this.#seen) {
      this.#seen = state.discussion;
      this.#news.settle(state.discussion);
    }
    if (state.counts !== this.#counted) this.#recount();
    this.#want = wanted(state.discussion, inputs.article, inputs.quotes !== false, this.#news.threads());
    const base = streamUrl(this.#host.liveService, this.#warn);
    if (this.#stream.busy && this.#stream.base !== base) this.#stream.close(); // `live-service` changed
    if (!this.#stream.busy && !this.#timers.has('retry')) this.#stream.connect(base, this.#want);
    else this.#stream.ask(this.#want);
    if (this.#fallback) this.#later('poll', this.#heard + POLL_MS, this.#poll);
    this.#batch();
  };

  /** What waits belongs to these inputs. */
  #ours = (inputs: Inputs) => inputs.key === this.#key && inputs.filter === this.#filter;

  /** The next batch, when the queue holds posts to ask for: at most one a HYDRATE_MS. */
  #batch() {
    const due = this.#queue.next();
    if (due !== undefined) this.#later('batch', Math.max(due, this.#lastBatch + HYDRATE_MS), this.#hydrate);
  }

  #opened() {
    this.#stream.ask(this.#want!);
    this.#fallback = false;
    this.#clear('poll');
    if (Date.now() - this.#heard > POLL_MS) this.#poll(); // away long enough to have missed something
  }

  /** No socket (`heard`: it had been open till now): try again later, and poll meanwhile. */
  #dropped(heard = false) {
    if (heard) this.#heard = Date.now();
    if (!this.#on()) return;
    this.#fallback = true;
    this.#later('retry', Date.now() + this.#stream.backoff(), () => this.#sync());
    this.#later('poll', this.#heard + POLL_MS, this.#poll);
  }

  #event(data: unknown) {
    const found = this.#want && readEvent(data, this.#want);
    if (!found) return;
    this.#queue.add(found.uri, found.kind, found.kind === 'reply' ? found.subject : undefined);
    this.#batch();
  }

  /** The queued posts that are due, read as every post is (labels, the site's rules), placed where they belong. */
  #hydrate = () => this.#asking(this.#read);

  #read = async () => {
    const { batch, roots } = this.#queue.take(Date.now());
    if (!batch.length) return this.#batch();
    this.#lastBatch = Date.now();
    const [inputs, want, news] = [this.#inputs(), this.#want!, this.#news];
    const { signal } = this.#abort;
    let placed = false;
    try {
      const [ctx] = await this.#lazy.withRules(inputs, { signal });
      const ours = (root: string) => want.roots.has(root);
      const checks = { fits: (post: Post, item: Item) => fits(post, item.kind, want, inputs.article, item.root), ours, since: this.#since };
      const answer = await readBatch(batch, roots, inputs.service, ctx, checks);
      if (news !== this.#news) return; // another article's now (stopped as it answered, what it read still stands)
      for (const { post, parent, kind } of answer.read) placed = this.#add(post, parent, kind) || placed;
      for (const [uri, item] of answer.missing) this.#queue.again(uri, item, Date.now());
      for (const [uri, item] of answer.rooted) this.#queue.again(uri, item, Date.now(), false);
    } catch {
      // Stopped (asked again once the widget is back), or failed (asked again, twice at most).
      if (news !== this.#news) return;
      for (const [uri, item] of batch) this.#queue.again(uri, item, Date.now(), !signal.aborted);
      if (signal.aborted) return;
    }
    if (placed) this.#changed();
    if (this.#on()) this.#batch();
  };

  /** Place a new post, unless it is the reader's own, sent from this page (shown already), or the poll's and old. */
  #add(post: Post, parent: string | undefined, kind: Kind, created = false): boolean {
    const { state } = this.#loader;
    if (!('discussion' in state) || (created && !(Date.parse(post.createdAt) >= this.#since))) return false;
    if ((this.#view as { mine?: PostsView['mine'] } | undefined)?.mine?.(parent ?? TOP, []).some((mine) => mine.uri === post.uri)) return false;
    return this.#news.add(post, parent, kind, state.discussion, byAuthor(this.#inputs().author));
  }

  /** Without a socket: the discussion asked again, what it holds that the page does not placed as the stream's would be. */
  #poll = () => this.#asking(this.#compare);

  #compare = async () => {
    this.#heard = Date.now(); // what this poll finds covers till now; the next waits a minute from here
    const { signal } = this.#abort;
    const news = this.#news;
    let placed = false;
    try {
      const fresh = await this.#lazy.loadDiscussion(this.#inputs(), { signal });
      if (signal.aborted || news !== this.#news) return; // stopped, or another article's now
      const place = (node: ThreadNode, parent: string | undefined, kind: Kind) => {
        placed = this.#add(node, parent, kind, true) || placed;
        node.replies.forEach((reply) => place(reply, node.uri, 'reply'));
      };
      fresh.threads.forEach((thread) => place(thread, undefined, thread.quoting ? 'quote' : 'post'));
      fresh.pending.forEach((root) => place({ ...root, replies: [], more: 0 }, undefined, root.quoting ? 'quote' : 'post'));
    } catch {
      if (signal.aborted) return;
    }
    if (placed) this.#changed();
    if (this.#fallback && this.#on()) this.#later('poll', this.#heard + POLL_MS, this.#poll);
  };

  /** New posts placed: the header counts them, the buttons show, and the region says so (at most every SAY_MS). */
  #changed() {
    this.#recount();
    const at = Math.max(Date.now(), this.#saidAt + SAY_MS);
    this.#later('say', at, () => {
      this.#saidAt = Date.now();
      this.#said = this.#summary();
      this.#host.requestUpdate();
    });
  }

  /** What waits, said in the interface language. */
  #summary(): string {
    const waiting = this.#news.totals({ posts: 0, replies: 0, quotePosts: 0, likes: 0, reposts: 0, quotes: 0 });
    return this.#view ? summary(this.#view.lang, liveMessages(this.#view.lang, this.#view.t as Partial<LiveMessages>), waiting) : '';
  }

  /** The header's counts: what is shown, and what waits. */
  #recount() {
    const { state } = this.#loader;
    if (!('discussion' in state)) return;
    this.#counted = this.#news.totals(this.#lazy.totals(state.discussion));
    // The first post about an article nobody had discussed: "Start the conversation!" gives way to it.
    const status = state.status === 'empty' && this.#news.count(TOP) ? 'loaded' : state.status;
    this.#loader.state = { ...state, status, counts: this.#counted };
    this.#host.requestUpdate();
  }

  /** The last view rendered with: the language and strings the region speaks in. */
  #view?: View;

  /** The button where posts wait at `at` (`top`: above the list, with the live region). */
  #render = (at: string, view: View) => {
    if (!isOn(this.#host.live) || !this.#ours(this.#inputs())) return nothing;
    this.#view = view;
    const n = this.#news.count(at);
    const t = n ? liveMessages(view.lang, view.t as Partial<LiveMessages>) : undefined;
    const text = t && say(view.lang, at === TOP ? t.newPosts : t.newReplies, n);
    const button = text ? newsButton(text, at === TOP, !!(view as { busy?: string }).busy, () => this.#show(at)) : nothing;
    return at === TOP ? [region(this.#said), button] : button;
  };

  /** What waits at `at`, shown where its button was; focus on the first of it. */
  #show(at: string) {
    const state = this.#loader.state;
    if (!('discussion' in state) || state.busy) return;
    focusNew(this.#host, async () => {
      const order = this.#loader.order ?? this.#inputs().sort;
      // The branch they join counts as opened: past the indent cap, they show at once.
      const discussion = this.#lazy.carry(state.discussion, this.#news.show(at, state.discussion, order), at === TOP ? undefined : at);
      this.#seen = discussion;
      this.#said = '';
      this.#loader.state = { ...state, status: 'loaded', discussion };
      this.#recount();
      return true;
    });
  }

  /** Run a request's work, counted as under way until it ends. */
  #asking = (work: () => Promise<void>) => (this.#busy++, work().finally(() => this.#busy--));

  /** Run `run` at `at` (ms since the epoch), unless a timer of that name is set already. */
  #later(name: 'retry' | 'poll' | 'batch' | 'say', at: number, run: () => unknown) {
    if (this.#timers.has(name)) return;
    const fire = () => (this.#timers.delete(name), run());
    this.#timers.set(name, setTimeout(fire, Math.max(0, at - Date.now())));
  }

  #clear(name: 'retry' | 'poll' | 'batch' | 'say') {
    clearTimeout(this.#timers.get(name));
    this.#timers.delete(name);
  }

  /** Close everything: the socket, every timer, what is being asked. What waits stays waiting. */
  #stop() {
    if (!this.#stream.busy && !this.#timers.size && !this.#busy) return;
    if (this.#stream.close()) this.#heard = Date.now();
    for (const name of [...this.#timers.keys()]) this.#clear(name);
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#fallback = false;
  }
}
