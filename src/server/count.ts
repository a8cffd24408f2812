// discuss-thread/server's countDiscussion: at build time, the number `<discuss-count>` shows for an
// article (the posts that link it, from the backlink index), to write into the page.

import { BACKLINKS, countPosts } from '../count/count.ts';

export interface CountOptions {
  /** The article. */
  url: string;
  /** The backlink index. @default https://constellation.microcosm.blue */
  backlinksService?: string;
  /** The `fetch` to ask it with; the global one by default. */
  fetch?: typeof fetch;
}

/** How many posts link the article, as `<discuss-count>` counts them; throws when the index does not answer. */
export const countDiscussion = (options: CountOptions): Promise<number> => countPosts(options.url, options.backlinksService ?? BACKLINKS, options.fetch);
