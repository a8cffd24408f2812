// Relative times that stay true while the page is open ("5 minutes ago" becomes "6 minutes ago"):
// one timer for every widget on the page, stopped while the page is hidden and caught up when it
// shows again. Each tick rewrites only the time texts, through a directive; no post re-renders.

import { AsyncDirective, directive } from 'lit/async-directive.js';
import { relativeTime } from '../i18n/format.ts';

/** How a time is written: "5 hours ago" (relativeTime) or "5h" (shortTime). */
type Form = (lang: string, date: Date, now: number) => string;

const TICK_MS = 30_000;
const live = new Set<(now: number) => void>();
let timer: ReturnType<typeof setInterval> | undefined;

const tick = () => {
  const now = Date.now();
  live.forEach((update) => update(now));
};

/** Run the timer only while some time is on screen and the page is visible. */
function schedule() {
  const wanted = live.size > 0 && document.visibilityState !== 'hidden';
  if (wanted && !timer) timer = setInterval(tick, TICK_MS);
  if (!wanted && timer) timer = clearInterval(timer) as undefined;
}

if (typeof document !== 'undefined')
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'hidden') tick(); // back from another tab: true at once
    schedule();
  });

class Since extends AsyncDirective {
  #date = new Date(0);
  #lang = 'en';
  #form: Form = relativeTime;
  #update = (now: number) => this.setValue(this.#form(this.#lang, this.#date, now));

  render(date: Date, lang: string, form: Form = relativeTime) {
    [this.#date, this.#lang, this.#form] = [date, lang, form];
    if (this.isConnected) this.reconnected();
    return form(lang, date, Date.now());
  }

  protected override reconnected() {
    if (typeof document === 'undefined') return; // rendered to a string: nothing to keep current
    live.add(this.#update);
    schedule();
  }

  protected override disconnected() {
    live.delete(this.#update);
    schedule();
  }
}

/** "3 hours ago" (or, with `shortTime`, "3h") for `date`, kept current by the page's one timer; in text or in an attribute. */
export const since = directive(Since);
