// What the reader's side gives the shell, as one port: the header's sign-in control, the controls
// posts render while a reader is signed in, and the reader's own posts sent from this page.

import type { TemplateResult, nothing } from 'lit';
import type { Actions, View } from '../templates/view.ts';
import type { Inputs } from '../inputs.ts';

/** What the sign-in code reads from the reader's controller: the latest inputs and interface language. */
export interface Reading {
  readonly inputs: Inputs;
  readonly lang?: string;
}

export interface Port {
  /** "Sign in with Bluesky", the handle form, or the signed-in reader's name, "Sign out" and "Post about this article". */
  control: TemplateResult | typeof nothing;
  /** While a reader is signed in: reply, like and repost, and what they write under a post. */
  actions?: Actions;
  /** The reader's posts sent from here under `parent` (`top`: new posts), those not in `shown` yet; signed in or not. */
  mine?: View['mine'];
}
