// discuss-thread/server: the discussion rendered without a browser, on Node or at the edge.
export { renderDiscussion, stylesheet, type RenderOptions } from './render.ts';
export { renderFeed, FEED_DEFAULTS, type FeedOptions } from './feed.ts';
export { countDiscussion, type CountOptions } from './count.ts';
