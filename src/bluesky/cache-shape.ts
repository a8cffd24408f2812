// What a cached discussion must look like to be shown: checked shape by shape like a response,
// since session storage is shared with the page and anything else on the origin. Loaded with the
// rest of the discussion code, not with the entry file.

import type { Discussion, Embed, Media, Post, ThreadNode } from './model.ts';
import { isObject, isPostUri } from './parse.ts';

type Json = Record<string, unknown>;
const str = (v: unknown): v is string => typeof v === 'string';
const opt = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
/** Every URL we render is http(s): an entry that says otherwise was not written by us. */
const web = (v: unknown) => str(v) && /^https?:\/\//.test(v);
const all = (v: unknown, check: (v: unknown) => boolean) => Array.isArray(v) && v.every(check);
/** The threadgate rules parse.ts reads; an entry with another was not written by this release, and is read afresh. */
const GATE = ['mention', 'follower', 'following', 'list'];

const isFacet = (f: unknown) =>
  isObject(f) && Number.isInteger(f.byteStart) && Number.isInteger(f.byteEnd) && [f.link, f.mention, f.tag].filter(str).length === 1;

function isMedia(m: unknown): m is Media {
  if (!isObject(m)) return false;
  if (m.kind === 'images') return all(m.images, (i) => isObject(i) && web(i.thumb) && web(i.fullsize) && str(i.alt) && opt(i.width, num) && opt(i.height, num));
  if (m.kind === 'external') return str(m.uri) && str(m.title) && str(m.description) && opt(m.thumb, web);
  return m.kind === 'video' && opt(m.playlist, web) && opt(m.thumb, web) && str(m.alt) && opt(m.width, num) && opt(m.height, num);
}

/** What every post, quoted ones included, has. */
const isBase = (p: unknown): p is Json =>
  isObject(p) &&
  str(p.uri) &&
  str(p.cid) &&
  web(p.url) &&
  isObject(p.author) &&
  str(p.author.did) &&
  str(p.author.handle) &&
  str(p.author.displayName) &&
  opt(p.author.avatar, web) &&
  str(p.text) &&
  all(p.facets, isFacet) &&
  all(p.langs, str) &&
  str(p.createdAt) &&
  opt(p.warn, (w) => isObject(w) && str(w.label) && opt(w.by, str) && opt(w.names, (n) => all(n, (l) => isObject(l) && str(l.lang) && str(l.name))));

const isEmbed = (e: unknown): e is Embed =>
  isMedia(e) || (isObject(e) && e.kind === 'quote' && opt(e.media, isMedia) && opt(e.post, (q) => isBase(q) && opt((q as Json).media, isMedia)));

function isPost(p: unknown): p is Post {
  if (!isBase(p) || !isObject(p.counts)) return false;
  const { counts } = p;
  return (
    num(counts.replies) &&
    num(counts.reposts) &&
    num(counts.likes) &&
    num(counts.quotes) &&
    opt(p.embed, isEmbed) &&
    all(p.links, str) &&
    opt(p.quoting, (q) => q === true) &&
    // What a reply from the reader names and who may send one: the composer acts on both.
    opt(p.root, (r) => isObject(r) && isPostUri(r.uri) && str(r.cid)) &&
    opt(p.gate, (g) => all(g, (kind) => GATE.includes(kind as string)))
  );
}

/**
 * A thread, no deeper than the widget ever loads (`depth` ≤ 100), whose every reply names one root
 * (`root`): the top's own root when the top is a reply itself, else the top. A reader's reply under
 * the thread names that root, so an entry that names another is not ours.
 */
function isThread(t: unknown, level = 0, root?: string): t is ThreadNode {
  if (level > 100 || !isPost(t) || (level && t.root?.uri !== root)) return false;
  const node = t as unknown as Json;
  return num(node.more) && all(node.replies, (r) => isThread(r, level + 1, root ?? t.root?.uri ?? t.uri));
}

export const isDiscussion = (d: unknown): d is Discussion =>
  isObject(d) &&
  all(d.threads, (t) => isThread(t)) &&
  all(d.pending, isPost) &&
  all(d.failures, (f) => isObject(f) && str(f.route) && str(f.kind) && opt(f.status, num) && opt(f.labeler, str) && opt(f.handle, str)) &&
  opt(d.pinned, (p) => all(p, str));
