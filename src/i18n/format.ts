// Numbers, plurals and times in the interface language, through `Intl`. Formatters are costly to
// construct and a discussion formats thousands of values, so each is made once per language.

import type { Plural } from './messages.ts';

const made = new Map<string, unknown>();

function formatter<T>(key: string, make: () => T): T {
  let found = made.get(key) as T | undefined;
  if (!found) made.set(key, (found = make()));
  return found;
}

export function compact(lang: string, n: number): string {
  return formatter(`c${lang}`, () => new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 })).format(n);
}

/** "12 likes", with the number in compact form unless `exact`. */
export function plural(lang: string, message: Plural, n: number, exact = false): string {
  const category = formatter(`p${lang}`, () => new Intl.PluralRules(lang)).select(n);
  const number = exact ? formatter(`n${lang}`, () => new Intl.NumberFormat(lang)).format(n) : compact(lang, n);
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

/** "3 hours ago", in the interface language. */
export function relativeTime(lang: string, date: Date, now = Date.now()): string {
  const seconds = (date.getTime() - now) / 1000;
  const format = formatter(`r${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(0, 'second');
}

export function fullDate(lang: string, date: Date): string {
  return formatter(`d${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short' })).format(date);
}
