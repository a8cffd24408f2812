// <discuss-count> and the count behind it: the posts that link an article, from the backlink index's
// `/links/all` (the sample AppView stands in for Constellation), in the reader's language, asked for
// only near the viewport, a page's counts together.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { countPosts } from '../../src/count/count.ts';
import { countDiscussion } from '../../src/server/count.ts';
import { ARTICLE, HOSTILE_ARTICLE } from '../../demo/appview/sample.ts';
import { json, ORIGIN, sampleRoute, stubFetch } from './helpers.ts';

/** The stand-in IntersectionObserver the module makes at load: the test says what comes near. */
const watched = new Set<Element>();
let callback: IntersectionObserverCallback;
let margin: string | undefined;
const near = (...targets: Element[]) =>
  callback(
    targets.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry),
    {} as IntersectionObserver,
  );

let commentsText: (n: number, lang: string) => string;
beforeAll(async () => {
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(cb: IntersectionObserverCallback, options?: IntersectionObserverInit) {
        [callback, margin] = [cb, options?.rootMargin];
      }
      observe = (target: Element) => watched.add(target);
      unobserve = (target: Element) => watched.delete(target);
    },
  );
  ({ commentsText } = await import('../../src/count/index.ts'));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
});

const fetchOf = (route = sampleRoute) => (async (input: string | URL | Request, init?: RequestInit) => route(new URL(String(input)), init)) as typeof fetch;

function counts(attributes: Array<Record<string, string>>) {
  return attributes.map((attrs) => {
    const el = document.createElement('discuss-count');
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    el.textContent = 'Comments';
    document.body.append(el);
    return el;
  });
}

/** Until every element shows a count (or the test's own condition). */
const shown = (els: Element[]) => vi.waitFor(() => expect(els.every((el) => el.querySelector('a'))).toBe(true));

describe('the count', () => {
  it('is the posts that link the article, by any spelling, a post linking by its card and its text counted once', async () => {
    expect(await countPosts(ARTICLE, ORIGIN, fetchOf())).toBe(6);
    expect(await countPosts(HOSTILE_ARTICLE, ORIGIN, fetchOf())).toBeGreaterThan(0);
    expect(await countPosts('https://news.example/nothing-here', ORIGIN, fetchOf())).toBe(0);
    // Two spellings: one linked 3 times by card and 4 by text (the larger: 4), the other 2 by card.
    const answers: Record<string, object> = {
      'https://news.example/a': { '.embed.external.uri': { records: 3 }, '.facets[].features[app.bsky.richtext.facet#link].uri': { records: 4 } },
      'https://news.example/a/': { '.embed.media.external.uri': { records: 2 }, '.embed.external.uri': { records: 'many' } },
    };
    const route = async (url: URL) =>
      json({ links: { 'app.bsky.feed.post': answers[url.searchParams.get('target')!], 'app.bsky.feed.like': { '.subject.uri': { records: 99 } } } });
    expect(await countPosts('https://news.example/a', ORIGIN, fetchOf(route))).toBe(6);
    await expect(
      countPosts(
        ARTICLE,
        ORIGIN,
        fetchOf(async () => new Response('down', { status: 503 })),
      ),
    ).rejects.toThrow(/503/);
    // The server's countDiscussion says the same number.
    expect(await countDiscussion({ url: ARTICLE, backlinksService: ORIGIN, fetch: fetchOf() })).toBe(6);
  });

  it('reads as the reader’s language writes a count', () => {
    expect([commentsText(1, 'en'), commentsText(1234, 'en'), commentsText(0, 'fr'), commentsText(1, 'fr'), commentsText(2, 'fr')]).toEqual([
      '1 comment',
      '1,234 comments',
      '0 commentaire',
      '1 commentaire',
      '2 commentaires',
    ]);
    expect([1, 3, 5, 21].map((n) => commentsText(n, 'ru'))).toEqual(['1 комментарий', '3 комментария', '5 комментариев', '21 комментарий']);
    expect([commentsText(12, 'ja'), commentsText(12, 'ko'), commentsText(12, 'zh-hant')]).toEqual(['コメント12件', '댓글 12개', '12則留言']);
  });
});

describe('<discuss-count>', () => {
  it('asks nothing until near the viewport, then counts the page’s articles together, each article once', async () => {
    const { calls } = stubFetch(sampleRoute);
    document.documentElement.lang = 'en';
    const els = counts([
      { url: ARTICLE, 'backlinks-service': ORIGIN },
      { url: ARTICLE, 'backlinks-service': ORIGIN },
      { url: HOSTILE_ARTICLE, 'backlinks-service': ORIGIN },
    ]);
    expect(margin).toBe('800px 0px');
    expect([...watched]).toEqual(els);
    expect(calls).toHaveLength(0);
    near(...els);
    await shown(els);
    // Two spellings of each of the two articles: four requests for three elements.
    expect(calls.map(({ url }) => url.pathname)).toEqual(Array(4).fill('/links/all'));
    const link = els[0].querySelector('a')!;
    expect([link.textContent, link.getAttribute('href')]).toEqual(['6 comments', `${ARTICLE}#discuss-thread`]);
    expect(els[0].textContent).toBe('6 comments'); // the site's fallback replaced
  });

  it('asks the site’s worker once for a page of counts, and links where the site says', async () => {
    const { calls } = stubFetch(async (url) => json({ counts: Object.fromEntries(url.searchParams.getAll('url').map((u, i) => [u, i + 1])) }));
    const els = counts([
      { url: '/a', service: '/bsky', lang: 'de' },
      { url: '/b', service: '/bsky', href: '/b#comments' },
    ]);
    near(...els);
    await shown(els);
    expect(calls).toHaveLength(1);
    expect(calls[0].url.pathname).toBe('/bsky/counts');
    expect(calls[0].url.searchParams.getAll('url')).toEqual([new URL('/a', document.baseURI).href, new URL('/b', document.baseURI).href]);
    expect(els.map((el) => [el.textContent, el.querySelector('a')!.getAttribute('href')])).toEqual([
      ['1 Kommentar', `${new URL('/a', document.baseURI).href}#discuss-thread`],
      ['2 comments', '/b#comments'],
    ]);
  });

  it('counts a `url` given after it joined the page, and takes properties a framework sets without throwing', async () => {
    const { calls } = stubFetch(sampleRoute);
    const [late] = counts([{ 'backlinks-service': ORIGIN, lang: 'constructor' }]);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(watched.has(late)).toBe(false);
    Object.assign(late, { url: 'ignored', service: 'ignored' }); // as React 19 sets props it does not know as properties
    late.setAttribute('url', ARTICLE);
    expect(watched.has(late)).toBe(true);
    near(late);
    await shown([late]);
    expect(late.textContent).toBe('6 comments'); // a `lang` that names no language: English
    late.remove();
    document.body.append(late); // moved: counted already
    expect(watched.has(late)).toBe(false);
    expect(calls).toHaveLength(2);
  });

  it('keeps what the site wrote when the count cannot be had, and says why; without `url`, asks nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { calls } = stubFetch(async () => new Response('down', { status: 503 }));
    const [bare] = counts([{}]);
    expect(watched.has(bare)).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/give `url`/));
    const [down] = counts([{ url: ARTICLE }]);
    near(down);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2));
    expect(warn.mock.calls[1][0]).toMatch(/could not be counted/);
    expect(down.textContent).toBe('Comments');
    expect(calls.length).toBeGreaterThan(0);
  });
});
