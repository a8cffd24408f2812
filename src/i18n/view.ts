// The reading side's strings that only the discussion code uses: they come with it, not in the entry
// file. English is here; every other language's lines follow its messages.ts lines in the same
// language chunk (lang/<lang>.ts), one a line in the order of KEYS, so a reader's language costs
// no request of its own. A missing line falls back to English; the element's `strings` property
// overrides any of them.

import type { Messages } from './messages.ts';

export const KEYS = [
  // threads
  'continueThread',
  // media
  'close',
  'previousImage',
  'nextImage',
  'imageOf',
  'playVideo',
  'quotingThis',
  // order, warnings
  'sortBy',
  'sortTop',
  'sortLatest',
  'sortOldest',
  'show',
  'hide',
  'labelledBy',
  'warnPorn',
  'warnSexual',
  'warnNudity',
  'warnGraphic',
] as const;

export type ViewMessages = Record<(typeof KEYS)[number], string>;

const EN = `Continue thread
Close
Previous image
Next image
Image {n} of {count}
Play video
Quoting this post
Sort by
Top
Latest
Oldest
Show
Hide
labelled by {name}
Adult content
Sexually suggestive
Non-sexual nudity
Graphic media`.split('\n');

/** `t` with the discussion code's strings: its language's lines, else English; what the site set in `strings` wins. */
export const viewMessages = (t: Messages): Messages & ViewMessages => ({
  ...(Object.fromEntries(KEYS.map((key, i) => [key, t.rest?.[i] || EN[i]])) as ViewMessages),
  ...t,
});
