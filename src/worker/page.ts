// The page renderer: in front of the site's pages, it fills each `<discuss-thread>` of an HTML page
// with its discussion, rendered by discuss-thread/server into a declarative shadow root, as the page
// streams through Workers' HTMLRewriter. The AppView requests the renders make are the proxy's, from
// its cache, so a rendered page and the readers' widgets share one cache and Bluesky hears no more.

import type { ExecutionContext, Proxy } from './proxy.ts';
import { PageFacts, attributesOf, pageOptions } from './page-inputs.ts';
import { Renders } from './renders.ts';
import { rewriterClass, type Rewriter, type RewriterClass, type RewrittenElement } from './rewriter.ts';

export interface PageRendererOptions {
  /** Where the site's pages come from; in Workers, `fetch(request)` reaches the origin behind the route. */
  origin?: (request: Request) => Promise<Response>;
  /** Milliseconds a page waits for a discussion not rendered yet before it goes on without it. */
  renderTimeout?: number;
  /** The element's stylesheet as a URL, linked instead of inlined (for a CSP without inline styles). */
  stylesheet?: string;
  /** The HTMLRewriter class, where the runtime has none of its own. */
  HTMLRewriter?: RewriterClass;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

export const PAGE_DEFAULTS = { renderTimeout: 3000 } as const;

export interface PageRenderer {
  fetch(request: Request, env?: unknown, ctx?: ExecutionContext): Promise<Response>;
}

/** A page to fill: a 200 HTML body, asked for with GET. Anything else goes back as the origin sent it. */
function fillable(request: Request, response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return request.method === 'GET' && response.status === 200 && response.body !== null && /^\s*text\/html\s*(?:;|$)/i.test(type);
}

/** The origin's headers for a body that changes: no length, and no strong validator claiming the origin's bytes. */
export function rewrittenHeaders(headers: Headers): Headers {
  const rewritten = new Headers(headers);
  rewritten.delete('content-length');
  const etag = rewritten.get('etag');
  if (etag && !/^W\//.test(etag)) rewritten.set('etag', `W/${etag}`);
  return rewritten;
}

/** Fill the element with what `filled` holds; an element with a `status` has been rendered already (by the site, or a renderer before us). */
async function fill(element: RewrittenElement, filled: (element: RewrittenElement) => Promise<{ status: string; inner: string } | undefined>) {
  if (element.hasAttribute('status')) return;
  const found = await filled(element);
  if (!found) return; // as the site wrote it: the element loads in the browser as it would without us
  // The site's own children stay: its fallback, shown if a later load fails.
  element.setAttribute('status', found.status);
  element.prepend(found.inner, { html: true });
}

export function createPageRenderer(proxy: Proxy, options: PageRendererOptions = {}): PageRenderer {
  const HTMLRewriter = rewriterClass(options.HTMLRewriter);
  const origin = options.origin ?? ((request: Request) => fetch(request));
  const wait = options.renderTimeout ?? PAGE_DEFAULTS.renderTimeout;
  const renders = new Renders({ policy: proxy.policy, now: options.now ?? (() => Date.now()), wait, stylesheet: options.stylesheet });

  async function handle(request: Request, ctx?: ExecutionContext): Promise<Response> {
    const response = await origin(request);
    if (!fillable(request, response)) return response;
    const page = new PageFacts(request.url);
    const ask = proxy.local(new URL(request.url).origin, ctx);
    const waitUntil = (promise: Promise<unknown>) => ctx?.waitUntil(promise);
    const render = (element: RewrittenElement) => renders.fill(pageOptions(attributesOf(element), page), ask, waitUntil);
    let rewriter: Rewriter = new HTMLRewriter();
    for (const [selector, handlers] of page.handlers()) rewriter = rewriter.on(selector, handlers);
    rewriter = rewriter.on('discuss-thread', { element: (element) => fill(element, render) });
    const { status, statusText, headers, body } = response;
    return rewriter.transform(new Response(body, { status, statusText, headers: rewrittenHeaders(headers) }));
  }

  return { fetch: (request, _env, ctx) => handle(request, ctx) };
}
