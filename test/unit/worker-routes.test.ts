// @vitest-environment node
// The proxy answers the widget's read methods and nothing else: each goes to its own host, only by
// GET or HEAD; a preflight is answered; anything else is 404 or 405, and upstream never hears of it.

import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/worker/index.ts';
import { ROUTES } from '../../src/worker/routes.ts';
import { SITE, answering, json, proxyWith } from './worker-stubs.ts';

afterEach(() => vi.unstubAllGlobals());

describe('the allow-list', () => {
  it('answers 404, without asking upstream, for any path that is not one of the widget’s read methods', async () => {
    const { calls, fetch } = answering();
    const { get } = proxyWith(fetch);
    for (const path of [
      '/bsky/xrpc/com.atproto.server.createSession',
      '/bsky/xrpc/com.atproto.repo.createRecord',
      '/bsky/xrpc/app.bsky.feed.getTimeline',
      '/bsky/xrpc/app.bsky.feed.getPosts/',
      '/bsky/xrpc/',
      '/bsky/links/all',
      '/bsky/.cache/-/xrpc/app.bsky.feed.getPosts',
      '/xrpc/app.bsky.feed.getPosts',
      '/bskyx/xrpc/app.bsky.feed.getPosts',
    ]) {
      const response = await get(`${SITE}${path}?uris=at://x`);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'NotFound' });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    }
    expect(calls).toEqual([]);
  });

  it('sends each method to its own host, with the query in a canonical order', async () => {
    const { calls, fetch } = answering(() => json({}));
    const hosts = { appview: 'https://appview.test', search: 'https://search.test/base/', backlinks: 'https://links.test' };
    const { get } = proxyWith(fetch, hosts);
    for (const [path, host] of ROUTES) {
      expect((await get(`${SITE}/bsky${path}?z=1&a=2&a=1`)).status, path).toBe(200);
      expect(calls.at(-1)!.url.href, path).toBe(`${hosts[host].replace(/\/$/, '')}${path}?a=2&a=1&z=1`);
    }
    expect(calls).toHaveLength(ROUTES.size);
  });

  it('allows every method the widget asks its AppView for, and the backlink index’s', () => {
    // Every `xrpc(host, 'nsid', …)` call in the widget's code, and every `xrpcUrl` (a request sent
    // early): a method added there must be added here.
    const files = ['src/bluesky', 'src/join'].flatMap((dir) => readdirSync(dir).map((file) => `${dir}/${file}`)).concat('src/prelude.ts');
    const asked = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bxrpc(?:Url)?\(\s*[\w.]+,\s*'([\w.]+)'/g)].map((m) => m[1]));
    expect(new Set(asked).size).toBeGreaterThanOrEqual(8);
    for (const nsid of asked) expect(ROUTES.has(`/xrpc/${nsid}`), nsid).toBe(true);
    expect(readFileSync('src/bluesky/discover.ts', 'utf8')).toContain(`'/xrpc/blue.microcosm.links.getBacklinks'`);
    expect(ROUTES.get('/xrpc/blue.microcosm.links.getBacklinks')).toBe('backlinks');
  });

  it('only reads: other methods are 405 and name the allowed ones', async () => {
    const { calls, fetch } = answering();
    const { proxy } = proxyWith(fetch);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await proxy.fetch(new Request(`${SITE}/bsky/xrpc/app.bsky.feed.getPosts`, { method, body: method === 'DELETE' ? null : '{}' }));
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    }
    expect(calls).toEqual([]);
  });

  it('answers a CORS preflight allowing atproto-accept-labelers, without asking upstream', async () => {
    const { calls, fetch } = answering();
    const { get } = proxyWith(fetch);
    const headers = { origin: 'https://reader.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'atproto-accept-labelers' };
    const response = await get(`${SITE}/bsky/xrpc/app.bsky.feed.getPostThread?uri=at://x`, headers, 'OPTIONS');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('atproto-accept-labelers');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    expect(calls).toEqual([]);
  });

  it('answers HEAD with the headers GET would have, and no body', async () => {
    const { calls, fetch } = answering();
    const { get } = proxyWith(fetch);
    const url = `${SITE}/bsky/xrpc/com.atproto.identity.resolveHandle?handle=minapark.news.example`;
    const head = await get(url, undefined, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/json/);
    expect(await head.text()).toBe('');
    expect(await (await get(url)).json()).toMatchObject({ did: expect.stringMatching(/^did:plc:/) });
    expect(calls).toHaveLength(1); // HEAD and GET share the answer
  });

  it('can be mounted at another path, or at the root', async () => {
    const { calls, fetch } = answering(() => json({ posts: [] }));
    expect((await proxyWith(fetch, { prefix: '/api/bluesky/' }).get(`${SITE}/api/bluesky/xrpc/app.bsky.feed.getPosts`)).status).toBe(200);
    expect((await proxyWith(fetch, { prefix: '/api/bluesky' }).get(`${SITE}/bsky/xrpc/app.bsky.feed.getPosts`)).status).toBe(404);
    expect((await proxyWith(fetch, { prefix: '' }).get(`${SITE}/xrpc/app.bsky.feed.getPosts`)).status).toBe(200);
    expect(calls).toHaveLength(2);
  });
});

describe('the Workers module', () => {
  it('reads its hosts, mount path and lifetimes from the worker’s bindings', async () => {
    const { calls, fetch } = answering(() => json({ did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz' }));
    vi.stubGlobal('fetch', fetch);
    const env = { PREFIX: '/comments-api', APPVIEW: 'https://appview.test', TTL: '30', STALE_FOR: '', CACHE: 'memory' };
    const url = `${SITE}/comments-api/xrpc/com.atproto.identity.resolveHandle?handle=atproto.com`;
    const response = await worker.fetch(new Request(url), env);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/max-age=30\b/);
    expect(response.headers.get('cache-control')).toMatch(/stale-while-revalidate=600\b/); // unset: the default
    expect(calls.map((c) => c.url.origin)).toEqual(['https://appview.test']);
    // The same bindings on the next request: the same proxy, with the answer it kept.
    expect((await worker.fetch(new Request(url), { ...env })).headers.get('x-cache')).toBe('hit');
    expect(calls).toHaveLength(1);
  });
});
