// What the post templates read: the interface language and strings, the site's inputs, and what the
// reader's side adds (a signed-in reader's controls and own posts). Types and the icons, no logic.

import { html, nothing, type TemplateResult } from 'lit';
import type { Post, Ref, Sort, ThreadNode } from '../bluesky/model.ts';
import type { Messages } from '../i18n/messages.ts';
import type { ViewMessages } from '../i18n/view.ts';

export interface View {
  lang: string;
  t: Messages & ViewMessages;
  /** The article, normalised, to leave out its own link card. */
  article?: string;
  /** The URI of the post at the top of the discussion (the site's own, when it names one): a quote of it shown under it says so in a line. */
  top?: string;
  /** The article author (`author`: handle or DID), to mark their posts. */
  author?: string;
  /** "more" while the next page loads, or the URI of a branch being opened. */
  busy?: string;
  /** The site's order (`sort`), and the reader's, once they chose one: what is loaded is shown in it. */
  sort?: Sort;
  order?: Sort;
  /** Shows what is loaded in another order (the order control); absent, there is no control. */
  reorder?: (sort: Sort) => void;
  /** Opens the branch at a post in place. */
  open?: (uri: string) => void;
  /** "Show more" pressed: the next page, focus on its first post. */
  more?: () => void;
  /** "Show more" came near the viewport: the next page, focus left where it is. */
  near?: () => void;
  /** Every thread loaded is drawn (templates/pages.ts draws them a step a task). */
  drawn?: () => void;
  /** The branches the reader opened in place (their URIs): past the indent cap, shown at once, not behind "Continue thread". */
  opened?: ReadonlySet<string>;
  /** What a signed-in reader can do (the sign-in code's): without it, a post's reply link goes to Bluesky. */
  actions?: Actions;
  /** The reader's own posts sent from this page under `parent` (`top`: new posts), those not in `shown` yet. */
  mine?: (parent: string, shown: readonly Post[]) => ThreadNode[];
  /** With `live`: the button where new posts wait under the post at `at` (`top`: new posts, above the list). */
  news?: (at: string, view: { lang: string; t: object }) => unknown;
}

export type Count = 'replies' | 'reposts' | 'likes';

/** A signed-in reader's reply, repost and like controls, and what they wrote under a post. */
export interface Actions {
  stats(post: Post, root: Ref, parts: { icons: typeof ICONS; count: (key: Count, n: number) => TemplateResult | typeof nothing }): TemplateResult;
  below(post: Post, root: Ref): TemplateResult | typeof nothing;
}

/** Icons, each one template with no binding: the same markup for every post. */
export const ICONS = {
  replies: html`<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16"><path d="M3 4h18v12H8l-5 4z" /></svg>`,
  reposts: html`<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16"><path d="M4 9V6h13l-3-3m6 12v3H7l3 3" /></svg>`,
  likes: html`<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
    <path d="M12 20s-8-5-8-11a4 4 0 0 1 8-1 4 4 0 0 1 8 1c0 6-8 11-8 11z" />
  </svg>`,
} as const;

/** The view as the frame (in the entry file) builds it: the discussion code adds its own strings. */
export type FrameView = Omit<View, 't'> & { t: Messages };
