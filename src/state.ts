// What the widget shows, as the load controller (load.ts) holds it, and what its events carry: types
// only, so code loaded later (live/) names them without depending on the controller.

import type { Discussion, RouteFailure, Totals } from './bluesky/model.ts';

export type Status = 'idle' | 'searching' | 'loaded' | 'empty' | 'error';

export interface LoadDetail extends Totals {
  /** Routes that failed while another answered, and labelers whose labels could not be applied. */
  failures: RouteFailure[];
}

export interface ErrorDetail {
  message: string;
  /** Each discovery route that failed, and how. */
  failures: RouteFailure[];
}

export type LoadState =
  | { status: 'idle' | 'searching' }
  /**
   * `busy`: "more" while the next page loads, or the URI of a branch being opened. `drawing`: a
   * loaded discussion not all on screen yet (its first screenful is: templates/pages.ts).
   */
  | { status: 'loaded' | 'empty'; discussion: Discussion; counts: Totals; busy?: string; drawing?: true }
  | { status: 'error'; error: ErrorDetail };
