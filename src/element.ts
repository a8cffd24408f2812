// <discuss-thread>: wiring. Attributes become inputs (inputs.ts), inputs start loads (load.ts),
// state becomes markup (templates/). Exported without registering; index.ts registers it.

import { LitElement, noChange, type PropertyValues } from 'lit';
import { NOT_INPUTS, readInputs, readPage, type Inputs } from './inputs.ts';
import { warner } from './bluesky/warn.ts';
import { served } from './served.ts';
import { LoadController, loadLazy, type ErrorDetail, type LoadDetail, type Status } from './load.ts';
import { chooseLanguage, messages, type Messages } from './i18n/messages.ts';
import type { JoinMessages } from './i18n/join.ts';
import type { ViewMessages } from './i18n/view.ts';
import type { LiveMessages } from './live/view.ts';
import { shell } from './templates/shell.ts';
import { focusNew } from './focus.ts';
import { ReaderController } from './reader.ts';
import type { Filter } from './bluesky/rules.ts';
import { styles } from './styles.ts';

export type { Status, LoadDetail, ErrorDetail };

/**
 * The Bluesky discussion about an article: the posts that link to it, their replies, and a link to
 * join in.
 *
 * @fires discuss-thread-load - The discussion loaded, and its first page is all on screen; `detail` holds the counts.
 * @fires discuss-thread-error - Nothing could be loaded; `detail` says which routes failed and how.
 * @slot - Fallback content, shown before the element upgrades and when loading fails; a link in it stands for the widget's own link to Bluesky search.
 * @slot heading - Replaces the heading text.
 * @slot empty - Replaces the text shown when no one has posted about the article yet.
 * @csspart header - The heading, summary and compose link.
 * @csspart heading - The heading.
 * @csspart summary - The counts under the heading.
 * @csspart order - The reader's choice of order beside the counts: Top, Latest, Oldest (radio buttons; starts at `sort`).
 * @csspart compose - The "Discuss on Bluesky" link.
 * @csspart status - The searching, empty and error messages (a polite live region).
 * @csspart list - The list of threads.
 * @csspart post - One post.
 * @csspart avatar - A post author's picture.
 * @csspart author - The name row: a post author's name and handle, and the post's time.
 * @csspart text - A post's text.
 * @csspart embed - A post's images, link card, quote or video.
 * @csspart stats - A post's reply link and its counts (hidden at zero).
 * @csspart replies - The list of replies under a post.
 * @csspart more - "Show more", "Show N more replies" (opens a branch in place) and "N more replies on Bluesky".
 * @csspart news - With `live`: "2 new replies" under a post, "1 new post" above the list; pressing shows them there.
 * @csspart retry - The "Try again" button.
 * @csspart join - With `client-id`: "Sign in with Bluesky", the handle form, and the signed-in reader's name and "Sign out".
 * @cssprop [--discuss-text=light-dark(#1b1f24, #e8ecf0)] - Text colour.
 * @cssprop [--discuss-muted=light-dark(#57606a, #a4adb8)] - Handles, times, counts and the status line.
 * @cssprop [--discuss-bg=light-dark(#fff, #15191e)] - The widget's background.
 * @cssprop [--discuss-surface=light-dark(#f4f6f8, #1c232b)] - Avatar placeholders, badges, images while loading.
 * @cssprop [--discuss-border=light-dark(#d4d9de, #38414b)] - Separators, cards and thread lines.
 * @cssprop [--discuss-accent=light-dark(#0b63c9, #6cb4ff)] - Links, buttons and the focus ring.
 * @cssprop [--discuss-on-accent=light-dark(#fff, #04121f)] - Text on buttons.
 * @cssprop [--discuss-radius=10px] - Corner radius.
 * @cssprop [--discuss-gap=1rem] - Space between threads.
 * @cssprop [--discuss-padding=clamp(0.5rem, 2.5vw, var(--discuss-gap))] - Space inside the widget.
 * @cssprop [--discuss-avatar-size=2.25rem] - Avatar size, and the reply indent.
 * @cssprop [--discuss-font=inherit] - The `font` shorthand.
 * @cssprop [--discuss-like=light-dark(#db2777, #ec4899)] - A post the reader liked: its heart and count.
 * @cssprop [--discuss-repost=light-dark(#13820a, #20bc07)] - A post the reader reposted: its arrow and count.
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
    hide: {},
    mutedWords: { attribute: 'muted-words' },
    labelers: {},
    quotes: {},
    filter: { attribute: false },
    clientId: { attribute: 'client-id' },
    live: {},
    liveService: { attribute: 'live-service' },
    strings: { attribute: false },
    status: { reflect: true },
  };

  /** The article; defaults to `<link rel=canonical>`, then `og:url`, then the page address. */
  declare url?: string;
  /** Bluesky posts always shown first (pinned): bsky.app URLs or `at://` URIs, separated by whitespace. */
  declare post?: string;
  /** Handle or DID: only this account's posts start threads. */
  declare author?: string;
  /** `top`, `latest` or `oldest`. @default 'top' */
  declare sort?: string;
  /** The most threads shown at first (fewer once they hold about 40 posts); "Show more", or scrolling near it, reveals the next page. @default 20 */
  declare limit?: number;
  /** Reply levels shown. @default 6 */
  declare depth?: number;
  /** `auto`, `light` or `dark`. @default 'auto' */
  declare theme?: string;
  /** `lazy` (wait until near the viewport) or `eager`. @default 'lazy' */
  declare loading?: string;
  /** Text prefilled in Bluesky's composer; `{title}` and `{url}` are filled in. @default '{title} {url}' */
  declare composeText?: string;
  /** AppView for threads, posts and profiles. @default 'https://public.api.bsky.app' */
  declare service?: string;
  /** Host for `app.bsky.feed.searchPosts`. @default 'https://api.bsky.app' */
  declare searchService?: string;
  /** Backlink index used when search is refused; `none` turns it off. @default 'https://constellation.microcosm.blue' */
  declare backlinksService?: string;
  /** Level of the heading, 1–6. @default 2 */
  declare headingLevel?: number;
  /** Accounts (handles, DIDs, profile URLs) and posts (bsky.app URLs, `at://` URIs) never shown, with what is under them: whitespace-separated, or an array. */
  declare hide?: string | string[];
  /** Words and phrases, comma-separated: a post containing one is not shown (whole words, any case). */
  declare mutedWords?: string;
  /** DIDs of moderation services whose labels hide or warn as on bsky.app for a subscriber. */
  declare labelers?: string;
  /** `on`: quote posts of the pinned posts join the discussion; `off` leaves them out. @default 'on' */
  declare quotes?: string;
  /** Given each post view (`app.bsky.feed.defs#postView`), a falsy answer keeps the post off the page. */
  declare filter?: Filter;
  /** URL of your OAuth client metadata: readers sign in with Bluesky and join from the page. */
  declare clientId?: string;
  /** Present (any value but `off` or `false`): new replies and posts arrive while the reader reads, behind a "2 new replies" button; off by default. */
  declare live?: string;
  /** The link-event stream `live` listens to (Spacedust): `wss:`, or `ws:` on a loopback host. @default 'wss://spacedust.microcosm.blue' */
  declare liveService?: string;
  /** Overrides for any interface string, the sign-in ones included. */
  declare strings?: Partial<Messages & ViewMessages & JoinMessages & LiveMessages>;
  /** `idle`, `searching`, `loaded`, `empty` or `error`; reflected for styling. */
  status: Status = 'idle';

  #loader = new LoadController(this, { stepped: true });
  #reader = new ReaderController(this);
  #inputs!: Inputs;
  #warn = warner();
  #active = false;
  #observer?: IntersectionObserver;
  #force = false; // the next load skips the session cache (refresh, "Try again")
  #lang?: string; // undefined until the reader's language has arrived
  /** The server's markup (discuss-thread/server), shown until the element renders the same discussion itself. */
  #server?: ChildNode[];

  /** Load again, skipping the session cache, with the page's current inputs. */
  refresh(): void {
    this.#force = true;
    this.#inputs = this.#read();
    this.#activate();
  }

  override connectedCallback(): void {
    // Rendered by the server: its shadow root is here before Lit made one, and stays as it is until taken over.
    if (!this.renderRoot && this.shadowRoot) {
      this.#server = [...this.shadowRoot.childNodes];
      this.#loader.served = served(this);
    }
    super.connectedCallback();
    this.#inputs = this.#read();
    this.#language();
    if (this.#inputs.loading === 'eager' || typeof IntersectionObserver !== 'function') return this.#activate();
    this.#observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && this.#activate(), { rootMargin: '800px 0px' });
    this.#observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#active = false;
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    // Lit renders before what a root holds; a server's markup goes, so Lit's comes after it.
    this.renderOptions.renderBefore = null;
    return root;
  }

  #activate() {
    this.#observer?.disconnect();
    this.#active = true;
    loadLazy().catch(() => {}); // the discussion code, in parallel with the first request
    this.requestUpdate();
  }

  #read = (): Inputs => readInputs(this, readPage(document), this.#warn);

  #asked = 0; // languages asked for: the strings of one asked before the latest are not used when they arrive

  #language() {
    const asked = ++this.#asked;
    chooseLanguage(this, (lang) => asked === this.#asked && ((this.#lang = lang), this.requestUpdate()));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ([...changed.keys()].some((name) => !NOT_INPUTS.has(name))) this.#inputs = this.#read();
    if (changed.has('lang')) this.#language();
    if (changed.has('loading') && this.#inputs.loading === 'eager' && this.isConnected && !this.#active) this.#activate();
    this.#reader.set(this.#inputs, this.#active, this.#lang);
    if (this.#active) this.#loader.load(this.#inputs, this.#inputs.key, this.#force);
    this.#force = false;
    this.#takeOver();
    // (The server's status stands while its markup does. Nothing shows until the reader's language
    // has arrived, and the status says as much: "loaded" is a discussion on screen, all of it.)
    const { state } = this.#loader;
    const shown = this.#lang && !('drawing' in state && state.drawing);
    if (!this.#server) this.status = !this.#active ? 'idle' : shown ? state.status : 'searching';
  }

  /**
   * The server's markup gives way once this render can show what it showed (the discussion, in the
   * reader's language): in the same task as that render, so no frame shows neither. An error never
   * replaces it.
   */
  #takeOver() {
    const { state, lazy } = this.#loader;
    if (!this.#server || !this.#lang || !('discussion' in state && lazy)) return;
    this.#server.forEach((node) => node.remove());
    this.#server = undefined;
  }

  #live = false;

  protected override updated(): void {
    // `live`: its code comes once a discussion is shown, and watches the element from then on.
    const { lazy, state } = this.#loader;
    if (this.#live || this.live == null || /^(off|false)$/i.test(this.live) || !lazy || !('discussion' in state)) return;
    this.#live = true;
    lazy.live(this, this.#loader, () => this.#inputs);
  }

  #more = () => focusNew(this, () => this.#loader.more());
  #open = (uri: string) => focusNew(this, () => this.#loader.open(uri));

  protected override render() {
    if (this.#server) return noChange;
    const t = this.#lang && messages(this.#lang);
    if (!t) return null; // the reader's language is on its way: a moment of nothing, never English first
    const { state, lazy } = this.#loader;
    const [onRetry, onMore, onNear, onOpen, onDrawn] = [() => this.refresh(), this.#more, () => this.#loader.more(), this.#open, this.#loader.drawn];
    const strings = { ...t, ...this.strings };
    const [order, onOrder] = [this.#loader.order, this.#loader.reorder];
    // A link in the site's fallback (what is outside the named slots) stands for ours.
    const fallback = !!this.querySelector(':scope>a:not([slot]),:scope>:not([slot]) a');
    return shell({
      state,
      inputs: this.#inputs,
      t: strings,
      lang: this.#lang!,
      lazy,
      onRetry,
      onMore,
      onNear,
      onOpen,
      onDrawn,
      order,
      onOrder,
      fallback,
      port: this.#reader.port(strings, this.#lang!),
      news: this.#loader.news,
    });
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
