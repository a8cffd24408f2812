// The worker in front of a site's pages, as Cloudflare runs it: src/worker/index.ts bundled with
// Lit's server build, run in workerd (with `nodejs_compat`) through miniflare, before an origin and
// an AppView the test controls (one local server: the site's pages, and the sample AppView's
// answers). The article page comes back with its discussion rendered into the element, from the
// proxy's own cache; anything else, and any page it cannot fill, comes back as the site sent it.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Miniflare, fetch as workerdFetch, type Request as WorkerdRequest } from 'miniflare';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../demo/appview/server.ts';
import { ARTICLE, ARTICLE_TITLE } from '../../demo/appview/sample.ts';
import { readInputs } from '../../src/inputs.ts';
import { bundleWorker, listen, type Bundle } from './workerd.ts';

const SITE = 'https://site.example';
const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
const HOSTS = 'service="/bsky" search-service="/bsky" backlinks-service="/bsky"';
const FALLBACK = '<a href="https://bsky.app/search?q=norvia">Discuss on Bluesky</a>';

const page = (canonical: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${ARTICLE_TITLE}</title><link rel="canonical" href="${canonical}"></head>` +
  `<body><h1>${ARTICLE_TITLE}</h1><p>The article.</p>${body}<p id="after">The article goes on.</p></body></html>`;

/** The site's pages, as its origin serves them. */
const PAGES: Record<string, { status?: number; type: string; body: string | Buffer }> = {
  '/article': { type: 'text/html; charset=utf-8', body: page(ARTICLE, `<discuss-thread post="${STORY}" ${HOSTS}>${FALLBACK}</discuss-thread>`) },
  // An element the site rendered itself (discuss-thread/server at build time): its own shadow root stays.
  '/rendered': {
    type: 'text/html; charset=utf-8',
    body: page(ARTICLE, `<discuss-thread ${HOSTS} status="loaded"><template shadowrootmode="open"><p>The site’s own.</p></template></discuss-thread>`),
  },
  // An article nobody has discussed yet, asked for while the AppView is down.
  '/quiet': { type: 'text/html', body: page('https://news.example/world/2026/11/28/quiet', `<discuss-thread ${HOSTS}>${FALLBACK}</discuss-thread>`) },
  '/missing': { status: 404, type: 'text/html', body: page(ARTICLE, `<discuss-thread ${HOSTS}></discuss-thread>`) },
  '/photo.bin': { type: 'application/octet-stream', body: randomBytes(4096) },
};

/** The AppView's side of the local server: requests counted, with their headers; `down` makes it fail. */
const appview = { asked: [] as Array<{ path: string; headers: IncomingMessage['headers'] }>, down: false };

async function serve(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url!, 'http://127.0.0.1');
  if (url.pathname.startsWith('/xrpc/')) {
    appview.asked.push({ path: `${url.pathname}?${url.search.slice(1)}`, headers: req.headers });
    if (appview.down) return res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"ServiceUnavailable"}');
    const found = await answer(url, req.headers['atproto-accept-labelers'] as string | undefined);
    if (!found) return res.writeHead(404).end();
    return res.writeHead(found.status, { 'content-type': found.type, ...found.headers }).end(found.body);
  }
  const found = PAGES[url.pathname];
  if (!found) return res.writeHead(404).end();
  res.writeHead(found.status ?? 200, { 'content-type': found.type, 'content-length': Buffer.byteLength(found.body), etag: '"v1"' });
  res.end(req.method === 'HEAD' ? undefined : found.body);
}

let server: Awaited<ReturnType<typeof listen>> | undefined;
let bundle: Bundle | undefined;
let mf: Miniflare | undefined;

/** The network, as the worker in workerd sees it: the site's origin and the AppView are the local server. */
function network(local: string) {
  return (request: WorkerdRequest) => {
    const url = new URL(request.url);
    const headers = Object.fromEntries([...request.headers].filter(([name]) => name !== 'host'));
    return workerdFetch(`${local}${url.pathname}${url.search}`, { method: request.method, headers });
  };
}

beforeAll(async () => {
  [server, bundle] = await Promise.all([listen(serve), bundleWorker({ server: true })]);
  mf = new Miniflare({
    modules: true,
    scriptPath: bundle.scriptPath,
    modulesRoot: bundle.dir,
    compatibilityDate: '2025-01-01',
    compatibilityFlags: ['nodejs_compat'], // Lit's server build imports Node's `buffer`
    bindings: { RENDER: 'on', PREFIX: '/bsky', APPVIEW: server.origin, SEARCH_SERVICE: server.origin, BACKLINKS_SERVICE: server.origin, TTL: '60' },
    outboundService: network(server.origin),
  });
  await mf.ready;
});

afterAll(async () => {
  await mf?.dispose();
  await server?.close();
  bundle?.remove();
});

const get = (path: string, init?: RequestInit) => mf!.dispatchFetch(`${SITE}${path}`, { headers: { cookie: 'reader=1' }, ...init } as never);

type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node; value?: string };
const find = (node: Node, name: string): Node | undefined => (node.nodeName === name ? node : node.childNodes?.map((child) => find(child, name)).find(Boolean));
const text = (node: Node): string => node.value ?? [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])].map(text).join('');
const attribute = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

/** The page's `<discuss-thread>` as a browser's parser reads it. */
function element(html: string) {
  const host = find(parse(html) as unknown as Node, 'discuss-thread')!;
  const children = host.childNodes!.filter((child) => child.nodeName !== '#text');
  const template = children.find((child) => child.nodeName === 'template' && attribute(child, 'shadowrootmode') === 'open');
  const data = children.find((child) => child.nodeName === 'script' && attribute(child, 'data-discussion') !== undefined);
  return { host, children, template, data: data && JSON.parse(text(data)) };
}

describe('the worker in front of the site’s pages, in workerd', () => {
  let first = '';

  it('fills the article’s element with its discussion, from the AppView through the proxy, and keeps the site’s fallback', async () => {
    const response = await get('/article');
    expect(response.status).toBe(200);
    first = await response.text();
    const { host, children, template, data } = element(first);
    expect(attribute(host, 'status')).toBe('loaded');
    expect(children[0]).toBe(template);
    expect(text(template!)).toContain('Mina Park');
    // The data the element takes over: rendered for the very inputs the element computes in the browser.
    const inputs = readInputs(
      { post: STORY, service: '/bsky', searchService: '/bsky', backlinksService: '/bsky' },
      { baseURI: `${SITE}/article`, href: `${SITE}/article`, canonical: ARTICLE, title: ARTICLE_TITLE },
      () => {},
    );
    expect(data).toMatchObject({ ttl: 60, key: inputs.key });
    expect(first).toContain(FALLBACK);
    expect(first).toContain('<p id="after">The article goes on.</p></body></html>');
    // The body changed: no length of the old one, and its validator no longer claims byte equality.
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-length') ?? String(Buffer.byteLength(first))).toBe(String(Buffer.byteLength(first)));
    expect(response.headers.get('etag')).toBe('W/"v1"');
    // The render asked the AppView, as the proxy asks it: nothing of the reader's request.
    expect(appview.asked.length).toBeGreaterThan(0);
    expect(appview.asked.every(({ headers }) => !headers.cookie && !headers['x-forwarded-for'])).toBe(true);
  });

  it('serves the page again within the TTL without asking the AppView, and readers’ widgets share the render’s cache', async () => {
    const asked = appview.asked.length;
    expect(await (await get('/article')).text()).toBe(first);
    // A widget asking what the render asked, through the proxy: the same cache answers.
    const widget = await get(`/bsky${appview.asked[0].path}`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('x-cache')).toBe('hit');
    expect(appview.asked.length).toBe(asked);
  });

  it('passes responses that are not HTML pages to fill through as the origin sent them', async () => {
    const photo = await get('/photo.bin');
    expect(Buffer.from(await photo.arrayBuffer()).equals(PAGES['/photo.bin'].body as Buffer)).toBe(true);
    expect(photo.headers.get('etag')).toBe('"v1"');
    const missing = await get('/missing');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(PAGES['/missing'].body);
    const head = await get('/article', { method: 'HEAD' });
    expect(head.headers.get('etag')).toBe('"v1"');
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(PAGES['/article'].body)));
  });

  it('leaves an element the site rendered itself as it is', async () => {
    expect(await (await get('/rendered')).text()).toBe(PAGES['/rendered'].body);
  });

  it('serves the page as the site wrote it when the AppView is down', async () => {
    appview.down = true;
    try {
      const response = await get('/quiet');
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(PAGES['/quiet'].body);
      expect(appview.asked.at(-1)!.path).toMatch(/^\/xrpc\//); // it did try
    } finally {
      appview.down = false;
    }
  });
});
