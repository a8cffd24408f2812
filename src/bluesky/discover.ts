// Discovery: which posts are roots of the discussion. The `post` attribute's posts always come
// first; then the routes are tried in order and the first that answers — even with nothing — ends
// the search. Later routes only stand in for a route that was refused or failed.

import type { DiscoverInputs, Post, PostRef, RouteFailure, RouteName, Rules } from './model.ts';
import { byAuthor, isObject, parsePost, type ReadOptions } from './parse.ts';
import { RequestError, type RequestOptions, abortable, buildUrl, getJson, mapLimit, xrpc } from './http.ts';
import { isDid, isRecordKey, normalizeUrl } from './urls.ts';
import { searchRequest } from './search.ts';
import { sendPageEarly } from './threads.ts';
import { letGoEarly, quotesParams, sendPinnedEarly } from './early.ts';
import { memo } from './memo.ts';
import { LINK_PATHS, spellings } from './backlinks.ts';

interface Discovery {
  /** The `post` attribute's posts, in the order given. */
  pinned: Post[];
  /** Posts the answering route found, de-duplicated, without the pinned ones. */
  found: Post[];
  failures: RouteFailure[];
  /** False when every discovery route failed. */
  answered: boolean;
}

const GET_POSTS_MAX = 25;

/** With a `depth` (and `limit`), discovery sends the first threads as soon as their posts are known. */
type EarlyInputs = DiscoverInputs & { depth?: number; limit?: number };

/** Post views from a response field, parsed under the site's rules; invalid and hidden ones dropped. */
const postsOf = (body: unknown, rules?: Rules): Post[] =>
  isObject(body) && Array.isArray(body.posts) ? body.posts.map((view) => parsePost(view, rules)).filter((post): post is Post => !!post) : [];

/**
 * Handles resolved this page session, by AppView and handle: each is asked once however many
 * references name it. A failed resolution is forgotten, so a later load may ask again.
 */
const resolved = new Map<string, Promise<string | undefined>>();

export function resolveDid(actor: string, service: string, ctx: RequestOptions): Promise<string | undefined> {
  if (isDid(actor)) return Promise.resolve(actor);
  // Not a question for labelers: no `atproto-accept-labelers`, so no preflight. Shared by every
  // load that asks, so no one load's abort may end it: each waits under its own signal.
  const shared = memo(resolved, `${service} ${actor.toLowerCase()}`, () =>
    xrpc(service, 'com.atproto.identity.resolveHandle', { handle: actor }, { timeout: ctx.timeout, fetch: ctx.fetch }).then((body) => {
      const value = isObject(body) ? body.did : undefined;
      return typeof value === 'string' && isDid(value) ? value : undefined;
    }),
  );
  return abortable(shared, ctx.signal);
}

/** `app.bsky.feed.getPosts` for any number of URIs, 25 a call, in the order asked. */
export async function getPosts(uris: readonly string[], service: string, ctx: ReadOptions): Promise<Post[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < uris.length; i += GET_POSTS_MAX) chunks.push(uris.slice(i, i + GET_POSTS_MAX));
  const found = (await mapLimit(chunks, 3, async (chunk) => postsOf(await xrpc(service, 'app.bsky.feed.getPosts', { uris: chunk }, ctx), ctx.rules))).flat();
  const byUri = new Map(found.map((post) => [post.uri, post]));
  return uris.flatMap((uri) => byUri.get(uri) ?? []);
}

async function pinnedPosts(refs: readonly PostRef[], inputs: EarlyInputs, ctx: ReadOptions, addressed: (uris: string[]) => void): Promise<Post[]> {
  const actors = [...new Set(refs.map((ref) => ref.actor))];
  const dids = await mapLimit(actors, 3, (actor) => resolveDid(actor, inputs.service, ctx).catch(() => undefined));
  const didOf = new Map(actors.map((actor, i) => [actor, dids[i]]));
  const uris = refs.flatMap((ref) => {
    const did = didOf.get(ref.actor);
    return did ? [`at://${did}/app.bsky.feed.post/${ref.rkey}`] : [];
  });
  // Their threads and quotes need not wait for the posts (early.ts).
  addressed(uris);
  if (!ctx.fetch) sendPinnedEarly(uris, { ...inputs, depth: inputs.depth ?? 0, labelers: ctx.labelers });
  return uris.length ? getPosts([...new Set(uris)], inputs.service, ctx) : [];
}

/** At most this many linking posts are hydrated: four getPosts calls, like search's one page. */
const BACKLINKS_MAX = 100;

/**
 * The backlink index (Constellation's `blue.microcosm.links.getBacklinks`): post records linking
 * any spelling of the article by any path — 8 requests, or 16 when the address has `www.`, all at
 * once, one page of 100 each — then up to 100 hits hydrated with getPosts (at most 4 calls). It
 * answers if any of its queries does.
 */
async function backlinks(inputs: DiscoverInputs, ctx: ReadOptions): Promise<Post[]> {
  const host = inputs.backlinksService!;
  const queries = spellings(inputs.article).flatMap((subject) =>
    LINK_PATHS.map((path) => buildUrl(host, '/xrpc/blue.microcosm.links.getBacklinks', { subject, source: `app.bsky.feed.post:${path}`, limit: 100 })),
  );
  const results = await Promise.allSettled(queries.map((url) => getJson(url, ctx)));
  const answered = results.filter((r): r is PromiseFulfilledResult<unknown> => r.status === 'fulfilled');
  if (!answered.length) throw (results[0] as PromiseRejectedResult).reason;
  const uris = new Set<string>();
  for (const { value } of answered) {
    const records = isObject(value) ? value.records : undefined;
    for (const record of Array.isArray(records) ? records : []) {
      if (!isObject(record) || typeof record.did !== 'string' || typeof record.rkey !== 'string' || !isDid(record.did) || !isRecordKey(record.rkey)) continue;
      if (record.collection !== undefined && record.collection !== 'app.bsky.feed.post') continue;
      uris.add(`at://${record.did}/app.bsky.feed.post/${record.rkey}`);
    }
  }
  return getPosts([...uris].slice(0, BACKLINKS_MAX), inputs.service, ctx);
}

const AUTHOR_FEED_PAGES = 3;

/** With `author`: their recent posts that link the article (reposts skipped), a few pages at most. */
async function authorFeed(inputs: DiscoverInputs, ctx: ReadOptions): Promise<Post[]> {
  const article = normalizeUrl(inputs.article);
  const found: Post[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < AUTHOR_FEED_PAGES; page++) {
    const body = await xrpc(inputs.service, 'app.bsky.feed.getAuthorFeed', { actor: inputs.author, limit: 100, cursor }, ctx);
    const feed = isObject(body) && Array.isArray(body.feed) ? body.feed : [];
    for (const item of feed) {
      if (!isObject(item) || item.reason !== undefined) continue; // a repost, or a pinned post shown again
      const post = parsePost(item.post, ctx.rules);
      if (post && post.links.some((link) => normalizeUrl(link) === article)) found.push(post);
    }
    cursor = isObject(body) && typeof body.cursor === 'string' ? body.cursor : undefined;
    if (!cursor) break;
  }
  return found;
}

/** The routes to try, in order, for these inputs. */
type Route = readonly [RouteName, (inputs: DiscoverInputs, ctx: ReadOptions) => Promise<Post[]>];

function routesFor(inputs: DiscoverInputs, search: Promise<unknown> | undefined): Route[] {
  const routes: Route[] = [['search', async (inputs, ctx) => postsOf(await (search ?? searchRequest(inputs, ctx)), ctx.rules)]];
  if (inputs.backlinksService) routes.push(['backlinks', backlinks]);
  if (inputs.author) routes.push(['author-feed', authorFeed]);
  return routes;
}

function failure(route: RouteName, error: unknown): RouteFailure {
  if (error instanceof RequestError) return { route, kind: error.kind, ...(error.status ? { status: error.status } : {}) };
  throw error; // an abort, or a bug: not a route failure
}

/** Quote posts of the pinned posts (one page of `app.bsky.feed.getQuotes` each), marked. */
async function quotesOf(pinned: readonly Post[], inputs: DiscoverInputs, ctx: ReadOptions): Promise<Post[]> {
  const pages = await mapLimit(pinned, 3, async (post) =>
    postsOf(await xrpc(inputs.service, 'app.bsky.feed.getQuotes', quotesParams(post.uri), ctx), ctx.rules),
  );
  return pages.flat().map((post) => ({ ...post, quoting: true }));
}

/** The pinned posts: the `post` attribute's, then the page's standard.site document's. */
async function pinnedOf(inputs: EarlyInputs, ctx: ReadOptions, failures: RouteFailure[], addressed: (uris: string[]) => void): Promise<Post[]> {
  const refs = [...inputs.pinned];
  if (inputs.document) {
    const document = inputs.document;
    const ref = await import('./standard.ts')
      .then(({ documentPost }) => documentPost(document, ctx))
      .catch((error: unknown) => {
        // Its code could not be fetched: a network failure of this route, unless the load was aborted.
        ctx.signal?.throwIfAborted();
        failures.push(failure('document', error instanceof RequestError ? error : new RequestError('network')));
      });
    if (ref) refs.push(ref);
  }
  return refs.length ? pinnedPosts(refs, inputs, ctx, addressed).catch((error: unknown) => (failures.push(failure('post', error)), [])) : [];
}

/**
 * Discovery; `search` is the search request when it was sent already (see searchRequest). With a
 * `depth` (and `limit`), the threads of the pinned posts and of a first page of what a route found
 * are sent as soon as those posts are known, beside the search and the quotes.
 */
export async function discover(inputs: EarlyInputs, ctx: ReadOptions = {}, search?: Promise<unknown>): Promise<Discovery> {
  const failures: RouteFailure[] = [];
  let addressed!: (uris: string[]) => void;
  const urisTask = new Promise<string[]>((resolve) => (addressed = resolve));
  const pinnedTask = pinnedOf(inputs, ctx, failures, addressed);
  pinnedTask.finally(() => addressed([])).catch(() => {});
  // The first threads go out as soon as the pinned posts are known, and again once a route answered.
  const early = (found: Post[]) => (pinned: Post[]) =>
    inputs.depth && sendPageEarly(pinned, found, inputs.sort, inputs.service, inputs.depth, inputs.limit ?? 1, ctx);
  pinnedTask.then(early([])).catch(() => {});
  // A pinned post getPosts did not return (deleted, hidden) is not shown: what was sent for it is let go.
  Promise.all([urisTask, pinnedTask])
    .then(([uris, pinned]) => uris.forEach((uri) => pinned.some((post) => post.uri === uri) || letGoEarly(uri, inputs.service, inputs.depth ?? 0)))
    .catch(() => {});
  const quotesTask = pinnedTask.then((pinned) =>
    inputs.quotes !== false && pinned.length ? quotesOf(pinned, inputs, ctx).catch((error: unknown) => (failures.push(failure('quotes', error)), [])) : [],
  );
  // If a route is aborted first, the abort is reported from there; don't leave these unhandled.
  quotesTask.catch(() => {});
  let found: Post[] = [];
  let answered = false;
  for (const [name, route] of routesFor(inputs, search)) {
    try {
      found = (await route(inputs, ctx)).filter(byAuthor(inputs.author));
      answered = true;
      // When the route found the pinned posts too (they link the article), their counts are known
      // before getPosts answers, and so is the first page.
      const roots = found;
      urisTask
        .then((uris) => {
          const pinned = uris.map((uri) => roots.find((post) => post.uri === uri));
          if (pinned.every((post) => post)) early(roots.filter((post) => !uris.includes(post.uri)))(pinned as Post[]);
        })
        .catch(() => {});
      pinnedTask.then(early(found)).catch(() => {});
      break;
    } catch (error) {
      failures.push(failure(name, error));
    }
  }
  const [pinned, quotes] = await Promise.all([pinnedTask, quotesTask]);
  // Quotes of the site's post join whatever `author` says; a quote found by a route too is marked.
  const quoting = new Set(quotes.map((post) => post.uri));
  const seen = new Set(pinned.map((post) => post.uri));
  found = [...found, ...quotes]
    .map((post) => (quoting.has(post.uri) ? { ...post, quoting: true } : post))
    .filter((post) => !seen.has(post.uri) && (seen.add(post.uri), true));
  return { pinned, found, failures, answered };
}
