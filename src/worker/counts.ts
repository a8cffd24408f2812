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

/** Articles a request may count at once. */
export const COUNTS_MAX = 50;

export type CountsHandler = (request: Request, ctx?: ExecutionContext) => Promise<Response>;

export function createCounts(proxy: Proxy, backlinks: string, ask: Fetch, now: () => number = () => Date.now()): CountsHandler {
  const counts = new StaleWhileRevalidate(proxy.policy, new MemoryStore(RENDER_LIMITS.maxEntries * 10, 1_000_000, now), undefined, now);
  return async (request, ctx) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notAllowed();
    const asked = new URL(request.url);
    const articles = [...new Set(asked.searchParams.getAll('url'))];
    const ours = (article: string) => URL.canParse(article) && new URL(article).origin === asked.origin;
    if (!articles.length || articles.length > COUNTS_MAX || !articles.every(ours))
      return problem(400, 'InvalidRequest', `Give \`url\` once for each article of this site to count, at most ${COUNTS_MAX}.`, request.method === 'HEAD');
    const counted = await Promise.all(
      articles.map(async (article) => {
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
    const headers = { 'content-type': 'application/json', 'cache-control': `public, max-age=${proxy.policy.ttl}`, 'access-control-allow-origin': '*' };
    return new Response(request.method === 'HEAD' ? null : JSON.stringify({ counts: Object.fromEntries(counted) }), { headers });
  };
}
