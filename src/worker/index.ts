// `discuss-thread/worker`: the AppView proxy, and with `RENDER=on` the page renderer in front of the
// site's pages, as a Workers module (`export default { fetch }`) configured from the worker's
// bindings; `createProxy` for any other runtime with `fetch` (Node 20, Deno, Bun), `createWorker`
// for a worker of your own.

import type { ExecutionContext } from './proxy.ts';
import { createWorker, type Worker, type WorkerOptions } from './site.ts';
import type { CacheStore } from './store.ts';

export { createProxy, DEFAULTS, type ExecutionContext, type Proxy, type ProxyOptions } from './proxy.ts';
export { createWorker, type Worker, type WorkerOptions } from './site.ts';
export { CacheApiStore, MemoryStore, type CacheStore, type Entry } from './store.ts';

/** The worker's bindings (wrangler.toml `[vars]`, and the app password as a secret). All optional. */
export interface Env {
  /** Mount path, e.g. `/bsky`. */
  PREFIX?: string;
  APPVIEW?: string;
  SEARCH_SERVICE?: string;
  BACKLINKS_SERVICE?: string;
  /** Seconds, as text: freshness, serve-stale-while-revalidating, stand in for a failing upstream. */
  TTL?: string;
  STALE_FOR?: string;
  STALE_IF_ERROR?: string;
  /** `memory`: keep answers in the isolate's memory only, not in the Cache API (which does nothing on workers.dev). */
  CACHE?: string;
  /** The account that searches, and its app password (a secret: `wrangler secret put BSKY_APP_PASSWORD`). */
  BSKY_IDENTIFIER?: string;
  BSKY_APP_PASSWORD?: string;
  /** Where that account signs in; default Bluesky's entryway. */
  BSKY_PDS?: string;
  /** `on`: fill the `<discuss-thread>`s of the site's pages (the worker on a route for them; needs `nodejs_compat`). */
  RENDER?: string;
  /** `on`: answer `{PREFIX}/feed?url=…` with the discussion's Atom feed. */
  FEED?: string;
  /** `on`: answer `{PREFIX}/counts?url=…` with the counts of `<discuss-count>`s. */
  COUNTS?: string;
  /** Milliseconds a page waits for a discussion not rendered yet. */
  RENDER_TIMEOUT?: string;
  /** The element's stylesheet as a URL, linked instead of inlined, for a CSP without inline styles. */
  RENDER_STYLESHEET?: string;
}

const number = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : Number(value));

export function optionsFromEnv(env: Env): WorkerOptions {
  const options: WorkerOptions = {
    prefix: env.PREFIX,
    appview: env.APPVIEW,
    search: env.SEARCH_SERVICE,
    backlinks: env.BACKLINKS_SERVICE,
    ttl: number(env.TTL),
    staleFor: number(env.STALE_FOR),
    staleIfError: number(env.STALE_IF_ERROR),
    identifier: env.BSKY_IDENTIFIER,
    appPassword: env.BSKY_APP_PASSWORD,
    pds: env.BSKY_PDS,
    render: env.RENDER === 'on' || undefined,
    feed: env.FEED === 'on' || undefined,
    counts: env.COUNTS === 'on' || undefined,
    renderTimeout: number(env.RENDER_TIMEOUT),
    stylesheet: env.RENDER_STYLESHEET,
    ...(env.CACHE === 'memory' && { cache: null as CacheStore | null }),
  };
  // Unset bindings take the defaults.
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined && value !== '')) as WorkerOptions;
}

/**
 * One worker per isolate and configuration: its memory, in-flight requests and session live as long
 * as the isolate. Bindings only change with a new deployment (new isolates), but `env` need not be
 * the same object on every request, so the worker is kept by what the bindings say.
 */
let current: { config: string; worker: Worker } | undefined;

function workerFor(env: Env): Worker {
  const options = optionsFromEnv(env ?? {});
  const config = JSON.stringify(options);
  if (current?.config !== config) current = { config, worker: createWorker(options) };
  return current.worker;
}

export default {
  fetch(request: Request, env: Env, ctx?: ExecutionContext): Promise<Response> {
    return workerFor(env).fetch(request, env, ctx);
  },
};
