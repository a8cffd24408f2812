// @vitest-environment node
// renderFeed: the discussion as an Atom feed, read back by a feed parser (feedsmith) after an XML
// parser has found it well formed, and checked against what RFC 4287 requires of a feed and its
// entries, which a forgiving parser need not enforce.
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed } from 'feedsmith';
import { renderFeed, type FeedOptions } from '../../src/server/index.ts';
import { ARTICLE, ARTICLE_TITLE } from '../../demo/appview/sample.ts';
import { actor, post, threadView } from '../../demo/appview/build.ts';
import { BSKY_LABELER } from '../../src/bluesky/moderation.ts';
import { ORIGIN, expectModerated, sampleRoute, xrpcRoutes, type Route } from './helpers.ts';

const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
const SELF = 'https://news.example/bsky/feed?url=' + encodeURIComponent(ARTICLE);
const asFetch = (route: Route): typeof fetch =>
  (async (input: string | URL | Request, init?: RequestInit) => route(new URL(String(input)), init)) as typeof fetch;

const feed = (options: Partial<FeedOptions> = {}, route: Route = sampleRoute) =>
  renderFeed({ url: ARTICLE, service: ORIGIN, searchService: ORIGIN, backlinksService: 'none', ...options, fetch: asFetch(route) });

/** RFC 3339, as Atom's date constructs must be. */
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

/** Well formed, an Atom feed, and what RFC 4287 requires of it; the parsed feed. */
function read(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = parseAtomFeed(xml);
  expect(parsed.id).toBeTruthy();
  expect(parsed.title?.value).toBeTruthy();
  expect(parsed.updated).toMatch(RFC3339);
  for (const entry of parsed.entries ?? []) {
    // With no author on the feed, every entry names its own (4.1.1); id, title and updated always (4.1.2).
    expect(entry.id).toMatch(/^https:\/\/bsky\.app\/profile\/did:[a-z]+:[\w.:%-]+\/post\/\w+$/);
    expect(entry.title?.value).toBeTruthy();
    expect(entry.updated).toMatch(RFC3339);
    expect(entry.authors?.[0]?.name).toBeTruthy();
    expect(entry.links?.find((link) => link.rel === 'alternate')?.href).toMatch(/^https:\/\/bsky\.app\/profile\//);
  }
  return parsed;
}

describe('renderFeed', () => {
  it('is an Atom feed of every post of the discussion, newest first, replies naming the post they answer', async () => {
    const parsed = read(await feed({ post: STORY, title: ARTICLE_TITLE, self: SELF }));
    expect(parsed.title).toEqual({ type: 'text', value: `Comments: ${ARTICLE_TITLE}` });
    expect(parsed.links).toEqual(
      expect.arrayContaining([expect.objectContaining({ rel: 'alternate', href: ARTICLE }), expect.objectContaining({ rel: 'self', href: SELF })]),
    );
    const entries = parsed.entries!;
    expect(entries.length).toBeGreaterThan(10);
    const times = entries.map((entry) => Date.parse(entry.published!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(parsed.updated).toBe(entries[0].updated);
    expect(entries.some((entry) => entry.authors?.[0]?.name === 'Mina Park' && entry.content?.value?.includes('Norvia'))).toBe(true);
    // Each reply's parent is an entry of the feed.
    const ids = new Set(entries.map((entry) => entry.id));
    const replies = entries.filter((entry) => entry.thr?.inReplyTos?.length);
    expect(replies.length).toBeGreaterThan(5);
    for (const entry of replies) expect(ids.has(entry.thr!.inReplyTos![0].ref)).toBe(true);
  });

  it('holds nothing the widget would hide: bsky.app’s signed-out rules and the site owner’s', async () => {
    await expectModerated(async (options) => {
      const xml = await feed(options);
      read(xml);
      return xml;
    });
  });

  it('keeps a hostile post as text, drops what XML cannot carry, and says only that a post is behind a warning', async () => {
    const alice = actor('alice', 'Alice <b>&amp;</b>');
    const spec = (rkey: string, createdAt: string, words: string, extra = {}) =>
      post({ author: alice, rkey, createdAt, text: [words, { link: ARTICLE }], ...extra });
    const posts = [
      spec('3kfeedhostile', '2026-11-27T10:00:00.000Z', '\u0000<script>alert("x")</script> & \u001b\uFFFE\uD800ok ', { langs: ['en US"<x>'] }),
      spec('3kfeedwarned', '2026-11-27T11:00:00.000Z', 'GRAPHIC WORDS ', { labels: [{ src: BSKY_LABELER, val: '!warn' }], langs: ['de'] }),
      spec('3kfeedundated', 'yesterday', 'no date '),
      spec('3kfeedfar', '+010000-01-01T00:00:00.000Z', 'year ten thousand '),
      spec('3kfeedfuture', '2099-01-01T00:00:00.000Z', 'from the future ', { langs: ['pt-BR'] }),
    ];
    const before = Date.now();
    const xml = await feed(
      { url: `${ARTICLE}#comments` },
      xrpcRoutes({
        'app.bsky.feed.searchPosts': { posts },
        'app.bsky.feed.getPostThread': (q: URLSearchParams) => threadView({ post: posts.find((p) => p.uri === q.get('uri'))! }, 6),
      }),
    );
    const parsed = read(xml);
    const entries = parsed.entries!;
    expect(parsed.id).toBe(`${ARTICLE}#discuss-thread`); // the article's own fragment left out: one IRI
    expect(xml).not.toMatch(/<script|<b>/);
    expect(entries.map((entry) => entry.authors![0].name)).toEqual(Array(5).fill('Alice <b>&amp;</b>'));
    const first = entries.map((entry) => entry.content?.value?.split(' ')[0]);
    expect([...first.slice(0, 3), ...first.slice(3).sort()]).toEqual(['from', 'Content', '<script>alert("x")</script>', 'no', 'year']);
    // A date in the future is the feed's making, so it dates neither the entry nor the feed past now.
    expect(Date.parse(entries[0].published!)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(entries[0].published!)).toBeLessThanOrEqual(Date.now());
    expect(parsed.updated).toBe(entries[0].published);
    expect(xml).toContain('<content type="text" xml:lang="pt-BR">from the future');
    // Behind a warning: its reason, in the feed's language, not the post's, and not its words.
    expect(entries[1].content).toEqual({ type: 'text', value: 'Content warning' });
    expect(xml).not.toContain('GRAPHIC WORDS');
    expect(xml).not.toContain('xml:lang="de"');
    // Characters XML cannot carry dropped; a language that is not a tag's shape left out.
    expect(entries[2].content?.value).toBe(`<script>alert("x")</script> & ok ${ARTICLE}`);
    expect(xml).not.toMatch(/xml:lang="en US/);
    // Posts whose dates are not dates (or not four-digit years) come last, with no `published`.
    expect(entries.slice(3).map((entry) => entry.published)).toEqual([undefined, undefined]);
  });

  it('holds at most `entries` posts, the newest', async () => {
    const all = read(await feed({ post: STORY })).entries!;
    const three = read(await feed({ post: STORY, entries: 3 })).entries!;
    expect(three.map((entry) => entry.id)).toEqual(all.slice(0, 3).map((entry) => entry.id));
  });
});
