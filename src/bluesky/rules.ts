// The site owner's rules — `hide`, `muted-words`, `labelers` and the `filter` property — on top of
// what bsky.app hides from a signed-out reader. This is the one place that decides: parse.ts asks
// `drops` of every post it reads, so the rules hold on every route (pinned, search, backlinks,
// author feed, quotes, threads, "Show more", branches opened in place), and what the session cache
// stores was read under the same rules (its key holds them).

import type { AppBskyFeedDefs } from '@atproto/api';
import type { BasePost, Embed, Labelers, Media, Post, PostRef, RawRules, RouteFailure, Rules } from './model.ts';
import { RequestError, type RequestOptions } from './http.ts';
import { actorOf, isDid, parsePostRef } from './urls.ts';
import { LABELERS_MAX, acceptLabelers, labelerDids, readLabelers } from './labelers.ts';
import { warner, warnOnce } from './warn.ts';

/** Warnings about the rules as written, once per value on the page, as the element gives for its other attributes. */
const warn = warner();

/** `hide`, parsed: accounts (lower-case handles and DIDs) and posts. */
export interface Hide {
  actors: string[];
  posts: PostRef[];
}

/** The `filter` property: given each post view as the AppView sends it, a falsy answer drops the post. */
export type Filter = (post: AppBskyFeedDefs.PostView) => unknown;

/** The rules, read. */
export interface SiteRules {
  hide: Hide;
  /** Lower-case, NFKC, single spaces. */
  mutedWords: string[];
  /** DIDs of the site's labelers. */
  labelers: string[];
  filter?: Filter;
}

/** `hide`: accounts (handles, DIDs, bsky.app profile URLs) and posts (bsky.app post URLs, `at://` URIs). */
function hidden(value: RawRules['hide']): Hide {
  const hide: Hide = { actors: [], posts: [] };
  for (const item of typeof value === 'string' ? value.split(/\s+/) : (value ?? [])) {
    // Array items may be URL objects, or padded: each is read as its trimmed text.
    const text = String(item).trim();
    if (!text) continue;
    const post = parsePostRef(text);
    const profile = /^https:\/\/(?:www\.)?bsky\.app\/profile\/([^/?#]+)\/?(?:[?#].*)?$/.exec(text);
    const actor = actorOf(profile ? profile[1].replace(/%3A/gi, ':') : text);
    if (post) hide.posts.push({ ...post, actor: actorOf(post.actor)! });
    else if (actor) hide.actors.push(actor);
    else warn('hide', text, 'nothing hidden for it (expected a handle, a DID, or a bsky.app profile or post URL)');
  }
  return hide;
}

/** `muted-words`: comma-separated words and phrases. */
const muted = (value?: string | null): string[] => [
  ...new Set(
    (value ?? '')
      .split(',')
      .map((word) => normalize(word).trim())
      .filter(Boolean),
  ),
];

function labelers(value?: string | null): string[] {
  const dids = labelerDids(value);
  for (const item of (value ?? '').split(/[\s,]+/)) {
    if (item && !isDid(item)) warn('labelers', item, "no labels from it (expected a labeler's DID)");
    else if (item && !dids.includes(item)) warn('labelers', item, `the first ${LABELERS_MAX} labelers only`);
  }
  return dids;
}

function filterOf(value: unknown): Filter | undefined {
  if (value === undefined || value === null || typeof value === 'function') return (value ?? undefined) as Filter | undefined;
  warn('filter', typeof value, 'no filter (expected a function from a post view to true, keep, or false, drop)');
  return undefined;
}

/** The rules as written, read; each value that cannot be read is warned about, naming its attribute. */
export const readRules = (raw: RawRules): SiteRules => ({
  hide: hidden(raw.hide),
  mutedWords: muted(raw.mutedWords),
  labelers: labelers(raw.labelers),
  filter: filterOf(raw.filter),
});

/** Scripts written without spaces between words, or (Korean) with particles joined to the word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const LETTER = /[\p{L}\p{N}\p{M}]/u;

export const normalize = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

/** A word boundary between a character `outside` a match and the match's character at that edge. */
const edge = (outside: string | undefined, inside: string) =>
  !outside || !LETTER.test(outside) || UNSPACED.test(inside) || UNSPACED.test(outside) !== UNSPACED.test(inside);

/**
 * Whether `word` occurs in `text` (both normalised) as a whole word: bounded by a non-letter, the
 * text's ends, or a change between a spaced and an unspaced script ("VPN을"). A word that starts or
 * ends in an unspaced script needs no boundary on that side: "암호화" mutes "암호화는".
 */
export function mentions(text: string, word: string): boolean {
  const chars = [...word];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = [...text.slice(Math.max(0, i - 2), i)].pop();
    const after = [...text.slice(i + word.length, i + word.length + 2)][0];
    if (edge(before, chars[0]) && edge(after, chars[chars.length - 1])) return true;
  }
  return false;
}

/** Every text a reader would read in a post: its text, link card, alt texts, and the post it quotes. */
function texts(post: { text: string; embed?: Embed; media?: Media }): string[] {
  const out = [post.text];
  const quoted = post.embed?.kind === 'quote' ? post.embed.post : undefined;
  if (quoted) out.push(...texts(quoted));
  for (const media of [post.media, post.embed, post.embed?.kind === 'quote' ? post.embed.media : undefined]) {
    if (media?.kind === 'external') out.push(media.title, media.description);
    else if (media?.kind === 'images') out.push(...media.images.map((image) => image.alt));
    else if (media?.kind === 'video') out.push(media.alt);
  }
  return out;
}

const tagsOf = (post: Post, record: Record<string, unknown>) => [
  ...[...post.facets, ...(post.embed?.kind === 'quote' ? (post.embed.post?.facets ?? []) : [])].flatMap((facet) => (facet.tag ? [facet.tag] : [])),
  ...(Array.isArray(record.tags) ? record.tags.filter((tag): tag is string => typeof tag === 'string') : []),
];

/** The actor and key of an `at://` post URI, read as the `post` attribute reads them. */
const partsOf = (uri: unknown) => (typeof uri === 'string' ? parsePostRef(uri) : undefined);

export function rules({ hide, mutedWords, filter }: SiteRules, labelers?: Labelers, dids = new Map<string, string>()): Rules {
  const actors = new Set(hide.actors.flatMap((actor) => [actor, dids.get(actor) ?? actor]));
  const posts = new Set(hide.posts.flatMap((ref) => [`${ref.actor}/${ref.rkey}`, `${dids.get(ref.actor) ?? ref.actor}/${ref.rkey}`]));
  const hiddenUri = (uri: unknown) => {
    const ref = partsOf(uri);
    return !!ref && (actors.has(ref.actor) || posts.has(`${ref.actor}/${ref.rkey}`));
  };
  const words = mutedWords.map((word) => [word, word.replace(/^#/, '')] as const);
  const kept = (view: Record<string, unknown>) => {
    if (!filter || typeof view.record !== 'object') return true; // a quoted post's view is not a post view
    try {
      return !!filter(view as unknown as AppBskyFeedDefs.PostView);
    } catch (error) {
      warnOnce(`filter threw (${String((error as Error)?.message ?? error)}); the post is kept.`);
      return true;
    }
  };
  const hides = ({ author, uri }: BasePost) =>
    actors.has(author.did) || actors.has(author.handle) || hiddenUri(uri) || posts.has(`${author.handle}/${partsOf(uri)?.rkey}`);
  return {
    labelers,
    hides,
    drops(post, view, record) {
      if (hides(post)) return true;
      const reply = typeof record.reply === 'object' && record.reply ? (record.reply as Record<string, { uri?: unknown } | undefined>) : {};
      if (hiddenUri(reply.parent?.uri) || hiddenUri(reply.root?.uri)) return true;
      if (words.length) {
        const all = texts(post).map(normalize);
        const tags = tagsOf(post, record).map((tag) => normalize(tag).replace(/^#/, ''));
        if (words.some(([word, bare]) => tags.includes(bare) || all.some((text) => mentions(text, word)))) return true;
      }
      return !kept(view);
    },
  };
}

/**
 * The rules for a load: read from what the site owner wrote, with the `atproto-accept-labelers`
 * header at once, and the rules once the labelers' definitions and the DIDs of the handles in `hide`
 * have arrived (each asked only when set), so that a reply under a hidden account is known by its DID.
 */
export function loadRules(
  raw: RawRules,
  service: string,
  ctx: RequestOptions,
  resolve: (handle: string) => Promise<string | undefined>,
): { accept?: string; ready: Promise<{ rules: Rules; failures: RouteFailure[] }> } {
  const site = readRules(raw);
  const handles = [...new Set([...site.hide.actors, ...site.hide.posts.map((ref) => ref.actor)])].filter((actor) => !isDid(actor));
  const unresolved: RouteFailure[] = [];
  const lookup = (handle: string) =>
    resolve(handle).catch((error: unknown) => {
      ctx.signal?.throwIfAborted(); // an abort ends the load; rules without these DIDs are not kept
      if (!(error instanceof RequestError)) throw error;
      unresolved.push({ route: 'hide', kind: error.kind, ...(error.status ? { status: error.status } : {}), handle });
      return undefined;
    });
  const ready = Promise.all([site.labelers.length ? readLabelers(site.labelers, service, ctx) : undefined, Promise.all(handles.map(lookup))]).then(
    ([read, resolved]) => {
      const dids = new Map(handles.flatMap((handle, i) => (resolved[i] ? [[handle, resolved[i]] as [string, string]] : [])));
      return { rules: rules(site, read?.labelers, dids), failures: [...(read?.failures ?? []), ...unresolved] };
    },
  );
  return { accept: acceptLabelers(site.labelers), ready };
}
