// A short-lived session cache of loaded discussions, keyed by everything that shapes one (hosts,
// article, posts, author, sort, depth, limit): a revisit within minutes renders at once without a
// request; an older entry renders at once while a fresh copy loads quietly. What is read back is
// checked shape by shape like a response: storage is shared with the page, other releases of the
// widget and anything else on the origin, so an entry that is not exactly ours is ignored.

import type { Discussion } from './discussion.ts';
import type { Embed, Media, Post, ThreadNode } from './model.ts';
import { VERSION } from '../version.ts';

/** One release never reads another's entries: their shapes may differ. */
const PREFIX = `discuss-thread:${VERSION}:`;
/** Younger than this, an entry is used as is. */
export const FRESH_MS = 5 * 60_000;
/** Older than this, an entry is ignored. */
export const STALE_MS = 60 * 60_000;

interface Entry {
  at: number;
  discussion: Discussion;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const opt = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
/** Every URL we render is http(s): an entry that says otherwise was not written by us. */
const web = (v: unknown) => str(v) && /^https?:\/\//.test(v);
const all = (v: unknown, check: (v: unknown) => boolean) => Array.isArray(v) && v.every(check);

const isFacet = (f: unknown) =>
  obj(f) && Number.isInteger(f.byteStart) && Number.isInteger(f.byteEnd) && [f.link, f.mention, f.tag].filter(str).length === 1;

function isMedia(m: unknown): m is Media {
  if (!obj(m)) return false;
  if (m.kind === 'images') return all(m.images, (i) => obj(i) && web(i.thumb) && web(i.fullsize) && str(i.alt) && opt(i.width, num) && opt(i.height, num));
  if (m.kind === 'external') return str(m.uri) && str(m.title) && str(m.description) && opt(m.thumb, web);
  return m.kind === 'video' && opt(m.thumb, web) && str(m.alt) && opt(m.width, num) && opt(m.height, num);
}

/** What every post, quoted ones included, has. */
const isBase = (p: unknown): p is Json =>
  obj(p) &&
  str(p.uri) &&
  web(p.url) &&
  obj(p.author) &&
  str(p.author.did) &&
  str(p.author.handle) &&
  str(p.author.displayName) &&
  opt(p.author.avatar, web) &&
  str(p.text) &&
  all(p.facets, isFacet) &&
  all(p.langs, str) &&
  str(p.createdAt) &&
  typeof p.warn === 'boolean';

const isEmbed = (e: unknown): e is Embed =>
  isMedia(e) || (obj(e) && e.kind === 'quote' && opt(e.media, isMedia) && opt(e.post, (q) => isBase(q) && opt((q as Json).media, isMedia)));

function isPost(p: unknown): p is Post {
  if (!isBase(p) || !obj(p.counts)) return false;
  const { counts } = p;
  return num(counts.replies) && num(counts.reposts) && num(counts.likes) && num(counts.quotes) && opt(p.embed, isEmbed) && all(p.links, str);
}

/** A thread, no deeper than the widget ever loads (`depth` ≤ 100). */
function isThread(t: unknown, level = 0): t is ThreadNode {
  if (level > 100 || !isPost(t)) return false;
  const node = t as unknown as Json;
  return num(node.more) && all(node.replies, (r) => isThread(r, level + 1));
}

const isDiscussion = (d: unknown): d is Discussion =>
  obj(d) && all(d.threads, (t) => isThread(t)) && all(d.pending, isPost) && all(d.failures, (f) => obj(f) && str(f.route) && str(f.kind) && opt(f.status, num));

const storage = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage; // throws where storage is blocked
  } catch {
    return undefined;
  }
};

export function readCache(key: string, now = Date.now()): { discussion: Discussion; fresh: boolean } | undefined {
  try {
    const entry = JSON.parse(storage()?.getItem(PREFIX + key) ?? 'null') as unknown;
    if (!obj(entry) || !num(entry.at) || !isDiscussion(entry.discussion)) return undefined;
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
