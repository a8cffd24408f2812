// Numbers, plurals and times in the interface language, through `Intl`. Formatters are costly to
// construct and a discussion formats thousands of values, so each is made once per language.

import type { Plural } from './messages.ts';

const made = new Map<string, unknown>();

function formatter<T>(key: string, make: () => T): T {
  let found = made.get(key) as T | undefined;
  if (!found) made.set(key, (found = make()));
  return found;
}

/** Past a thousand trillion, a count is written as a power of ten ("1.8E308"): never wider than a few characters. */
const HUGE = 1e15;

export function compact(lang: string, n: number): string {
  const notation = n < HUGE ? 'compact' : 'scientific';
  return formatter(`${notation}${lang}`, () => new Intl.NumberFormat(lang, { notation, maximumFractionDigits: 1 })).format(n);
}

/** "12 likes", with the number in compact form unless `exact`. */
export function plural(lang: string, message: Plural, n: number, exact = false): string {
  const category = formatter(`p${lang}`, () => new Intl.PluralRules(lang)).select(n);
  const number = exact && n < HUGE ? formatter(`n${lang}`, () => new Intl.NumberFormat(lang)).format(n) : compact(lang, n);
  return (message[category] ?? message.other).replace('#', number);
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 hours ago", in the interface language (whole units, as the short form counts them). */
export function relativeTime(lang: string, date: Date, now = Date.now()): string {
  const seconds = (date.getTime() - now) / 1000;
  const format = formatter(`r${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  return format.format(0, 'second');
}

/** Languages whose narrow units are Latin letters ("5h" in Japanese): they take their narrow relative form ("5時間前"). */
const RELATIVE = /^ja\b/;

/**
 * bsky.app's compact time: "now", "5m", "5h", "3d", then a short date ("Nov 3", with the year when it
 * is not this year's), each in the interface language's narrow form ("5시간", "5時間前").
 */
export function shortTime(lang: string, date: Date, now = Date.now()): string {
  const seconds = (now - date.getTime()) / 1000;
  if (seconds < 60) return relativeTime(lang, new Date(now), now); // "now", also for a clock a little ahead of ours
  if (seconds < 30 * 86_400) {
    const [unit, size] = UNITS.slice(3).find(([, size]) => seconds >= size)!;
    const n = Math.floor(seconds / size);
    if (RELATIVE.test(lang)) return formatter(`R${lang}`, () => new Intl.RelativeTimeFormat(lang, { style: 'narrow' })).format(-n, unit);
    return formatter(`u${unit}${lang}`, () => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'narrow' })).format(n);
  }
  const year = new Date(now).getFullYear() === date.getFullYear() ? undefined : 'numeric';
  return formatter(`s${year}${lang}`, () => new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', year })).format(date);
}

export function fullDate(lang: string, date: Date): string {
  return formatter(`d${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short' })).format(date);
}
