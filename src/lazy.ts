// What the widget needs only once the network has answered: reading responses (discovery, threads,
// moderation), checking a cached discussion, and the post templates. The entry file imports this
// chunk the moment the widget activates, in parallel with the first request, so it costs no wait.
// One plain object rather than the module itself: the bundler then needs no helper here to build a
// module namespace, so it shares none with the sign-in chunk (a shared one would be a chunk of its
// own, one more request before the discussion).

import { css, html } from 'lit';
import { loadDiscussion, nextPage, openBranch, opened, reorder, DiscoveryError } from './bluesky/discussion.ts';
import type { Discussion, Sort, Totals } from './bluesky/model.ts';
import { isDiscussion } from './bluesky/cache-shape.ts';
import { countedTotals, listTemplate, summaryTemplate } from './templates/posts.ts';
import type { FrameView } from './templates/view.ts';
import { viewMessages } from './i18n/view.ts';
import { postStyles } from './templates/post-styles.ts';
import { orderStyles, orderTemplate } from './templates/order.ts';
import { postUrl } from './bluesky/links.ts';
import { parseAuthor } from './bluesky/parse.ts';
import { resolveDid } from './bluesky/discover.ts';

/** Each discussion in each order the reader chose, sorted once. */
const sorted = new WeakMap<Discussion, Partial<Record<Sort, Discussion>>>();

/** `discussion` in the reader's `order` (a copy), or as loaded when they chose none. */
function ordered(discussion: Discussion, order?: Sort): Discussion {
  if (!order) return discussion;
  const known = sorted.get(discussion) ?? {};
  sorted.set(discussion, known);
  return (known[order] ??= reorder(discussion, order));
}

export const lazy = {
  loadDiscussion,
  nextPage,
  openBranch,
  totals: countedTotals,
  DiscoveryError,
  isDiscussion,
  // The frame's view, with the strings that come with this code.
  listTemplate: (discussion: Discussion, frame: FrameView) => {
    const shown = ordered(discussion, frame.order);
    // `top`: the discussion's first post (a pinned one when there is one), which quote posts of it are shown under.
    return listTemplate(shown, { ...frame, t: viewMessages(frame.t), top: shown.threads[0]?.uri, opened: opened(discussion) });
  },
  // The counts, and beside them the reader's choice of order.
  summaryTemplate: (counts: Totals, frame: FrameView) => {
    const view = { ...frame, t: viewMessages(frame.t) };
    return html`<div class="facts">${summaryTemplate(counts, view)}${orderTemplate(view)}</div>`;
  },
  postStyles: css`
    ${postStyles}${orderStyles}
  `,
  postUrl,
  // For the sign-in code, which reaches discussion code only through this object (no chunk shared
  // between the two): the reader as their posts show them, and a mention's DID.
  parseAuthor,
  resolveDid,
};
