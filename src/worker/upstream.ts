// One request to an upstream host (AppView, search host, backlink index, the account's PDS), under
// a timeout, and its answer sorted: an entry worth keeping (200 JSON, or a 400 XRPC error), or a
// failure. Only the headers the caller names go out; nothing of the reader's request does.

import type { Entry } from './store.ts';
import { isObject } from '../bluesky/parse.ts';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** An answer the proxy does not keep: passed on to the reader, or covered by the last good answer. */
export interface Failure {
  status: number;
  error: string;
  message: string;
  /** True when the host failed (network, timeout, 5xx, 429), so the last good answer may stand in. */
  transient: boolean;
  /** Seconds the host asked us to wait (429). */
  retryAfter?: number;
}

export type Outcome = { entry: Entry; failure?: undefined } | { failure: Failure; entry?: undefined };

export interface Exchange {
  fetch: Fetch;
  /** Milliseconds before the request is given up. */
  timeout: number;
  now: () => number;
}

/** What came back: the status, headers and body text, read within the timeout. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

const MESSAGE_MAX = 300;

export const failure = (status: number, error: string, message: string, transient: boolean, retryAfter?: number): Failure => ({
  status,
  error,
  message,
  transient,
  ...(retryAfter !== undefined && { retryAfter }),
});

/** Send one request and read its body within `timeout`; a network error or timeout is a failure. */
export async function exchange({ fetch, timeout }: Exchange, url: string, init: RequestInit): Promise<Reply | Failure> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeout);
  try {
    const response = await fetch(url, { ...init, signal: deadline.signal });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  } catch {
    // The error's own text may name hosts or more; the reader gets a fixed sentence.
    return deadline.signal.aborted
      ? failure(504, 'UpstreamTimeout', 'The upstream host did not answer in time.', true)
      : failure(502, 'UpstreamUnavailable', 'The upstream host could not be reached.', true);
  } finally {
    clearTimeout(timer);
  }
}

export const isFailure = (value: Reply | Failure): value is Failure => 'transient' in value;

/** The XRPC error name and message of a reply, or defaults that say only its status. */
export function xrpcError(reply: Reply): { error: string; message: string } {
  const body = isObject(reply.json) ? reply.json : {};
  const error = typeof body.error === 'string' && body.error ? body.error.slice(0, MESSAGE_MAX) : 'UpstreamError';
  const message = typeof body.message === 'string' ? body.message.slice(0, MESSAGE_MAX) : `The upstream host answered HTTP ${reply.status}.`;
  return { error, message };
}

/** Seconds from `Retry-After` (seconds or a date). */
function retryAfter(headers: Headers, now: number): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - now) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}

/**
 * Sort a reply. A 200 must be JSON to be kept. A 400 is the XRPC answer to this very query
 * (`NotFound` for a deleted post, `InvalidRequest`), as true as a 200 until the record changes, so
 * it is kept too, normalised to `{error, message}`. Anything else is a failure.
 */
export function outcomeOf(reply: Reply, storedAt: number): Outcome {
  const type = reply.headers.get('content-type') ?? '';
  if (reply.status === 200) {
    if (reply.json === undefined || !/\bjson\b/i.test(type))
      return { failure: failure(502, 'InvalidResponse', 'The upstream host did not answer with JSON.', true) };
    const labelers = reply.headers.get('atproto-content-labelers') ?? undefined;
    return { entry: { status: 200, body: reply.text, type, storedAt, ...(labelers && { labelers }) } };
  }
  const { error, message } = xrpcError(reply);
  if (reply.status === 400) return { entry: { status: 400, body: JSON.stringify({ error, message }), type: 'application/json', storedAt } };
  if (reply.status === 429) return { failure: failure(429, error, message, true, retryAfter(reply.headers, storedAt)) };
  if (reply.status >= 500) return { failure: failure(reply.status, error, message, true) };
  if (reply.status >= 400) return { failure: failure(reply.status, error, message, false) };
  return { failure: failure(502, 'InvalidResponse', `The upstream host answered HTTP ${reply.status}.`, true) };
}

/** GET `url` with only `headers`, and sort the answer. */
export async function ask(options: Exchange, url: string, headers: Record<string, string>, redirect?: RequestRedirect): Promise<Outcome> {
  const reply = await exchange(options, url, { method: 'GET', headers, ...(redirect && { redirect }) });
  return isFailure(reply) ? { failure: reply } : outcomeOf(reply, options.now());
}
