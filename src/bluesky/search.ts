// The search request on its own, so that the entry file can send it the moment the widget
// activates, while the code that reads its answer (discover.ts) is still on its way.

import type { DiscoverInputs } from './model.ts';
import { xrpc, type RequestOptions } from './http.ts';

const SEARCH_LIMIT = 100;

/** `app.bsky.feed.searchPosts` for posts linking the article: one page, no cursor; the raw answer. */
export function searchRequest(inputs: DiscoverInputs, ctx: RequestOptions): Promise<unknown> {
  return xrpc(
    inputs.searchService,
    'app.bsky.feed.searchPosts',
    { q: '*', url: inputs.article, author: inputs.author, sort: inputs.sort === 'top' ? 'top' : 'latest', limit: SEARCH_LIMIT },
    ctx,
  );
}
