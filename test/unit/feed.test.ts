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
    const hostile = post({
      author: alice,
      rkey: '3kfeedhostile',
      createdAt: '2026-11-27T10:00:00.000Z',
      text: ['\u0000<script>alert("x")</script> & \u001b\uFFFEok ', { link: ARTICLE }],
    });
    const warned = post({
      author: alice,
      rkey: '3kfeedwarned',
      createdAt: '2026-11-27T11:00:00.000Z',
      text: ['GRAPHIC WORDS ', { link: ARTICLE }],
      labels: [{ src: BSKY_LABELER, val: '!warn' }],
    });
    const undated = post({ author: alice, rkey: '3kfeedundated', createdAt: 'yesterday', text: ['no date ', { link: ARTICLE }] });
    const xml = await feed(
      {},
      xrpcRoutes({
        'app.bsky.feed.searchPosts': { posts: [hostile, warned, undated] },
        'app.bsky.feed.getPostThread': (q: URLSearchParams) => threadView({ post: [hostile, warned, undated].find((p) => p.uri === q.get('uri'))! }, 6),
      }),
    );
    const entries = read(xml).entries!;
    expect(xml).not.toMatch(/<script|<b>/);
    expect(entries.map((entry) => entry.authors![0].name)).toEqual(['Alice <b>&amp;</b>', 'Alice <b>&amp;</b>', 'Alice <b>&amp;</b>']);
    expect(entries[0].content).toEqual({ type: 'text', value: 'Content warning' });
    expect(xml).not.toContain('GRAPHIC WORDS');
    expect(entries[1].content?.value).toBe(`<script>alert("x")</script> & ok ${ARTICLE}`);
    // A post whose date is not one comes last, dated as the feed was made, with no `published`.
    expect(entries[2].content?.value).toContain('no date');
    expect(entries[2].published).toBeUndefined();
  });

  it('holds at most `entries` posts, the newest', async () => {
    const all = read(await feed({ post: STORY })).entries!;
    const three = read(await feed({ post: STORY, entries: 3 })).entries!;
    expect(three.map((entry) => entry.id)).toEqual(all.slice(0, 3).map((entry) => entry.id));
  });
});
