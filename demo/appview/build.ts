// Builders for lexicon-valid Bluesky responses: actors, posts (rich text with UTF-8 facet offsets,
// embeds, labels), threads. The sample AppView and the unit tests both build their data here, and
// a test validates what they build against @atproto/api's lexicons.

import { createHash } from 'node:crypto';

export interface Actor {
  did: string;
  handle: string;
  displayName?: string;
  avatar?: string;
  labels?: Label[];
}

export interface Label {
  src: string;
  uri: string;
  val: string;
  cts: string;
  neg?: boolean;
}

/** A run of rich text: plain, a link (shown as `text`), a mention or a hashtag. */
export type Part = string | { link: string; text?: string } | { mention: Actor } | { tag: string };

export type EmbedSpec =
  | { images: Array<{ url: string; alt: string; width: number; height: number }> }
  | { external: { uri: string; title: string; description: string; thumb?: string } }
  | { quote: PostView | 'not-found' | 'blocked' | 'detached'; media?: EmbedSpec }
  /** `playlist`: the HLS stream the view names (else one beside the thumbnail); `captions`: the languages the record lists captions in. */
  | { video: { thumbnail: string; alt?: string; width: number; height: number; playlist?: string; captions?: string[] } }
  | { unknown: true };

export interface PostSpec {
  author: Actor;
  rkey: string;
  text: Part[];
  createdAt: string;
  langs?: string[];
  reply?: { root: PostView; parent: PostView };
  embed?: EmbedSpec;
  likes?: number;
  reposts?: number;
  replies?: number;
  quotes?: number;
  labels?: Array<Omit<Label, 'uri' | 'cts'>>;
  /** The record's own `tags` (hashtags not in the text). */
  tags?: string[];
  /** Who may reply (a threadgate): rule kinds (`mention`, `follower`, `following`, `list`); empty for no one. */
  gate?: Array<'mention' | 'follower' | 'following' | 'list'>;
  /**
   * Write `$type: app.bsky.richtext.facet` on each facet, as some clients do; most leave it out (a
   * `ref` needs none), and the backlink index files the two under different paths.
   */
  typedFacets?: boolean;
}

// Loose JSON shapes: the builders produce lexicon JSON, checked by the lexicon test, not by TS.
export type PostView = Record<string, any> & { uri: string; cid: string; record: Record<string, any> };
export interface Tree {
  post: PostView;
  /** Replies; a string stands for a reply the AppView reports as blocked or not found. */
  replies?: Array<Tree | { blocked: string } | { notFound: string }>;
  /** Replies the thread's author hid (the root's threadgate). */
  hidden?: string[];
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A CIDv1 (dag-cbor, sha-256) over `seed`: the shape of every record CID Bluesky returns. */
export function cid(seed: string, codec = 0x71): string {
  const digest = createHash('sha256').update(seed).digest();
  return 'b' + base32(new Uint8Array([0x01, codec, 0x12, 0x20, ...digest]));
}

const blob = (seed: string, mimeType = 'image/jpeg') => ({ $type: 'blob', ref: { $link: cid(seed, 0x55) }, mimeType, size: 123_456 });

export function actor(name: string, displayName?: string, extra: Partial<Actor> = {}): Actor {
  const did = `did:plc:${base32(createHash('sha256').update(name).digest()).slice(0, 24)}`;
  return { did, handle: name.includes('.') ? name : `${name}.bsky.social`, ...(displayName ? { displayName } : {}), ...extra };
}

const profileBasic = (a: Actor) => ({
  did: a.did,
  handle: a.handle,
  ...(a.displayName !== undefined ? { displayName: a.displayName } : {}),
  ...(a.avatar ? { avatar: a.avatar } : {}),
  labels: a.labels ?? [],
  createdAt: '2023-05-01T00:00:00.000Z',
});

const utf8 = (text: string) => new TextEncoder().encode(text).length;

export function richText(parts: Part[], typed = false): { text: string; facets: object[] } {
  let text = '';
  const facets: object[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const shown = 'link' in part ? (part.text ?? part.link) : 'mention' in part ? `@${part.mention.handle}` : `#${part.tag}`;
    const byteStart = utf8(text);
    text += shown;
    const feature =
      'link' in part
        ? { $type: 'app.bsky.richtext.facet#link', uri: part.link }
        : 'mention' in part
          ? { $type: 'app.bsky.richtext.facet#mention', did: part.mention.did }
          : { $type: 'app.bsky.richtext.facet#tag', tag: part.tag };
    facets.push({ ...(typed ? { $type: 'app.bsky.richtext.facet' } : {}), index: { byteStart, byteEnd: utf8(text) }, features: [feature] });
  }
  return { text, facets };
}

const strongRef = (post: PostView) => ({ uri: post.uri, cid: post.cid });

/** The embed as stored in the record, and as the AppView returns it beside the post. */
function embedOf(spec: EmbedSpec): { record: object; view: object } | undefined {
  if ('images' in spec) {
    return {
      record: {
        $type: 'app.bsky.embed.images',
        images: spec.images.map((image) => ({ image: blob(image.url), alt: image.alt, aspectRatio: { width: image.width, height: image.height } })),
      },
      view: {
        $type: 'app.bsky.embed.images#view',
        images: spec.images.map((image) => ({
          thumb: image.url,
          fullsize: image.url,
          alt: image.alt,
          aspectRatio: { width: image.width, height: image.height },
        })),
      },
    };
  }
  if ('external' in spec) {
    const { uri, title, description, thumb } = spec.external;
    return {
      record: { $type: 'app.bsky.embed.external', external: { uri, title, description, ...(thumb ? { thumb: blob(thumb) } : {}) } },
      view: { $type: 'app.bsky.embed.external#view', external: { uri, title, description, ...(thumb ? { thumb } : {}) } },
    };
  }
  if ('video' in spec) {
    const { thumbnail, alt, width, height, playlist, captions = [] } = spec.video;
    const video = blob(thumbnail, 'video/mp4');
    // Captions are blobs of the record (WebVTT); the view names none: the playlist carries them.
    const tracks = captions.map((lang) => ({ lang, file: blob(`${thumbnail}#${lang}`, 'text/vtt') }));
    return {
      record: { $type: 'app.bsky.embed.video', video, ...(tracks.length ? { captions: tracks } : {}), ...(alt ? { alt } : {}), aspectRatio: { width, height } },
      view: {
        $type: 'app.bsky.embed.video#view',
        cid: video.ref.$link,
        playlist: playlist ?? `${thumbnail}.m3u8`,
        thumbnail,
        ...(alt ? { alt } : {}),
        aspectRatio: { width, height },
      },
    };
  }
  if ('quote' in spec) {
    const quoted = spec.quote;
    const uri = typeof quoted === 'string' ? `at://${actor('gone').did}/app.bsky.feed.post/3kquoted${quoted.length}` : quoted.uri;
    const ref = typeof quoted === 'string' ? { uri, cid: cid(uri) } : strongRef(quoted);
    let recordView: object;
    if (quoted === 'not-found') recordView = { $type: 'app.bsky.embed.record#viewNotFound', uri, notFound: true };
    else if (quoted === 'blocked') recordView = { $type: 'app.bsky.embed.record#viewBlocked', uri, blocked: true, author: { did: actor('gone').did } };
    else if (quoted === 'detached') recordView = { $type: 'app.bsky.embed.record#viewDetached', uri, detached: true };
    else
      recordView = {
        $type: 'app.bsky.embed.record#viewRecord',
        uri: quoted.uri,
        cid: quoted.cid,
        author: quoted.author,
        value: quoted.record,
        labels: quoted.labels ?? [],
        indexedAt: quoted.indexedAt,
        ...(quoted.embed ? { embeds: [quoted.embed] } : {}),
      };
    const record = { $type: 'app.bsky.embed.record', record: ref };
    const view = { $type: 'app.bsky.embed.record#view', record: recordView };
    const media = spec.media && embedOf(spec.media);
    if (!media) return { record, view };
    // `record` is a ref in the lexicon, not a union: the AppView sends it without `$type`.
    const { $type: _, ...recordRef } = view;
    return {
      record: { $type: 'app.bsky.embed.recordWithMedia', record, media: media.record },
      view: { $type: 'app.bsky.embed.recordWithMedia#view', record: recordRef, media: media.view },
    };
  }
  // An embed type from the future: valid as an open union member, unknown to the widget.
  return {
    record: { $type: 'app.example.embed.poll', question: 'Which app next?' },
    view: { $type: 'app.example.embed.poll#view', question: 'Which app next?' },
  };
}

export function post(spec: PostSpec): PostView {
  const { text, facets } = richText(spec.text, spec.typedFacets);
  const embed = spec.embed && embedOf(spec.embed);
  const uri = `at://${spec.author.did}/app.bsky.feed.post/${spec.rkey}`;
  const record = {
    $type: 'app.bsky.feed.post',
    text,
    ...(facets.length ? { facets } : {}),
    ...(spec.langs ? { langs: spec.langs } : {}),
    ...(spec.tags ? { tags: spec.tags } : {}),
    ...(spec.reply ? { reply: { root: strongRef(spec.reply.root), parent: strongRef(spec.reply.parent) } } : {}),
    ...(embed ? { embed: embed.record } : {}),
    createdAt: spec.createdAt,
  };
  // A post view is a ref wherever it appears (posts[], thread.post, reply.root): no `$type`.
  return {
    uri,
    cid: cid(uri + JSON.stringify(record)),
    author: profileBasic(spec.author),
    record,
    ...(embed ? { embed: embed.view } : {}),
    replyCount: spec.replies ?? 0,
    repostCount: spec.reposts ?? 0,
    likeCount: spec.likes ?? 0,
    quoteCount: spec.quotes ?? 0,
    indexedAt: spec.createdAt,
    labels: (spec.labels ?? []).map((label) => ({ ...label, uri, cts: spec.createdAt })),
    ...(spec.gate ? { threadgate: threadgateView(uri, spec.createdAt, spec.gate) } : {}),
  };
}

/** `app.bsky.feed.defs#threadgateView` for a post whose author limited replies to `rules`. */
function threadgateView(post: string, createdAt: string, rules: NonNullable<PostSpec['gate']>) {
  const uri = post.replace('app.bsky.feed.post', 'app.bsky.feed.threadgate');
  const allow = rules.map((rule) =>
    rule === 'list'
      ? { $type: 'app.bsky.feed.threadgate#listRule', list: `${uri.split('/app.bsky')[0]}/app.bsky.graph.list/3kfriends` }
      : { $type: `app.bsky.feed.threadgate#${rule}Rule` },
  );
  return { uri, cid: cid(`${uri}#gate`), record: { $type: 'app.bsky.feed.threadgate', post, allow, createdAt }, lists: [] };
}

/** A reply to `parent` in `root`'s thread. */
export const reply = (root: PostView, parent: PostView, spec: Omit<PostSpec, 'reply'>): PostView => post({ ...spec, reply: { root, parent } });

/** The tree of the post at `uri`, wherever it sits in `trees`. */
export function findTree(trees: NonNullable<Tree['replies']>, uri: string): Tree | undefined {
  for (const tree of trees) {
    if (!('post' in tree)) continue;
    if (tree.post.uri === uri) return tree;
    const inside = findTree(tree.replies ?? [], uri);
    if (inside) return inside;
  }
  return undefined;
}

/** `app.bsky.feed.getPostThread` output for `tree`, cut at `depth` levels of replies as the AppView does. */
export function threadView(tree: Tree, depth: number): object {
  const node = (t: NonNullable<Tree['replies']>[number], level: number): object => {
    if ('blocked' in t) return { $type: 'app.bsky.feed.defs#blockedPost', uri: t.blocked, blocked: true, author: { did: actor('blocker').did } };
    if ('notFound' in t) return { $type: 'app.bsky.feed.defs#notFoundPost', uri: t.notFound, notFound: true };
    return {
      $type: 'app.bsky.feed.defs#threadViewPost',
      post: { ...t.post, replyCount: t.replies?.length ?? t.post.replyCount },
      ...(level < depth ? { replies: (t.replies ?? []).map((r) => node(r, level + 1)) } : {}),
    };
  };
  const root = tree.post;
  return {
    thread: node(tree, 0),
    ...(tree.hidden
      ? {
          threadgate: {
            uri: root.uri.replace('app.bsky.feed.post', 'app.bsky.feed.threadgate'),
            cid: cid(`${root.uri}#gate`),
            record: { $type: 'app.bsky.feed.threadgate', post: root.uri, createdAt: root.indexedAt, hiddenReplies: tree.hidden },
            lists: [],
          },
        }
      : {}),
  };
}

/** `app.bsky.feed.getAuthorFeed` items: the author's posts, and reposts of others' (with `reason`). */
export function feedItem(post: PostView, repostedBy?: Actor): object {
  return {
    post,
    ...(repostedBy ? { reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: profileBasic(repostedBy), indexedAt: post.indexedAt } } : {}),
  };
}

/** Constellation's `blue.microcosm.links.getBacklinks` answer: the records linking a subject. */
export function backlinksView(posts: PostView[]): object {
  return {
    total: posts.length,
    records: posts.map((p) => {
      const [, , did, collection, rkey] = p.uri.split('/');
      return { did, collection, rkey };
    }),
    cursor: null,
  };
}

/**
 * The values at a backlink-index path in a record, e.g. `facets[].features[app.bsky.richtext.facet#link].uri`:
 * `[]` walks the array's items that have no `$type`, `[T]` those whose `$type` is T (a `#main`
 * type is written without `#main`), as Constellation files links.
 */
export function valuesAt(record: unknown, path: string): unknown[] {
  let values = [record];
  for (const [, key, , type] of path.matchAll(/\.?([^.[\]]+)(\[([^\]]*)\])?/g)) {
    values = values.flatMap((value) => {
      const next = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      if (type === undefined) return next === undefined ? [] : [next];
      if (!Array.isArray(next)) return [];
      return next.filter((item) => (type ? item?.$type === type : item?.$type === undefined));
    });
  }
  return values;
}

/** A labeler's custom label, as its service record defines it (`com.atproto.label.defs#labelValueDefinition`). */
export interface LabelDefinition {
  identifier: string;
  severity: 'inform' | 'alert' | 'none';
  blurs: 'content' | 'media' | 'none';
  defaultSetting?: 'ignore' | 'warn' | 'hide';
  adultOnly?: boolean;
  name: string;
}

/** `app.bsky.labeler.getServices?detailed=true`'s view of a labeler: its own policies, with definitions. */
export function labelerView(labeler: Actor, definitions: LabelDefinition[]): object {
  return {
    $type: 'app.bsky.labeler.defs#labelerViewDetailed',
    uri: `at://${labeler.did}/app.bsky.labeler.service/self`,
    cid: cid(`${labeler.did}#labeler`),
    creator: { ...profileBasic(labeler), indexedAt: '2024-03-01T00:00:00.000Z' },
    policies: {
      labelValues: definitions.map((def) => def.identifier),
      labelValueDefinitions: definitions.map(({ name, ...def }) => ({
        ...def,
        locales: [{ lang: 'en', name, description: `${name}, as this labeler defines it.` }],
      })),
    },
    likeCount: 12,
    labels: [],
    indexedAt: '2024-03-01T00:00:00.000Z',
  };
}

/** Whether `post` quotes the post at `uri` (alone, or beside media). */
export function quotes(post: PostView, uri: string): boolean {
  const embed = post.record.embed;
  const record = embed?.$type === 'app.bsky.embed.recordWithMedia' ? embed.record : embed;
  return record?.$type === 'app.bsky.embed.record' && record.record?.uri === uri;
}

/** Keep only labels from `accepted` labelers, and self-labels, as the AppView does for `atproto-accept-labelers`. */
export function acceptedLabels(value: unknown, accepted: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => acceptedLabels(item, accepted));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      key === 'labels' && Array.isArray(item)
        ? item.filter((label) => !label?.src || accepted.has(label.src) || String(label.uri ?? '').startsWith(`at://${label.src}/`) || label.uri === label.src)
        : acceptedLabels(item, accepted);
  }
  return out;
}
