// Discovery: which posts are roots of the discussion. The `post` attribute's posts always come
// first; then the routes are tried in order and the first that answers — even with nothing — ends
// the search. Later routes only stand in for a route that was refused or failed.

import type { Post, Sort } from './model.ts';
import { isObject, parsePost } from './parse.ts';
import { RequestError, type FailureKind, buildUrl, getJson, mapLimit, xrpc } from './http.ts';
import { isDid, normalizeUrl, type PostRef } from './urls.ts';

export interface DiscoverInputs {
  article: string;
  posts: readonly PostRef[];
  author?: string;
  service: string;
  searchService: string;
  /** Constellation-style backlink index, or undefined when turned off. */
  backlinksService?: string;
  sort: Sort;
}

export type RouteName = 'post' | 'search' | 'backlinks' | 'author-feed';

export interface RouteFailure {
  route: RouteName;
  kind: FailureKind;
  status?: number;
}

export interface Discovery {
  /** The `post` attribute's posts, in the order given. */
  pinned: Post[];
  /** Posts the answering route found, de-duplicated, without the pinned ones. */
  found: Post[];
  failures: RouteFailure[];
  /** False when every discovery route failed. */
  answered: boolean;
}

export interface Context {
  signal?: AbortSignal;
  timeout?: number;
}

const GET_POSTS_MAX = 25;
const SEARCH_LIMIT = 100;

/** Post views from a response field, parsed; invalid and hidden ones dropped. */
export const postsOf = (body: unknown): Post[] =>
  isObject(body) && Array.isArray(body.posts) ? body.posts.map(parsePost).filter((post): post is Post => !!post) : [];

async function resolveDid(actor: string, service: string, ctx: Context): Promise<string | undefined> {
  if (isDid(actor)) return actor;
  const body = await xrpc(service, 'com.atproto.identity.resolveHandle', { handle: actor }, ctx);
  const did = isObject(body) ? body.did : undefined;
  return typeof did === 'string' && isDid(did) ? did : undefined;
}

/** `app.bsky.feed.getPosts` for any number of URIs, 25 a call, in the order asked. */
export async function getPosts(uris: readonly string[], service: string, ctx: Context): Promise<Post[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < uris.length; i += GET_POSTS_MAX) chunks.push(uris.slice(i, i + GET_POSTS_MAX));
  const found = (await mapLimit(chunks, 3, async (chunk) => postsOf(await xrpc(service, 'app.bsky.feed.getPosts', { uris: chunk }, ctx)))).flat();
  const byUri = new Map(found.map((post) => [post.uri, post]));
  return uris.flatMap((uri) => byUri.get(uri) ?? []);
}

async function pinnedPosts(inputs: DiscoverInputs, ctx: Context): Promise<Post[]> {
  const dids = await mapLimit(inputs.posts, 3, (ref) => resolveDid(ref.actor, inputs.service, ctx).catch(() => undefined));
  const uris = inputs.posts.flatMap((ref, i) => (dids[i] ? [`at://${dids[i]}/app.bsky.feed.post/${ref.rkey}`] : []));
  return uris.length ? getPosts([...new Set(uris)], inputs.service, ctx) : [];
}

/** `app.bsky.feed.searchPosts` for posts linking the article: one page, no cursor. */
async function search(inputs: DiscoverInputs, ctx: Context): Promise<Post[]> {
  const body = await xrpc(
    inputs.searchService,
    'app.bsky.feed.searchPosts',
    { q: '*', url: inputs.article, author: inputs.author, sort: inputs.sort === 'top' ? 'top' : 'latest', limit: SEARCH_LIMIT },
    ctx,
  );
  return postsOf(body);
}

/** The two places a post links a page, as paths in the backlink index. */
const LINK_PATHS = ['.embed.external.uri', '.facets[app.bsky.richtext.facet].features[app.bsky.richtext.facet#link].uri'];

/**
 * The backlink index: post records linking the article by either path, for the address with and
 * without its trailing slash; hits hydrated with getPosts. It answers if any of its queries does.
 */
async function backlinks(inputs: DiscoverInputs, ctx: Context): Promise<Post[]> {
  const host = inputs.backlinksService!;
  const bare = inputs.article.replace(/\/+(?=$|\?)/, '');
  const slashed = bare.replace(/(?=\?|$)/, '/');
  const targets = [...new Set([inputs.article, bare, slashed])];
  const queries = targets.flatMap((target) => LINK_PATHS.map((path) => buildUrl(host, '/links', { target, collection: 'app.bsky.feed.post', path, limit: 100 })));
  const results = await Promise.allSettled(queries.map((url) => getJson(url, ctx)));
  const answered = results.filter((r): r is PromiseFulfilledResult<unknown> => r.status === 'fulfilled');
  if (!answered.length) throw (results[0] as PromiseRejectedResult).reason;
  const uris = new Set<string>();
  for (const { value } of answered) {
    const records = isObject(value) ? (value.linking_records ?? value.records) : undefined;
    for (const record of Array.isArray(records) ? records : []) {
      if (!isObject(record) || typeof record.did !== 'string' || typeof record.rkey !== 'string' || !isDid(record.did)) continue;
      if (record.collection !== undefined && record.collection !== 'app.bsky.feed.post') continue;
      uris.add(`at://${record.did}/app.bsky.feed.post/${record.rkey}`);
    }
  }
  return getPosts([...uris], inputs.service, ctx);
}

const AUTHOR_FEED_PAGES = 3;

/** With `author`: their recent posts that link the article (reposts skipped), a few pages at most. */
async function authorFeed(inputs: DiscoverInputs, ctx: Context): Promise<Post[]> {
  const article = normalizeUrl(inputs.article);
  const found: Post[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < AUTHOR_FEED_PAGES; page++) {
    const body = await xrpc(inputs.service, 'app.bsky.feed.getAuthorFeed', { actor: inputs.author, limit: 100, cursor }, ctx);
    const feed = isObject(body) && Array.isArray(body.feed) ? body.feed : [];
    for (const item of feed) {
      if (!isObject(item) || item.reason !== undefined) continue; // a repost, or a pinned post shown again
      const post = parsePost(item.post);
      if (post && post.links.some((link) => normalizeUrl(link) === article)) found.push(post);
    }
    cursor = isObject(body) && typeof body.cursor === 'string' ? body.cursor : undefined;
    if (!cursor) break;
  }
  return found;
}

/** The routes to try, in order, for these inputs. */
type Route = readonly [RouteName, (inputs: DiscoverInputs, ctx: Context) => Promise<Post[]>];

function routesFor(inputs: DiscoverInputs): Route[] {
  const routes: Route[] = [['search', search]];
  if (inputs.backlinksService) routes.push(['backlinks', backlinks]);
  if (inputs.author) routes.push(['author-feed', authorFeed]);
  return routes;
}

/** Only the author's posts start threads when `author` is set. */
const byAuthor = (author: string | undefined) => (post: Post) =>
  !author || post.author.did === author || post.author.handle.toLowerCase() === author.toLowerCase();

function failure(route: RouteName, error: unknown): RouteFailure {
  if (error instanceof RequestError) return { route, kind: error.kind, ...(error.status ? { status: error.status } : {}) };
  throw error; // an abort, or a bug: not a route failure
}

export async function discover(inputs: DiscoverInputs, ctx: Context = {}): Promise<Discovery> {
  const failures: RouteFailure[] = [];
  const pinnedTask = inputs.posts.length
    ? pinnedPosts(inputs, ctx).catch((error: unknown) => (failures.push(failure('post', error)), []))
    : Promise.resolve([]);
  // If a route is aborted first, the abort is reported from there; don't leave this one unhandled.
  pinnedTask.catch(() => {});
  let found: Post[] = [];
  let answered = false;
  for (const [name, route] of routesFor(inputs)) {
    try {
      found = (await route(inputs, ctx)).filter(byAuthor(inputs.author));
      answered = true;
      break;
    } catch (error) {
      failures.push(failure(name, error));
    }
  }
  const pinned = await pinnedTask;
  const seen = new Set(pinned.map((post) => post.uri));
  found = found.filter((post) => !seen.has(post.uri) && (seen.add(post.uri), true));
  return { pinned, found, failures, answered };
}
