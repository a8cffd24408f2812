// Test helpers for the worker's proxy: an upstream whose every request waits until the test answers
// it (with the sample AppView's answer, by default), a clock the test moves, and a context whose
// background work the test can wait for.

import { ARTICLE } from '../../demo/appview/sample.ts';
import { createProxy, type ProxyOptions } from '../../src/worker/proxy.ts';
import { sampleRoute } from './helpers.ts';

export { json } from './helpers.ts';

export const SITE = 'https://site.example';
export const SEARCH = `${SITE}/bsky/xrpc/app.bsky.feed.searchPosts?q=*&url=${encodeURIComponent(ARTICLE)}&sort=top&limit=100`;
export const HANDLE = `${SITE}/bsky/xrpc/com.atproto.identity.resolveHandle?handle=minapark.news.example`;

export interface Call {
  url: URL;
  headers: Headers;
  init: RequestInit;
  /** Answer with `response`, or with the sample AppView's answer to this request. */
  answer(response?: Response | Promise<Response>): void;
  /** Fail as a network error does. */
  fail(): void;
}

/** The sample AppView's answer to a request for `url` (any host), as upstream would send it. */
export const sampleAnswer = (url: URL, headers?: HeadersInit) => sampleRoute(url, { headers });

export function upstream() {
  const calls: Call[] = [];
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  const fetch = (input: string, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input);
      calls.push({
        url,
        headers: new Headers(init.headers),
        init,
        answer: (response) => resolve(response ?? sampleAnswer(url, init.headers)),
        fail: () => reject(new TypeError('fetch failed')),
      });
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      for (const waiter of waiting.filter((w) => calls.length >= w.count)) waiter.resolve();
    });
  /** Resolves once upstream has been asked `count` times in all. */
  const asked = (count: number) =>
    calls.length >= count
      ? Promise.resolve(calls[count - 1])
      : new Promise<Call>((resolve) => waiting.push({ count, resolve: () => resolve(calls[count - 1]) }));
  return { calls, fetch, asked };
}

/** An upstream that answers every request at once, from `route` or the sample AppView. */
export function answering(route?: (url: URL, init: RequestInit) => Response | Promise<Response>) {
  const calls: Array<{ url: URL; headers: Headers; init: RequestInit }> = [];
  const fetch = async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    calls.push({ url, headers: new Headers(init.headers), init });
    return route ? route(url, init) : sampleAnswer(url, init.headers);
  };
  return { calls, fetch };
}

export function clock(start = Date.UTC(2026, 10, 27, 12)) {
  const state = { t: start, now: () => state.t, advance: (seconds: number) => void (state.t += seconds * 1000) };
  return state;
}

/** A Workers execution context: `settled()` waits for every promise handed to `waitUntil`. */
export function context() {
  const promises: Array<Promise<unknown>> = [];
  return {
    waitUntil: (promise: Promise<unknown>) => void promises.push(promise),
    settled: async () => {
      while (promises.length) await Promise.allSettled(promises.splice(0));
    },
  };
}

/** A proxy over `fetch` with the test's clock and memory only, unless the options say otherwise. */
export function proxyWith(fetch: ProxyOptions['fetch'], options: ProxyOptions = {}) {
  const time = clock();
  const ctx = context();
  const proxy = createProxy({ fetch, now: time.now, cache: null, ...options });
  const get = (url: string, headers?: HeadersInit, method = 'GET') => proxy.fetch(new Request(url, { method, headers }), {}, ctx);
  return { proxy, time, ctx, get };
}
