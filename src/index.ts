// Registers <discuss-thread>. Safe to load twice (say from npm and from a CDN): the second load
// finds the tag taken and leaves it alone. The prelude runs first: its requests go out before the
// element's code has evaluated.

import './prelude.ts';
import { DiscussThread } from './element.ts';

if (!customElements.get('discuss-thread')) customElements.define('discuss-thread', DiscussThread);

export { DiscussThread };
export type { Status, LoadDetail, ErrorDetail } from './element.ts';
