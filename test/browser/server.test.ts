import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { differing, serious, start, waitForStatus, type Harness } from './harness.ts';
import { ARTICLE, ARTICLE_TITLE } from '../../demo/appview/sample.ts';
import { renderDiscussion, type RenderOptions } from '../../src/server/index.ts';

// A page whose discussion the server rendered (discuss-thread/server), as its readers get it: with
// and without JavaScript, fresh and stale, with broken data, beside a widget that loads itself.
let harness: Harness;

beforeAll(async () => {
  harness = await start();
});
afterAll(() => harness?.close());

const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';

/** The server's element for the sample discussion, asking the sample AppView over HTTP as a server would. */
const rendered = (options: Partial<RenderOptions> = {}) =>
  renderDiscussion({
    url: ARTICLE,
    post: STORY,
    service: harness.origin,
    searchService: harness.origin,
    backlinksService: harness.origin,
    lang: 'en',
    ...options,
  });

const article = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${ARTICLE_TITLE}</title>${head}</head>` +
  `<body style="margin: 0 auto; max-width: 42rem; padding: 1rem"><h1>${ARTICLE_TITLE}</h1>${body}<p id="after">The article goes on.</p></body></html>`;

/** A page at `path` on the test server holding `html`, with its XRPC requests recorded; the widget's code not loaded yet. */
async function serve(html: string, options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark'; width?: number } = {}) {
  const context = await harness.browser.newContext({
    viewport: { width: options.width ?? 1000, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const warnings: string[] = [];
  page.on('request', (request) => request.url().includes('/xrpc/') && requests.push(new URL(request.url()).pathname.split('/').pop()!));
  page.on('console', (message) => message.text().startsWith('<discuss-thread>') && warnings.push(message.text()));
  await page.route(`${harness.origin}/article.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  if (options.javaScriptEnabled !== false)
    await page.addInitScript(() => {
      const shifts: number[] = ((window as unknown as { shifts: number[] }).shifts = []);
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => shifts.push((entry as unknown as { value: number }).value))).observe({
        type: 'layout-shift',
        buffered: true,
      });
    });
  await page.goto(`${harness.origin}/article.html`);
  return { page, requests, warnings, close: () => context.close() };
}

/** Every image in view has arrived (so two screenshots differ only if the page did). */
const imagesSettled = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('discuss-thread')].every((host) =>
      [...(host.shadowRoot?.querySelectorAll('img') ?? [])].every((img) => img.complete || img.getBoundingClientRect().top > innerHeight),
    ),
  );

/** The widget's code arrives, as a module script at the end of the page. */
async function upgrade(page: Page) {
  await page.addScriptTag({ type: 'module', url: '/src/index.ts' });
  await page.waitForFunction(() => customElements.get('discuss-thread'));
}

/** The server's markup has given way to the element's own rendering (its stylesheet element is gone). */
const takenOver = (page: Page) =>
  page.waitForFunction(
    () => [...document.querySelectorAll('discuss-thread')].every((host) => host.shadowRoot && !host.shadowRoot.querySelector('style')),
    undefined,
    {
      timeout: 15_000,
    },
  );

/** Pixels two pictures of an unchanged page may differ by: anti-aliasing at a corner or two, never a word or a box (900,000 in all). */
const MAX_DIFFERING = 200;

const names = (page: Page) => page.locator('discuss-thread article .byline .name').allTextContents();

describe('a server-rendered discussion', () => {
  it('is taken over with nothing on screen changing: no layout shift, and no request while its data is fresh', async () => {
    const { page, requests, warnings, close } = await serve(article(await rendered()));
    await imagesSettled(page);
    // The controls that need the element's code (the order, "Sign in") are kept invisible in their
    // place until it runs: they are the one thing allowed to appear, masked in both pictures.
    const controls = () => ({ mask: [page.locator('discuss-thread .order, discuss-thread button')] });
    const before = await page.screenshot(controls());
    const hidden = () => page.locator('discuss-thread .order').evaluate((el) => getComputedStyle(el).visibility);
    expect(await hidden()).toBe('hidden');
    const shown = await names(page);
    expect(shown.length).toBeGreaterThan(5);
    await upgrade(page);
    await takenOver(page);
    await waitForStatus(page, 'loaded');
    await imagesSettled(page);
    expect(await differing(harness, before, await page.screenshot(controls()))).toBeLessThan(MAX_DIFFERING);
    expect(await hidden()).toBe('visible');
    expect(await names(page)).toEqual(shown);
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
    expect(requests).toEqual([]);
    expect(warnings).toEqual([]);
    await close();
  });

  it('older than its ttl, is shown at once and refreshed in the background, in place', async () => {
    const { page, requests, close } = await serve(article(await rendered({ ttl: 0 })));
    const shown = await names(page);
    // "loaded" twice: for what the server rendered, at once, then for the fresh copy.
    const loads = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let count = 0;
          document.addEventListener('discuss-thread-load', () => ++count === 2 && resolve(count));
        }),
    );
    await upgrade(page);
    await takenOver(page);
    expect(await loads).toBe(2);
    expect(requests).toContain('app.bsky.feed.getPostThread');
    expect(await names(page)).toEqual(shown);
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
    await close();
  });

  it.each(['light', 'dark'] as const)(
    'reads without JavaScript, %s: every post, name, link, picture and count, and Discuss on Bluesky',
    async (colorScheme) => {
      const html = await rendered();
      const reference = await serve(article(html));
      const expected = await names(reference.page);
      await reference.close();
      const { page, close } = await serve(article(html), { javaScriptEnabled: false, colorScheme });
      expect(await names(page)).toEqual(expected);
      const facts = await page.locator('discuss-thread').evaluate((host) => {
        const root = host.shadowRoot!;
        const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        return {
          compose: root.querySelector<HTMLAnchorElement>('[part=compose]')?.href,
          summary: root.querySelector('[part=summary]')?.textContent,
          pictures: [...root.querySelectorAll('img')].map((img) => img.getAttribute('alt') !== null),
          links: [...root.querySelectorAll('article a')].filter(visible).length,
          buttons: [...root.querySelectorAll('button')].filter(visible).length,
          stats: [...root.querySelectorAll('[part=stats]')].map((el) => el.textContent!.replace(/\s+/g, ' ').trim()),
        };
      });
      expect(facts.compose).toMatch(/^https:\/\/bsky\.app\/intent\/compose\?text=/);
      expect(facts.summary).toMatch(/\d+ posts · .*\d+ replies · \d+ likes/);
      expect(facts.pictures.every(Boolean)).toBe(true);
      expect(facts.links).toBeGreaterThan(expected.length * 2);
      expect(facts.buttons).toBe(0); // none that would do nothing
      expect(facts.stats.some((text) => /\d+ likes/.test(text))).toBe(true);
      await close();
      // axe needs a script of its own: on a page where the widget's code never runs, it is what a reader without it sees.
      const unscripted = await serve(article(html), { colorScheme });
      expect(await serious(unscripted.page)).toEqual([]);
      await unscripted.close();
    },
  );

  it.each([
    ['not JSON', (html: string) => html.replace(/(data-discussion>)\{/, '$1{{')],
    ['not a discussion', (html: string) => html.replace(/\}<\/script>/, ',"discussion":{"threads":7}}</script>')],
    ['rendered for other attributes', (html: string) => html.replace('"key":"', '"key":"x')],
  ])('with data %s, warns and loads the discussion as a plain widget would', async (_, spoil) => {
    const broken = spoil(await rendered());
    const { page, requests, warnings, close } = await serve(article(broken));
    await upgrade(page);
    await waitForStatus(page, 'loaded');
    await takenOver(page);
    expect(requests).toContain('app.bsky.feed.searchPosts');
    expect(warnings.some((text) => text.includes('server-rendered discussion could not be read'))).toBe(true);
    expect((await names(page)).length).toBeGreaterThan(5);
    await close();
  });

  it('sits beside a widget that loads itself, on one page', async () => {
    const plain = `<discuss-thread loading="eager" url="${ARTICLE}" post="${STORY}" service="${harness.origin}" search-service="${harness.origin}" backlinks-service="${harness.origin}"></discuss-thread>`;
    const { page, requests, close } = await serve(article(`${await rendered()}<hr>${plain}`));
    await upgrade(page);
    await page.waitForFunction(() => [...document.querySelectorAll('discuss-thread')].every((el) => el.getAttribute('status') === 'loaded'));
    await takenOver(page);
    const [server, client] = await page
      .locator('discuss-thread')
      .evaluateAll((hosts) => hosts.map((host) => host.shadowRoot!.querySelectorAll('article').length));
    expect(server).toBe(client);
    expect(requests.filter((name) => name === 'app.bsky.feed.searchPosts')).toHaveLength(1); // the plain one's
    await close();
  });
});
