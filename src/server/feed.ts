// discuss-thread/server's `renderFeed`: the discussion about an article as an Atom feed (RFC 4287),
// newest first, so readers and editors can follow it in a feed reader. The same discovery,
// moderation and site-owner rules as the element, through the same loader: the feed never holds a
// post the widget would hide. Replies name the post they answer (RFC 4685, Atom threading). Text
// only: a post's words are escaped as text, never markup, and characters XML cannot carry are
// dropped.

import { readInputs } from '../inputs.ts';
import { loadDiscussion } from '../bluesky/discussion.ts';
import type { Post, ThreadNode } from '../bluesky/model.ts';
import { warner } from '../bluesky/warn.ts';
import { VERSION } from '../bluesky/version.ts';
import { loadMessages, pickLanguage } from '../i18n/messages.ts';
import { viewMessages } from '../i18n/view.ts';
import { reason } from '../templates/reason.ts';
import { profileUrl } from '../bluesky/links.ts';
import type { RenderOptions } from './render.ts';

export interface FeedOptions extends Omit<RenderOptions, 'ttl' | 'nonce' | 'stylesheet' | 'theme' | 'loading' | 'headingLevel' | 'clientId'> {
  /** The feed's own address, for its `rel="self"` link (feed readers follow it when the feed moves). */
  self?: string;
  /** At most this many entries, the newest. @default 50 */
  entries?: number;
}

export const FEED_DEFAULTS = { entries: 50, maxEntries: 500 } as const;

/** XML 1.0 text: markup escaped, and the characters it cannot carry at all (controls, lone surrogates, U+FFFE/F) dropped. */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * A post's time, for Atom's dates (RFC 3339, four-digit years): a post's `createdAt` is the poster's
 * to write, so one that is not a date is undefined, and one in the future is `now` (it cannot date
 * the feed, or sort first, past what has happened).
 */
function timeOf(value: string, now: number): number | undefined {
  const time = Date.parse(value);
  if (!Number.isFinite(time) || !/^\d{4}-/.test(new Date(time).toISOString())) return undefined;
  return Math.min(time, now);
}

/** An `xml:lang` value: a language tag's shape (BCP 47), or nothing. */
const LANGUAGE = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** A post's permanent address: by DID, which outlives a handle. */
const idOf = (uri: string) => {
  const [, did, , rkey] = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri) ?? [];
  return did ? `https://bsky.app/profile/${did}/post/${rkey}` : uri;
};

interface Item {
  post: Post;
  /** Its time (see timeOf), in ms. */
  time?: number;
  /** The post it answers, when that is in the discussion too. */
  parent?: Post;
}

/** Every post of the discussion once: the threads loaded (roots and their replies), then the roots still pending. */
function items(threads: readonly ThreadNode[], pending: readonly Post[]): Item[] {
  const out: Item[] = [];
  const seen = new Set<string>();
  const walk = (node: ThreadNode, parent?: Post) => {
    if (seen.has(node.uri)) return;
    seen.add(node.uri);
    out.push({ post: node, parent });
    node.replies.forEach((reply) => walk(reply, node));
  };
  threads.forEach((thread) => walk(thread));
  for (const post of pending)
    if (!seen.has(post.uri)) {
      seen.add(post.uri);
      out.push({ post });
    }
  return out;
}

/** One line of a post, for an entry's title. */
const excerpt = (text: string, max = 100) => {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : characters.join('');
};

function entry({ post, parent, time }: Item, when: string, view: { lang: string; t: Parameters<typeof reason>[1]['t'] }): string {
  const name = post.author.displayName || post.author.handle;
  // Behind a warning on the page, so behind its reason here, in the feed's language: the words stay on Bluesky.
  const words = post.warn ? reason(post.warn, view) : post.text;
  const lang = !post.warn && LANGUAGE.test(post.langs[0] ?? '') ? ` xml:lang="${post.langs[0]}"` : '';
  const line = excerpt(words);
  const title = line ? `${name}: ${line}` : name;
  const published = time === undefined ? undefined : new Date(time).toISOString();
  return [
    '<entry>',
    `<id>${xmlText(idOf(post.uri))}</id>`,
    `<title type="text">${xmlText(title)}</title>`,
    `<link rel="alternate" type="text/html" href="${xmlText(post.url)}"/>`,
    `<author><name>${xmlText(name)}</name><uri>${xmlText(profileUrl(post.author.did, post.author.handle))}</uri></author>`,
    published ? `<published>${published}</published>` : '',
    `<updated>${published ?? when}</updated>`,
    parent ? `<thr:in-reply-to ref="${xmlText(idOf(parent.uri))}" href="${xmlText(parent.url)}" type="text/html"/>` : '',
    words ? `<content type="text"${lang}>${xmlText(words)}</content>` : '',
    '</entry>',
  ].join('');
}

/**
 * The Atom feed of the discussion about `options.url`: its posts and replies, newest first, as the
 * element would show them to a signed-out reader (the same routes, moderation, `hide`,
 * `muted-words`, `labelers` and `filter`). Throws `DiscoveryError` when every route failed.
 */
export async function renderFeed(options: FeedOptions): Promise<string> {
  const page = { baseURI: options.url, href: options.url, title: options.title ?? '', document: options.document };
  // Each thread's first view in `latest` order: its newest replies (10 under the post, 3 under each reply, 40 in all).
  const inputs = readInputs({ ...options, sort: 'latest' }, page, warner());
  const lang = pickLanguage([options.lang]);
  const discussion = await loadDiscussion(inputs, { fetch: options.fetch }, undefined, Infinity);
  const t = viewMessages(await loadMessages(lang));
  const now = Date.now();
  const when = new Date(now).toISOString();
  const max = Math.min(Math.max(1, Math.trunc(options.entries ?? FEED_DEFAULTS.entries)), FEED_DEFAULTS.maxEntries) || FEED_DEFAULTS.entries;
  const newest = items(discussion.threads, discussion.pending)
    .map((item) => ({ ...item, time: timeOf(item.post.createdAt, now) }))
    .sort((a, b) => (b.time ?? -Infinity) - (a.time ?? -Infinity))
    .slice(0, max);
  const updated = newest[0]?.time === undefined ? when : new Date(newest[0].time).toISOString();
  // The article without a fragment: the feed's id is it and one of our own.
  const article = new URL(options.url);
  article.hash = '';
  const title = `${t.heading}: ${options.title || article.href}`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:lang="${xmlText(lang)}">`,
    `<id>${xmlText(`${article.href}#discuss-thread`)}</id>`,
    `<title type="text">${xmlText(title)}</title>`,
    `<updated>${updated}</updated>`,
    `<link rel="alternate" type="text/html" href="${xmlText(article.href)}"/>`,
    options.self ? `<link rel="self" type="application/atom+xml" href="${xmlText(options.self)}"/>` : '',
    `<generator uri="https://www.npmjs.com/package/discuss-thread" version="${VERSION}">discuss-thread</generator>`,
    ...newest.map((item) => entry(item, when, { lang, t })),
    '</feed>',
  ];
  return `${lines.filter((line) => line !== '').join('\n')}\n`;
}
