// The widget's frame: header (heading, compose link, summary), the status line, the error actions,
// and where the discussion goes. In the entry file: it is what a reader sees first.

import { html, nothing } from 'lit';
import type { Inputs } from '../inputs.ts';
import type { Lazy, LoadState } from '../load.ts';
import type { Messages } from '../i18n/messages.ts';
import type { FrameView as View } from './view.ts';
import type { Port } from '../join/port.ts';
import { composeUrl } from '../compose.ts';
import { searchUrl } from '../bluesky/urls.ts';

interface Shell {
  state: LoadState;
  inputs: Inputs;
  t: Messages;
  lang: string;
  lazy?: Lazy;
  onRetry: () => void;
  /** "Show more" pressed. */
  onMore: () => void;
  /** "Show more" come near the viewport. */
  onNear?: () => void;
  /** The reader's side: the sign-in control, and what a signed-in reader can do and has sent. */
  port: Port;
  /** Opens the branch at a post in place. */
  onOpen: View['open'];
  /** All that is loaded is drawn. */
  onDrawn?: View['drawn'];
  /** The reader's order, once chosen, and how they choose it. */
  order?: View['order'];
  onOrder?: View['reorder'];
  /** With `live`: where new posts wait. */
  news?: View['news'];
  /** The site's fallback content (the default slot) has a link: it takes the place of ours to Bluesky. */
  fallback?: boolean;
}

function statusText(state: LoadState, t: Messages, view: View) {
  if (state.status === 'searching') return t.searching;
  // "No posts yet", until the reader posts the first from here.
  if (state.status === 'empty') return view.mine?.('top', []).length ? nothing : html`<slot name="empty">${t.empty}</slot>`;
  return state.status === 'error' ? t.error : nothing;
}

/** "Sign in with Bluesky", as a reader not signed in sees it (the server renders it too, without `ask`). */
export const signIn = (t: Messages, ask?: () => void) => html`<button class="link" @click=${ask}>${t.signIn}</button>`;

/** With `client-id`: "Sign in with Bluesky", or, once the sign-in code is here, the reader's session. */
const joinControl = ({ port, inputs, lang }: Shell) => (inputs.clientId ? html`<div part="join" class="join" lang=${lang}>${port.control}</div>` : nothing);

export function shell(shell: Shell) {
  const { state, inputs, t, lang, lazy, onRetry, onMore, onOpen } = shell;
  const error = state.status === 'error';
  // Loaded, or empty (where the reader's own first post may show).
  const shown = 'discussion' in state && lazy ? state : undefined;
  const view: View = {
    lang,
    t,
    article: inputs.articleKey,
    author: inputs.author,
    busy: shown?.busy,
    sort: inputs.sort,
    order: shell.order,
    reorder: shell.onOrder,
    open: onOpen,
    more: onMore,
    near: shell.onNear,
    drawn: shell.onDrawn,
    actions: shell.port.actions,
    mine: shell.port.mine,
    news: shell.news,
  };
  return html`
    <header part="header" lang=${lang}>
      <div part="heading" class="heading" role="heading" aria-level=${inputs.headingLevel}><slot name="heading">${t.heading}</slot></div>
      ${shown?.status === 'loaded' ? lazy!.summaryTemplate(shown, view) : nothing}
      ${error ? nothing : html`<a part="compose" class="button" href=${composeUrl(inputs.composeText, inputs.title, inputs.article)}>${t.compose}</a>`}
      ${joinControl(shell)}
    </header>
    <p part="status" class="status" role="status" lang=${lang}>${statusText(state, t, view)}</p>
    ${
      error
        ? html`<div class="actions">
              <button part="retry" class="button" @click=${onRetry}>${t.retry}</button>
              ${shell.fallback ? nothing : html`<a class="link" href=${searchUrl(inputs.article)}>${t.searchOnBluesky}</a>`}
            </div>
            <slot></slot>`
        : nothing
    }
    ${shown ? lazy!.listTemplate(shown.discussion, view) : nothing}
  `;
}
