// Registers <discuss-thread>. Safe to load twice (say from npm and from a CDN): the second load
// finds the tag taken and leaves it alone.

import { DiscussThread } from './element.ts';

if (!customElements.get('discuss-thread')) customElements.define('discuss-thread', DiscussThread);

export { DiscussThread };
export type { Status, LoadDetail, ErrorDetail } from './element.ts';
