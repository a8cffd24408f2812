// GET requests to Bluesky hosts: plain `fetch` with no custom headers (a simple CORS request, so no
// preflight) unless the site subscribes to labelers (see `labelers` below), aborted with the
// caller's signal or after a timeout, and failures sorted into kinds that discovery uses to decide
// whether to fall back to the next route. It knows nothing of posts or the site's rules.

import type { FailureKind } from './model.ts';

export class RequestError extends Error {
  override name = 'RequestError';
  constructor(
    readonly kind: FailureKind,
    readonly status = 0,
    /** Seconds the host asked us to wait (429 `Retry-After` / `RateLimit-Reset`). */
    readonly retryAfter?: number,
  ) {
    super(status ? `${kind} (HTTP ${status})` : kind);
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Milliseconds before the request is given up. */
  timeout?: number;
  /**
   * `atproto-accept-labelers` for AppView queries: the labelers whose labels to send. Set only when
   * the site subscribes to labelers, since a custom header costs a CORS preflight.
   */
  labelers?: string;
  /** `error`: a redirect fails the request, for hosts a document from the network named, checked before asking. */
  redirect?: 'error';
  /** The `fetch` to ask with (a server's, injected); the global one, looked up at each request, by default. */
  fetch?: typeof fetch;
}

export type Params = Record<string, string | number | readonly string[] | undefined>;

export function buildUrl(base: string, path: string, params: Params): string {
  const url = new URL(base.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
  }
  return url.href;
}

/** `xrpc`'s address for a query. */
export const xrpcUrl = (host: string, nsid: string, params: Params): string => buildUrl(host, `/xrpc/${nsid}`, params);

/** `shared`, or the abort of `signal` if that comes first: one caller stops waiting, the answer goes on for the rest. */
export function abortable<T>(shared: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return shared;
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/**
 * Requests sent before the code that reads their answers asked for them (the entry's prelude, a
 * first page's threads): by address, each answer taken once, by a plain request (no custom header)
 * within EARLY_MS of sending; an answer no one took is let go with its entry.
 */
const early = new Map<string, { at: number; response: Promise<Response>; stop: AbortController }>();
const EARLY_MS = 10_000;

/** `url` asked now, unless it was already; the answer sent for it. */
export function sendEarly(url: string): Promise<Response> {
  const sent = early.get(url);
  if (sent) return sent.response;
  for (const [old, { at }] of early) if (Date.now() - at >= EARLY_MS) dropEarly(old); // too old to be taken: let go
  const stop = new AbortController();
  const response = fetch(url, { signal: stop.signal });
  response.catch(() => {}); // a failure reaches the request that takes it
  early.set(url, { at: Date.now(), response, stop });
  return response;
}

/** A request sent early that no one will take after all: let go, its download stopped. */
export function dropEarly(url: string): void {
  early.get(url)?.stop.abort();
  early.delete(url);
}

function takeEarly(url: string): Promise<Response> | undefined {
  const sent = early.get(url);
  early.delete(url);
  return sent && Date.now() - sent.at < EARLY_MS ? sent.response : undefined;
}

function kindOf(status: number): FailureKind {
  if (status === 401 || status === 403) return 'refused';
  if (status === 429) return 'rate-limited';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'unavailable';
  return 'invalid';
}

/** Seconds to wait, from `Retry-After` (seconds or a date) or `RateLimit-Reset` (epoch seconds). */
function retryAfter(headers: Headers): number | undefined {
  const after = headers.get('retry-after');
  if (after) {
    const seconds = /^\d+$/.test(after) ? Number(after) : (Date.parse(after) - Date.now()) / 1000;
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  }
  const reset = Number(headers.get('ratelimit-reset'));
  // Bluesky sends an epoch; small values are a delta in seconds (the IETF draft's form).
  if (reset > 0) return Math.max(0, Math.ceil(reset > 1e9 ? reset - Date.now() / 1000 : reset));
  return undefined;
}

/** Hosts that answered 429, and until when we leave them alone. */
const rateLimited = new Map<string, number>();
const DEFAULT_BACKOFF = 60;

/** GET `url` and parse JSON. Throws `RequestError`, or the caller's abort reason when it aborts. */
export async function getJson(
  url: string,
  { signal, timeout = 10_000, redirect, fetch: ask = fetch }: RequestOptions = {},
  headers?: Record<string, string>,
): Promise<unknown> {
  const origin = new URL(url).origin;
  const wait = ((rateLimited.get(origin) ?? 0) - Date.now()) / 1000;
  // Honour Retry-After without asking again: the route fails at once and discovery moves on.
  if (wait > 0) throw new RequestError('rate-limited', 429, Math.ceil(wait));
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const forward = () => controller.abort();
  signal?.addEventListener('abort', forward);
  try {
    signal?.throwIfAborted();
    let response: Response;
    try {
      // A request sent early with the page's fetch answers a plain one of ours to the same address.
      const sent = ask === fetch && !headers && !redirect ? takeEarly(url) : undefined;
      response = await (sent ? abortable(sent, controller.signal) : ask(url, { signal: controller.signal, redirect, ...(headers && { headers }) }));
    } catch {
      signal?.throwIfAborted();
      // A CORS-blocked refusal reaches a browser as a TypeError with no status.
      throw new RequestError(timedOut ? 'timeout' : 'network');
    }
    if (!response.ok) {
      // XRPC reports a missing record as 400 with error "NotFound"; treat it as 404.
      const body = response.status === 400 ? await response.json().catch(() => null) : null;
      const notFound = (body as { error?: unknown } | null)?.error === 'NotFound';
      if (response.status !== 429) throw new RequestError(notFound ? 'not-found' : kindOf(response.status), response.status);
      const after = retryAfter(response.headers) ?? DEFAULT_BACKOFF;
      rateLimited.set(origin, Date.now() + after * 1000);
      throw new RequestError('rate-limited', 429, after);
    }
    try {
      return await response.json();
    } catch {
      signal?.throwIfAborted();
      throw new RequestError(timedOut ? 'timeout' : 'invalid', response.status);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

/** Call an XRPC query on `host` (an AppView: it gets the site's labelers, when there are any). */
export function xrpc(host: string, nsid: string, params: Params, options?: RequestOptions): Promise<unknown> {
  return getJson(xrpcUrl(host, nsid, params), options, options?.labelers ? { 'atproto-accept-labelers': options.labelers } : undefined);
}

/** Run `fn` over `items`, at most `limit` at a time, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
