// What the reader gets back: the kept body and its type, the labelers it carries, the proxy's own
// caching headers and CORS headers that let any page read it. Nothing upstream sent besides those
// (cookies included) reaches the reader.

import type { Entry } from './store.ts';
import type { Failure } from './upstream.ts';
import type { CacheState, Policy } from './swr.ts';

/** Reads are public: any page may read them; a page may ask for labels with `atproto-accept-labelers`. */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'atproto-content-labelers, age, x-cache',
};

const METHODS = 'GET, HEAD, OPTIONS';

/** A JSON error in XRPC's shape, never kept by a browser or a CDN. */
export function problem(status: number, error: string, message: string, head = false, extra: Record<string, string> = {}): Response {
  const headers = { ...CORS, 'content-type': 'application/json', 'cache-control': 'no-store', ...extra };
  return new Response(head ? null : JSON.stringify({ error, message }), { status, headers });
}

export const failed = (failure: Failure, head: boolean): Response =>
  problem(failure.status, failure.error, failure.message, head, failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {});

export const notFound = (head = false) => problem(404, 'NotFound', 'This proxy answers only the read methods discuss-thread uses.', head);

export const notAllowed = () => problem(405, 'MethodNotAllowed', 'This proxy only reads: GET, HEAD or OPTIONS.', false, { allow: METHODS });

/** The CORS preflight a page sends before asking with `atproto-accept-labelers`. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      'access-control-allow-methods': METHODS,
      'access-control-allow-headers': 'atproto-accept-labelers',
      'access-control-max-age': '86400',
    },
  });
}

/**
 * A kept answer. `max-age` is what remains of its freshness (`ttl` seconds from its storing, `ageMs`
 * ago), so a browser or CDN in front keeps it no longer than the proxy would; `age` and `x-cache` say
 * where it came from.
 */
export function answer(entry: Entry, state: CacheState, { ageMs, ttl }: { ageMs: number; ttl: number }, policy: Policy, head: boolean): Response {
  const age = Math.floor(ageMs / 1000);
  const maxAge = Math.max(0, ttl - age);
  const cacheControl =
    entry.status === 200 && !entry.brief
      ? `public, max-age=${maxAge}, stale-while-revalidate=${policy.staleFor}, stale-if-error=${policy.staleIfError}`
      : `public, max-age=${maxAge}`;
  const headers = new Headers({
    ...CORS,
    'content-type': entry.type,
    'cache-control': cacheControl,
    age: String(age),
    'x-cache': state,
    // Answers differ by the labelers asked for; a shared cache in front must tell them apart.
    vary: 'atproto-accept-labelers',
    'x-content-type-options': 'nosniff',
  });
  if (entry.labelers) headers.set('atproto-content-labelers', entry.labelers);
  return new Response(head ? null : entry.body, { status: entry.status, headers });
}
