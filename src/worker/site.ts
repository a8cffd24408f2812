// The worker in front of a site: the proxy under its mount, the counts of `<discuss-count>`s and the
// discussion's Atom feed beside it (`{prefix}/counts?url=…`, `{prefix}/feed?url=…`) and, with `render`, every other request to the site's own pages, their
// `<discuss-thread>`s filled on the way. The renderer (Lit and its
// server renderer) loads on the first page, so a proxy alone never loads it, and needs nothing of Node.

import { DEFAULTS, createProxy, type ExecutionContext, type Proxy, type ProxyOptions } from './proxy.ts';
import type { PageRenderer, PageRendererOptions } from './page.ts';
import { pathUnder } from './routes.ts';
import { rewriterClass } from './rewriter.ts';
import type { FeedHandler } from './feed.ts';
import type { CountsHandler } from './counts.ts';

export interface WorkerOptions extends ProxyOptions, PageRendererOptions {
  /** Fill the `<discuss-thread>`s of the site's pages (needs an HTMLRewriter, and the proxy under a prefix). */
  render?: boolean;
  /**
   * Answer `{prefix}/feed?url=…` with the discussion's Atom feed. Its query chooses and moderates the
   * posts (the element's attributes), so anyone may ask for a feed of the site's articles with other
   * settings than the page's: off unless the site wants feeds.
   */
  feed?: boolean;
  /** Answer `{prefix}/counts?url=…` with the counts of `<discuss-count>`s: each uncached article costs two or four requests to the backlink index, so off unless the site shows counts. */
  counts?: boolean;
}

export interface Worker {
  fetch(request: Request, env?: unknown, ctx?: ExecutionContext): Promise<Response>;
}

export function createWorker(options: WorkerOptions = {}): Worker {
  const proxy: Proxy = createProxy(options);
  if (options.render) {
    if (!proxy.prefix) throw new TypeError('discuss-thread worker: to render pages, mount the proxy under a prefix (`/bsky`), apart from the pages.');
    rewriterClass(options.HTMLRewriter); // no HTMLRewriter: say so now, not on the first page
  }
  let pages: Promise<PageRenderer> | undefined;
  const renderer = () => (pages ??= import('./page.ts').then(({ createPageRenderer }) => createPageRenderer(proxy, options)));
  // The feed's code (the server's discovery and moderation) loads with the first feed asked for; the counts' with the first count.
  let feeds: Promise<FeedHandler> | undefined;
  const feed = () => (feeds ??= import('./feed.ts').then(({ createFeed }) => createFeed(proxy, options.now)));
  let counted: Promise<CountsHandler> | undefined;
  const upstream = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  const counts = () =>
    (counted ??= import('./counts.ts').then(({ createCounts }) => createCounts(proxy, options.backlinks ?? DEFAULTS.backlinks, upstream, options.now)));
  return {
    async fetch(request, env, ctx) {
      const path = pathUnder(new URL(request.url).pathname, proxy.prefix);
      if (path === '/feed' && options.feed) return (await feed())(request, ctx);
      if (path === '/counts' && options.counts) return (await counts())(request, ctx);
      if (path !== undefined || !options.render) return proxy.fetch(request, env, ctx);
      return (await renderer()).fetch(request, env, ctx);
    },
  };
}
