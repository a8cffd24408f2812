// The worker in front of a site: the proxy under its mount and, with `render`, every other request
// to the site's own pages, their `<discuss-thread>`s filled on the way. The renderer (Lit and its
// server renderer) loads on the first page, so a proxy alone never loads it, and needs nothing of Node.

import { createProxy, type ExecutionContext, type Proxy, type ProxyOptions } from './proxy.ts';
import type { PageRenderer, PageRendererOptions } from './page.ts';
import { pathUnder } from './routes.ts';
import { rewriterClass } from './rewriter.ts';

export interface WorkerOptions extends ProxyOptions, PageRendererOptions {
  /** Fill the `<discuss-thread>`s of the site's pages (needs an HTMLRewriter, and the proxy under a prefix). */
  render?: boolean;
}

export interface Worker {
  fetch(request: Request, env?: unknown, ctx?: ExecutionContext): Promise<Response>;
}

export function createWorker(options: WorkerOptions = {}): Worker {
  const proxy: Proxy = createProxy(options);
  if (!options.render) return proxy;
  if (!proxy.prefix) throw new TypeError('discuss-thread worker: to render pages, mount the proxy under a prefix (`/bsky`), apart from the pages.');
  rewriterClass(options.HTMLRewriter); // no HTMLRewriter: say so now, not on the first page
  let pages: Promise<PageRenderer> | undefined;
  const renderer = () => (pages ??= import('./page.ts').then(({ createPageRenderer }) => createPageRenderer(proxy, options)));
  return {
    async fetch(request, env, ctx) {
      if (pathUnder(new URL(request.url).pathname, proxy.prefix) !== undefined) return proxy.fetch(request, env, ctx);
      return (await renderer()).fetch(request, env, ctx);
    },
  };
}
