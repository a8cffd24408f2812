// discuss-thread/server: the discussion about an article rendered to HTML without a browser, by the
// same discovery, moderation and Lit templates as the element, into a declarative shadow root, with
// the data the element takes over from beside it. No DOM: it runs on Node, and in a Workers runtime
// bundled with Lit's server build and `nodejs_compat` (docs/worker.md).

import { render, type ElementRenderer } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { readInputs, type Attributes, type Inputs } from '../inputs.ts';
import { DiscoveryError, loadDiscussion, totals } from '../bluesky/discussion.ts';
import type { Discussion } from '../bluesky/model.ts';
import { warner } from '../bluesky/warn.ts';
import { loadMessages, pickLanguage } from '../i18n/messages.ts';
import { shell, signIn } from '../templates/shell.ts';
import { escapeHtml } from '@lit-labs/ssr/lib/util/escape-html.js';
import { lazy } from '../lazy.ts';
import { styles } from '../styles.ts';

import { DATA_ATTRIBUTE, type ServerData } from '../served.ts';

/**
 * Until the element takes its markup over (or where its code never runs), the buttons would do
 * nothing: they keep their room, so nothing moves when they start to work, but are not seen. Links
 * and "Continue thread" (a `<details>`) work without it. (This stylesheet goes at the takeover.)
 */
const SERVER_STYLES = ':is(button, .order) { visibility: hidden; }';

export interface RenderOptions extends Omit<Attributes, 'url' | 'filter'> {
  /** The article (required: a server has no page to take it from). */
  url: string;
  /** Interface language (a BCP 47 tag); English when absent. Give the page's, so the element reads the same. */
  lang?: string;
  /** The article's title, for the composer's `{title}`. */
  title?: string;
  /** The page's standard.site document (`<link rel="site.standard.document">`'s `href`). */
  document?: string;
  /** Given each post view, a falsy answer keeps the post out of the HTML (the element's `filter`, run here). */
  filter?: Attributes['filter'];
  /** The `fetch` to ask Bluesky with (a cache's, a test's); the global one by default. */
  fetch?: typeof fetch;
  /** Seconds the rendered data counts as fresh in the reader's browser: younger, no request at all. @default 300 */
  ttl?: number;
  /** A nonce for the inline `<style>`, for a page whose CSP allows styles by nonce. */
  nonce?: string;
  /** The stylesheet's address, linked instead of inlined (for a CSP with `style-src 'self'`). */
  stylesheet?: string;
}

/** The options that are attributes of the element (as its properties name them): no other key becomes one. */
export const ATTRIBUTES = [
  ...['url', 'post', 'author', 'sort', 'limit', 'depth', 'lang', 'theme', 'loading', 'composeText', 'service', 'searchService'],
  ...['backlinksService', 'headingLevel', 'hide', 'mutedWords', 'labelers', 'quotes', 'clientId', 'live', 'liveService'],
] as const;

/** An option's attribute name: `searchService` → `search-service`. */
export const attributeName = (option: string) => option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** JSON inside `<script>`: nothing in it can close the element or open a comment. */
const scriptJson = (data: unknown) =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The element's attributes, as the site owner would write them, from the options that are attributes. */
function attributes(options: RenderOptions, status?: string): string {
  const pairs = ATTRIBUTES.flatMap((name) => {
    const value = options[name];
    if (value === undefined || value === null) return [];
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    return [`${attributeName(name)}="${escapeHtml(text)}"`];
  });
  return [...pairs, ...(status ? [`status="${status}"`] : [])].map((pair) => ` ${pair}`).join('');
}

/** Lit's markers, which only a client hydrating in place would read: this one renders afresh. */
const MARKERS = /<!--\/?lit-(?:part|node)[^>]*-->|<\?(?:lit\$\d+\$)?>/g;

/**
 * The frame's HTML. It renders inside the element's shadow root, where its `<slot>`s are, so Lit is
 * told it renders for a host: one with no element, since no element instance runs on the server.
 */
async function toHtml(template: unknown): Promise<string> {
  const host = {} as ElementRenderer;
  return (await collectResult(render(template, { customElementHostStack: [host] }))).replace(MARKERS, '');
}

/** The frame and the discussion, as the element renders them for a signed-out reader who has not chosen an order. */
function frame(inputs: Inputs, discussion: Discussion, status: 'loaded' | 'empty', t: Awaited<ReturnType<typeof loadMessages>>, lang: string) {
  const none = () => {};
  return shell({
    state: { status, discussion, counts: totals(discussion) },
    inputs,
    t,
    lang,
    lazy,
    onRetry: none,
    onMore: none,
    onOpen: none,
    onOrder: none,
    port: { control: signIn(t) },
  });
}

/** The rendered element's stylesheet: the frame's, the posts', and the rule for controls that wait for the code. To serve as a file for `stylesheet` (`npx discuss-thread css`). */
export const stylesheet = (): string => styles.cssText + lazy.postStyles.cssText + SERVER_STYLES;

function styleTag(options: RenderOptions): string {
  if (options.stylesheet) return `<link rel="stylesheet" href="${escapeHtml(options.stylesheet)}">`;
  const nonce = options.nonce ? ` nonce="${escapeHtml(options.nonce)}"` : '';
  return `<style${nonce}>${stylesheet()}</style>`;
}

/**
 * The whole `<discuss-thread>` element for an article: its discussion rendered into a declarative
 * shadow root, readable without JavaScript, and the data the element takes over without asking
 * again while it is fresh. When every route fails, the element alone, which loads as it would
 * without a server.
 */
export async function renderDiscussion(options: RenderOptions): Promise<string> {
  const warn = warner();
  const page = { baseURI: options.url, href: options.url, title: options.title ?? '', document: options.document };
  const inputs = readInputs(options, page, warn);
  const lang = pickLanguage([options.lang]);
  let discussion: Discussion;
  try {
    // Every thread of the first `limit`, not a page's worth of posts (PAGE_POSTS): a reader without
    // JavaScript, or a search engine, has no "Show more", and the cost of rendering is paid here once
    // per TTL rather than in every reader's browser.
    discussion = await loadDiscussion(inputs, { fetch: options.fetch }, undefined, Infinity);
  } catch (error) {
    if (!(error instanceof DiscoveryError)) throw error;
    return `<discuss-thread${attributes(options)}></discuss-thread>`;
  }
  const t = await loadMessages(lang);
  const status = discussion.threads.length ? 'loaded' : 'empty';
  const shadow = await toHtml(frame(inputs, discussion, status, t, lang));
  const data: ServerData = { at: Date.now(), ttl: options.ttl ?? 300, key: inputs.key, discussion };
  return (
    `<discuss-thread${attributes(options, status)}>` +
    `<template shadowrootmode="open">${styleTag(options)}${shadow}</template>` +
    `<script type="application/json" ${DATA_ATTRIBUTE}>${scriptJson(data)}</script>` +
    `</discuss-thread>`
  );
}
