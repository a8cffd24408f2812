// What the widget needs only once the network has answered: reading responses (discovery, threads,
// moderation), checking a cached discussion, and the post templates. The entry file imports this
// chunk the moment the widget activates, in parallel with the first request, so it costs no wait.

export { loadDiscussion, nextPage, openBranch, totals, DiscoveryError } from './bluesky/discussion.ts';
export { isDiscussion } from './bluesky/cache-shape.ts';
export { listTemplate, summaryTemplate } from './templates/posts.ts';
export { postStyles } from './templates/post-styles.ts';
