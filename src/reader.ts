// The reader's side of the widget, in the entry file: with `client-id`, "Sign in with Bluesky". The
// code behind it (the OAuth client, the composer) is a chunk fetched only when a reader asks, comes
// back from their server, or — signed in here before — once the widget activates: until then this
// origin's mark is all that is read, and nothing is sent anywhere. Without `client-id`, none of it runs.

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Inputs } from './inputs.ts';
import type { Messages } from './i18n/messages.ts';
import type { JoinMessages } from './i18n/join.ts';
import type { Port, Reading } from './join/port.ts';
import type { Wing } from './join/index.ts';
import { isCallback, marked } from './join/mark.ts';
import { signIn } from './templates/shell.ts';

export class ReaderController implements ReactiveController, Reading {
  /** The latest inputs and interface language, as the sign-in code reads them. */
  inputs!: Inputs;
  lang?: string;
  #active = false;
  #host: ReactiveControllerHost & HTMLElement;
  /** `client-id` and AppView: a change starts afresh. */
  #key?: string;
  /** The sign-in code for `#key`, once it has arrived. */
  #wing?: Wing;
  /** The sign-in code on its way (or here) for `#key`; none yet, or its fetch failed. */
  #opening?: Promise<Wing | undefined>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Fed by the element with each update: its inputs, whether it is active (near the viewport), its interface language. */
  set(inputs: Inputs, active: boolean, lang?: string): void {
    this.inputs = inputs;
    this.lang = lang;
    this.#active = active;
  }

  /** With each update, from what it was fed: a new `client-id` (or AppView) starts afresh; the session is looked for when it may be. */
  hostUpdate(): void {
    const { clientId, service } = this.inputs;
    const key = clientId && `${clientId} ${service}`;
    if (key !== this.#key) {
      this.#wing?.close();
      this.#wing = this.#opening = undefined;
      this.#key = key;
    }
    if (!clientId || this.#opening) return;
    // A reader back from their server, at once: the callback must be finished on this page. One
    // signed in here before, only once the widget nears the viewport: a session restored sooner
    // would tell their server and the AppView that they read this page before they read this far.
    if (isCallback(location) || (this.#active && marked(clientId))) this.#open().then((wing) => wing?.start());
  }

  /** The shell's one port: the control, and once the sign-in code is here, the post controls and the reader's posts. */
  port(t: Messages & Partial<JoinMessages>, lang: string): Port {
    // (Without `client-id` there is no wing, and the shell shows no control.)
    return this.#wing?.port(t, lang) ?? { control: signIn(t, this.#ask) };
  }

  /** "Sign in with Bluesky": the code arrives, then the reader is asked for their handle. */
  #ask = () => this.#open().then((wing) => wing?.ask());

  #open(): Promise<Wing | undefined> {
    const opening: Promise<Wing | undefined> = (this.#opening ??= import('./join/index.ts')
      .then((module) => module.Wing.open(this.#host, this))
      .then((wing) => {
        // The inputs changed meanwhile: this wing is no one's, and must not stay the host's.
        if (opening !== this.#opening) return void wing.close();
        this.#host.requestUpdate();
        return (this.#wing = wing);
      })
      // The code could not be fetched: the button stays, to try again (unless a newer opening is under way).
      .catch(() => void (opening === this.#opening && (this.#opening = undefined))));
    return opening;
  }
}
