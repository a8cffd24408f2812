// The pinned posts' requests, sent as soon as discovery knows their `at://` addresses rather than
// after getPosts has answered: their threads and quotes then arrive with the posts, one round trip
// sooner, as a widget given one post and no discovery would have them. The discussion code asks
// the same addresses when it reads them.

import { dropEarly, sendEarly, xrpcUrl } from './http.ts';

/** The parameters of a thread's getPostThread: `depth` levels of replies, no parents. */
export const threadParams = (uri: string, depth: number) => ({ uri, depth, parentHeight: 0 });
export const threadUrl = (service: string, uri: string, depth: number) => xrpcUrl(service, 'app.bsky.feed.getPostThread', threadParams(uri, depth));

/** One page of a post's quotes (`app.bsky.feed.getQuotes`). */
export const QUOTES_MAX = 100;
export const quotesParams = (uri: string) => ({ uri, limit: QUOTES_MAX });
const quotesUrl = (service: string, uri: string) => xrpcUrl(service, 'app.bsky.feed.getQuotes', quotesParams(uri));

/**
 * The threads at the widget's `depth` (a thread's first view asks no less, unless the post has more
 * replies than that view shows: see `settleEarly`) and the quotes (unless `quotes` is off) of these
 * posts. Not with labelers: their requests carry a header, and are sent by the discussion code.
 */
export function sendPinnedEarly(uris: readonly string[], inputs: { service: string; depth: number; quotes?: boolean; labelers?: string | null }): void {
  if (inputs.labelers?.trim()) return;
  for (const uri of uris) {
    if (inputs.depth) sendEarly(threadUrl(inputs.service, uri, inputs.depth));
    if (inputs.quotes !== false) sendEarly(quotesUrl(inputs.service, uri));
  }
}

/** A pinned post that will not be shown (deleted, hidden): its thread and quotes sent early are let go. */
export function letGoEarly(uri: string, service: string, depth: number): void {
  dropEarly(threadUrl(service, uri, depth));
  dropEarly(quotesUrl(service, uri));
}

/** Once a pinned post is read: its thread sent early will not be asked for (no replies, or too many for a first view at `depth`), so let it go. */
export function settleEarly(uri: string, service: string, depth: number, asked: number | undefined): void {
  if (asked !== depth) dropEarly(threadUrl(service, uri, depth));
}
