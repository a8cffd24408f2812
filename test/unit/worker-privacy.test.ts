// @vitest-environment node
// What crosses the proxy: upstream sees `accept`, the labelers asked for and the proxy's own name,
// nothing of the reader (cookies, credentials, address, browser); the reader sees the body, its
// type, the labelers it carries and the proxy's own headers, nothing else upstream sent.

import { describe, expect, it } from 'vitest';
import { NEWSWATCH } from '../../demo/appview/sample.ts';
import { BSKY_LABELER } from '../../src/bluesky/moderation.ts';
import { acceptLabelers } from '../../src/bluesky/labelers.ts';
import { SEARCH, answering, json, proxyWith, sampleAnswer } from './worker-stubs.ts';

const READER = {
  cookie: 'session=reader-secret',
  authorization: 'Bearer reader-token',
  'x-forwarded-for': '203.0.113.7',
  'cf-connecting-ip': '203.0.113.7',
  'x-real-ip': '203.0.113.7',
  forwarded: 'for=203.0.113.7',
  'user-agent': 'ReaderBrowser/1.0',
  referer: 'https://news.example/article',
  origin: 'https://news.example',
  'accept-language': 'ko',
};

describe('privacy', () => {
  it('forwards only accept, the labelers asked for and its own name: nothing of the reader', async () => {
    const up = answering();
    const { get } = proxyWith(up.fetch);
    const labelers = acceptLabelers([NEWSWATCH.did])!;
    await get(SEARCH, { ...READER, accept: 'text/html', 'atproto-accept-labelers': labelers });
    const [call] = up.calls;
    expect([...call.headers.keys()].sort()).toEqual(['accept', 'atproto-accept-labelers', 'user-agent']);
    expect(call.headers.get('accept')).toBe('application/json');
    expect(call.headers.get('atproto-accept-labelers')).toBe(labelers);
    expect(call.headers.get('user-agent')).toMatch(/^discuss-thread-worker\//);
    expect(call.init.credentials ?? 'same-origin').not.toBe('include');
    expect(JSON.stringify([...call.headers])).not.toMatch(/203\.0\.113\.7|reader-secret|reader-token|ReaderBrowser|news\.example/);
  });

  it('returns the body, its type and labelers with its own headers, never upstream’s cookies or others', async () => {
    const up = answering(async (url, init) => {
      const sample = await sampleAnswer(url, init.headers);
      const headers = new Headers(sample.headers);
      headers.append('set-cookie', 'tracking=1; Domain=site.example');
      headers.set('server', 'upstream/1.2');
      headers.set('x-upstream-internal', 'secret');
      headers.set('access-control-allow-origin', 'https://bsky.app');
      headers.set('ratelimit-remaining', '2999');
      return new Response(await sample.text(), { status: 200, headers });
    });
    const { get } = proxyWith(up.fetch);
    const response = await get(SEARCH, { 'atproto-accept-labelers': acceptLabelers([NEWSWATCH.did])! });
    expect(response.status).toBe(200);
    expect([...response.headers.keys()].sort()).toEqual([
      'access-control-allow-origin',
      'access-control-expose-headers',
      'age',
      'atproto-content-labelers',
      'cache-control',
      'content-type',
      'vary',
      'x-cache',
      'x-content-type-options',
    ]);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('atproto-content-labelers')).toContain(NEWSWATCH.did);
    expect(response.headers.get('vary')).toBe('atproto-accept-labelers');
  });

  it('keeps answers apart by the labelers asked for, and sends each its own', async () => {
    const up = answering();
    const { get } = proxyWith(up.fetch);
    const theirs = acceptLabelers([NEWSWATCH.did])!;
    const plain = await get(SEARCH);
    const labelled = await get(SEARCH, { 'atproto-accept-labelers': theirs });
    const spelledOtherwise = await get(SEARCH, { 'atproto-accept-labelers': theirs.replace(', ', ' ,  ') });
    expect(up.calls.map((c) => c.headers.get('atproto-accept-labelers'))).toEqual([null, theirs]);
    expect(plain.headers.get('atproto-content-labelers')).toBe(BSKY_LABELER);
    expect(labelled.headers.get('atproto-content-labelers')).toContain(NEWSWATCH.did);
    expect(spelledOtherwise.headers.get('x-cache')).toBe('hit');
    expect(await spelledOtherwise.text()).toBe(await labelled.text());
  });

  it('passes the query on as the reader wrote it, and only the query', async () => {
    const up = answering(() => json({ posts: [] }));
    const { get } = proxyWith(up.fetch, { appview: 'https://appview.test' });
    await get('https://site.example/bsky/xrpc/app.bsky.feed.getPosts?uris=at%3A%2F%2Fa&uris=at://b#fragment');
    expect(up.calls[0].url.href).toBe('https://appview.test/xrpc/app.bsky.feed.getPosts?uris=at%3A%2F%2Fa&uris=at%3A%2F%2Fb');
  });
});
