// @vitest-environment node
// The page renderer's parts, without workerd: what a page and its element say becomes the options
// the element itself would load with; rendered discussions are kept and shared like the proxy's
// answers; the renders' AppView requests are the proxy's own, from its cache. (The whole renderer,
// HTMLRewriter and all, runs in workerd in test/build/worker-render.test.ts.)

import { describe, expect, it } from 'vitest';
import { DiscussThread } from '../../src/element.ts';
import { readInputs, type Attributes } from '../../src/inputs.ts';
import { PageFacts, attributesOf, decodeHtml, pageOptions } from '../../src/worker/page-inputs.ts';
import { ATTRIBUTES, attributeName } from '../../src/server/render.ts';
import { Renders, filledOf } from '../../src/worker/renders.ts';
import { rewrittenHeaders } from '../../src/worker/page.ts';
import { createWorker } from '../../src/worker/site.ts';
import { optionsFromEnv } from '../../src/worker/index.ts';
import type { RenderOptions } from '../../src/server/render.ts';
import { SEARCH, SITE, answering, clock, context, proxyWith, upstream } from './worker-stubs.ts';
import { deferred, type Deferred } from './helpers.ts';

/** An element (or a head element) as the rewriter hands it over: attribute values as written. */
const tag = (attributes: Record<string, string>) => ({ getAttribute: (name: string) => attributes[name] ?? null });

/** The page facts after the rewriter streamed past `head`: [selector, attributes or title text]. */
function facts(href: string, head: Array<[string, Record<string, string> | string]> = []) {
  const page = new PageFacts(href);
  const handlers = new Map(page.handlers());
  for (const [selector, value] of head) {
    const handler = handlers.get(selector)!;
    if (typeof value === 'string') {
      handler.element?.(tag({}) as never);
      handler.text?.({ text: value });
    } else handler.element?.(tag(value) as never);
  }
  return page;
}

/** The load key the element computes in the browser, and the one renderDiscussion computes from the options the worker gives it. */
function keys(attributes: Record<string, string>, page: PageFacts, browser: { canonical?: string; ogUrl?: string; document?: string }) {
  const options = pageOptions(attributesOf(tag(attributes)), page);
  const attrs = attributesOf(tag(attributes)) as Attributes;
  const inBrowser = readInputs(attrs, { baseURI: page.href, href: page.href, title: '', ...browser }, () => {}).key;
  const onServer = readInputs(options as Attributes, { baseURI: options.url, href: options.url, title: '', document: options.document }, () => {}).key;
  return { options, inBrowser, onServer };
}

describe('what a page and its element say', () => {
  it('reads every attribute the element knows, under the name renderDiscussion takes it by', () => {
    const known = Object.entries(DiscussThread.properties).flatMap(([name, declared]) => {
      const { attribute } = declared as { attribute?: string | false };
      return attribute === false || name === 'status' ? [] : [[typeof attribute === 'string' ? attribute : name.toLowerCase(), name]];
    });
    expect(ATTRIBUTES.map((option) => [attributeName(option), option]).sort()).toEqual(known.sort());
  });

  it('gives renderDiscussion the inputs the element loads with in the browser, so it takes the rendered data over', () => {
    const href = 'https://site.example/world/story?utm_source=feed&page=2';
    const cases = [
      { attributes: { service: '/bsky', 'search-service': '/bsky', 'backlinks-service': 'none' }, head: [], browser: {} },
      // The article lives on another host than the page: relative hosts still name the page's site.
      {
        attributes: { service: '/bsky/', post: 'at://did:plc:abc/app.bsky.feed.post/3k', limit: '5', hide: 'spam.example' },
        head: [['link[rel~="canonical"]', { href: 'https://news.example/story#top' }]] as Array<[string, Record<string, string>]>,
        browser: { canonical: 'https://news.example/story#top' },
      },
      {
        attributes: { url: '../other?fbclid=x&amp;id=7', depth: '2' },
        head: [['meta[property="og:url"]', { content: 'https://news.example/og' }]],
        browser: { ogUrl: 'https://news.example/og' },
      },
      {
        attributes: { 'muted-words': 'a, b', labelers: 'did:plc:lab' },
        head: [['link[rel~="site.standard.document"]', { href: 'at://did:plc:x/site.standard.document/1' }]],
        browser: { document: 'at://did:plc:x/site.standard.document/1' },
      },
    ] as const;
    for (const { attributes, head, browser } of cases) {
      const { inBrowser, onServer } = keys(attributes, facts(href, head as never), browser);
      expect(onServer, JSON.stringify(attributes)).toBe(inBrowser);
    }
  });

  it('takes the article from `url`, then the canonical link, then og:url, then the page address without tracking parameters', () => {
    const href = 'https://site.example/a?utm_medium=social&id=1#comments';
    const canonical: [string, Record<string, string>] = ['link[rel~="canonical"]', { href: '/canonical' }];
    const ogUrl: [string, Record<string, string>] = ['meta[property="og:url"]', { content: 'https://site.example/og' }];
    const article = (attributes: Record<string, string>, head: Array<[string, Record<string, string>]>) =>
      pageOptions(attributesOf(tag(attributes)), facts(href, head)).url;
    expect(article({ url: 'https://news.example/x?gclid=1' }, [canonical, ogUrl])).toBe('https://news.example/x');
    expect(article({}, [canonical, ogUrl])).toBe('https://site.example/canonical');
    expect(article({}, [ogUrl])).toBe('https://site.example/og');
    expect(article({}, [])).toBe('https://site.example/a?id=1');
  });

  it('reads values as the browser’s parser does: references decoded, numbers as numbers, the first of each head element', () => {
    expect(decodeHtml('Tom &amp; Jerry &#8212; &#x1F600; &eacute; &lt;b&gt;')).toBe('Tom & Jerry — 😀 &eacute; <b>');
    const page = facts('https://site.example/', [
      ['html', { lang: 'fr' }],
      ['title', 'Un  titre &amp;\n suite'],
      ['title', 'An icon’s title'],
      ['link[rel~="canonical"]', { href: '/first' }],
      ['link[rel~="canonical"]', { href: '/second' }],
    ]);
    const options = pageOptions(attributesOf(tag({ 'compose-text': '{title} &#8212; {url}', 'heading-level': '3' })), page);
    expect(options).toMatchObject({
      url: 'https://site.example/first',
      lang: 'fr',
      title: 'Un titre & suite',
      composeText: '{title} — {url}',
      headingLevel: 3,
    });
    expect(pageOptions(attributesOf(tag({ lang: 'de' })), page).lang).toBe('de');
    const withOg = facts('https://site.example/', [
      ['title', 'Page'],
      ['meta[property="og:title"]', { content: 'Shared &amp; titled' }],
    ]);
    expect(pageOptions({}, withOg).title).toBe('Shared & titled');
  });
});

const ELEMENT = (status: string, at: number) =>
  `<discuss-thread url="a" compose-text="x > y" status="${status}"><template shadowrootmode="open">${at}</template></discuss-thread>`;
const BARE = '<discuss-thread url="a"></discuss-thread>';
const policy = { ttl: 60, staleFor: 600, staleIfError: 3600 };

/** Renders over a renderer the test answers: each call waits for the test to resolve it. */
function rendersWith(options: { wait?: number; staleFor?: number } = {}) {
  const time = clock();
  const ctx = context();
  const calls: Array<{ options: RenderOptions; resolve: (html: string) => void }> = [];
  const arrivals: Array<Deferred<void>> = [];
  const arrival = (n: number) => (arrivals[n] ??= deferred<void>());
  const render = (given: RenderOptions) =>
    new Promise<string>((resolve) => {
      calls.push({ options: given, resolve });
      arrival(calls.length - 1).resolve();
    });
  /** The `n`th render (from 0), once it has been asked for. */
  const asked = async (n: number) => (await arrival(n).promise, calls[n]);
  const renders = new Renders({
    policy: { ...policy, staleFor: options.staleFor ?? policy.staleFor },
    now: time.now,
    wait: options.wait ?? 60_000,
    render,
    stylesheet: '/discuss.css',
  });
  const ask = (() => Promise.reject(new Error('not asked here'))) as typeof fetch;
  const fill = (url = 'https://news.example/a') => renders.fill({ url }, ask, ctx.waitUntil);
  return { time, ctx, calls, asked, fill };
}

describe('rendered discussions', () => {
  it('render once for pages asking together, with the worker’s TTL for the browser, and are kept while fresh', async () => {
    const { calls, asked, fill, time } = rendersWith();
    const pages = [fill(), fill(), fill()];
    await asked(0);
    expect(calls[0].options).toMatchObject({ url: 'https://news.example/a', ttl: 60, stylesheet: '/discuss.css' });
    calls[0].resolve(ELEMENT('loaded', 1));
    expect(calls).toHaveLength(1);
    for (const filled of await Promise.all(pages)) expect(filled).toEqual({ status: 'loaded', inner: '<template shadowrootmode="open">1</template>' });
    time.advance(59);
    expect(await fill()).toMatchObject({ inner: expect.stringContaining('>1<') });
    expect(calls).toHaveLength(1);
  });

  it('serve a stale render at once while one render refreshes it', async () => {
    const { calls, asked, fill, time, ctx } = rendersWith();
    const first = fill();
    (await asked(0)).resolve(ELEMENT('loaded', 1));
    await first;
    time.advance(61);
    expect(await fill()).toMatchObject({ inner: expect.stringContaining('>1<') });
    expect(calls).toHaveLength(2);
    calls[1].resolve(ELEMENT('loaded', 2));
    await ctx.settled();
    expect(await fill()).toMatchObject({ inner: expect.stringContaining('>2<') });
  });

  it('give nothing when the discussion could not be loaded, unless an earlier render can stand in', async () => {
    const { asked, fill, time } = rendersWith({ staleFor: 0 });
    const none = fill('https://news.example/none');
    (await asked(0)).resolve(BARE);
    expect(await none).toBeUndefined();
    const good = fill();
    (await asked(1)).resolve(ELEMENT('empty', 1));
    expect(await good).toMatchObject({ status: 'empty' });
    time.advance(61);
    const later = fill();
    (await asked(2)).resolve(BARE);
    expect(await later).toMatchObject({ status: 'empty', inner: expect.stringContaining('>1<') });
  });

  it('let a page go on without a render that takes longer than the wait, and give it to the next page', async () => {
    const { calls, fill, ctx } = rendersWith({ wait: 0 });
    expect(await fill()).toBeUndefined();
    calls[0].resolve(ELEMENT('loaded', 1));
    await ctx.settled();
    expect(await fill()).toMatchObject({ status: 'loaded' });
    expect(calls).toHaveLength(1);
  });

  it('read the status and inside of renderDiscussion’s element, and nothing from its bare one', () => {
    expect(filledOf(ELEMENT('loaded', 3))).toEqual({ status: 'loaded', inner: '<template shadowrootmode="open">3</template>' });
    expect(filledOf(BARE)).toBeUndefined();
  });
});

describe('the proxy’s local fetch, for renders', () => {
  it('answers the proxy’s routes from its cache, on the site’s mount and on its upstream hosts, shared with readers’ widgets', async () => {
    const up = answering();
    const { proxy, get, ctx } = proxyWith(up.fetch);
    const local = proxy.local(SITE, ctx);
    const query = new URL(SEARCH).search;
    expect((await local(SEARCH)).status).toBe(200);
    expect((await local(`https://api.bsky.app/xrpc/app.bsky.feed.searchPosts${query}`)).headers.get('x-cache')).toBe('hit');
    expect((await get(SEARCH)).headers.get('x-cache')).toBe('hit');
    expect(up.calls).toHaveLength(1);
  });

  it('sends anything else out as upstream requests go, and gives up at once when the render does', async () => {
    const up = upstream();
    const { proxy, ctx } = proxyWith(up.fetch);
    const local = proxy.local(SITE, ctx);
    const outside = local('https://plc.directory/did:plc:abc', { redirect: 'error' });
    const call = await up.asked(1);
    expect(call.url.href).toBe('https://plc.directory/did:plc:abc');
    expect(call.init.redirect).toBe('error');
    call.answer(new Response('{}'));
    expect((await outside).status).toBe(200);

    const controller = new AbortController();
    const pending = local(SEARCH, { signal: controller.signal });
    const search = await up.asked(2);
    controller.abort(new Error('the render gave up'));
    await expect(pending).rejects.toThrow('the render gave up');
    search.answer(); // the request itself goes on, for the cache
    await ctx.settled();
  });
});

describe('the page renderer’s setup', () => {
  it('keeps the origin’s headers but its length, and weakens a strong validator the new body no longer matches', () => {
    const headers = rewrittenHeaders(new Headers({ 'content-type': 'text/html', 'content-length': '120', etag: '"abc"', 'cache-control': 'max-age=60' }));
    expect(Object.fromEntries(headers)).toEqual({ 'content-type': 'text/html', etag: 'W/"abc"', 'cache-control': 'max-age=60' });
    expect(rewrittenHeaders(new Headers({ etag: 'W/"abc"' })).get('etag')).toBe('W/"abc"');
  });

  it('turns on with RENDER=on, and says what is missing when it cannot render', () => {
    expect(optionsFromEnv({ RENDER: 'on', RENDER_TIMEOUT: '1500' })).toMatchObject({ render: true, renderTimeout: 1500 });
    expect(optionsFromEnv({ RENDER: 'off' }).render).toBeUndefined();
    expect(() => createWorker({ render: true })).toThrow(/needs an HTMLRewriter/);
    expect(() => createWorker({ render: true, prefix: '/', HTMLRewriter: class {} as never })).toThrow(/under a prefix/);
  });
});
