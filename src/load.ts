// The load lifecycle, as one Lit controller: one state for what the widget shows, the session-cache
// policy (fresh: shown with no request; stale: shown while a fresh copy loads quietly), the next
// page, aborts, and the two events. The search request is sent at once; the code that reads its
// answer arrives in parallel (lazy.ts).

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Discussion, DiscussionInputs, RouteFailure, Sort } from './bluesky/model.ts';
import type { ErrorDetail, LoadDetail, LoadState } from './state.ts';
import { searchRequest } from './bluesky/search.ts';
import { cleared, readCache, writeCache } from './bluesky/cache.ts';
import { memo } from './bluesky/memo.ts';
import { abortable } from './bluesky/http.ts';
import type { ServerData } from './served.ts';
import type { View } from './templates/view.ts';

export type Lazy = (typeof import('./lazy.ts'))['lazy'];

export type { ErrorDetail, LoadDetail, LoadState, Status } from './state.ts';

/** The discussion code, requested once per page ("Try again" asks again after a failure). */
const code = new Map<'lazy', Promise<Lazy>>();
/** The discussion code once it has arrived, so that later loads need not wait a turn for it. */
let arrived: Lazy | undefined;
export const loadLazy = (): Promise<Lazy> => memo(code, 'lazy', () => import('./lazy.ts').then((module) => (arrived = module.lazy)));

/** Discussions the prelude began loading before any element ran, by their inputs' key: the first load for that key takes it. */
const begun = new Map<string, Promise<Discussion>>();

/** Begin loading the discussion for `inputs` once its code has arrived (prelude.ts). */
export function begin(inputs: DiscussionInputs, key: string): void {
  const discussion = loadLazy().then((lazy) => lazy.loadDiscussion(inputs));
  discussion.catch(() => {}); // reported by the load that takes it
  begun.set(key, discussion);
}

/** The load begun for `key`, if one was and no one took it yet: taken. */
export function takeBegun(key: string): Promise<Discussion> | undefined {
  const discussion = begun.get(key);
  begun.delete(key);
  return discussion;
}

export class LoadController implements ReactiveController {
  state: LoadState = { status: 'idle' };
  /** The discussion code, once it has arrived: templates render from it. */
  lazy?: Lazy;
  /** The order the reader chose, for as long as the element lives; until then, the site's (`sort`). */
  order?: Sort;
  /** The data of the discussion the server rendered the element with (served.ts): it stands for a cache entry of its inputs. */
  served?: Partial<ServerData>;
  /** With `live`: where new posts wait, drawn under the post they answer (`top`: above the list). */
  news?: View['news'];
  /** Settles when the latest load has finished, however it ended (for tests and callers). */
  done: Promise<void> = Promise.resolve();
  #host: ReactiveControllerHost & HTMLElement;
  #inputs?: DiscussionInputs;
  #key?: string;
  #load?: AbortController;
  #stepping?: AbortController;
  /** The host draws a discussion a step a task, and says when all is drawn (`drawn`). */
  #stepped: boolean;
  /** The load event of the discussion being drawn, fired once it is all on screen. */
  #held?: LoadDetail;

  constructor(host: ReactiveControllerHost & HTMLElement, { stepped = false } = {}) {
    this.#host = host;
    this.#stepped = stepped;
    host.addController(this);
  }

  /** The host has drawn all of what is shown: a discussion just loaded is on screen, and says so. */
  drawn = () => {
    const { state } = this;
    if (state.status !== 'loaded' || !state.drawing) return;
    this.#set({ ...state, drawing: undefined });
    if (this.#held) this.#emit('discuss-thread-load', this.#held);
    this.#held = undefined;
  };

  hostDisconnected(): void {
    this.#abort();
    this.#key = undefined; // reconnected, the element loads again
  }

  /** Load for `inputs` unless the load for `key` (and the same `filter`) is under way or done; `force` skips the cache. */
  load(inputs: DiscussionInputs, key: string, force = false): void {
    if (key === this.#key && inputs.filter === this.#inputs?.filter && !force) return;
    if (force) this.served = undefined; // a forced load skips the server's data, as it skips the cache, for good
    this.#abort();
    this.#inputs = inputs;
    this.#key = key;
    this.done = this.#run(inputs, key, force);
  }

  /** The next page of threads; resolves to the discussion shown with it, or undefined when none is. */
  more(): Promise<Discussion | undefined> {
    return this.#step('more', (lazy, discussion, ctx) => lazy.nextPage(discussion, this.#inputs!.limit, this.#inputs!, ctx));
  }

  /** Show what is loaded in `order`: no request; the pages and branches loaded later join in it. */
  reorder = (order: Sort) => {
    this.order = order;
    this.#host.requestUpdate();
  };

  /** Open the branch at `uri` in place; resolves to the discussion shown with it, or undefined when it could not be. */
  open(uri: string): Promise<Discussion | undefined> {
    return this.#step(uri, (lazy, discussion, ctx) => lazy.openBranch(discussion, uri, this.#inputs!, ctx));
  }

  /** Replace the discussion with what `step` makes of it, marked `busy` meanwhile; one step at a time. */
  async #step(busy: string, step: (lazy: Lazy, discussion: Discussion, ctx: { signal: AbortSignal }) => Promise<Discussion>) {
    const state = this.state;
    if (state.status !== 'loaded' || state.busy || !this.lazy) return undefined;
    const controller = (this.#stepping = new AbortController());
    this.#set({ ...state, busy });
    try {
      const next = await step(this.lazy, state.discussion, { signal: controller.signal });
      // A reload or a quiet refresh replaced the discussion meanwhile: that one stands.
      if (controller.signal.aborted || this.#discussion() !== state.discussion) return undefined;
      this.#show(next, false);
      return next;
    } catch {
      // Aborted, failed, or a bug we must not turn into an error state: what is shown stays.
      if (this.#discussion() === state.discussion) this.#set({ ...state, drawing: this.#drawing() || undefined });
      return undefined;
    } finally {
      if (this.#stepping === controller) this.#stepping = undefined;
    }
  }

  async #run(inputs: DiscussionInputs, key: string, force: boolean): Promise<void> {
    const controller = (this.#load = new AbortController());
    const ctx = { signal: controller.signal };
    const since = cleared;
    // A page's `filter` is code whose answers no cache entry can vouch for: such a page never uses one.
    const cacheable = inputs.filter == null;
    const entry = force || !cacheable ? undefined : this.#entry(key);
    const started = force || !cacheable ? undefined : takeBegun(key);
    // With labelers, the search must ask for their labels: the discussion code sends it, with the header.
    const early = () => (inputs.labelers?.trim() || started ? undefined : searchRequest(inputs, ctx));
    let search = entry?.fresh ? undefined : early();
    search?.catch(() => {}); // read, and reported, by discovery
    if (!entry) this.#set({ status: 'searching' });
    let lazy: Lazy;
    try {
      lazy = this.lazy = arrived ?? (await loadLazy());
      this.#adopt(lazy.postStyles.styleSheet);
    } catch (error) {
      if (!controller.signal.aborted) this.#fail(error, []);
      return;
    }
    if (controller.signal.aborted) return;
    const cached = entry && lazy.usable(entry);
    if (cached) {
      this.#show(cached, true, true);
      if (entry!.fresh) return;
    } else {
      this.#set({ status: 'searching' });
      search ??= early(); // the entry looked fresh but was not ours
    }
    try {
      const discussion = await (started ? abortable(started, ctx.signal) : lazy.loadDiscussion(inputs, ctx, search));
      if (controller.signal.aborted) return;
      this.#show(discussion, true);
      // After the discussion is on screen, not before; by then a newer load (or a disconnect) may
      // have superseded this one, or the reader posted (the cache cleared): then it writes nothing.
      if (cacheable) setTimeout(() => controller.signal.aborted || since !== cleared || writeCache(key, discussion));
    } catch (error) {
      // A quiet refresh that fails keeps what is shown.
      if (!controller.signal.aborted && !cached) this.#fail(error, error instanceof lazy.DiscoveryError ? error.failures : []);
    }
  }

  /**
   * What to show at once for `key`: the server's discussion when it was rendered for these inputs
   * (fresh for its `ttl`, however old it is shown while a fresh copy loads), else the session cache's.
   */
  #entry(key: string): { discussion: unknown; fresh: boolean; served?: true } | undefined {
    const { served } = this;
    if (!served) return readCache(key);
    this.served = undefined; // the first load's: later ones have the session cache, and what they loaded
    const ours = served.key === key;
    // (A server clock ahead of the reader's makes the age negative: fresh.)
    return { discussion: ours && served.discussion, fresh: ours && Date.now() - served.at! < served.ttl! * 1000, served: true };
  }

  #discussion = () => ('discussion' in this.state ? this.state.discussion : undefined);
  /** The discussion shown is not all on screen yet, and not announced. */
  #drawing = () => 'drawing' in this.state && !!this.state.drawing;

  #show(discussion: Discussion, announce: boolean, whole = false) {
    this.#stepping?.abort(); // a page or branch under way belongs to the discussion being replaced
    const counts = this.lazy!.totals(discussion);
    const detail: LoadDetail = { ...counts, failures: discussion.failures };
    // A discussion drawn in steps is announced once it is all on screen. One drawn whole (the
    // server's, the session cache's), a fresh copy of what is shown, and a page or branch added to
    // it are announced at once.
    // (A branch opened while the first screenful is on screen keeps the discussion's announcement waiting.)
    const waiting = this.#drawing();
    const drawing = (announce && !whole && this.#stepped && this.state.status !== 'loaded' && !!discussion.threads.length) || (!announce && waiting);
    if (announce || !waiting) this.#held = drawing ? detail : undefined;
    this.#set({ status: discussion.threads.length ? 'loaded' : 'empty', discussion, counts, ...(drawing && { drawing }) });
    if (announce && !drawing) this.#emit('discuss-thread-load', detail);
  }

  #fail(error: unknown, failures: RouteFailure[]) {
    const detail: ErrorDetail = { message: String((error as Error)?.message ?? error), failures };
    this.#set({ status: 'error', error: detail });
    this.#emit('discuss-thread-error', detail);
  }

  #emit(type: 'discuss-thread-load' | 'discuss-thread-error', detail: LoadDetail | ErrorDetail) {
    this.#host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #set(state: LoadState) {
    this.state = state;
    this.#host.requestUpdate();
  }

  /** The posts' stylesheet, which came with their code, joins the host's. */
  #adopt(sheet: CSSStyleSheet | undefined) {
    const root = this.#host.shadowRoot;
    if (sheet && root && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  #abort() {
    this.#load?.abort();
    this.#stepping?.abort();
  }
}
