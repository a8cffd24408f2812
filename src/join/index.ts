// Readers join from the page: sign in with Bluesky, with the least power needed. This chunk is
// fetched only when a reader asks to sign in, comes back from their server, or has a session here.

import { css, html, type ReactiveControllerHost } from 'lit';
import type { OAuthSession } from '@atproto/oauth-client-browser';
import { client, mark, restore, signIn } from './session.ts';
import { joinMessages } from './messages.ts';
import { fill } from '../i18n/messages.ts';
import { xrpc } from '../bluesky/http.ts';

type State =
  | { kind: 'out' }
  | { kind: 'asking' }
  | { kind: 'busy' }
  | { kind: 'in'; did: string; handle: string }
  /** What went wrong, and the handle the reader typed, kept for another try. */
  | { kind: 'error'; message: string; handle?: string; denied?: boolean };

/** One element's reader session and its header control. */
export class Join {
  state: State = { kind: 'out' };
  session?: OAuthSession;
  #handle = '';

  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    readonly clientId: string,
    readonly service: string,
  ) {
    const root = host.shadowRoot;
    if (root && !root.adoptedStyleSheets.includes(joinStyles.styleSheet!)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, joinStyles.styleSheet!];
  }

  #set(state: State) {
    this.state = state;
    this.host.requestUpdate();
  }

  /** As the page loads: finish the sign-in the reader is coming back from, or restore their session. */
  async start(): Promise<void> {
    this.#set({ kind: 'busy' });
    try {
      const session = await restore(await client(this.clientId, this.service));
      if (session) return this.#signedIn(session);
      mark(undefined);
      this.#set({ kind: 'out' });
    } catch (error) {
      mark(undefined);
      const params = (error as { params?: URLSearchParams }).params;
      const denied = params?.get('error') === 'access_denied';
      this.#set({ kind: 'error', message: String((error as Error)?.message ?? error), denied });
    }
  }

  async #signedIn(session: OAuthSession) {
    this.session = session;
    mark(this.clientId);
    // The handle, for "Signed in as": the AppView knows it; the DID stands in if it does not answer.
    const profile = (await xrpc(this.service, 'app.bsky.actor.getProfile', { actor: session.did }).catch(() => undefined)) as { handle?: unknown } | undefined;
    const handle = typeof profile?.handle === 'string' ? profile.handle : session.did;
    this.#set({ kind: 'in', did: session.did, handle });
  }

  ask = () => this.#set({ kind: 'asking' });
  cancel = () => this.#set({ kind: 'out' });

  submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('handle') as HTMLInputElement;
    this.#handle = input.value.trim().replace(/^@/, '');
    if (!this.#handle) return;
    this.#set({ kind: 'busy' });
    try {
      await signIn(await client(this.clientId, this.service), this.#handle); // leaves the page
    } catch (error) {
      this.#set({ kind: 'error', message: String((error as Error)?.message ?? error), handle: this.#handle });
    }
  };

  /** Revoke the tokens at the reader's server and forget them here. */
  signOut = async () => {
    const session = this.session;
    this.session = undefined;
    mark(undefined);
    this.#set({ kind: 'busy' });
    await session?.signOut().catch(() => {}); // the tokens are deleted here whether or not the server answers
    this.#set({ kind: 'out' });
  };

  /** The header's sign-in control, in `lang`; `signInLabel` is the entry's "Sign in with Bluesky". */
  template(lang: string, signInLabel: string) {
    const t = joinMessages(lang);
    const state = this.state;
    const signInButton = html`<button class="link" @click=${this.ask}>${signInLabel}</button>`;
    switch (state.kind) {
      case 'out':
        return signInButton;
      case 'busy':
        return html`<span role="status">${t.signingIn}</span>`;
      case 'asking':
        return html`<form class="join-form" @submit=${this.submit}>
          <label>${t.handle} <input name="handle" autocomplete="username" spellcheck="false" autocapitalize="none" required .value=${this.#handle} /></label>
          <button class="button">${t.go}</button>
          <button class="link" type="button" @click=${this.cancel}>${t.cancel}</button>
        </form>`;
      case 'in':
        return html`<span>${fill(t.signedIn, { name: `@${state.handle}` })}</span> <button class="link" @click=${this.signOut}>${t.signOut}</button>`;
      case 'error':
        return html`<span role="alert">${state.denied ? t.denied : fill(t.failed, { reason: state.message })}</span> ${signInButton}`;
    }
  }
}

export const joinStyles = css`
  .join-form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .join-form input {
    font: inherit;
    padding: 0.35em 0.6em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    color: inherit;
    min-width: 12em;
  }
`;
