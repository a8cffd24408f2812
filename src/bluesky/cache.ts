// A short-lived session cache of loaded discussions, keyed by everything that shapes one (hosts,
// article, posts, author, sort, depth, limit): a revisit within minutes renders at once without a
// request; an older entry renders at once while a fresh copy loads quietly. An entry is read back
// as untrusted JSON; cache-shape.ts decides whether it is exactly what we wrote.

import type { Discussion } from './model.ts';
import { VERSION } from './version.ts';

/** One release never reads another's entries: their shapes may differ. */
export const PREFIX = `discuss-thread:${VERSION}:`;
/** Younger than this, an entry is used as is. */
const FRESH_MS = 5 * 60_000;
/** Older than this, an entry is ignored. */
const STALE_MS = 60 * 60_000;

export const storage = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage; // throws where storage is blocked
  } catch {
    return undefined;
  }
};

/** The entry for `key` younger than STALE_MS, its discussion unchecked (see cache-shape.ts). */
export function readCache(key: string, now = Date.now()): { discussion: unknown; fresh: boolean } | undefined {
  try {
    const entry = JSON.parse(storage()?.getItem(PREFIX + key) ?? 'null') as { at?: unknown; discussion?: unknown } | null;
    const age = typeof entry?.at === 'number' ? now - entry.at : -1;
    return age >= 0 && age < STALE_MS ? { discussion: entry!.discussion, fresh: age < FRESH_MS } : undefined;
  } catch {
    return undefined;
  }
}

export function writeCache(key: string, discussion: Discussion, now = Date.now()): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify({ at: now, discussion }));
  } catch {
    // Full or blocked storage: the widget works without a cache.
  }
}

/** How many times the cache was cleared: a load that began before the last clear writes nothing. */
export let cleared = 0;

/** Forget every discussion this cache holds (what a reader just posted is in none of them, nor in any load under way). */
export function clearCache(): void {
  cleared++;
  const store = storage();
  for (const key of Object.keys(store ?? {})) if (key.startsWith(PREFIX)) store!.removeItem(key);
}
