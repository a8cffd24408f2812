// The sample AppView: answers the XRPC queries the widget sends, and the backlink index's getBacklinks,
// from the sample discussion, as connect-style middleware for Vite's dev server. A path prefix
// `/s/<flags>/` switches failure modes for tests and the demo, e.g. `/s/slow,empty/xrpc/…`:
//   slow       answers after 1.5 s            empty          search finds nothing
//   hang       search never answers (the demo's "searching" state)
//   error      every query fails with 500     flaky…         the first search for that prefix fails (503)
//   search403  search refused (403)           search429      search rate-limited (429, Retry-After: 30)
//   nocors     a refused search also lacks CORS headers, as Bluesky's sometimes does
//   backlinks-down  the backlink index answers 503
//   labeler-down    getServices answers 503, so no labeler's definitions can be read
//   rtt        every answer, preflights included, takes 50 ms more (a far-away host, for the benchmark)
// Labels come as the real AppView sends them: Bluesky's moderation service's and self-labels by
// default, and those of the labelers an `atproto-accept-labelers` header names (the header replaces
// the default, so it names Bluesky's too). Preflights are answered, allowing that header.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { normalizeUrl } from '../../src/bluesky/urls.ts';
import { acceptedLabels, backlinksView, feedItem, findTree, labelerView, quotes, threadView, valuesAt, type PostView } from './build.ts';
import { BSKY_LABELER } from '../../src/bluesky/moderation.ts';
import { LINK_PATHS } from '../../src/bluesky/backlinks.ts';
import { ARTICLE, DEEP_ARTICLE, HOSTILE_ARTICLE, THREADS_ARTICLE, sample, type Sample } from './sample.ts';
import { svg, videoFile } from './media.ts';
import { liveRoutes, spacedust, withCreated } from './live.ts';

const started = Date.now();
const RTT = 50;
const flakySeen = new Set<string>();

type Handler = (query: URLSearchParams, data: Sample) => unknown;

const engagement = (p: PostView) => p.likeCount + 2 * p.repostCount + p.replyCount + p.quoteCount;

/** The roots discussing `url`, matched the way Bluesky's search index does. */
function rootsFor(url: string | null, data: Sample): PostView[] {
  const key = url ? normalizeUrl(url) : undefined;
  const byArticle = new Map([
    [normalizeUrl(ARTICLE), data.trees],
    [normalizeUrl(HOSTILE_ARTICLE), data.hostile],
    [normalizeUrl(DEEP_ARTICLE), data.deep],
    [normalizeUrl(THREADS_ARTICLE), data.threads],
  ]);
  const trees = (key && byArticle.get(key)) || [];
  return trees.map((tree) => tree.post);
}

class XrpcFailure {
  constructor(
    readonly status: number,
    readonly error: string,
  ) {}
}

const handlers: Record<string, Handler> = {
  'app.bsky.feed.searchPosts': (query, data) => {
    if (!query.get('q')) throw new XrpcFailure(400, 'InvalidRequest');
    const author = query.get('author');
    let posts = rootsFor(query.get('url'), data);
    if (author) posts = posts.filter((p) => p.author.did === author || p.author.handle === author);
    posts = [...posts].sort(query.get('sort') === 'top' ? (a, b) => engagement(b) - engagement(a) : (a, b) => b.indexedAt.localeCompare(a.indexedAt));
    return { posts: posts.slice(0, Number(query.get('limit') ?? 25)), hitsTotal: posts.length };
  },
  'app.bsky.feed.getPosts': (query, data) => ({ posts: query.getAll('uris').flatMap((uri) => data.posts.get(uri) ?? []) }),
  'app.bsky.feed.getPostThread': (query, data) => {
    const tree = findTree([...data.trees, ...data.hostile, ...data.deep, ...data.threads], query.get('uri') ?? '');
    if (!tree) throw new XrpcFailure(400, 'NotFound');
    return threadView(tree, Number(query.get('depth') ?? 6));
  },
  'app.bsky.feed.getAuthorFeed': (query, data) => {
    const actor = query.get('actor');
    const mine = (did: string, handle: string) => did === actor || handle === actor;
    const items = [
      ...[...data.posts.values()].filter((p) => mine(p.author.did, p.author.handle)).map((p) => ({ at: p.indexedAt, item: feedItem(p) })),
      ...data.reposts.filter(([by]) => mine(by.did, by.handle)).map(([by, p]) => ({ at: p.indexedAt, item: feedItem(p, by) })),
    ].sort((a, b) => b.at.localeCompare(a.at));
    const offset = Number(query.get('cursor') ?? 0);
    const limit = Number(query.get('limit') ?? 50);
    const page = items.slice(offset, offset + limit);
    return { feed: page.map((x) => x.item), ...(offset + limit < items.length ? { cursor: String(offset + limit) } : {}) };
  },
  'app.bsky.feed.getQuotes': (query, data) => {
    const uri = query.get('uri');
    if (!uri) throw new XrpcFailure(400, 'InvalidRequest');
    const posts = [...data.posts.values()].filter((p) => quotes(p, uri)).sort((a, b) => b.indexedAt.localeCompare(a.indexedAt));
    return { uri, posts: posts.slice(0, Number(query.get('limit') ?? 50)) };
  },
  'app.bsky.labeler.getServices': (query, data) => {
    const dids = query.getAll('dids');
    if (!dids.length || query.get('detailed') !== 'true') throw new XrpcFailure(400, 'InvalidRequest');
    return { views: data.labelers.filter(([labeler]) => dids.includes(labeler.did)).map(([labeler, defs]) => labelerView(labeler, defs)) };
  },
  'blue.microcosm.links.getBacklinks': backlinks,
  'com.atproto.identity.resolveHandle': (query, data) => {
    const found = data.actors.find((a) => a.handle === query.get('handle'));
    if (!found) throw new XrpcFailure(400, 'InvalidRequest');
    return { did: found.did };
  },
};

/** Constellation's getBacklinks: post records whose link at `source`'s path is exactly `subject`. */
function backlinks(query: URLSearchParams, data: Sample): unknown {
  const subject = query.get('subject');
  const [collection, path] = (query.get('source') ?? '').split(/:(.*)/);
  if (!subject || collection !== 'app.bsky.feed.post' || !path) throw new XrpcFailure(400, 'InvalidRequest');
  const limit = Math.min(Number(query.get('limit') ?? 16), 100);
  return backlinksView([...data.posts.values()].filter((p) => valuesAt(p.record, path).includes(subject)).slice(0, limit));
}

/**
 * Constellation's `/links/all`: for one target, how many records link it from each collection and
 * path (the path with its leading dot), and from how many accounts; only those that do.
 */
function linksAll(target: string | null, data: Sample): Answer {
  if (!target) return reply(400, 'Failed to deserialize query string: missing field `target`', { type: 'text/plain' });
  const paths: Record<string, { records: number; distinct_dids: number }> = {};
  for (const path of LINK_PATHS) {
    const linking = [...data.posts.values()].filter((p) => valuesAt(p.record, path).includes(target));
    if (linking.length) paths[`.${path}`] = { records: linking.length, distinct_dids: new Set(linking.map((p) => p.author.did)).size };
  }
  return reply(200, { links: Object.keys(paths).length ? { 'app.bsky.feed.post': paths } : {} });
}

export interface Answer {
  status: number;
  type: string;
  body: string;
  /** A binary answer (a video segment), sent in place of `body`. */
  bytes?: Uint8Array;
  headers?: Record<string, string>;
  /** False when the answer must reach a browser without CORS headers. */
  cors?: boolean;
}

const reply = (status: number, body: unknown, extra: Partial<Answer> = {}): Answer => ({
  status,
  type: 'application/json; charset=utf-8',
  body: typeof body === 'string' ? body : JSON.stringify(body),
  ...extra,
});

/** The labelers an `atproto-accept-labelers` header names (`did;redact, did`), or Bluesky's by default. */
function acceptedBy(header: string | undefined): Set<string> {
  const dids = (header ?? '')
    .split(',')
    .map((item) => item.split(';')[0].trim())
    .filter((did) => did.startsWith('did:'));
  return new Set(dids.length ? dids : [BSKY_LABELER]);
}

/** The sample AppView's answer to a GET of `url`, or undefined when the path is not one of ours. */
export async function answer(url: URL, acceptLabelers?: string): Promise<Answer | undefined> {
  const media = /^\/sample-media\/(avatar|photo)\/([\w-]+)\.svg$/.exec(url.pathname);
  if (media) return reply(200, svg(media[1] as 'avatar' | 'photo', media[2]), { type: 'image/svg+xml' });
  const video = /^\/sample-media\/video\/([\w-]+\.(?:m3u8|m2ts|vtt))$/.exec(url.pathname);
  if (video) return videoFile(video[1]);
  if (url.pathname === '/links/all') return linksAll(url.searchParams.get('target'), withCreated(sample(`${url.origin}/sample-media`, started)));
  const match = /^(?:\/s\/([\w,-]+))?\/xrpc\/([\w.]+)$/.exec(url.pathname);
  if (!match) return undefined;
  const [, prefix = '', nsid] = match;
  const flags = new Set(prefix.split(','));
  if (flags.has('slow')) await new Promise((resolve) => setTimeout(resolve, 1500));
  if (flags.has('rtt')) await new Promise((resolve) => setTimeout(resolve, RTT));
  if (flags.has('hang') && nsid === 'app.bsky.feed.searchPosts') await new Promise((resolve) => setTimeout(resolve, 3_600_000).unref());
  if (flags.has('error')) return reply(500, { error: 'InternalServerError', message: 'sample failure' });
  const data = withCreated(sample(`${url.origin}/sample-media`, started));
  if (nsid === 'blue.microcosm.links.getBacklinks' && flags.has('backlinks-down')) return reply(503, 'Service Unavailable', { type: 'text/plain' });
  if (nsid === 'app.bsky.labeler.getServices' && flags.has('labeler-down')) return reply(503, { error: 'ServiceUnavailable' });
  if (nsid === 'app.bsky.feed.searchPosts') {
    if (flags.has('search403')) return reply(403, { error: 'Forbidden', message: 'anonymous search is off' }, { cors: !flags.has('nocors') });
    if (flags.has('search429')) return reply(429, { error: 'RateLimitExceeded' }, { headers: { 'retry-after': '30' } });
    if ([...flags].some((f) => f.startsWith('flaky')) && !flakySeen.has(prefix)) {
      flakySeen.add(prefix);
      return reply(503, { error: 'ServiceUnavailable' });
    }
  }
  const handler = handlers[nsid];
  if (!handler) return reply(501, { error: 'MethodNotImplemented' });
  if (flags.has('empty')) data.trees = [];
  try {
    const accepted = acceptedBy(acceptLabelers);
    return reply(200, acceptedLabels(handler(url.searchParams, data), accepted), { headers: { 'atproto-content-labelers': [...accepted].join(', ') } });
  } catch (error) {
    if (!(error instanceof XrpcFailure)) throw error;
    return reply(error.status, { error: error.error });
  }
}

/**
 * `npm run demo:pds` (and the sign-in tests): the sample AppView also knows the local PDS's readers
 * and their posts, as the real AppView knows every account — their handles, their profiles, what
 * they post — and `/plc/` reaches the local PLC directory.
 */
function demoPds(url: URL, res: ServerResponse): boolean {
  const pds = process.env.DEMO_PDS!;
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(body));
  };
  const forward = (target: string) =>
    fetch(target)
      .then(async (response) => json(response.status, await response.json()))
      .catch(() => (res.writeHead(502), res.end()));
  const handle = url.searchParams.get('handle') ?? '';
  if (url.pathname.startsWith('/plc/')) return (forward(process.env.DEMO_PLC + url.pathname.slice(4)), true);
  if (url.pathname === '/xrpc/com.atproto.identity.resolveHandle' && handle.endsWith('.test'))
    return (forward(`${pds}/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(handle)}`), true);
  const actor = url.searchParams.get('actor') ?? '';
  if (url.pathname === '/xrpc/app.bsky.actor.getProfile' && actor.startsWith('did:')) {
    localProfile(actor).then((profile) => (profile ? json(200, profile) : (res.writeHead(502), res.end())));
    return true;
  }
  const uris = url.searchParams.getAll('uris');
  if (url.pathname === '/xrpc/app.bsky.feed.getPosts' && uris.length && uris.every((uri) => !sampleDids.has(uri.split('/')[2]))) {
    Promise.all(uris.map((uri) => pdsPostView(pds, uri).catch(() => undefined))).then((views) => json(200, { posts: views.flatMap((view) => view ?? []) }));
    return true;
  }
  return false;
}

/** The local PDS's readers' profiles, once read. */
const profiles = new Map<string, { did: string; handle: string }>();

/**
 * A local reader's profile: the handle, from the DID document the local PLC keeps (`alsoKnownAs:
 * ["at://ada.test"]`), and kept, as an AppView keeps what it indexed: it answers while the reader's
 * PDS (and its PLC) is down. Undefined when the PLC cannot be read.
 */
async function localProfile(did: string): Promise<{ did: string; handle: string } | undefined> {
  const known = profiles.get(did);
  if (known) return known;
  const doc = (await fetch(`${process.env.DEMO_PLC}/${encodeURIComponent(did)}`)
    .then((response) => (response.ok ? response.json() : undefined))
    .catch(() => undefined)) as { alsoKnownAs?: string[] } | undefined;
  if (!doc) return undefined;
  const profile = { did, handle: doc.alsoKnownAs?.[0]?.replace('at://', '') ?? 'handle.invalid' }; // as the AppView says of a handle it cannot confirm
  profiles.set(did, profile);
  return profile;
}

/** The accounts of the sample discussion: any other DID is the local PDS's. */
const sampleDids = new Set([...sample('', 0).posts.values()].map((post) => post.author.did as string));

/**
 * A post on the local PDS as the AppView shows it once it has indexed it (`app.bsky.feed.defs#postView`),
 * or undefined when the PDS does not have it (yet, or any more).
 */
async function pdsPostView(pds: string, uri: string): Promise<PostView | undefined> {
  const [, , repo, collection, rkey] = uri.split('/');
  const response = await fetch(`${pds}/xrpc/com.atproto.repo.getRecord?${new URLSearchParams({ repo, collection, rkey })}`).catch(() => undefined);
  if (!response?.ok) return undefined;
  const { cid, value } = (await response.json()) as { cid: string; value: Record<string, unknown> & { embed?: { $type?: string; external?: object } } };
  const external = value.embed?.$type === 'app.bsky.embed.external' ? { embed: { $type: 'app.bsky.embed.external#view', external: value.embed.external } } : {};
  return {
    uri,
    cid,
    author: { did: repo, handle: (await localProfile(repo))?.handle ?? 'handle.invalid', labels: [] },
    record: value,
    ...external,
    replyCount: 0,
    repostCount: 0,
    likeCount: 0,
    quoteCount: 0,
    indexedAt: new Date().toISOString(),
    labels: [],
  };
}

/** Every preflight this server answered, in order: `/sample-log/preflights` lists them. */
const preflights: Array<{ path: string; headers: string }> = [];

/**
 * `answer` as connect-style middleware for Vite's dev server, with the posts created while it runs
 * and `stream`, the stand-in Spacedust that announces them (live.ts; its `upgrade` goes on the server).
 */
export function sampleAppView(stream = spacedust()) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    if (liveRoutes(req, res, stream, () => sample(`${url.origin}/sample-media`, started))) return;
    if (url.pathname === '/sample-log/preflights') {
      // What a test cannot see from the page: Chromium sends preflights below its own network events.
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return res.end(JSON.stringify(preflights));
    }
    if (req.method === 'OPTIONS' && /\/xrpc\//.test(url.pathname)) {
      preflights.push({ path: url.pathname, headers: String(req.headers['access-control-request-headers'] ?? '') });
      const delay = /^\/s\/[\w,-]*\brtt\b/.test(url.pathname) ? RTT : 0;
      // A preflight: Bluesky's AppView allows any request header and lets browsers keep the answer a day.
      setTimeout(() => {
        res.writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
          'access-control-max-age': '86400',
        });
        res.end();
      }, delay);
      return;
    }
    if (process.env.DEMO_PDS && demoPds(url, res)) return;
    const header = req.headers['atproto-accept-labelers'];
    answer(url, Array.isArray(header) ? header.join(', ') : header).then((found) => {
      if (!found) return next();
      res.writeHead(found.status, {
        'content-type': found.type,
        'cache-control': 'no-store',
        ...(found.cors === false ? {} : { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'retry-after, ratelimit-reset' }),
        ...found.headers,
      });
      res.end(found.bytes ?? found.body);
    }, next);
  };
}
