// The one socket `live` keeps to the link-event stream (Spacedust's `/subscribe`): its address, asked
// for what the page shows, updated in place as that changes, and how long to wait before trying
// again when it could not open or dropped.

import { warner, type Warn } from '../bluesky/warn.ts';
import type { Wanted } from './news.ts';

export const LIVE_SERVICE = 'wss://spacedust.microcosm.blue';

/** A socket that dropped is tried again after 2 s, 4 s, 8 s… up to 5 minutes (less a random part, so pages do not return together). */
const RETRY_MS = [2_000, 300_000] as const;
/** Subjects carried in the socket's address, at most (by length); the rest follow in an options update once it opens. */
const URL_MAX = 4_000;
/** A socket not open after this long is given up (and tried again later). */
const OPEN_MS = 10_000;
/** Open this long, a socket that drops starts the backoff afresh; sooner (a server that accepts, then drops), it goes on growing. */
const STEADY_MS = 30_000;

/** `live` is on: present, with any value but `off` or `false`. */
export const isOn = (value: string | undefined | null): boolean => value != null && !/^(off|false)$/i.test(value.trim());

/** The stream's address: `wss:`, or `ws:` on a loopback host (development, tests); anything else warns and uses the default. */
export function streamUrl(value: string | undefined, warn: Warn = warner()): string {
  if (!value) return LIVE_SERVICE;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  const secure = url?.protocol === 'wss:' || (url?.protocol === 'ws:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
  if (url && secure && !url.search && !url.hash) return url.href.replace(/\/+$/, '');
  warn('live-service', value, `${LIVE_SERVICE} (a wss: address)`);
  return LIVE_SERVICE;
}

const key = (subjects: readonly string[], sources: readonly string[]) => JSON.stringify([subjects, sources]);

export interface StreamEvents {
  open(): void;
  message(data: unknown): void;
  /** It could not open, or it dropped; `heard`: it had been open. */
  closed(heard: boolean): void;
}

export class Stream {
  #socket?: WebSocket;
  #timer?: ReturnType<typeof setTimeout>;
  /** The stream it was opened to. */
  base?: string;
  /** The subjects and sources it was last asked for. */
  #sent?: string;
  #attempts = 0;
  readonly #events: StreamEvents;

  constructor(events: StreamEvents) {
    this.#events = events;
  }

  /** A socket is open or opening. */
  get busy(): boolean {
    return !!this.#socket;
  }

  connect(base: string, want: Wanted): void {
    this.base = base;
    const url = new URL(`${base}/subscribe`);
    const subjects: string[] = [];
    for (const subject of want.subjects) {
      if (url.href.length > URL_MAX) break;
      url.searchParams.append('wantedSubjects', subject);
      subjects.push(subject);
    }
    for (const source of want.sources) url.searchParams.append('wantedSources', source);
    url.searchParams.set('instant', 'true'); // no 21 s hold: a post deleted at once is simply not found
    let socket: WebSocket;
    try {
      socket = new WebSocket(url); // a page's CSP may refuse it, here or with a close event
    } catch {
      return this.#events.closed(false);
    }
    this.#socket = socket;
    this.#sent = key(subjects, want.sources);
    let opened = 0;
    // A socket a CSP refuses errs and never closes (Chromium): an error ends it as a close does; so
    // does a socket still not open after OPEN_MS.
    const gone = () => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      clearTimeout(this.#timer);
      if (opened && Date.now() - opened >= STEADY_MS) this.#attempts = 0;
      socket.close();
      this.#events.closed(!!opened);
    };
    this.#timer = setTimeout(gone, OPEN_MS);
    socket.onopen = () => {
      opened = Date.now();
      clearTimeout(this.#timer);
      this.#events.open();
    };
    socket.onmessage = (event) => this.#events.message(event.data);
    socket.onclose = socket.onerror = gone;
  }

  /** Asked for `want`, if that is not what it was asked already (an options update replaces all it was asked). */
  ask(want: Wanted): void {
    const next = key(want.subjects, want.sources);
    if (this.#socket?.readyState !== WebSocket.OPEN || next === this.#sent) return;
    this.#sent = next;
    this.#socket.send(JSON.stringify({ type: 'options_update', payload: { wantedSubjects: want.subjects, wantedSources: want.sources } }));
  }

  /** How long to wait before the next try. */
  backoff(): number {
    return Math.min(RETRY_MS[1], RETRY_MS[0] * 2 ** this.#attempts++) * (0.75 + Math.random() / 4);
  }

  /** Closed, and the backoff forgotten; true when it was open. */
  close(): boolean {
    const socket = this.#socket;
    const open = socket?.readyState === WebSocket.OPEN;
    this.#socket = undefined;
    this.#attempts = 0;
    clearTimeout(this.#timer);
    socket?.close(1000);
    return open;
  }
}
