import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, preflightLog, start, waitForStatus, type Harness } from './harness.ts';

// A site owner's own moderation, and quotes of their post, in Chromium against the sample AppView:
// the demo page's rules (a spam account, a word, the site's labeler), a hidden post, quotes="off",
// a labeler that does not answer, the preflight the labelers' header costs, and standard.site.
let harness: Harness;
const NEWSWATCH = 'did:plc:epf2kpgsnzndwu2tkz3elxtj';
const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
const fixture = (query: Record<string, string>) => `/test/browser/fixtures/page.html?${new URLSearchParams({ loading: 'eager', ...query })}`;

beforeAll(async () => {
  harness = await start();
});
afterAll(() => harness?.close());

/** The texts on the page, the badges by author, and the summary. */
const seen = (page: import('playwright-core').Page) =>
  page.locator('discuss-thread').evaluate((el) => {
    const root = el.shadowRoot!;
    return {
      texts: [...root.querySelectorAll('article > [part="text"], article > details > [part="text"]')].map((e) => e.textContent!),
      warned: [...root.querySelectorAll('details.warning [part="text"]')].map((e) => e.textContent!),
      quotes: [...root.querySelectorAll('.list > li > article')]
        .filter((article) => [...article.querySelectorAll('.byline .badge')].some((b) => b.textContent === 'Quote'))
        .map((article) => article.querySelector('.byline .name')!.textContent),
      summary: root.querySelector('[part="summary"]')?.textContent ?? '',
    };
  });

describe("the site owner's rules on the demo page", () => {
  it('hide an account, mute a word and apply the site’s labeler; unticked, the page shows what bsky.app shows signed out', async () => {
    const { page, errors } = await open(harness, '/demo/');
    await page.locator('discuss-thread').scrollIntoViewIfNeeded();
    await waitForStatus(page, 'loaded');
    const ruled = await seen(page);
    expect(ruled.texts.length).toBeGreaterThan(15);
    expect(ruled.texts.some((t) => /crypto signals/.test(t))).toBe(false); // hide="cryptodeals.example"
    expect(ruled.texts.some((t) => /IDIOT/.test(t))).toBe(false); // muted-words="idiot"
    expect(ruled.texts.some((t) => /Nobody asked you/.test(t))).toBe(false); // the labeler's `harassment`: hide
    expect(ruled.warned).toEqual(['Heard the block ends tomorrow. Source: trust me.']); // its `unverified`: warn
    // "cry" is not muted, nor is "encryption": the word is whole or not at all.
    expect(ruled.texts.some((t) => /Encryption isn't a luxury/.test(t))).toBe(true);

    await page.locator('#rules').uncheck();
    await page.waitForFunction(() => !document.querySelector('discuss-thread')!.hasAttribute('labelers'));
    await waitForStatus(page, 'loaded');
    await page.waitForFunction(() => /crypto signals/.test(document.querySelector('discuss-thread')!.shadowRoot!.textContent!));
    const open_ = await seen(page);
    for (const pattern of [/crypto signals/, /IDIOT/, /Nobody asked you/]) expect(open_.texts.some((t) => pattern.test(t))).toBe(true);
    expect(open_.warned).toEqual([]); // without the header, the AppView sends no labels of that labeler
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the quotes of the site’s post as marked roots, counted in the summary, and leaves them out with quotes="off"', async () => {
    const { page } = await open(harness, '/demo/');
    await page.locator('discuss-thread').scrollIntoViewIfNeeded();
    await waitForStatus(page, 'loaded');
    const first = await seen(page);
    expect(first.quotes.sort()).toEqual(['Tomás Reyes', 'alex-dev.bsky.social', '이서연'].sort());
    expect(first.summary).toMatch(/^9 posts · 3 quotes · /);
    await page.locator('discuss-thread').evaluate((el) => el.setAttribute('quotes', 'off'));
    await page.waitForFunction(
      () => !/quotes/.test(document.querySelector('discuss-thread')!.shadowRoot!.querySelector('[part="summary"]')?.textContent ?? 'quotes'),
    );
    const off = await seen(page);
    expect(off.quotes).toEqual([]);
    expect(off.summary).toMatch(/^7 posts · /);
    await page.close();
  });

  it('hides a post by its bsky.app URL, with everything under it, and shows its quote as unavailable', async () => {
    const { page } = await open(harness, fixture({ service: '/', 'search-service': '/', 'backlinks-service': '/', post: STORY, hide: STORY }));
    await waitForStatus(page, 'loaded');
    const shown = await seen(page);
    expect(shown.texts.some((t) => t.startsWith('New from me'))).toBe(false);
    expect(shown.texts.some((t) => t.startsWith('Great reporting'))).toBe(false);
    const alex = page.locator('discuss-thread .list > li > article', { hasText: 'Keeping a list' });
    await expect(alex.locator('p.quote').textContent()).resolves.toBe('The quoted post is unavailable.');
    await page.close();
  });
});

describe('labelers over the network', () => {
  it('cost one CORS preflight per AppView request, only when labelers is set', async () => {
    // The page is on 127.0.0.1 and the AppView on localhost: cross-origin, as Bluesky is. Each run
    // has its own path prefix in the sample AppView's log of preflights.
    const api = (tag: string) => harness.origin.replace('127.0.0.1', 'localhost') + `/s/${tag}`;
    const preflighted = async (tag: string) => (await preflightLog(harness)).filter((p) => p.path.startsWith(`/s/${tag}/`));
    const hosts = (tag: string) => ({ service: api(tag), 'search-service': api(tag), 'backlinks-service': 'none', post: STORY });
    const plain = await open(harness, fixture(hosts('plain')));
    await waitForStatus(plain.page, 'loaded');
    expect(plain.requests.length).toBeGreaterThan(3);
    expect(await preflighted('plain')).toEqual([]);
    await plain.page.close();

    const labelled = await open(harness, fixture({ ...hosts('labelled'), labelers: NEWSWATCH }));
    const headers: Record<string, string> = {};
    labelled.page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.includes('/xrpc/')) headers[url.pathname.split('/').pop()!] = request.headers()['atproto-accept-labelers'] ?? '';
    });
    await waitForStatus(labelled.page, 'loaded');
    // Every AppView query but getServices and handle lookups carries the header, and so is preflighted first.
    const gets = labelled.requests.filter((url) => !/getServices|resolveHandle/.test(url.pathname)).map((url) => url.pathname);
    expect(gets.length).toBeGreaterThan(3);
    const pre = await preflighted('labelled');
    expect(pre.map((p) => p.path).sort()).toEqual(gets.sort());
    expect(pre.every((p) => p.headers === 'atproto-accept-labelers')).toBe(true);
    expect(headers['app.bsky.labeler.getServices']).toBe('');
    expect(headers['com.atproto.identity.resolveHandle']).toBe('');
    expect(headers['app.bsky.feed.getPosts']).toBe(`did:plc:ar7c4by46qjdydhdevvrndac;redact, ${NEWSWATCH}`);
    await expect(labelled.page.locator('discuss-thread details.warning').count()).resolves.toBe(1);
    await labelled.page.close();
  });

  it('reports a labeler that does not answer in the load event, with a warning naming the attribute, and hides nothing silently', async () => {
    const warnings: string[] = [];
    const page = await harness.browser.newPage();
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await page.addInitScript(() => {
      document.addEventListener('discuss-thread-load', (e) => ((window as unknown as { loadDetail: unknown }).loadDetail = (e as CustomEvent).detail));
    });
    await page.goto(
      harness.origin +
        fixture({
          service: '/s/labeler-down',
          'search-service': '/s/labeler-down',
          'backlinks-service': 'none',
          post: STORY,
          labelers: `${NEWSWATCH} not-a-did`,
        }),
    );
    await waitForStatus(page, 'loaded');
    const detail = await page.evaluate(() => (window as unknown as { loadDetail: { failures: unknown[] } }).loadDetail);
    expect(detail.failures).toEqual([{ route: 'labeler', kind: 'unavailable', status: 503, labeler: NEWSWATCH }]);
    expect(warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('labelers="not-a-did"'), expect.stringContaining(`labelers: ${NEWSWATCH} did not answer`)]),
    );
    // The labeler's own labels cannot be read: its harassment label hides nothing, and says so above.
    await expect(page.locator('discuss-thread').evaluate((el) => el.shadowRoot!.textContent!.includes('Nobody asked you'))).resolves.toBe(true);
    await page.close();
  });
});

describe('standard.site', () => {
  it('pins the Bluesky post the page’s document names, read from its author’s PDS', async () => {
    const did = 'did:plc:docdocdocdocdocdocdocdoc';
    const page = await harness.browser.newPage();
    const asked: string[] = [];
    // plc.directory and the PDS are the real hosts' addresses, answered here (no network in tests).
    await page.route('https://plc.directory/**', (route) => {
      asked.push(route.request().url());
      return route.fulfill({
        json: { id: did, service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: 'https://pds.example' }] },
        headers: { 'access-control-allow-origin': '*' },
      });
    });
    await page.route('https://pds.example/**', (route) => {
      asked.push(route.request().url());
      const story = 'at://did:plc:sw7fivsls5jd6l344ydke56c/app.bsky.feed.post/3m6aaa2story';
      return route.fulfill({
        json: {
          uri: `at://${did}/site.standard.document/3mdoc`,
          value: { title: 'Story', site: 'https://news.example', publishedAt: '2026-11-27T00:00:00.000Z', bskyPostRef: { uri: story, cid: 'bafyrei' } },
        },
        headers: { 'access-control-allow-origin': '*' },
      });
    });
    await page.goto(
      harness.origin +
        fixture({ service: '/', 'search-service': '/s/empty', 'backlinks-service': 'none', document: `at://${did}/site.standard.document/3mdoc` }),
    );
    await waitForStatus(page, 'loaded');
    await expect(page.locator('discuss-thread .list > li > article [part="text"]').first().textContent()).resolves.toMatch(/^New from me/);
    expect(asked.map((url) => new URL(url).origin)).toEqual(['https://plc.directory', 'https://pds.example']);
    await page.close();
  });
});
