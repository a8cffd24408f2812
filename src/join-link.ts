// The door to joining, in the entry file: with `client-id`, a "Sign in with Bluesky" control. The
// code behind it (the OAuth client, the composer) is a chunk fetched only when a reader asks, comes
// back from their server, or signed in here before. Without `client-id`, none of it runs.

import type { ReactiveControllerHost } from 'lit';
import type { Join } from './join/index.ts';

/** Where this origin notes that a reader is signed in: which client, never a token. */
export const MARK = 'discuss-thread:signed-in';

/** Whether the sign-in code is needed as the page loads: a reader back from their server, or signed in before. */
function returning(clientId: string): boolean {
  try {
    return /[#&]state=/.test(location.hash) || localStorage.getItem(MARK) === clientId;
  } catch {
    return false; // storage refused (a sandboxed frame)
  }
}

export class JoinLink {
  /** The reader's session and its controls, once the sign-in code has arrived. */
  join?: Join;
  #host: ReactiveControllerHost & HTMLElement;
  #for?: string;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  /** With each read of the inputs: a new `client-id` (or AppView) starts afresh. */
  set(clientId: string | undefined, service: string): void {
    if (`${clientId} ${service}` === this.#for) return;
    this.#for = `${clientId} ${service}`;
    this.join = undefined;
    if (clientId && returning(clientId)) this.#open(clientId, service).then((join) => join?.start());
  }

  /** "Sign in with Bluesky": the code arrives, then the reader is asked for their handle. */
  signIn = (clientId: string, service: string) => this.#open(clientId, service).then((join) => join?.ask());

  async #open(clientId: string, service: string): Promise<Join | undefined> {
    const key = this.#for;
    try {
      const Join = await import('./join/index.ts').then((module) => module.Join);
      if (key !== this.#for) return undefined; // the inputs changed meanwhile
      this.join ??= new Join(this.#host, clientId, service);
      this.#host.requestUpdate();
      return this.join;
    } catch {
      return undefined; // the code could not be fetched: the button stays, to try again
    }
  }
}
