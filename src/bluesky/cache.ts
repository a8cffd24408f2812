// A short-lived session cache of loaded discussions, keyed by everything that shapes one (hosts,
// article, posts, author, sort, depth, limit): a revisit within minutes renders at once without a
// request; an older entry renders at once while a fresh copy loads quietly.

import type { Discussion } from './discussion.ts';

const PREFIX = 'discuss-thread:1:';
/** Younger than this, an entry is used as is. */
export const FRESH_MS = 5 * 60_000;
/** Older than this, an entry is ignored. */
export const STALE_MS = 60 * 60_000;

interface Entry {
  at: number;
  discussion: Discussion;
}

const storage = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage; // throws where storage is blocked
  } catch {
    return undefined;
  }
};

export function readCache(key: string, now = Date.now()): { discussion: Discussion; fresh: boolean } | undefined {
  try {
    const entry = JSON.parse(storage()?.getItem(PREFIX + key) ?? 'null') as Entry | null;
    if (!entry || typeof entry.at !== 'number' || !Array.isArray(entry.discussion?.threads) || !Array.isArray(entry.discussion.pending)) return undefined;
    const age = now - entry.at;
    return age >= 0 && age < STALE_MS ? { discussion: entry.discussion, fresh: age < FRESH_MS } : undefined;
  } catch {
    return undefined;
  }
}

export function writeCache(key: string, discussion: Discussion, now = Date.now()): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify({ at: now, discussion } satisfies Entry));
  } catch {
    // Full or blocked storage: the widget works without a cache.
  }
}
