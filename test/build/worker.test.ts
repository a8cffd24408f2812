// The worker as Cloudflare runs it: src/worker/index.ts bundled with Vite, run in workerd through
// miniflare, in front of a local upstream speaking the sample AppView's JSON. A thousand readers
// asking at once cost one upstream request, the next thousand none, the answer is kept in the Cache
// API, and the last good answer stands in while upstream is down.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answer } from '../../demo/appview/server.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { cacheKey, canonicalQuery } from '../../src/worker/routes.ts';
import { bundleWorker, listen, type Bundle } from './workerd.ts';

const SITE = 'https://site.example';
const SEARCH_PATH = '/xrpc/app.bsky.feed.searchPosts';
const query = (article: string) => `q=*&url=${encodeURIComponent(article)}&sort=top&limit=100`;

/** The upstream: the sample AppView, counting requests by path and query; `down` makes it fail. */
const upstream = {
  asked: new Map<string, number>(),
  down: undefined as undefined | 'error' | 'unreachable',
  /** Held answers wait for this; the test opens it. */
  gate: Promise.resolve(),
  /** Called on every request (a test sets it to learn of the first). */
  arrived: () => {},
};
const askedFor = (path: string, search: string) => upstream.asked.get(`${path}?${search}`) ?? 0;

let server: Awaited<ReturnType<typeof listen>> | undefined;
let mf: Miniflare;
let bundle: Bundle | undefined;

/** The sample AppView's answer, counted, unless `upstream` says it is down or holds it. */
async function upstreamAnswer(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url!, 'http://127.0.0.1');
  const key = `${url.pathname}?${url.search.slice(1)}`;
  upstream.asked.set(key, (upstream.asked.get(key) ?? 0) + 1);
  upstream.arrived();
  if (upstream.down === 'unreachable') return req.socket.destroy();
  if (upstream.down === 'error') return res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"ServiceUnavailable"}');
  await upstream.gate;
  const found = await answer(url, req.headers['atproto-accept-labelers'] as string | undefined);
  if (!found) return res.writeHead(404).end();
  res.writeHead(found.status, { 'content-type': found.type, 'set-cookie': 'upstream=1', ...found.headers }).end(found.body);
}

/**
 * Readers, inside workerd: asks the proxy `n` times at once through a service binding (each a request
 * of its own to the proxy's isolate, as readers' requests are) and sums up what came back.
 */
const READERS = `export default {
  async fetch(request, env) {
    const { url, n } = await request.json();
    const answers = await Promise.all(Array.from({ length: n }, async () => {
      const response = await env.PROXY.fetch(url, { headers: { cookie: 'reader=1', 'x-forwarded-for': '203.0.113.7' } });
      return { status: response.status, cache: response.headers.get('x-cache'), cookie: response.headers.has('set-cookie'), body: await response.text() };
    }));
    const count = (values) => values.reduce((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});
    return Response.json({
      statuses: count(answers.map((a) => a.status)),
      cache: count(answers.map((a) => a.cache)),
      cookies: answers.filter((a) => a.cookie).length,
      bodies: [...new Set(answers.map((a) => a.body))],
    });
  },
};`;

interface Round {
  statuses: Record<string, number>;
  cache: Record<string, number>;
  cookies: number;
  bodies: string[];
}

const readers = async (url: string, n: number): Promise<Round> =>
  (await mf.dispatchFetch('http://readers.test/', { method: 'POST', body: JSON.stringify({ url, n }) })).json() as Promise<Round>;

beforeAll(async () => {
  [server, bundle] = await Promise.all([listen(upstreamAnswer), bundleWorker()]);
  const host = server.origin;
  const hosts = { APPVIEW: host, SEARCH_SERVICE: host, BACKLINKS_SERVICE: host };
  // No `nodejs_compat`: the proxy uses only what every Workers runtime has (fetch, URL, the Cache API).
  const worker = { modules: true, scriptPath: bundle.scriptPath, modulesRoot: bundle.dir, compatibilityDate: '2025-01-01' };
  mf = new Miniflare({
    workers: [
      { name: 'readers', modules: true, script: READERS, compatibilityDate: '2025-01-01', serviceBindings: { PROXY: 'proxy' }, routes: ['readers.test/*'] },
      { ...worker, name: 'proxy', bindings: { ...hosts, TTL: '60', FEED: 'on', COUNTS: 'on' }, routes: ['site.example/*', 'news.example/*'] },
      // Nothing is ever fresh here, so every request asks upstream and only a failure leaves the last answer standing.
      { ...worker, name: 'always-asks', bindings: { ...hosts, TTL: '0', STALE_FOR: '0', CACHE: 'memory' }, routes: ['always-asks.test/*'] },
    ],
  });
  await mf.ready;
});

afterAll(async () => {
  await mf?.dispose();
  await server?.close();
  bundle?.remove();
});

describe('the worker in workerd', () => {
  const search = query(ARTICLE);
  const url = `${SITE}/bsky${SEARCH_PATH}?${search}`;
  const canonical = canonicalQuery(new URLSearchParams(search));

  it('asks upstream once for a thousand readers asking at once, and not at all for the next thousand', async () => {
    let open!: () => void;
    upstream.gate = new Promise<void>((done) => (open = done));
    const arrived = new Promise<void>((done) => (upstream.arrived = done));
    const first = readers(url, 1000);
    await arrived; // the one upstream request is out; its answer waits while the other readers come in
    open();
    const round = await first;
    expect(round.statuses).toEqual({ 200: 1000 });
    expect(round.cookies).toBe(0);
    expect(round.bodies).toHaveLength(1);
    expect(JSON.parse(round.bodies[0]).posts.length).toBeGreaterThan(0);
    expect(askedFor(SEARCH_PATH, canonical)).toBe(1);

    const second = await readers(url, 1000);
    expect(second.cache).toEqual({ hit: 1000 });
    expect(second.bodies).toEqual(round.bodies);
    expect(askedFor(SEARCH_PATH, canonical)).toBe(1);
  });

  it('keeps the answer in the Cache API, for the other isolates of the data centre', async () => {
    // (Typed by hand: miniflare's own types for it need @cloudflare/workers-types.)
    const caches = (await mf.getCaches()) as unknown as { default: { match(key: string): Promise<Response | undefined> } };
    const key = cacheKey(SITE, '/bsky', SEARCH_PATH, canonical, undefined);
    // The write runs after the answer (ctx.waitUntil): wait for it to land.
    const kept = await vi.waitFor(async () => {
      const found = await caches.default.match(key);
      expect(found).toBeDefined();
      return found!;
    });
    expect(kept.headers.get('x-discuss-status')).toBe('200');
    expect(JSON.parse(await kept.text()).posts.length).toBeGreaterThan(0);
  });

  for (const down of ['error', 'unreachable'] as const)
    it(`serves the last good answer while upstream is down (${down})`, async () => {
      const mine = query(`${ARTICLE}?down=${down}`);
      const path = `https://always-asks.test/bsky${SEARCH_PATH}?${mine}`;
      upstream.gate = Promise.resolve();
      const good = await mf.dispatchFetch(path);
      expect(good.status).toBe(200);
      const body = await good.text();
      upstream.down = down;
      try {
        const during = await mf.dispatchFetch(path);
        expect(askedFor(SEARCH_PATH, canonicalQuery(new URLSearchParams(mine)))).toBe(2); // it did ask, and upstream failed
        expect(during.status).toBe(200);
        expect(during.headers.get('x-cache')).toBe('stale');
        expect(await during.text()).toBe(body);
      } finally {
        upstream.down = undefined;
      }
    });

  it('answers the discussion as an Atom feed on the site’s own route, without nodejs_compat', async () => {
    upstream.gate = Promise.resolve();
    const feed = await mf.dispatchFetch(`https://news.example/bsky/feed?url=${encodeURIComponent(ARTICLE)}`);
    expect(feed.status, await feed.clone().text()).toBe(200);
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await feed.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(xml.match(/<entry>/g)!.length).toBeGreaterThan(5);
    expect((await mf.dispatchFetch(`https://news.example/bsky/feed?url=${encodeURIComponent('https://elsewhere.example/')}`)).status).toBe(400);
  });

  it('counts a page of the site’s articles for <discuss-count> in one answer, without nodejs_compat', async () => {
    upstream.gate = Promise.resolve();
    const counted = await mf.dispatchFetch(`https://news.example/bsky/counts?url=${encodeURIComponent(ARTICLE)}`);
    expect(counted.status, await counted.clone().text()).toBe(200);
    expect(await counted.json()).toEqual({ counts: { [ARTICLE]: 6 } });
  });
});
