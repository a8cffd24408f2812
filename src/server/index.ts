// discuss-thread/server: the discussion rendered without a browser, on Node or at the edge.
export { renderDiscussion, type RenderOptions } from './render.ts';
