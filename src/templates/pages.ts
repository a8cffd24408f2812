// The discussion a page at a time, on screen: a page's threads drawn a step a task, so no task runs
// long however large the page, and "Show more", which also loads the next page by itself as the
// reader scrolls near it. Loaded with the discussion code.

import { html, nothing, type ElementPart } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import type { DirectiveResult } from 'lit/directive.js';
import type { Discussion, ThreadNode } from '../bluesky/model.ts';
import { PAGE_POSTS } from '../bluesky/threads.ts';
import { size } from '../bluesky/tree.ts';
import { listTemplate } from './posts.ts';
import type { View } from './view.ts';

/**
 * Threads drawn a step a task: what is on the page stays, the next threads not drawn yet (in the
 * order shown) are drawn a page's worth of posts (PAGE_POSTS, a thread at least) with the render
 * that brought them, and the rest a step in each task after it, below what is shown. The first
 * render of a discussion draws a screenful (FIRST_POSTS), the first thread's root and its first
 * replies at least, so the first replies are on screen sooner; the rest of that thread follows
 * under them. `draw` renders the threads drawn so far, and whether that is all of them. `whole`
 * draws them all at once: a discussion the reader saw before (the server's markup it replaces, the
 * session cache's on a return), whose height the page had, or restores its scroll into.
 */
class Steps extends AsyncDirective {
  /** By thread: how many of its direct replies are drawn (Infinity: all of it). */
  #drawn = new Map<string, number>();
  #threads!: ThreadNode[];
  #draw!: Draw;
  #timer?: ReturnType<typeof setTimeout>;
  #frame?: number;
  #done?: () => void;

  /** Rendered to a string (discuss-thread/server): every thread. */
  render(threads: ThreadNode[], draw: Draw, _whole: boolean, _done?: () => void) {
    return draw(threads, true);
  }

  override update(_part: unknown, [threads, draw, whole, done]: Parameters<this['render']>) {
    this.#threads = threads;
    this.#draw = draw;
    this.#done = done;
    this.#step(whole ? Infinity : this.#drawn.size ? PAGE_POSTS : FIRST_POSTS);
    return this.#shown();
  }

  /** Take the next threads not drawn, up to `posts` posts (a thread at least, but on a first render). */
  #step(posts: number) {
    let drawn = 0;
    for (const thread of this.#threads) {
      if (this.#drawn.get(thread.uri) === Infinity) continue;
      const n = size(thread);
      if (drawn && drawn + n > posts) break;
      drawn += n;
      this.#drawn.set(thread.uri, posts !== FIRST_POSTS || n <= posts ? Infinity : firstReplies(thread, posts));
    }
  }

  #next = () => {
    this.#step(PAGE_POSTS);
    this.setValue(this.#shown());
  };

  /** The threads taken so far, drawn; the next step in a task of its own while some are not. */
  #shown() {
    const shown = this.#threads.flatMap((thread) => {
      const replies = this.#drawn.get(thread.uri);
      // A thread drawn in part: what is left of it comes under it, so no "more replies" for now.
      return replies === undefined ? [] : replies === Infinity ? [thread] : [{ ...thread, replies: thread.replies.slice(0, replies), more: 0 }];
    });
    const all = this.#threads.every((thread) => this.#drawn.get(thread.uri) === Infinity);
    this.#cancel();
    // The next step after the frame that shows this one, not before it; a hidden page draws no
    // frames, and one hidden meanwhile draws on a second later.
    const next = () => (this.#cancel(), (this.#timer = setTimeout(this.#next)));
    if (!all && this.isConnected) [this.#frame, this.#timer] = [requestAnimationFrame(next), setTimeout(next, document.hidden ? 0 : 1000)];
    if (all && this.#done) Promise.resolve().then(this.#done);
    return this.#draw(shown, all);
  }

  #cancel() {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    clearTimeout(this.#timer);
  }

  protected override disconnected() {
    this.#cancel();
  }

  protected override reconnected() {
    this.#next();
  }
}

type Draw = (shown: ThreadNode[], all: boolean) => unknown;

/** About a phone's screenful of posts: what a discussion's first render draws. */
const FIRST_POSTS = 8;

/**
 * How many of a thread's direct replies a first render draws: with their replies, as many as fit in
 * `posts` with the root, and two at least (a single reply would be drawn as a chain, then redrawn as
 * a branch when the next comes); Infinity when that is all of them.
 */
function firstReplies(thread: ThreadNode, posts: number): number {
  let count = 0;
  for (let n = 1; count < thread.replies.length; count++) {
    n += size(thread.replies[count]);
    if (count >= 2 && n > posts) break;
  }
  return count === thread.replies.length ? Infinity : count;
}

const steps = directive(Steps);

/**
 * On "Show more": its page loads by itself once the button comes near the viewport, when `ready`
 * (no page or branch loading), and never under a reader moving through the widget with the
 * keyboard (a focus ring inside it): they reach the button and press it, which moves focus, or Tab
 * past it, rather than have pages arrive ahead of every Tab. A button drawn already in reach waits
 * for a press until the reader has scrolled it out of reach once, so what shows at first is still
 * the first page. Ready again after a page, it looks afresh: a page that left it in reach brings
 * the next one. (A page drawn in steps draws the button anew, below thousands of pixels of posts:
 * out of reach.)
 */
class Near extends AsyncDirective {
  #observer?: IntersectionObserver;
  #button?: Element;
  #near?: () => void;
  #ready?: boolean;
  /** The button has been out of reach: from then on, it loads by itself whenever near. */
  #away?: boolean;

  render(_near: (() => void) | undefined, _ready: boolean) {
    return nothing;
  }

  override update(part: ElementPart, [near, ready]: Parameters<this['render']>) {
    this.#button = part.element;
    this.#near = near;
    if (ready && !this.#ready) this.#watch();
    this.#ready = ready;
    return nothing;
  }

  /** Observe the button afresh: its state now is reported at the next frame. */
  #watch() {
    if (!this.isConnected) return; // (every browser that runs Lit 3 has IntersectionObserver)
    this.#observer ??= new IntersectionObserver(
      (entries) => {
        if (!entries.at(-1)!.isIntersecting) this.#away = true;
        else if (this.#away && this.#ready && !(this.#button!.getRootNode() as ShadowRoot).activeElement?.matches(':focus-visible')) this.#near?.();
      },
      // As near the viewport as the widget itself starts loading (element.ts).
      { rootMargin: '800px 0px' },
    );
    this.#observer.unobserve(this.#button!);
    this.#observer.observe(this.#button!);
  }

  protected override disconnected() {
    this.#observer?.disconnect(); // (observed again on reconnecting)
  }

  protected override reconnected() {
    if (this.#ready) this.#watch();
  }
}

const near = directive(Near);

const moreTemplate = ({ busy, more, near: onNear, t }: View) =>
  html`<div class="actions">
    <button part="more" class="button secondary" ?disabled=${busy === 'more'} @click=${more} ${near(onNear, !busy)}>${t.showMore}</button>
  </div>`;

/** The threads loaded, drawn a step a task (at once when `whole`), and "Show more" under them once all are, while roots are pending. */
export const pageTemplate = (discussion: Discussion, view: View, whole: boolean): DirectiveResult =>
  steps(
    discussion.threads,
    (shown, all) => html`${view.news?.('top', view)}${listTemplate(discussion, view, shown)}${all && discussion.pending.length ? moreTemplate(view) : nothing}`,
    whole,
    view.drawn,
  );
