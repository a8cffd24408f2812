// The element's inputs, read once when one changes: attribute values validated into one plain
// object, each bad value answered with a console warning naming the attribute and the default used.
// Pure apart from `readPage`, which takes what the inputs need from the page.

import type { DiscussionInputs, PostRef, Sort } from './bluesky/model.ts';
import { actorOf, cleanUrl, normalizeUrl, parsePostRef } from './bluesky/urls.ts';
import type { Warn } from './bluesky/warn.ts';

/** Every default, in one place: the JSDoc, the README and the manifest say the same. */
export const DEFAULTS = {
  sort: 'top',
  limit: 20,
  depth: 6,
  theme: 'auto',
  loading: 'lazy',
  composeText: '{title} {url}',
  headingLevel: 2,
  service: 'https://public.api.bsky.app',
  searchService: 'https://api.bsky.app',
  backlinksService: 'https://constellation.microcosm.blue',
  quotes: 'on',
} as const;

/** The attributes as the element's properties hold them (numbers already converted by Lit). */
export interface Attributes {
  url?: string;
  post?: string;
  author?: string;
  sort?: string;
  limit?: number;
  depth?: number;
  theme?: string;
  loading?: string;
  composeText?: string;
  service?: string;
  searchService?: string;
  backlinksService?: string;
  headingLevel?: number;
  /** A string of accounts and posts, or (as a property) an array of them. */
  hide?: string | readonly string[];
  mutedWords?: string;
  labelers?: string;
  quotes?: string;
  filter?: unknown;
  clientId?: string;
  /** Read by the live code (live/stream.ts), not here: they shape no load. */
  live?: string;
  liveService?: string;
}

/** What the inputs need from the page. */
export interface Page {
  baseURI: string;
  href: string;
  canonical?: string;
  ogUrl?: string;
  title: string;
  /** `<link rel="site.standard.document">`'s `href`, as written. */
  document?: string;
}

export interface Inputs extends DiscussionInputs {
  /** The article, normalised for matching links (its own link card is left out). */
  articleKey?: string;
  title: string;
  composeText: string;
  headingLevel: number;
  loading: 'lazy' | 'eager';
  /** Everything that shapes a load, as one string: a change reloads, anything else re-renders. */
  key: string;
  /** The site's OAuth client metadata document: readers may sign in and join from the page. */
  clientId?: string;
}

/** Properties that are not inputs; a change to any other re-reads the inputs (and reloads when what a load uses changed). */
export const NOT_INPUTS = new Set<PropertyKey>(['lang', 'strings', 'status']);

export function readPage(doc: Document): Page {
  return {
    baseURI: doc.baseURI,
    href: doc.location?.href ?? doc.baseURI,
    canonical: doc.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href,
    ogUrl: doc.querySelector<HTMLMetaElement>('meta[property="og:url"]')?.content,
    title: doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content || doc.title,
    document: doc.querySelector('link[rel~="site.standard.document"]')?.getAttribute('href') ?? undefined,
  };
}

function oneOf<T extends string>(attribute: string, value: string | undefined, allowed: readonly T[], fallback: T, warn: Warn): T {
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  warn(attribute, value, `"${fallback}"`);
  return fallback;
}

function whole(attribute: string, value: number | undefined | null, fallback: number, min: number, max: number, warn: Warn): number {
  if (value === undefined || value === null) return fallback;
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  warn(attribute, value, `${fallback} (a whole number from ${min} to ${max})`);
  return fallback;
}

function host(attribute: string, value: string | undefined, fallback: string, page: Page, warn: Warn): string {
  if (!value) return fallback;
  const url = cleanUrl(value, page.baseURI);
  if (url) return url.replace(/\/+$/, '');
  warn(attribute, value, fallback);
  return fallback;
}

/** The article: `url`, else the page's canonical link, `og:url`, its address; without tracking parameters. */
export function article(value: string | undefined, page: Page, warn: Warn): string {
  if (value) {
    const url = cleanUrl(value, page.baseURI);
    if (url) return url;
    warn('url', value, 'the page address');
  }
  return [page.canonical, page.ogUrl, page.href].map((candidate) => candidate && cleanUrl(candidate, page.baseURI)).find(Boolean) ?? page.href;
}

function pinned(value: string | undefined, warn: Warn): PostRef[] {
  return (value ?? '').split(/\s+/).flatMap((item) => {
    if (!item) return [];
    const ref = parsePostRef(item);
    if (!ref) warn('post', item, 'no post for it (expected a bsky.app post URL or an at:// post URI)');
    return ref ? [ref] : [];
  });
}

function author(value: string | undefined, warn: Warn): string | undefined {
  if (!value) return undefined;
  const actor = actorOf(value);
  if (!actor) warn('author', value, 'no author filter');
  return actor;
}

/** `client-id`: an https URL of the client metadata, or a loopback client (`http://localhost…`) for local development. */
function clientId(value: string | undefined, warn: Warn): string | undefined {
  if (!value) return undefined;
  if (/^https:\/\/[^/?#]+\/.|^http:\/\/localhost(?:[/?]|$)/.test(value)) return value;
  warn('client-id', value, 'no sign-in (expected the https URL of your client-metadata.json)');
  return undefined;
}

export function readInputs(attrs: Attributes, page: Page, warn: Warn): Inputs {
  const load: DiscussionInputs = {
    article: article(attrs.url, page, warn),
    pinned: pinned(attrs.post, warn),
    author: author(attrs.author, warn),
    sort: oneOf<Sort>('sort', attrs.sort, ['top', 'latest', 'oldest'], DEFAULTS.sort, warn),
    limit: whole('limit', attrs.limit, DEFAULTS.limit, 1, 100, warn),
    depth: whole('depth', attrs.depth, DEFAULTS.depth, 0, 100, warn),
    service: host('service', attrs.service, DEFAULTS.service, page, warn),
    searchService: host('search-service', attrs.searchService, DEFAULTS.searchService, page, warn),
    backlinksService: attrs.backlinksService === 'none' ? undefined : host('backlinks-service', attrs.backlinksService, DEFAULTS.backlinksService, page, warn),
    // The site owner's rules as written: the rules code reads them, and warns, only when one is set.
    // (As an attribute writes it: a server's copy of the element compares its key with this one.)
    hide: Array.isArray(attrs.hide) ? attrs.hide.join(' ') : attrs.hide,
    mutedWords: attrs.mutedWords,
    labelers: attrs.labelers,
    filter: attrs.filter,
    document: page.document,
    quotes: oneOf('quotes', attrs.quotes, ['on', 'off'], DEFAULTS.quotes, warn) === 'on',
  };
  oneOf('theme', attrs.theme, ['auto', 'light', 'dark'], DEFAULTS.theme, warn); // styled by the attribute itself
  return {
    ...load,
    articleKey: normalizeUrl(load.article),
    title: page.title,
    composeText: attrs.composeText || DEFAULTS.composeText,
    headingLevel: whole('heading-level', attrs.headingLevel, DEFAULTS.headingLevel, 1, 6, warn),
    loading: oneOf('loading', attrs.loading, ['lazy', 'eager'], DEFAULTS.loading, warn),
    clientId: clientId(attrs.clientId, warn),
    // (A function is left out of the key: the load controller compares `filter` itself.)
    key: JSON.stringify(load),
  };
}
