// The counts route, `{prefix}/counts?url=<article>&url=…`: for an index page's `<discuss-count>`s,
// one request for up to 50 of the site's articles, `{"counts":{"<article>":12,…}}`. Each article's
// count is kept on its own by the proxy's policy (fresh for its TTL, served while one request
// refreshes it, the last good one while the index fails), so any page of counts shares them.

import { countPosts } from '../count/count.ts';
import { MemoryStore, RENDER_LIMITS } from './store.ts';
import { StaleWhileRevalidate } from './swr.ts';
import { failure, type Fetch, type Outcome } from './upstream.ts';
import { notAllowed, problem } from './responses.ts';
import type { ExecutionContext, Proxy } from './proxy.ts';
import { siteArticle } from './routes.ts';

/** Articles a request may count at once. */
export const COUNTS_MAX = 50;

export type CountsHandler = (request: Request, ctx?: ExecutionContext) => Promise<Response>;

export function createCounts(proxy: Proxy, backlinks: string, ask: Fetch, now: () => number = () => Date.now()): CountsHandler {
  const counts = new StaleWhileRevalidate(proxy.policy, new MemoryStore(RENDER_LIMITS.maxEntries * 10, 1_000_000, now), undefined, now);
  return async (request, ctx) => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) return notAllowed();
    const asked = new URL(request.url);
    const articles = [...new Set(asked.searchParams.getAll('url'))];
    if (!articles.length || articles.length > COUNTS_MAX)
      return problem(400, 'InvalidRequest', `Give \`url\` once for each article of this site to count, at most ${COUNTS_MAX}.`, head);
    if (head) return new Response(null, { headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' } });
    // Only the site's own articles are counted: any other address is `null`, the rest still counted.
    const ours = (article: string) => siteArticle(article, asked.origin) !== undefined;
    const counted = await Promise.all(
      articles.map(async (article) => {
        if (!ours(article)) return [article, null] as const;
        const load = async (): Promise<Outcome> => {
          try {
            const n = await countPosts(article, backlinks, ask);
            return { entry: { status: 200, body: String(n), type: 'text/plain', storedAt: now() } };
          } catch {
            return { failure: failure(502, 'CountFailed', 'The backlink index did not answer.', true) };
          }
        };
        const served = await counts.serve(article, load, (promise) => ctx?.waitUntil(promise));
        return [article, served.entry ? Number(served.entry.body) : null] as const;
      }),
    );
    // A page of counts with one missing is not kept by the browser or a CDN: the next asks again.
    const complete = counted.every(([, n]) => n !== null);
    const headers = {
      'content-type': 'application/json',
      'cache-control': complete ? `public, max-age=${proxy.policy.ttl}` : 'no-store',
      'access-control-allow-origin': '*',
    };
    return new Response(JSON.stringify({ counts: Object.fromEntries(counted) }), { headers });
  };
}
