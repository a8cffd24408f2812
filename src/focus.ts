// Where focus goes after "Show more" and "Show N more replies": to the first post they add, once it
// is on the page, so keyboard and screen-reader users carry on reading where the new posts begin,
// with a visible ring even after a click or a tap (which alone would not show one).

import type { ReactiveElement } from 'lit';

/** After `index` arrives, and the update it causes, focus what `find` finds there. */
export async function focusAfter(host: ReactiveElement, index: Promise<number | undefined>, find: (index: number) => HTMLElement | undefined) {
  const i = await index;
  if (i === undefined) return;
  await host.updateComplete;
  find(i)?.focus({ focusVisible: true } as FocusOptions); // not in TypeScript's DOM types yet
}

/** Open a branch with `open` and focus the first reply it adds under the post whose button `from` is. */
export function focusOpened(host: ReactiveElement, from: HTMLElement, open: () => Promise<boolean>) {
  const item = from.closest('li')!;
  const shown = item.querySelectorAll(':scope > ol > li').length;
  return focusAfter(
    host,
    open().then((opened) => (opened ? shown : undefined)),
    (i) => item.querySelectorAll<HTMLElement>(':scope > ol > li > article')[i],
  );
}
