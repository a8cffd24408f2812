// The sample AppView: answers the XRPC queries the widget sends, from the sample discussion, as
// connect-style middleware for Vite's dev server. A path prefix `/s/<flags>/` switches failure
// modes for tests and the demo, e.g. `/s/slow,empty/xrpc/…`:
//   slow   answers after 1.5 s          empty  search finds nothing
//   error  every query fails with 500   flaky… the first search for that exact prefix fails with 503

import type { IncomingMessage, ServerResponse } from 'node:http';
import { normalizeUrl } from '../../src/bluesky/urls.ts';
import { threadView, type PostView, type Tree } from './build.ts';
import { ARTICLE, sample } from './sample.ts';
import { svg } from './media.ts';

const started = Date.now();
const flakySeen = new Set<string>();

type Query = URLSearchParams;
type Handler = (query: Query, data: ReturnType<typeof sample>) => unknown;

const engagement = (p: PostView) => p.likeCount + 2 * p.repostCount + p.replyCount + p.quoteCount;

function findTree(trees: Tree[], uri: string): Tree | undefined {
  for (const tree of trees) {
    if (tree.post.uri === uri) return tree;
    const inside = findTree(tree.replies ?? [], uri);
    if (inside) return inside;
  }
  return undefined;
}

class XrpcFailure {
  constructor(
    readonly status: number,
    readonly error: string,
  ) {}
}

const handlers: Record<string, Handler> = {
  'app.bsky.feed.searchPosts': (query, data) => {
    const url = query.get('url');
    if (!query.get('q')) throw new XrpcFailure(400, 'InvalidRequest');
    const author = query.get('author');
    let posts = url && normalizeUrl(url) === normalizeUrl(ARTICLE) ? data.trees.map((tree) => tree.post) : [];
    if (author) posts = posts.filter((p) => p.author.did === author || p.author.handle === author);
    posts = [...posts].sort(query.get('sort') === 'top' ? (a, b) => engagement(b) - engagement(a) : (a, b) => b.indexedAt.localeCompare(a.indexedAt));
    return { posts: posts.slice(0, Number(query.get('limit') ?? 25)), hitsTotal: posts.length };
  },
  'app.bsky.feed.getPosts': (query, data) => ({ posts: query.getAll('uris').flatMap((uri) => data.posts.get(uri) ?? []) }),
  'app.bsky.feed.getPostThread': (query, data) => {
    const tree = findTree(data.trees, query.get('uri') ?? '');
    if (!tree) throw new XrpcFailure(400, 'NotFound');
    return threadView(tree, Number(query.get('depth') ?? 6));
  },
  'com.atproto.identity.resolveHandle': (query, data) => {
    const found = data.actors.find((a) => a.handle === query.get('handle'));
    if (!found) throw new XrpcFailure(400, 'InvalidRequest');
    return { did: found.did };
  },
};

export interface Answer {
  status: number;
  type: string;
  body: string;
}

const reply = (status: number, body: unknown, type = 'application/json; charset=utf-8'): Answer => ({
  status,
  type,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** The sample AppView's answer to a GET of `url`, or undefined when the path is not one of ours. */
export async function answer(url: URL): Promise<Answer | undefined> {
  const media = /^\/sample-media\/(avatar|photo)\/([\w-]+)\.svg$/.exec(url.pathname);
  if (media) return reply(200, svg(media[1] as 'avatar' | 'photo', media[2]), 'image/svg+xml');
  const match = /^(?:\/s\/([\w,-]+))?\/xrpc\/([\w.]+)$/.exec(url.pathname);
  if (!match) return undefined;
  const [, prefix = '', nsid] = match;
  const flags = new Set(prefix.split(','));
  if (flags.has('slow')) await new Promise((resolve) => setTimeout(resolve, 1500));
  if (flags.has('error')) return reply(500, { error: 'InternalServerError', message: 'sample failure' });
  if (nsid === 'app.bsky.feed.searchPosts' && [...flags].some((f) => f.startsWith('flaky')) && !flakySeen.has(prefix)) {
    flakySeen.add(prefix);
    return reply(503, { error: 'ServiceUnavailable' });
  }
  const handler = handlers[nsid];
  if (!handler) return reply(501, { error: 'MethodNotImplemented' });
  const data = sample(`${url.origin}/sample-media`, started);
  if (flags.has('empty')) data.trees = [];
  try {
    return reply(200, handler(url.searchParams, data));
  } catch (error) {
    if (!(error instanceof XrpcFailure)) throw error;
    return reply(error.status, { error: error.error });
  }
}

/** `answer` as connect-style middleware for Vite's dev server. */
export function sampleAppView() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    answer(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)).then((found) => {
      if (!found) return next();
      res.writeHead(found.status, { 'content-type': found.type, 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
      res.end(found.body);
    }, next);
  };
}
