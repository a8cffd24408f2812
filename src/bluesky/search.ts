// The search request on its own, so that the entry file can send it the moment the widget
// activates, while the code that reads its answer (discover.ts) is still on its way.

import type { DiscoverInputs } from './model.ts';
import { xrpc, xrpcUrl, type Params, type RequestOptions } from './http.ts';

const SEARCH_LIMIT = 100;

const params = (inputs: DiscoverInputs): Params => ({
  q: '*',
  url: inputs.article,
  author: inputs.author,
  sort: inputs.sort === 'top' ? 'top' : 'latest',
  limit: SEARCH_LIMIT,
});

/** `app.bsky.feed.searchPosts` for posts linking the article: one page, no cursor; the raw answer. */
export const searchRequest = (inputs: DiscoverInputs, ctx: RequestOptions): Promise<unknown> =>
  xrpc(inputs.searchService, 'app.bsky.feed.searchPosts', params(inputs), ctx);

/** The search's address, for sending it before its code has run (prelude.ts). */
export const searchUrl = (inputs: DiscoverInputs): string => xrpcUrl(inputs.searchService, 'app.bsky.feed.searchPosts', params(inputs));
