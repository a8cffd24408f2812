// The reader's choice of order, beside the summary: Top, Latest or Oldest, as native radio buttons
// (Tab reaches the group, arrow keys choose, as in any radio group), drawn as one segmented control.
// Choosing reorders what is loaded; nothing is asked of the network.

import { css, html, nothing } from 'lit';
import type { Sort } from '../bluesky/model.ts';
import type { View } from './view.ts';

const ORDERS = [
  ['top', 'sortTop'],
  ['latest', 'sortLatest'],
  ['oldest', 'sortOldest'],
] as const satisfies ReadonlyArray<readonly [Sort, keyof View['t']]>;

/**
 * The control, checked at the reader's order, else the site's (`sort`); nothing where the frame offers no way to reorder.
 * Checked as an attribute, which a server renders too (a reader's own choice then holds the property).
 */
export function orderTemplate(view: View) {
  const { t, reorder } = view;
  if (!reorder) return nothing;
  const current = view.order ?? view.sort;
  return html`<div part="order" class="order" role="radiogroup" aria-label=${t.sortBy}>
    ${ORDERS.map(
      ([sort, key]) =>
        html`<label
          ><input class="sr" type="radio" name="order" value=${sort} ?checked=${sort === current} @change=${() => reorder(sort)} /><span>${t[key]}</span></label
        >`,
    )}
  </div>`;
}

// prettier-ignore
export const orderStyles = css`
  /* The summary and the control share a line while they fit; the control wraps under it whole. */
  .facts { grid-column: 1; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; }
  .order { display: inline-flex; flex: none; padding: 2px; border: 1px solid var(--_border); border-radius: 999px; font-size: 0.875em; }
  .order label { position: relative; cursor: pointer; }
  .order span { display: block; padding: 0.3em 0.85em; border-radius: 999px; color: var(--_muted); white-space: nowrap; }
  .order input:checked + span { background: var(--_surface); color: var(--_text); font-weight: 600; box-shadow: inset 0 0 0 1px var(--_border); }
  .order input:focus-visible + span { outline: 2px solid var(--_accent); outline-offset: 1px; }
  @media (forced-colors: active) {
    .order input:checked + span { border: 1px solid Highlight; }
    .order input:focus-visible + span { outline-color: Highlight; }
  }
`;
