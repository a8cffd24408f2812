// What the widget needs only once the network has answered: reading responses (discovery, threads,
// moderation), checking a cached discussion, and the post templates. The entry file imports this
// chunk the moment the widget activates, in parallel with the first request, so it costs no wait.
// One plain object rather than the module itself: the bundler then needs no helper here to build a
// module namespace, so it shares none with the sign-in chunk (a shared one would be a chunk of its
// own, one more request before the discussion).

import { carry, loadDiscussion, nextPage, openBranch, opened, ordered, totals, withRules, DiscoveryError } from './bluesky/discussion.ts';
import type { Discussion, Totals } from './bluesky/model.ts';
import { isDiscussion } from './bluesky/cache-shape.ts';
import { warnOnce } from './bluesky/warn.ts';
import { summaryTemplate } from './templates/posts.ts';
import { pageTemplate } from './templates/pages.ts';
import type { FrameView } from './templates/view.ts';
import { viewMessages } from './i18n/view.ts';
import { postStyles } from './templates/post-styles.ts';
import { postUrl } from './bluesky/links.ts';
import { parseAuthor } from './bluesky/parse.ts';
import { resolveDid } from './bluesky/discover.ts';
import type { LiveArgs } from './live/host.ts';

/** Discussions the reader saw before (the server's, the session cache's): drawn at once, not a step a task (templates/pages.ts). */
const seen = new WeakSet<Discussion>();

export const lazy = {
  loadDiscussion,
  nextPage,
  openBranch,
  totals,
  DiscoveryError,
  /** A cache entry's discussion, or a server's, when it is exactly what we write; else undefined (said on the console, for a server's). */
  usable: (entry: { discussion: unknown; served?: true }) => {
    if (isDiscussion(entry.discussion)) return (seen.add(entry.discussion), entry.discussion);
    if (entry.served) warnOnce('the server-rendered discussion could not be read, or was rendered for other attributes; loading it afresh.');
    return undefined;
  },
  // The frame's view, with the strings that come with this code: the threads, and "Show more".
  listTemplate: (discussion: Discussion, frame: FrameView) => {
    const shown = ordered(discussion, frame.order);
    // `top`: the discussion's first post (a pinned one when there is one), which quote posts of it are shown under.
    return pageTemplate(shown, { ...frame, t: viewMessages(frame.t), top: shown.threads[0]?.uri, opened: opened(discussion) }, seen.has(discussion));
  },
  // The counts, and beside them the reader's choice of order.
  summaryTemplate: (shown: { discussion: Discussion; counts: Totals }, frame: FrameView) => summaryTemplate(shown, { ...frame, t: viewMessages(frame.t) }),
  postStyles,
  postUrl,
  // For the sign-in code, which reaches discussion code only through this object (no chunk shared
  // between the two): the reader as their posts show them, and a mention's DID.
  parseAuthor,
  resolveDid,
  // `live` (only on pages that set it): its code, and what it reaches of the discussion code's, as the sign-in code does.
  live: (...args: LiveArgs) =>
    import('./live/index.ts').then(
      ({ Live }) => new Live(...args, lazy),
      () => {}, // not fetched: the widget stays as it is, without live
    ),
  withRules,
  carry,
};
