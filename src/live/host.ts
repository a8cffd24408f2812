// What the live code reaches of the widget: the element, its load controller, the discussion code.
// Types only, named structurally, so the live chunk depends on none of them.

import type { ReactiveElement } from 'lit';
import type { Inputs } from '../inputs.ts';
import type { LoadState } from '../state.ts';
import type { Sort } from '../bluesky/model.ts';
import type { carry, loadDiscussion, totals, withRules } from '../bluesky/discussion.ts';
import type { View as PostsView } from '../templates/view.ts';

export interface LiveHost extends ReactiveElement {
  live?: string;
  liveService?: string;
}

export type View = { lang: string; t: object };

export type { PostsView };

/** What it reads and sets of the element's load controller (load.ts): what is shown, in which order, and where new posts wait. */
export interface Loader {
  state: LoadState;
  order?: Sort;
  news?: PostsView['news'];
}

/** What it reaches of the discussion code (lazy.ts gives it). */
export interface Lazy {
  withRules: typeof withRules;
  carry: typeof carry;
  totals: typeof totals;
  loadDiscussion: typeof loadDiscussion;
}

/** What the element gives: itself, its load controller, and its inputs as they are now. */
export type LiveArgs = [host: LiveHost, loader: Loader, inputs: () => Inputs];
