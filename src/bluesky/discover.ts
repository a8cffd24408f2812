// Discovery: which posts are roots of the discussion. The `post` attribute's posts always come
// first; then the routes are tried in order and the first that answers — even with nothing — ends
// the search. Later routes only stand in for a route that was refused or failed.

import type { Post } from './model.ts';
import { isObject, parsePost } from './parse.ts';
import { RequestError, type FailureKind, mapLimit, xrpc } from './http.ts';
import { isDid, type PostRef } from './urls.ts';

export interface DiscoverInputs {
  article: string;
  posts: readonly PostRef[];
  author?: string;
  service: string;
  searchService: string;
  sort: 'top' | 'latest' | 'oldest';
}

export type RouteName = 'post' | 'search';

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
export const postsOf = (body: unknown, key = 'posts'): Post[] =>
  isObject(body) && Array.isArray(body[key]) ? (body[key] as unknown[]).map(parsePost).filter((post): post is Post => !!post) : [];

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

const routes: ReadonlyArray<[RouteName, (inputs: DiscoverInputs, ctx: Context) => Promise<Post[]>]> = [['search', search]];

function failure(route: RouteName, error: unknown): RouteFailure {
  if (error instanceof RequestError) return { route, kind: error.kind, ...(error.status ? { status: error.status } : {}) };
  throw error; // an abort, or a bug: not a route failure
}

export async function discover(inputs: DiscoverInputs, ctx: Context = {}): Promise<Discovery> {
  const failures: RouteFailure[] = [];
  const pinnedTask = inputs.posts.length
    ? pinnedPosts(inputs, ctx).catch((error: unknown) => (failures.push(failure('post', error)), []))
    : Promise.resolve([]);
  let found: Post[] = [];
  let answered = false;
  for (const [name, route] of routes) {
    try {
      found = await route(inputs, ctx);
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
