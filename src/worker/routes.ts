// What the proxy answers: the read methods the widget calls (src/bluesky/, src/join/account.ts),
// each sent to its upstream host, and nothing else. The cache key of a request is its method, its
// query in a canonical order and the labelers it asks labels from.

import type { Entry } from './store.ts';

/**
 * An article of the site at `origin` (an http(s) address there), without its fragment; undefined
 * for anything else: the feed and counts routes answer for the site's own articles only.
 */
export function siteArticle(article: string, origin: string): string | undefined {
  try {
    const url = new URL(article);
    url.hash = '';
    return url.origin === origin && /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Which configured host a method goes to. */
export type Host = 'appview' | 'search' | 'backlinks';

/** Paths under the mount prefix, and their hosts. */
export const ROUTES: ReadonlyMap<string, Host> = new Map<string, Host>([
  ['/xrpc/app.bsky.feed.getPostThread', 'appview'],
  ['/xrpc/app.bsky.feed.getPosts', 'appview'],
  ['/xrpc/app.bsky.feed.getQuotes', 'appview'],
  ['/xrpc/app.bsky.feed.getAuthorFeed', 'appview'],
  ['/xrpc/app.bsky.actor.getProfile', 'appview'],
  ['/xrpc/app.bsky.labeler.getServices', 'appview'],
  ['/xrpc/com.atproto.identity.resolveHandle', 'appview'],
  ['/xrpc/app.bsky.feed.searchPosts', 'search'],
  // The backlink index (Constellation): its XRPC method, and the older `/links` it still answers.
  ['/xrpc/blue.microcosm.links.getBacklinks', 'backlinks'],
  ['/links', 'backlinks'],
]);

export const SEARCH_PATH = '/xrpc/app.bsky.feed.searchPosts';
const GET_POSTS_PATH = '/xrpc/app.bsky.feed.getPosts';

/** The path under `prefix`, or undefined when the request is not for this proxy. */
export function pathUnder(pathname: string, prefix: string): string | undefined {
  if (!prefix) return pathname;
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : undefined;
}

/**
 * The route a URL asks for when the proxy answers it, whoever asks: under `prefix` on the site's own
 * `origin` (the widget's address for it), or on the upstream host the route goes to (the widget's
 * default hosts, when they are the proxy's). Undefined for any other URL.
 */
export function routeOf(url: URL, origin: string, prefix: string, hosts: Readonly<Record<Host, string>>): string | undefined {
  const under = url.origin === origin ? pathUnder(url.pathname, prefix) : undefined;
  if (under !== undefined && ROUTES.has(under)) return under;
  const address = `${url.origin}${url.pathname}`;
  for (const [path, host] of ROUTES) if (address === `${hosts[host]}${path}`) return path;
  return undefined;
}

/**
 * The query with its parameters ordered by name. Repeated parameters keep their order among
 * themselves, since it can matter (`getPosts`'s `uris`), so only the order of names is canonical.
 */
export function canonicalQuery(params: URLSearchParams): string {
  const pairs = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(pairs).toString();
}

/** `atproto-accept-labelers` written one way (`did, did;redact`), or undefined when absent or empty. */
export function acceptedLabelers(value: string | null): string | undefined {
  const parts = (value ?? '')
    .split(',')
    .map((part) => part.replace(/\s+/g, ''))
    .filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/**
 * The cache key: a URL on the site's own host (the Cache API's keys are URLs), under a segment no
 * route answers, naming the labelers, the method and the canonical query.
 */
export function cacheKey(origin: string, prefix: string, path: string, query: string, labelers: string | undefined): string {
  return `${origin}${prefix}/.cache/${encodeURIComponent(labelers ?? '-')}${path}?${query}`;
}

/**
 * A `getPosts` answer without some of the posts asked for: a post just written may not be indexed
 * yet, and the widget asks again a second or two later to show a reader their own reply
 * (src/join/outbox.ts). Such an answer is kept only briefly, so the next look can find the post.
 */
export function isIncomplete(path: string, query: string, entry: Entry): boolean {
  if (path !== GET_POSTS_PATH || entry.status !== 200) return false;
  const asked = new Set(new URLSearchParams(query).getAll('uris')).size;
  let found: unknown;
  try {
    found = (JSON.parse(entry.body) as { posts?: unknown }).posts;
  } catch {
    return true;
  }
  return !Array.isArray(found) || found.length < asked;
}
