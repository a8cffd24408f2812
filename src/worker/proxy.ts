// The AppView proxy: a fetch handler, mounted under a path of the site, that answers the widget's
// read requests from a cache and asks Bluesky (and the backlink index) only when the cache says so.
// Readers' addresses, cookies and headers stay with the site: upstream sees the proxy alone.

import { DEFAULTS as WIDGET } from '../inputs.ts';
import { VERSION } from '../bluesky/version.ts';
import { ROUTES, SEARCH_PATH, acceptedLabelers, cacheKey, canonicalQuery, isIncomplete, pathUnder, routeOf, type Host } from './routes.ts';
import { CacheApiStore, MemoryStore, defaultCacheApi, type CacheStore } from './store.ts';
import { StaleWhileRevalidate, type Policy, type WaitUntil } from './swr.ts';
import { ask, type Exchange, type Fetch, type Outcome } from './upstream.ts';
import { SearchSession } from './session.ts';
import { answer, failed, notAllowed, notFound, preflight } from './responses.ts';

export interface ProxyOptions {
  /** The path the proxy is mounted under: `service="https://site.example/bsky"` → `/bsky`. */
  prefix?: string;
  /** AppView for threads, posts, profiles, author feeds, labelers, handles. */
  appview?: string;
  /** Host for `app.bsky.feed.searchPosts` when not signed in. */
  search?: string;
  /** Backlink index (Constellation). */
  backlinks?: string;
  /** Seconds an answer is fresh. */
  ttl?: number;
  /** Seconds after `ttl` during which a stale answer is served at once while one request refreshes it. */
  staleFor?: number;
  /** Seconds after `ttl` during which the last good answer stands in for a failing upstream. */
  staleIfError?: number;
  /** Milliseconds before an upstream request is given up. */
  timeout?: number;
  /** The upstream `fetch` (tests pass their own). */
  fetch?: Fetch;
  /** The shared store: by default the Workers Cache API where there is one; `null` keeps answers in memory only. */
  cache?: CacheStore | null;
  /** Bounds of the in-memory store: entries, and characters of body. */
  maxEntries?: number;
  maxChars?: number;
  /** An account (handle or DID) and its app password: search is asked signed in, through its PDS. */
  identifier?: string;
  appPassword?: string;
  /** Where that account signs in. */
  pds?: string;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

export const DEFAULTS = {
  prefix: '/bsky',
  appview: WIDGET.service,
  search: WIDGET.searchService,
  backlinks: WIDGET.backlinksService,
  ttl: 60,
  staleFor: 600,
  staleIfError: 86_400,
  timeout: 10_000,
  maxEntries: 500,
  maxChars: 16_000_000,
  pds: 'https://bsky.social',
} as const;

export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

export interface Proxy {
  fetch(request: Request, env?: unknown, ctx?: ExecutionContext): Promise<Response>;
  /**
   * A `fetch` for code that runs beside the proxy on the site at `origin` (the page renderer): what
   * the proxy answers — its routes under its mount on `origin`, or on its upstream hosts — comes from
   * its cache, in-process, shared with readers' widgets; anything else goes out as upstream requests do.
   */
  local(origin: string, ctx?: ExecutionContext): typeof fetch;
  /** The path it is mounted under (`/bsky`), or `` at the root. */
  readonly prefix: string;
  /** How long its answers are fresh, and may stand in when stale (seconds). */
  readonly policy: Policy;
}

/** `value` as an http(s) origin and path without a trailing slash; throws on anything else. */
function hostOption(name: string, value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`discuss-thread worker: ${name} must be an http(s) URL`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

const seconds = (value: number | undefined, fallback: number) => (value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback);

/** `promise`, or the signal's reason as soon as it aborts (the work itself goes on, for whoever else waits on it). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.finally(() => signal.removeEventListener('abort', abort)).then(resolve, reject);
  });
}

/** `/bsky`, `bsky/` → `/bsky`; `` or `/` → mounted at the root. */
const prefixOption = (value: string) => value.replace(/\/+$/, '').replace(/^(?=[^/])/, '/');

export function createProxy(options: ProxyOptions = {}): Proxy {
  const now = options.now ?? (() => Date.now());
  const prefix = prefixOption(options.prefix ?? DEFAULTS.prefix);
  const hosts: Record<Host, string> = {
    appview: hostOption('appview', options.appview ?? DEFAULTS.appview),
    search: hostOption('search', options.search ?? DEFAULTS.search),
    backlinks: hostOption('backlinks', options.backlinks ?? DEFAULTS.backlinks),
  };
  const policy = {
    ttl: seconds(options.ttl, DEFAULTS.ttl),
    staleFor: seconds(options.staleFor, DEFAULTS.staleFor),
    staleIfError: seconds(options.staleIfError, DEFAULTS.staleIfError),
  };
  const io: Exchange = { fetch: options.fetch ?? ((input, init) => fetch(input, init)), timeout: seconds(options.timeout, DEFAULTS.timeout), now };
  const memory = new MemoryStore(options.maxEntries ?? DEFAULTS.maxEntries, options.maxChars ?? DEFAULTS.maxChars, now);
  const cacheApi = defaultCacheApi();
  const store = options.cache === undefined ? cacheApi && new CacheApiStore(cacheApi) : (options.cache ?? undefined);
  const answers = new StaleWhileRevalidate(policy, memory, store, now);
  const { identifier, appPassword } = options;
  const session =
    identifier && appPassword ? new SearchSession({ identifier, appPassword, pds: hostOption('pds', options.pds ?? DEFAULTS.pds) }, io) : undefined;

  /** Ask upstream: only `accept` and the labelers go out, and the proxy names itself. */
  async function load(path: string, query: string, labelers: string | undefined): Promise<Outcome> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': `discuss-thread-worker/${VERSION}` };
    if (labelers) headers['atproto-accept-labelers'] = labelers;
    const signedIn = session && path === SEARCH_PATH ? await session.search(query, headers) : undefined;
    const outcome = signedIn ?? (await ask(io, `${hosts[ROUTES.get(path)!]}${path}?${query}`, headers));
    return outcome.entry && isIncomplete(path, query, outcome.entry) ? { entry: { ...outcome.entry, brief: true } } : outcome;
  }

  async function handle(request: Request, ctx?: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    const path = pathUnder(url.pathname, prefix);
    const head = request.method === 'HEAD';
    if (path === undefined || !ROUTES.has(path)) return notFound(head);
    if (request.method === 'OPTIONS') return preflight();
    if (request.method !== 'GET' && !head) return notAllowed();
    const labelers = acceptedLabelers(request.headers.get('atproto-accept-labelers'));
    const query = canonicalQuery(url.searchParams);
    const waitUntil: WaitUntil = (promise) => ctx?.waitUntil(promise);
    const served = await answers.serve(cacheKey(url.origin, prefix, path, query, labelers), () => load(path, query, labelers), waitUntil);
    if (!served.entry) return failed(served.failure, head);
    return answer(served.entry, served.state, { ageMs: answers.age(served.entry), ttl: answers.ttl(served.entry) }, policy, head);
  }

  /** The proxy reads only `atproto-accept-labelers` off the request, as off a reader's. */
  const local = (origin: string, ctx?: ExecutionContext): typeof fetch =>
    async function localFetch(input, init = {}) {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const path = routeOf(url, origin, prefix, hosts);
      if (path === undefined) return io.fetch(url.href, init);
      const request = new Request(`${origin}${prefix}${path}${url.search}`, { headers: init.headers });
      return abortable(handle(request, ctx), init.signal);
    };

  return { fetch: (request, _env, ctx) => handle(request, ctx), local, prefix, policy };
}
