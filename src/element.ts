// <discuss-thread>: wires attributes, lazy start, loading and events to the DOM-free data layer
// (bluesky/) and the templates. Exported without registering; index.ts registers it.

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { loadDiscussion, showMore, totals, DiscoveryError, type Discussion, type DiscussionInputs, type Totals } from './bluesky/discussion.ts';
import type { RouteFailure } from './bluesky/discover.ts';
import { cleanUrl, isDid, isHandle, normalizeUrl, parsePostRef, searchUrl, type PostRef } from './bluesky/urls.ts';
import { readCache, writeCache } from './bluesky/cache.ts';
import { composeUrl } from './compose.ts';
import { messages, pickLanguage, type Messages } from './i18n/messages.ts';
import { plural } from './i18n/format.ts';
import { threadTemplate, type View } from './templates.ts';
import { styles } from './styles.ts';

export type Status = 'idle' | 'searching' | 'loaded' | 'empty' | 'error';

export interface LoadDetail extends Totals {
  /** Routes that failed while another answered. */
  failures: RouteFailure[];
}

export interface ErrorDetail {
  message: string;
  /** Each discovery route that failed, and how. */
  failures: RouteFailure[];
}

const SORTS = ['top', 'latest', 'oldest'] as const;
const DEFAULTS = {
  sort: 'top',
  limit: 20,
  depth: 6,
  composeText: '{title} {url}',
  service: 'https://public.api.bsky.app',
  searchService: 'https://api.bsky.app',
  backlinksService: 'https://constellation.microcosm.blue',
} as const;

/**
 * The Bluesky discussion about an article: the posts that link to it, their replies, and a link to
 * join in.
 *
 * @fires discuss-thread-load - The discussion loaded; `detail` holds the counts.
 * @fires discuss-thread-error - Nothing could be loaded; `detail` says which routes failed and how.
 * @slot - Fallback content, shown before the element upgrades and when loading fails.
 * @slot heading - Replaces the heading text.
 * @slot empty - Replaces the text shown when no one has posted about the article yet.
 * @csspart header - The heading, summary and compose link.
 * @csspart heading - The heading.
 * @csspart summary - The counts under the heading.
 * @csspart compose - The "Discuss on Bluesky" link.
 * @csspart status - The searching, empty and error messages (a polite live region).
 * @csspart list - The list of threads.
 * @csspart post - One post.
 * @csspart avatar - A post author's picture.
 * @csspart author - A post author's name and handle.
 * @csspart text - A post's text.
 * @csspart embed - A post's images, link card, quote or video.
 * @csspart stats - A post's counts and reply link.
 * @csspart replies - The list of replies under a post.
 * @csspart more - "Show more" and "more replies on Bluesky".
 * @csspart retry - The "Try again" button.
 * @cssprop [--discuss-text=light-dark(#1b1f24, #e8ecf0)] - Text colour.
 * @cssprop [--discuss-muted=light-dark(#57606a, #a4adb8)] - Handles, times, counts and the status line.
 * @cssprop [--discuss-bg=light-dark(#fff, #15191e)] - The widget's background.
 * @cssprop [--discuss-surface=light-dark(#f4f6f8, #1c232b)] - Avatar placeholders, badges, images while loading.
 * @cssprop [--discuss-border=light-dark(#d4d9de, #38414b)] - Separators, cards and thread lines.
 * @cssprop [--discuss-accent=light-dark(#0b63c9, #6cb4ff)] - Links, buttons and the focus ring.
 * @cssprop [--discuss-on-accent=light-dark(#fff, #04121f)] - Text on buttons.
 * @cssprop [--discuss-radius=10px] - Corner radius.
 * @cssprop [--discuss-gap=1rem] - Space between threads.
 * @cssprop [--discuss-padding=var(--discuss-gap)] - Space inside the widget.
 * @cssprop [--discuss-avatar-size=2.25rem] - Avatar size, and the reply indent.
 * @cssprop [--discuss-font=inherit] - The `font` shorthand.
 * @attribute lang - Interface language; defaults to the nearest `lang`, then the browser's languages.
 * @tagname discuss-thread
 */
export class DiscussThread extends LitElement {
  static override styles = styles;

  static override properties = {
    url: {},
    post: {},
    author: {},
    sort: {},
    limit: { type: Number },
    depth: { type: Number },
    lang: {},
    theme: { reflect: true },
    loading: {},
    composeText: { attribute: 'compose-text' },
    service: {},
    searchService: { attribute: 'search-service' },
    backlinksService: { attribute: 'backlinks-service' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    strings: { attribute: false },
    status: { reflect: true },
  };

  /** The article; defaults to `<link rel=canonical>`, then `og:url`, then the page address. */
  declare url?: string;
  /** Bluesky posts always shown first: bsky.app URLs or `at://` URIs, separated by whitespace. */
  declare post?: string;
  /** Handle or DID: only this account's posts start threads. */
  declare author?: string;
  /**
   * `top`, `latest` or `oldest`.
   * @default 'top'
   */
  declare sort?: string;
  /**
   * Threads shown at first; "Show more" reveals as many again.
   * @default 20
   */
  declare limit?: number;
  /**
   * Reply levels shown.
   * @default 6
   */
  declare depth?: number;
  /**
   * `auto`, `light` or `dark`.
   * @default 'auto'
   */
  declare theme?: string;
  /**
   * `lazy` (wait until near the viewport) or `eager`.
   * @default 'lazy'
   */
  declare loading?: string;
  /**
   * Text prefilled in Bluesky's composer; `{title}` and `{url}` are filled in.
   * @default '{title} {url}'
   */
  declare composeText?: string;
  /**
   * AppView for threads, posts and profiles.
   * @default 'https://public.api.bsky.app'
   */
  declare service?: string;
  /**
   * Host for `app.bsky.feed.searchPosts`.
   * @default 'https://api.bsky.app'
   */
  declare searchService?: string;
  /**
   * Backlink index used when search is refused; `none` turns it off.
   * @default 'https://constellation.microcosm.blue'
   */
  declare backlinksService?: string;
  /**
   * Level of the heading, 1–6.
   * @default 2
   */
  declare headingLevel?: number;
  /** Overrides for any interface string. */
  declare strings?: Partial<Messages>;
  /** `idle`, `searching`, `loaded`, `empty` or `error`; reflected for styling. */
  declare status: Status;

  #active = false;
  #observer?: IntersectionObserver;
  #inputs!: DiscussionInputs;
  #key = '';
  /** Inputs key of the load under way or done; undefined when the next update must start one. */
  #loadedKey?: string;
  #phase: 'idle' | 'searching' | 'done' | 'error' = 'idle';
  #discussion?: Discussion;
  #load?: AbortController;
  #more?: AbortController;
  /** The next load skips the session cache (refresh, "Try again"). */
  #force = false;
  #warned = new Set<string>();

  constructor() {
    super();
    this.status = 'idle';
  }

  /** Load again, skipping the session cache. */
  refresh(): void {
    this.#force = true;
    this.#loadedKey = undefined; // the next update loads again, with the page's current inputs
    this.#activate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.loading === 'eager' || typeof IntersectionObserver !== 'function') return this.#activate();
    this.#observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && this.#activate(), { rootMargin: '800px 0px' });
    this.#observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#load?.abort();
    this.#more?.abort();
    this.#active = false;
    this.#loadedKey = undefined;
  }

  #activate() {
    this.#observer?.disconnect();
    this.#active = true;
    this.requestUpdate();
  }

  /**
   * Load the discussion for the current inputs. A fresh session-cache entry is shown at once with no
   * request; a stale one is shown at once while a fresh copy loads quietly (its failure keeps it).
   */
  #start(force: boolean) {
    const key = (this.#loadedKey = this.#key);
    this.#load?.abort();
    this.#more?.abort();
    const cached = force ? undefined : readCache(key);
    if (cached) this.#show(cached.discussion);
    else this.#phase = 'searching';
    this.requestUpdate();
    if (!cached?.fresh) this.#fetch(key, !!cached);
  }

  async #fetch(key: string, quiet: boolean) {
    const controller = (this.#load = new AbortController());
    try {
      const discussion = await loadDiscussion(this.#inputs, { signal: controller.signal });
      if (controller.signal.aborted) return;
      writeCache(key, discussion);
      this.#show(discussion);
    } catch (error) {
      if (controller.signal.aborted || quiet) return;
      this.#phase = 'error';
      const failures = error instanceof DiscoveryError ? error.failures : [];
      const detail: ErrorDetail = { message: String((error as Error)?.message ?? error), failures };
      this.dispatchEvent(new CustomEvent('discuss-thread-error', { detail, bubbles: true, composed: true }));
    }
    this.requestUpdate();
  }

  #show(discussion: Discussion) {
    this.#more?.abort(); // a "Show more" under way belongs to the discussion being replaced
    this.#discussion = discussion;
    this.#phase = 'done';
    const detail: LoadDetail = { ...totals(discussion), failures: discussion.failures };
    this.dispatchEvent(new CustomEvent('discuss-thread-load', { detail, bubbles: true, composed: true }));
  }

  #warn(attribute: string, value: unknown, fallback: string) {
    const key = `${attribute}=${value}`;
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    console.warn(`<discuss-thread>: ignoring ${attribute}="${value}"; using ${fallback}.`);
  }

  #number(attribute: string, value: number | undefined, fallback: number, min: number, max: number): number {
    if (value === undefined || value === null) return fallback;
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    this.#warn(attribute, value, `${fallback} (a whole number from ${min} to ${max})`);
    return fallback;
  }

  #host(attribute: string, value: string | undefined, fallback: string): string {
    if (!value) return fallback;
    const url = cleanUrl(value, document.baseURI);
    if (url) return url.replace(/\/+$/, '');
    this.#warn(attribute, value, fallback);
    return fallback;
  }

  #article(): string {
    if (this.url) {
      const url = cleanUrl(this.url, document.baseURI);
      if (url) return url;
      this.#warn('url', this.url, 'the page address');
    }
    const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
    const og = document.querySelector<HTMLMetaElement>('meta[property="og:url"]')?.content;
    return [canonical, og, location.href].map((candidate) => candidate && cleanUrl(candidate, document.baseURI)).find(Boolean) ?? location.href;
  }

  #posts(): PostRef[] {
    return (this.post ?? '').split(/\s+/).flatMap((value) => {
      if (!value) return [];
      const ref = parsePostRef(value);
      if (!ref) this.#warn('post', value, 'no post for it (expected a bsky.app post URL or an at:// post URI)');
      return ref ? [ref] : [];
    });
  }

  #resolveInputs(): DiscussionInputs {
    const sort = SORTS.find((s) => s === this.sort);
    if (this.sort && !sort) this.#warn('sort', this.sort, `"${DEFAULTS.sort}"`);
    // Handles are case-insensitive and Bluesky returns them in lower case; DIDs are kept as given.
    const author = this.author?.replace(/^@/, '').replace(/^(?!did:).*/, (handle) => handle.toLowerCase());
    if (author && !isDid(author) && !isHandle(author)) this.#warn('author', this.author, 'no author filter');
    return {
      article: this.#article(),
      posts: this.#posts(),
      author: author && (isDid(author) || isHandle(author)) ? author : undefined,
      sort: sort ?? DEFAULTS.sort,
      limit: this.#number('limit', this.limit, DEFAULTS.limit, 1, 100),
      depth: this.#number('depth', this.depth, DEFAULTS.depth, 0, 100),
      service: this.#host('service', this.service, DEFAULTS.service),
      searchService: this.#host('search-service', this.searchService, DEFAULTS.searchService),
      backlinksService: this.backlinksService === 'none' ? undefined : this.#host('backlinks-service', this.backlinksService, DEFAULTS.backlinksService),
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('theme') && this.theme && !['auto', 'light', 'dark'].includes(this.theme)) this.#warn('theme', this.theme, '"auto"');
    if (changed.has('loading') && this.loading && !['lazy', 'eager'].includes(this.loading)) this.#warn('loading', this.loading, '"lazy"');
    if (changed.has('loading') && this.loading === 'eager' && this.isConnected) this.#activate();
    const inputs = this.#resolveInputs();
    const key = JSON.stringify(inputs);
    if (key !== this.#key) {
      this.#inputs = inputs;
      this.#key = key;
    }
    if (this.#active && this.#key !== this.#loadedKey) {
      this.#start(this.#force);
      this.#force = false;
    }
    this.status = this.#status();
  }

  #status(): Status {
    if (!this.#active || this.#phase === 'idle') return 'idle';
    if (this.#phase !== 'done') return this.#phase;
    return this.#discussion!.threads.length ? 'loaded' : 'empty';
  }

  async #showMore() {
    const discussion = this.#discussion;
    if (!discussion || this.#more) return;
    const before = new Set(discussion.threads.map((thread) => thread.uri));
    const controller = (this.#more = new AbortController());
    this.requestUpdate();
    try {
      const next = await showMore(discussion, this.#inputs.limit, this.#inputs, { signal: controller.signal });
      // A reload or a quiet refresh replaced the discussion meanwhile: that one stands.
      if (controller.signal.aborted || this.#discussion !== discussion) return;
      this.#discussion = next;
    } catch {
      // Aborted, or a bug we must not turn into an error state: the threads shown stay.
      return;
    } finally {
      if (this.#more === controller) this.#more = undefined;
      this.requestUpdate();
    }
    await this.updateComplete;
    // Focus the first thread that was not on screen before.
    const index = this.#discussion.threads.findIndex((thread) => !before.has(thread.uri));
    this.renderRoot.querySelectorAll<HTMLElement>('.list > li > article')[index]?.focus();
  }

  #language(): string {
    // The property first: frameworks such as React 19 set it without the attribute.
    return pickLanguage([this.lang, this.closest<HTMLElement>('[lang]')?.lang, document.documentElement.lang, ...navigator.languages]);
  }

  protected override render() {
    const lang = this.#language();
    const t: Messages = { ...messages(lang), ...this.strings };
    const inputs = this.#inputs;
    const title = document.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content || document.title;
    const discussion = this.status === 'loaded' ? this.#discussion : undefined;
    const view: View = { lang, t, now: Date.now(), article: normalizeUrl(inputs.article), author: inputs.author };
    const level = this.#number('heading-level', this.headingLevel, 2, 1, 6);
    return html`
      <header part="header">
        <div part="heading" class="heading" role="heading" aria-level=${level}><slot name="heading">${t.heading}</slot></div>
        <a part="compose" class="button" href=${composeUrl(this.composeText || DEFAULTS.composeText, title, inputs.article)}>${t.compose}</a>
        ${discussion ? this.#summary(lang, t, totals(discussion)) : nothing}
      </header>
      <p part="status" class="status" role="status">${this.#statusText(t)}</p>
      ${this.status === 'error'
        ? html`<div class="actions">
            <button part="retry" class="button" @click=${() => this.refresh()}>${t.retry}</button>
            <a class="button secondary" href=${searchUrl(inputs.article)}>${t.searchOnBluesky}</a>
          </div>
          <slot></slot>`
        : nothing}
      ${discussion
        ? html`<ol part="list" class="list">${discussion.threads.map((thread) => threadTemplate(thread, view))}</ol>
            ${discussion.pending.length
              ? html`<div class="actions"><button part="more" class="button secondary" ?disabled=${!!this.#more} @click=${this.#showMore}>${t.showMore}</button></div>`
              : nothing}`
        : nothing}
    `;
  }

  #summary(lang: string, t: Messages, counts: Totals) {
    const parts = [plural(lang, t.posts, counts.posts), plural(lang, t.replies, counts.replies), plural(lang, t.likes, counts.likes)];
    return html`<p part="summary" class="summary">${parts.join(' · ')}</p>`;
  }

  #statusText(t: Messages) {
    switch (this.status) {
      case 'searching':
        return t.searching;
      case 'empty':
        return html`<slot name="empty">${t.empty}</slot>`;
      case 'error':
        return t.error;
      default:
        return nothing;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'discuss-thread': DiscussThread;
  }
  interface HTMLElementEventMap {
    'discuss-thread-load': CustomEvent<LoadDetail>;
    'discuss-thread-error': CustomEvent<ErrorDetail>;
  }
}
