// Addresses: the article's (cleaned for querying, normalised for matching) and Bluesky's (post
// references in, bsky.app links out), and the atproto syntax of the names in them.

import type { PostRef } from './model.ts';

const TRACKING =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|twclid|_ga|_gl|ref_src|ref_url|si|spm|_hsenc|_hsmi|mkt_tok|vero_id|oly_anon_id|oly_enc_id|__s|s_cid)$/i;

/** The article address as site owners mean it: http(s) only, no fragment, no tracking parameters. */
export function cleanUrl(input: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  return url.href;
}

/**
 * One key for every address of the same article, the way Bluesky's search index compares links:
 * lower-case scheme and host, no `www.`, no default port, no fragment, no trailing slash or
 * `index.html`, sorted query without tracking parameters.
 */
export function normalizeUrl(input: string): string | undefined {
  const clean = cleanUrl(input);
  if (!clean) return undefined;
  const url = new URL(clean);
  url.searchParams.sort();
  const host = url.host.replace(/^www\./, '');
  const path = url.pathname.replace(/\/index\.html?$/i, '/').replace(/\/+$/, '');
  const query = url.searchParams.toString();
  return `${url.protocol}//${host}${path}${query ? `?${query}` : ''}`;
}

const BSKY_POST = /^https:\/\/(?:www\.)?bsky\.app\/profile\/([^/?#]+)\/post\/([^/?#]+)\/?(?:[?#].*)?$/;
const AT_POST = /^at:\/\/([^/?#]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/;

/** A DID or handle, and a record key, each as the atproto syntax allows, or undefined. */
const refOf = (actor: string, rkey: string): PostRef | undefined => ((isDid(actor) || isHandle(actor)) && isRecordKey(rkey) ? { actor, rkey } : undefined);

const decode = (value: string): string | undefined => {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined; // a malformed %-escape
  }
};

/**
 * A bsky.app post URL or an `at://` post URI, or undefined when it is neither. An `at://` URI is
 * taken as written: `%` is part of a DID's syntax (`did:web:localhost%3A8080`), never an escape.
 * In a bsky.app URL the parts may also arrive percent-encoded (`did%3Aplc%3A…`), so an actor or
 * key that is not valid as written is decoded once and checked again.
 */
export function parsePostRef(input: string): PostRef | undefined {
  const at = AT_POST.exec(input);
  if (at) return input.length <= 8192 ? refOf(at[1], at[2]) : undefined;
  const web = BSKY_POST.exec(input);
  if (!web) return undefined;
  const [, actor, rkey] = web;
  return refOf(actor, rkey) ?? refOf(decode(actor) ?? '', decode(rkey) ?? '');
}

/** The atproto DID syntax: a lower-case method, no trailing `:` or `%`, at most 2,048 characters. */
export const isDid = (value: string): boolean => value.length <= 2048 && /^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$/.test(value);

/** The atproto handle syntax: DNS labels of 1–63 characters, at most 253 in all, a TLD that starts with a letter. */
export const isHandle = (value: string): boolean =>
  value.length <= 253 && /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(value);

/** A handle (lower case, `@` dropped) or a DID (kept as given), or undefined when it is neither. */
export function actorOf(value: string): string | undefined {
  // Handles are case-insensitive and Bluesky returns them in lower case.
  const actor = value.replace(/^@/, '').replace(/^(?!did:).*/, (handle) => handle.toLowerCase());
  return isDid(actor) || isHandle(actor) ? actor : undefined;
}

/** The atproto record-key syntax: 1–512 of `A-Za-z0-9._:~-`, and never `.` or `..`. */
export const isRecordKey = (value: string): boolean => value !== '.' && value !== '..' && /^[A-Za-z0-9._:~-]{1,512}$/.test(value);

/** bsky.app's search for posts linking the article, for readers when loading failed. */
export const searchUrl = (article: string): string => `https://bsky.app/search?q=${encodeURIComponent(article)}`;
