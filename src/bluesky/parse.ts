// Untrusted response JSON → the widget's model. Each reader keeps what is valid and drops the rest:
// a field of the wrong type is treated as missing, an embed of a type we do not know is dropped,
// and a post that cannot be shown at all (or that moderation hides) becomes undefined.

import type {
  AppBskyEmbedExternal,
  AppBskyEmbedGallery,
  AppBskyEmbedImages,
  AppBskyEmbedRecord,
  AppBskyEmbedRecordWithMedia,
  AppBskyEmbedVideo,
  AppBskyRichtextFacet,
} from '@atproto/api';
import type { Author, Embed, Facet, Image, Media, Post, BasePost, QuotedPost, Rules } from './model.ts';
import type { RequestOptions } from './http.ts';
import { judge } from './moderation.ts';
import { isDid, isHandle, parsePostRef } from './urls.ts';
import { postUrl, safeHref } from './links.ts';

type Json = Record<string, unknown>;

/** A request's options and the site owner's rules, which every post read from its answer obeys. */
export interface ReadOptions extends RequestOptions {
  rules?: Rules;
}

/** A lexicon type's `$type`: each name we match `satisfies` it, checked against @atproto/api. */
type TypeOf<T> = T extends { $type?: infer U } ? Exclude<U, undefined> : never;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** A URL we may load or link: http(s) only, so hostile schemes never reach an attribute. */
const web = (value: unknown): string | undefined => (typeof value === 'string' ? safeHref(value) : undefined);
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const typeOf = (value: Json): string => (typeof value.$type === 'string' ? value.$type.replace(/#main$/, '') : '');
/** The replies a thread's author hid, from the `threadgate` view the AppView sends with its root (a thread's, or the root post's). */
export function hiddenReplies(threadgate: unknown): Set<string> {
  const record = isObject(threadgate) && isObject(threadgate.record) ? threadgate.record : undefined;
  const hidden = record && Array.isArray(record.hiddenReplies) ? record.hiddenReplies : [];
  return new Set(hidden.filter((uri): uri is string => typeof uri === 'string'));
}

/** A post's `at://` URI by DID, as the AppView names posts; postUrl() relies on its shape. */
export const isPostUri = (value: unknown): value is string => typeof value === 'string' && value.startsWith('at://') && isDid(parsePostRef(value)?.actor ?? '');
const size = (value: unknown) => {
  if (!isObject(value)) return {};
  const width = count(value.width);
  const height = count(value.height);
  return width && height ? { width, height } : {};
};

export function parseAuthor(value: unknown): Author | undefined {
  if (!isObject(value)) return undefined;
  const did = str(value.did);
  if (!did || !isDid(did)) return undefined;
  const handle = str(value.handle) && isHandle(value.handle as string) ? (value.handle as string) : 'handle.invalid';
  return { did, handle, displayName: str(value.displayName)?.trim() || handle, avatar: web(value.avatar) };
}

/** Only the author's posts start threads when `author` (a handle or DID) is set: discovery's rule, and `live`'s. */
export const byAuthor = (author: string | undefined) => (post: Post) =>
  !author || post.author.did === author || post.author.handle.toLowerCase() === author.toLowerCase();

export function parseFacets(value: unknown): Facet[] {
  const facets: Facet[] = [];
  for (const facet of list(value)) {
    if (!isObject(facet) || !isObject(facet.index)) continue;
    const { byteStart, byteEnd } = facet.index;
    if (!Number.isInteger(byteStart) || !Number.isInteger(byteEnd)) continue;
    for (const feature of list(facet.features)) {
      if (!isObject(feature)) continue;
      const type = typeOf(feature);
      const range = { byteStart: byteStart as number, byteEnd: byteEnd as number };
      if (type === ('app.bsky.richtext.facet#link' satisfies TypeOf<AppBskyRichtextFacet.Link>) && str(feature.uri))
        facets.push({ ...range, link: feature.uri as string });
      else if (type === ('app.bsky.richtext.facet#mention' satisfies TypeOf<AppBskyRichtextFacet.Mention>) && isDid(str(feature.did) ?? ''))
        facets.push({ ...range, mention: feature.did as string });
      else if (type === ('app.bsky.richtext.facet#tag' satisfies TypeOf<AppBskyRichtextFacet.Tag>) && str(feature.tag))
        facets.push({ ...range, tag: feature.tag as string });
      else continue;
      break; // one feature a facet is what every client renders
    }
  }
  return facets;
}

function parseImages(value: unknown): Image[] {
  const images: Image[] = [];
  for (const image of list(value)) {
    if (!isObject(image)) continue;
    const thumb = web(image.thumb);
    if (!thumb) continue;
    images.push({ thumb, fullsize: web(image.fullsize) ?? thumb, alt: str(image.alt) ?? '', ...size(image.aspectRatio) });
  }
  return images;
}

/**
 * A field the lexicon declares as a `ref` (not a union): the AppView sends it without `$type`, so
 * `$type` is optional here, and when present it must name the expected type.
 */
const isRef = (value: unknown, type: string): value is Json => isObject(value) && (value.$type === undefined || typeOf(value) === type);

const RECORD_WITH_MEDIA = 'app.bsky.embed.recordWithMedia#view' satisfies TypeOf<AppBskyEmbedRecordWithMedia.View>;

/** Images, a link card or a video: the embeds that never contain another embed. */
function parseMedia(value: unknown): Media | undefined {
  if (!isObject(value)) return undefined;
  switch (typeOf(value)) {
    case 'app.bsky.embed.images#view' satisfies TypeOf<AppBskyEmbedImages.View>:
    case 'app.bsky.embed.gallery#view' satisfies TypeOf<AppBskyEmbedGallery.View>: {
      const images = parseImages(value.images);
      return images.length ? { kind: 'images', images } : undefined;
    }
    case 'app.bsky.embed.external#view' satisfies TypeOf<AppBskyEmbedExternal.View>: {
      const external = value.external;
      if (!isRef(external, 'app.bsky.embed.external#viewExternal' satisfies TypeOf<AppBskyEmbedExternal.ViewExternal>) || !str(external.uri)) return undefined;
      return {
        kind: 'external',
        uri: external.uri as string,
        title: str(external.title) ?? '',
        description: str(external.description) ?? '',
        thumb: web(external.thumb),
      };
    }
    case 'app.bsky.embed.video#view' satisfies TypeOf<AppBskyEmbedVideo.View>:
      return { kind: 'video', playlist: web(value.playlist), thumb: web(value.thumbnail), alt: str(value.alt) ?? '', ...size(value.aspectRatio) };
    default:
      return undefined;
  }
}

/** A quoted post (`app.bsky.embed.record#viewRecord`) with the media of its first embed; undefined when hidden. */
function parseQuoted(value: Json, rules?: Rules): QuotedPost | undefined {
  const base = parseBase(value, value.value, rules);
  if (!base || rules?.hides(base)) return undefined;
  const first = list(value.embeds)[0];
  // The quoted post's own quote is not shown (bsky.app shows one level); its media is.
  const media = parseMedia(first) ?? (isObject(first) && typeOf(first) === RECORD_WITH_MEDIA ? parseMedia(first.media) : undefined);
  return media ? { ...base, media } : base;
}

/** `app.bsky.embed.record#view`: only posts are quotes; feeds, lists and starter packs are not shown. */
function parseRecordView(value: unknown, rules?: Rules): Extract<Embed, { kind: 'quote' }> | undefined {
  if (!isRef(value, 'app.bsky.embed.record#view' satisfies TypeOf<AppBskyEmbedRecord.View>) || !isObject(value.record)) return undefined;
  const record = value.record;
  const type = typeOf(record);
  if (type === ('app.bsky.embed.record#viewRecord' satisfies TypeOf<AppBskyEmbedRecord.ViewRecord>)) return { kind: 'quote', post: parseQuoted(record, rules) };
  // Blocked, deleted or detached: a neutral line in place of the quote.
  return /^app\.bsky\.embed\.record#view(NotFound|Blocked|Detached)$/.test(type) ? { kind: 'quote' } : undefined;
}

/**
 * A post view's `embed` (a union, so `$type` is required). The lexicon allows one level of nesting:
 * a quote with media. Anything nested deeper is not a shape the lexicon allows, so it is dropped
 * and the post kept; nothing here recurses.
 */
export function parseEmbed(value: unknown, rules?: Rules): Embed | undefined {
  if (!isObject(value)) return undefined;
  const type = typeOf(value);
  if (type === ('app.bsky.embed.record#view' satisfies TypeOf<AppBskyEmbedRecord.View>)) return parseRecordView(value, rules);
  if (type !== RECORD_WITH_MEDIA) return parseMedia(value);
  // `record` is a ref (no `$type` from the AppView); `media` is a union of media only.
  const quote = parseRecordView(value.record, rules);
  const media = parseMedia(value.media);
  if (!quote) return media;
  return media ? { ...quote, media } : quote;
}

function linksOf(record: Json, facets: Facet[]): string[] {
  const links = facets.flatMap((facet) => (facet.link ? [facet.link] : []));
  const embed = isObject(record.embed) ? record.embed : undefined;
  const external =
    embed && (isObject(embed.external) ? embed.external : isObject(embed.media) && isObject(embed.media.external) ? embed.media.external : undefined);
  if (external && typeof external.uri === 'string') links.push(external.uri);
  return links;
}

/** What a post and a quoted post share, from a view and its record; undefined when invalid or hidden by labels. */
function parseBase(view: Json, record: unknown, rules?: Rules): BasePost | undefined {
  if (!isPostUri(view.uri)) return undefined;
  const author = parseAuthor(view.author);
  if (!author || !isObject(record) || typeof record.text !== 'string') return undefined;
  const verdict = judge(view.labels, (view.author as Json).labels, author.did, rules?.labelers);
  if (verdict === 'hide') return undefined;
  return {
    uri: view.uri,
    cid: str(view.cid) ?? '',
    url: postUrl(view.uri, author.handle),
    author,
    text: record.text,
    facets: parseFacets(record.facets),
    langs: list(record.langs).filter((lang): lang is string => typeof lang === 'string'),
    createdAt: str(record.createdAt) ?? str(view.indexedAt) ?? '',
    ...(typeof verdict === 'object' ? { warn: verdict } : {}),
  };
}

/**
 * `app.bsky.feed.defs#postView` → Post, or undefined when it is invalid or must not be shown: by
 * the labels, or by the site owner's `rules`.
 */
export function parsePost(value: unknown, rules?: Rules): Post | undefined {
  try {
    const base = isObject(value) ? parseBase(value, value.record, rules) : undefined;
    if (!base) return undefined;
    const view = value as Json;
    const post: Post = {
      ...base,
      counts: { replies: count(view.replyCount), reposts: count(view.repostCount), likes: count(view.likeCount), quotes: count(view.quoteCount) },
      embed: parseEmbed(view.embed, rules),
      links: linksOf(view.record as Json, base.facets),
    };
    const root = (view.record as Json).reply;
    const ref = isObject(root) && isObject(root.root) ? root.root : undefined;
    if (ref && isPostUri(ref.uri) && str(ref.cid)) post.root = { uri: ref.uri, cid: ref.cid as string };
    const gate = isObject(view.threadgate) && isObject(view.threadgate.record) ? view.threadgate.record.allow : undefined;
    if (Array.isArray(gate)) post.gate = gate.flatMap((rule) => (isObject(rule) ? (/#(\w+)Rule$/.exec(typeOf(rule))?.slice(1) ?? []) : []));
    return rules?.drops(post, view, view.record as Json) ? undefined : post;
  } catch {
    return undefined; // a shape no reader above foresaw: drop this post, keep the others
  }
}
