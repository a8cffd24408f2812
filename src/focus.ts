// Where focus goes after "Show more" and "Show N more replies": to the first post they add, in the
// page's order, once it is on the page, so keyboard and screen-reader users carry on reading where
// the new posts begin. Found by URI, not by place: the reader's own posts, and the order they chose,
// may put new posts before or among those already shown.

import type { ReactiveElement } from 'lit';

/** Focus `el` with a visible ring, even after a click or a tap (which alone would not show one). */
export const focusRing = (el?: HTMLElement | null) => el?.focus({ focusVisible: true } as FocusOptions); // not in TypeScript's DOM types yet

/** Run `step`; if it changed what is shown, focus the first post on the page that was not there before. */
export async function focusNew(host: ReactiveElement, step: () => Promise<unknown>) {
  const posts = () => [...host.renderRoot.querySelectorAll<HTMLElement>('article[data-uri]')];
  const before = new Set(posts().map((post) => post.dataset.uri));
  if (!(await step())) return;
  await host.updateComplete;
  focusRing(posts().find((post) => !before.has(post.dataset.uri)));
}
