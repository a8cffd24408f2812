// The reader's account on this page, as one state machine: out → asking (the handle form) → busy
// (on the way to their server, or back) → in (one identity record and the session) or error. The
// "signed in before" mark is set when a session is found and cleared only when none is, or the
// reader signs out: no failure, and nothing in the address, signs a reader out.

import type { OAuthSession } from '@atproto/oauth-client-browser';
import type { Author } from '../bluesky/model.ts';
import { xrpc } from '../bluesky/http.ts';
import { loadLazy } from '../load.ts';
import { client, restore, setMark, signIn } from './session.ts';

export type AccountState =
  | { kind: 'out' }
  /** `handle`: what the reader typed last, for another try. */
  | { kind: 'asking'; handle: string }
  | { kind: 'busy' }
  /** `me`: the reader as their posts show them; the session writes to their PDS. */
  | { kind: 'in'; me: Author; session: OAuthSession }
  /**
   * `denied`: they said no at their server; `interrupted`: the return from their server, or the
   * restore, failed (said in fixed words: the address is anyone's to write); `failed`: their
   * server could not be reached from the form, and `reason` says why.
   */
  | { kind: 'error'; problem: 'denied' | 'interrupted' | 'failed'; reason?: string; handle: string };

export interface AccountHooks {
  /** The state changed: show it. */
  changed(): void;
  /** A session began (before the profile is read): recall what the reader did before. */
  signedIn(session: OAuthSession): void;
}

/** What an error says, whatever was thrown. */
const reason = (error: unknown) => String((error as Error)?.message ?? error);

/**
 * The reader as their posts show them (`author`: the AppView's profile, read as a post's author is):
 * only when it is the session's DID's profile; else, or where the AppView does not answer, the DID.
 */
export const identity = (did: string, author?: Author): Author => (author?.did === did ? author : { did, handle: did, displayName: did });

export class Account {
  state: AccountState = { kind: 'out' };
  /** Replaced (a new `client-id` or AppView): nothing it learns later is shown, marked or recalled. */
  #closed = false;

  constructor(
    readonly clientId: string,
    /** The AppView: it resolves handles and knows the reader's profile. */
    readonly service: string,
    readonly hooks: AccountHooks,
  ) {}

  #set(state: AccountState) {
    if (this.#closed) return;
    this.state = state;
    this.hooks.changed();
  }

  /** Replaced: forgotten here (not signed out: the session is the reader's, and stays stored). */
  close(): void {
    this.state = { kind: 'out' };
    this.#closed = true;
  }

  /** The signed-in reader, if any. */
  get me(): Author | undefined {
    return this.state.kind === 'in' ? this.state.me : undefined;
  }

  get session(): OAuthSession | undefined {
    return this.state.kind === 'in' ? this.state.session : undefined;
  }

  /** Finish the sign-in the reader is coming back from, or restore their session. */
  async start(): Promise<void> {
    this.#set({ kind: 'busy' });
    let restored;
    try {
      restored = await restore(await client(this.clientId, this.service));
    } catch (error) {
      const denied = (error as { params?: URLSearchParams }).params?.get('error') === 'access_denied';
      return this.#set({ kind: 'error', problem: denied ? 'denied' : 'interrupted', handle: '' });
    }
    if (this.#closed) return; // the mark is the current client's to set
    if (!restored.session) {
      setMark(undefined); // no session here any more: the next page need not look for one
      return this.#set({ kind: 'out' });
    }
    setMark(this.clientId);
    if (!restored.leaving) await this.#signedIn(restored.session);
  }

  async #signedIn(session: OAuthSession) {
    this.hooks.signedIn(session);
    const [profile, lazy] = await Promise.all([
      xrpc(this.service, 'app.bsky.actor.getProfile', { actor: session.did }).catch(() => undefined),
      loadLazy().catch(() => undefined), // the discussion code: here already, or on its way
    ]);
    this.#set({ kind: 'in', me: identity(session.did, lazy?.parseAuthor(profile)), session });
  }

  /** "Sign in with Bluesky": the handle form, with what the reader typed last. */
  ask(): void {
    this.#set({ kind: 'asking', handle: 'handle' in this.state ? this.state.handle : '' });
  }

  cancel(): void {
    this.#set({ kind: 'out' });
  }

  /** To the reader's server with what they typed (a handle, a DID or their server's address). */
  async submit(typed: string): Promise<void> {
    const handle = typed.trim().replace(/^@/, '');
    if (!handle) return;
    this.#set({ kind: 'busy' });
    await this.#toTheirServer(handle, handle);
  }

  /**
   * After the session ended: to the reader's server and back, to this article, where their draft
   * waits. By DID, never by the handle the AppView named: the OAuth client resolves the DID itself.
   */
  async again(): Promise<void> {
    const did = this.me?.did;
    if (did) await this.#toTheirServer(did, '');
  }

  /** To their server, to sign in and come back (the page leaves); or why not, with what they typed kept. */
  async #toTheirServer(who: string, typed: string) {
    try {
      await signIn(await client(this.clientId, this.service), who);
    } catch (error) {
      this.#set({ kind: 'error', problem: 'failed', reason: reason(error), handle: typed });
    }
  }

  /** Revoke the tokens at the reader's server and forget them here, whether or not it answers. */
  async signOut(): Promise<void> {
    const session = this.session;
    if (!session) return;
    setMark(undefined);
    this.#set({ kind: 'busy' });
    await session.signOut().catch(() => {});
    this.#set({ kind: 'out' });
  }
}
