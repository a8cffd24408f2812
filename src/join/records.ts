// The reader's records on their own PDS, with no DOM: likes, reposts and posts written through the
// session's `fetchHandler`, the post record built (facets, reply refs, the article's link card and
// its picture), the likes and reposts made before, and what went wrong, in kinds the view words.

import type { Author, Facet, Ref, ThreadNode } from '../bluesky/model.ts';
import { resolveFacets } from './facets.ts';
import { isRecordKey } from '../bluesky/urls.ts';

/** What the records need of a session: whose repo, and a fetch that signs requests to their PDS. */
export interface Pds {
  did: string;
  fetchHandler(pathname: string, init?: RequestInit): Promise<Response>;
}

export type Kind = 'like' | 'repost';

/** `expired`: signing in again mends it; `unreachable`: the server did not answer; `refused`: it said no, and `detail` why. */
export class JoinError extends Error {
  constructor(
    readonly kind: 'expired' | 'unreachable' | 'refused',
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/** An XRPC procedure on the reader's PDS, with their session: its answer, or a JoinError. */
export async function call(pds: Pds, nsid: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await pds.fetchHandler(`/xrpc/${nsid}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    // The OAuth client throws when it cannot refresh the tokens; fetch throws when there is no answer.
    throw new JoinError(/session|token|revoked|refresh/i.test(String((error as Error)?.message)) ? 'expired' : 'unreachable', String(error));
  }
  const json: unknown = await response.json().catch(() => undefined);
  const answer = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>; // a null or a string says nothing
  if (response.status === 401) throw new JoinError('expired', String(answer.message ?? answer.error ?? 401));
  if (!response.ok) throw new JoinError('refused', String(answer.message ?? answer.error ?? response.status));
  return answer;
}

/** Create a record in the reader's repo: its reference; an answer that names no record is refused. */
export async function createRecord(pds: Pds, collection: string, record: Record<string, unknown>): Promise<Ref> {
  const { uri, cid } = await call(pds, 'com.atproto.repo.createRecord', { repo: pds.did, collection, record });
  if (typeof uri !== 'string' || !uri.startsWith('at://') || typeof cid !== 'string') throw new JoinError('refused', 'its answer named no record');
  return { uri, cid };
}

/** Undo a like or a repost, by its record's URI: always in the kind's own collection, whatever the URI names. */
export async function deleteRecord(pds: Pds, kind: Kind, uri: string): Promise<void> {
  await call(pds, 'com.atproto.repo.deleteRecord', { repo: pds.did, collection: `app.bsky.feed.${kind}`, rkey: uri.split('/').pop() });
}

/** Whether `uri` names one of the reader's own records of `kind` (`at://<their DID>/app.bsky.feed.<kind>/<rkey>`). */
const isOwn = (pds: Pds, kind: Kind, uri: unknown): uri is string => {
  const [at, , repo, collection, rkey, ...more] = typeof uri === 'string' ? uri.split('/') : [];
  return at === 'at:' && repo === pds.did && collection === `app.bsky.feed.${kind}` && isRecordKey(rkey ?? '') && !more.length;
};

/** A like or a repost of `post`. */
export const subjectRecord = (kind: Kind, post: Ref, createdAt = new Date().toISOString()) => ({
  $type: `app.bsky.feed.${kind}`,
  subject: { uri: post.uri, cid: post.cid },
  createdAt,
});

/** A blob reference as the lexicon has it (`ref.$link`). */
export type BlobRef = Record<string, unknown> & { $type: 'blob' };

/**
 * Upload a picture to the reader's PDS: its blob reference, or nothing — the post goes without the
 * picture — when the PDS refuses it or answers anything but a blob of that type.
 */
export async function uploadBlob(pds: Pds, blob: Blob): Promise<BlobRef | undefined> {
  try {
    const uploaded = await pds.fetchHandler('/xrpc/com.atproto.repo.uploadBlob', { method: 'POST', headers: { 'content-type': blob.type }, body: blob });
    const ref = uploaded.ok ? ((await uploaded.json()) as { blob?: Record<string, unknown> } | null)?.blob : undefined;
    // Only a blob reference as the lexicon has it: anything else would cost the whole post.
    const link = (ref?.ref as { $link?: unknown } | undefined)?.$link;
    return ref?.$type === 'blob' && typeof link === 'string' && ref.mimeType === blob.type && typeof ref.size === 'number' ? (ref as BlobRef) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The reader's likes or reposts made before (here or anywhere): the newest 100, from their own
 * repo, as record URI by the post it names. Older ones are not looked for; a failure finds none;
 * a record the answer names outside their repo or the kind's collection is not theirs to undo.
 */
export async function recall(pds: Pds, kind: Kind): Promise<Map<string, string>> {
  const params = new URLSearchParams({ repo: pds.did, collection: `app.bsky.feed.${kind}`, limit: '100' });
  const answer: unknown = await pds
    .fetchHandler(`/xrpc/com.atproto.repo.listRecords?${params}`)
    .then((response) => (response.ok ? response.json() : undefined))
    .catch(() => undefined);
  const records = (answer as { records?: unknown } | null | undefined)?.records;
  const made = new Map<string, string>();
  for (const record of Array.isArray(records) ? (records as Array<{ uri?: unknown; value?: { subject?: { uri?: unknown } } } | null>) : []) {
    const subject = record?.value?.subject?.uri;
    if (typeof subject === 'string' && isOwn(pds, kind, record?.uri) && !made.has(subject)) made.set(subject, record.uri);
  }
  return made;
}

/** The article's link card: its address (http(s)), title, description and picture's address. */
export interface Card {
  uri: string;
  title: string;
  description: string;
  image?: string;
}

/** What the reader wrote: a reply (its thread's root and the post it answers), or a new post about the article with its card. */
export interface Draft {
  text: string;
  langs: string[];
  reply?: { root: Ref; parent: Ref };
  card?: Card;
}

/** A facet as the post record holds it (`app.bsky.richtext.facet`). */
const recordFacet = (facet: Facet) => ({
  index: { byteStart: facet.byteStart, byteEnd: facet.byteEnd },
  features: [
    facet.link
      ? { $type: 'app.bsky.richtext.facet#link', uri: facet.link }
      : facet.tag
        ? { $type: 'app.bsky.richtext.facet#tag', tag: facet.tag }
        : { $type: 'app.bsky.richtext.facet#mention', did: facet.mention },
  ],
});

/** A strong reference and nothing else (`root` may be the whole root post). */
const ref = ({ uri, cid }: Ref): Ref => ({ uri, cid });

/** The `app.bsky.feed.post` record for `draft`: a reply names its thread by reference; a new post carries the card. */
export function postRecord(draft: Draft, facets: readonly Facet[], createdAt: string, thumb?: BlobRef): Record<string, unknown> {
  const record: Record<string, unknown> = { $type: 'app.bsky.feed.post', text: draft.text, createdAt, langs: draft.langs };
  if (facets.length) record.facets = facets.map(recordFacet);
  if (draft.reply) record.reply = { root: ref(draft.reply.root), parent: ref(draft.reply.parent) };
  else if (draft.card) {
    const { uri, title, description } = draft.card;
    record.embed = { $type: 'app.bsky.embed.external', external: { uri, title, description, ...(thumb ? { thumb } : {}) } };
  }
  return record;
}

/** What posting needs from outside the reader's PDS, passed in so that tests can stand in for it. */
export interface Publishing {
  /** A handle's DID, for a mention (the AppView's `resolveHandle`). */
  resolveHandle(handle: string): Promise<string | undefined>;
  /** The card's picture, within Bluesky's limits, or nothing (picture.ts). */
  picture(url: string): Promise<Blob | undefined>;
  /** The post's page on bsky.app. */
  postUrl(uri: string, handle?: string): string;
}

/** Post `draft` as `me`: its mentions resolved, its card's picture uploaded when it can be. The post as the discussion shows it. */
export async function publish(pds: Pds, me: Author, draft: Draft, using: Publishing): Promise<ThreadNode> {
  const createdAt = new Date().toISOString();
  const facets = await resolveFacets(draft.text, using.resolveHandle);
  const blob = draft.card?.image ? await using.picture(draft.card.image) : undefined;
  const thumb = blob && (await uploadBlob(pds, blob));
  const { uri, cid } = await createRecord(pds, 'app.bsky.feed.post', postRecord(draft, facets, createdAt, thumb));
  const card = draft.card;
  return {
    uri,
    cid,
    url: using.postUrl(uri, me.handle),
    author: me,
    text: draft.text,
    facets,
    langs: draft.langs,
    createdAt,
    counts: { replies: 0, reposts: 0, likes: 0, quotes: 0 },
    links: [],
    ...(card
      ? { embed: { kind: 'external' as const, uri: card.uri, title: card.title, description: card.description, thumb: thumb ? card.image : undefined } }
      : { root: draft.reply && ref(draft.reply.root) }),
    replies: [],
    more: 0,
  };
}
