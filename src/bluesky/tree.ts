// Counting a thread as loaded, for the pages (threads.ts, templates/) and for `live`, whose chunk
// may import this and not the thread loader itself (which would split the reading code in two).

import type { ThreadNode } from './model.ts';

/** Posts in a thread as loaded: the post and every reply under it. */
export const size = (node: ThreadNode): number => node.replies.reduce((total, reply) => total + size(reply), 1);
