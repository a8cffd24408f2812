// Test helpers: a `fetch` stub that routes to handlers (or to the sample AppView), deferred
// promises the test resolves itself, and the lexicon checks every fixture must pass.

import { expect, vi } from 'vitest';
import { lexicons } from '@atproto/api';
import { jsonToLex } from '@atproto/lexicon';
import { answer } from '../../demo/appview/server.ts';
import { HOSTILE_ARTICLE, MUTED, SPAMMER } from '../../demo/appview/sample.ts';

export const ORIGIN = 'https://appview.test';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export type Route = (url: URL, init?: RequestInit) => Response | Promise<Response>;

/** Replace `fetch`; every request is recorded in `calls`. */
export function stubFetch(route: Route) {
  const calls: Array<{ url: URL; init?: RequestInit }> = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    calls.push({ url, init });
    init?.signal?.throwIfAborted();
    return route(url, init);
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, fetch };
}

/** A route answering from the sample AppView (served at ORIGIN), 404 for anything else. */
export const sampleRoute: Route = async (url, init) => {
  const found = await answer(url, new Headers(init?.headers).get('atproto-accept-labelers') ?? undefined);
  if (!found) return json({ error: 'NotFound' }, 404);
  // A refusal without CORS headers reaches a page as a network error, never as a response.
  if (found.cors === false) throw new TypeError('Failed to fetch');
  return new Response(found.body, { status: found.status, headers: { 'content-type': found.type, ...found.headers } });
};

/** An XRPC route table: NSID → body (or a function of the query). Unknown methods answer 501. */
export function xrpcRoutes(table: Record<string, unknown | ((query: URLSearchParams) => unknown)>): Route {
  return async (url) => {
    const nsid = url.pathname.replace(/^.*\/xrpc\//, '');
    if (!(nsid in table)) return json({ error: 'MethodNotImplemented' }, 501);
    const entry = table[nsid];
    const body = await (typeof entry === 'function' ? (entry as (q: URLSearchParams) => unknown)(url.searchParams) : entry);
    return body instanceof Response ? body : json(body);
  };
}

/** Throws unless `body` is a valid output of the XRPC method `nsid`, and its post records valid records. */
export function assertValidOutput(nsid: string, body: unknown): void {
  lexicons.assertValidXrpcOutput(nsid, jsonToLex(body as never));
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if (object.$type === 'app.bsky.feed.post') lexicons.assertValidRecord('app.bsky.feed.post', jsonToLex(object as never));
    Object.values(object).forEach(walk);
  };
  walk(body);
}

/**
 * What a rendering of the sample discussion holds (`held`: the text of what was rendered for those
 * options) leaves out what the widget would hide: what bsky.app hides from signed-out readers on the
 * moderation test article, and on the story, what the site owner's `hide` and `muted-words` name.
 */
export async function expectModerated(held: (options: { url?: string; post?: string; hide?: string; mutedWords?: string }) => Promise<string>) {
  const story = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
  const hostile = await held({ url: HOSTILE_ARTICLE });
  for (const hidden of ['HIDDEN-BY-AUTHOR', 'NO-UNAUTH reply', 'UNDER-NO-UNAUTH', 'PORN-LABELLED', 'NO-UNAUTH root', 'BSKY-HIDDEN root'])
    expect(hostile).not.toContain(hidden);
  expect(hostile).toContain('OTHER-LABELER reply');
  const owner = [/crypto signals/, /\bidiot\b/i, new RegExp(SPAMMER)];
  const unruled = await held({ post: story });
  for (const pattern of owner) expect(unruled).toMatch(pattern);
  const ruled = await held({ post: story, hide: SPAMMER, mutedWords: MUTED });
  for (const pattern of owner) expect(ruled).not.toMatch(pattern);
}
