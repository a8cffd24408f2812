// The discussion's Atom feed at `{prefix}/feed?url=<article>`, for a page's
// `<link rel="alternate" type="application/atom+xml">`: rendered by discuss-thread/server's
// renderFeed from the proxy's own cache, and kept per query by the proxy's policy (fresh for its TTL,
// then served while one render refreshes it, and standing in while Bluesky fails). Only for the
// site's own articles: the worker is no feed service for any address on the web. No Lit and nothing
// of Node in its path: it runs without `nodejs_compat`.

import { renderFeed, type FeedOptions } from '../server/feed.ts';
import { DiscoveryError } from '../bluesky/discussion.ts';
import { MemoryStore, RENDER_LIMITS } from './store.ts';
import { StaleWhileRevalidate } from './swr.ts';
import { failure, type Outcome } from './upstream.ts';
import { answer, failed, notAllowed, problem } from './responses.ts';
import type { ExecutionContext, Proxy } from './proxy.ts';
import { siteArticle } from './routes.ts';

/** The query a feed takes: the attributes that choose and moderate the posts, as the element names them, and the feed's own `entries`. */
const TEXT = ['post', 'author', 'sort', 'lang', 'title', 'hide', 'muted-words', 'labelers', 'quotes', 'depth', 'limit', 'entries'] as const;
const NUMBERS = new Set(['depth', 'limit', 'entries']);
const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

export const FEED_TYPE = 'application/atom+xml; charset=utf-8';

export type FeedHandler = (request: Request, ctx?: ExecutionContext) => Promise<Response>;

export function createFeed(proxy: Proxy, now: () => number = () => Date.now()): FeedHandler {
  const store = new MemoryStore(RENDER_LIMITS.maxEntries, RENDER_LIMITS.maxChars, now);
  const feeds = new StaleWhileRevalidate(proxy.policy, store, undefined, now);
  return async (request, ctx) => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) return notAllowed();
    const asked = new URL(request.url);
    const article = siteArticle(asked.searchParams.get('url') ?? '', asked.origin);
    if (!article) return problem(400, 'InvalidRequest', 'Give `url`: the address of an article on this site.', head);
    // One entry per query, whatever order its parameters came in; parameters it does not take are left out.
    const query = new URLSearchParams([
      ['url', article],
      ...TEXT.flatMap((name) =>
        asked.searchParams
          .getAll(name)
          .slice(0, 1)
          .map((value) => [name, value]),
      ),
    ]);
    // Every request the feed makes goes to the proxy's mount on this site: from its cache, as the widget's do.
    const mount = `${asked.origin}${proxy.prefix}`;
    const options: FeedOptions = {
      url: article,
      self: `${asked.origin}${asked.pathname}?${query}`,
      service: mount,
      searchService: mount,
      backlinksService: mount,
    };
    for (const [name, value] of query) if (name !== 'url') Object.assign(options, { [camel(name)]: NUMBERS.has(name) ? Number(value) : value });
    const load = async (): Promise<Outcome> => {
      try {
        const body = await renderFeed({ ...options, fetch: proxy.local(asked.origin, ctx) });
        return { entry: { status: 200, body, type: FEED_TYPE, storedAt: now() } };
      } catch (error) {
        if (!(error instanceof DiscoveryError)) console.error('discuss-thread worker: a feed could not be rendered:', error);
        return { failure: failure(502, 'FeedFailed', 'The discussion could not be loaded.', true) };
      }
    };
    const served = await feeds.serve(query.toString(), load, (promise) => ctx?.waitUntil(promise));
    if (served.failure) return failed(served.failure, head);
    return answer(served.entry, served.state, { ageMs: now() - served.entry.storedAt, ttl: proxy.policy.ttl }, proxy.policy, head);
  };
}
