// Content behind a warning the reader opens: a native disclosure, keyboard-operable as is.

import { css, html, type TemplateResult } from 'lit';
import type { View } from './view.ts';

export const warned = (warn: boolean, content: TemplateResult, view: View) =>
  warn
    ? html`<details class="warning">
        <summary>${view.t.warning}</summary>
        ${content}
      </details>`
    : content;

export const warningStyles = css`
  .warning summary {
    cursor: pointer;
    color: var(--_muted);
  }
`;
