// Content behind a warning the reader opens: a native disclosure, keyboard-operable as is. Its
// summary says why and who said so ("Graphic media · labelled by Newswatch Moderation"), as
// bsky.app does, and "Show" or "Hide": both words are in it, the stylesheet shows the one that fits.

import { css, html, type TemplateResult } from 'lit';
import type { Warning } from '../bluesky/model.ts';
import { fill } from '../i18n/messages.ts';
import type { View } from './view.ts';
import { reason } from './reason.ts';

/** Bluesky's moderation service, as bsky.app names it. */
const BLUESKY = 'Bluesky Moderation Service';

export const warned = (warn: Warning | undefined, content: TemplateResult, view: View) =>
  warn
    ? html`<details class="warning">
        <summary>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16"><path d="M12 3 2 21h20zM12 10v5m0 2.5v.5" /></svg>
          <span class="why">${reason(warn, view)}<span aria-hidden="true"> · </span>${fill(view.t.labelledBy, { name: warn.by ?? BLUESKY })}</span>
          <span class="show">${view.t.show}</span><span class="hide">${view.t.hide}</span>
        </summary>
        ${content}
      </details>`
    : content;

// prettier-ignore
export const warningStyles = css`
  .warning { margin-block: 0.25rem; }
  .warning > summary {
    display: flex; align-items: center; gap: 0.5rem; padding: 0.4rem 0.75rem; list-style: none; cursor: pointer; font-size: 0.9375em;
    border-radius: var(--_radius); background: var(--_surface); color: var(--_muted);
  }
  .warning > summary::-webkit-details-marker { display: none; }
  .warning svg { flex: none; fill: none; stroke: currentColor; stroke-width: 2; stroke-linejoin: round; }
  .warning .why { flex: 1; min-width: 0; }
  .warning .show, .warning .hide { flex: none; color: var(--_accent); font-weight: 600; }
  .warning[open] > summary { margin-block-end: 0.5rem; }
  .warning[open] .show, .warning:not([open]) .hide { display: none; }
`;
