import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, start, waitForStatus, type Harness } from './harness.ts';

// The built file, when Bluesky refuses search, and on a hostile thread.
let harness: Harness;
const page = (query: string) => `/test/browser/fixtures/page.html?loading=eager&${query}`;

beforeAll(async () => {
  harness = await start();
});
afterAll(() => harness?.close());

describe('when search is refused', () => {
  it('finds the discussion through the backlink index, even when the refusal has no CORS headers', async () => {
    // The page is on 127.0.0.1; search on localhost is cross-origin, and answers 403 without CORS.
    const search = harness.origin.replace('127.0.0.1', 'localhost') + '/s/search403,nocors';
    const { page: p, errors, preflights } = await open(harness, page(`service=/&search-service=${encodeURIComponent(search)}&backlinks-service=/`));
    const failed = p.evaluate(
      () => new Promise((resolve) => document.addEventListener('discuss-thread-load', (e) => resolve((e as CustomEvent).detail.failures), { once: true })),
    );
    await waitForStatus(p, 'loaded');
    expect(await failed).toEqual([{ route: 'search', kind: 'network' }]);
    expect(await p.locator('discuss-thread .list > li').count()).toBe(6);
    expect(errors).toEqual([]);
    expect(await preflights()).toEqual([]);
    await p.close();
  });

  it('with author set and the backlink index down, finds the author’s posts in their feed', async () => {
    const host = '/s/search403,backlinks-down';
    const { page: p, requests } = await open(harness, page(`service=${host}&search-service=${host}&backlinks-service=${host}&author=minapark.news.example`));
    await waitForStatus(p, 'loaded');
    const authors = await p.locator('discuss-thread .list > li > article > .byline .name').allTextContents();
    expect(authors).toEqual(['Mina Park']);
    expect(requests.some((url) => url.pathname.endsWith('getAuthorFeed'))).toBe(true);
    await p.close();
  });
});

describe('a hostile, labelled and partly hidden thread', () => {
  it('shows nothing bsky.app hides from a signed-out reader and makes no hostile link', async () => {
    const url = encodeURIComponent('https://news.example/opinion/2026/11/27/moderation-test');
    const { page: p, errors } = await open(harness, page(`service=/&search-service=/&url=${url}`));
    await p.evaluate(() => ((window as unknown as { alerted: boolean }).alerted = false));
    await p.evaluate(() => (window.alert = () => ((window as unknown as { alerted: boolean }).alerted = true)));
    await waitForStatus(p, 'loaded');
    const text = await p.locator('discuss-thread').evaluate((el) => el.shadowRoot!.textContent!);
    for (const hidden of ['HIDDEN-BY-AUTHOR', 'NO-UNAUTH', 'PORN-LABELLED', 'BSKY-HIDDEN', 'PRIVATE PERSON']) expect(text).not.toContain(hidden);
    expect(text).toContain('OTHER-LABELER reply');
    expect(text).toContain('<script>alert("x")</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    const urls = await p
      .locator('discuss-thread')
      .evaluate((el) => [...el.shadowRoot!.querySelectorAll('[href], [src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')));
    expect(urls.every((u) => /^https?:\/\//.test(u!))).toBe(true);
    // The warned post's media stays closed until the reader opens the warning.
    const warning = p.locator('discuss-thread details.warning');
    await expect(warning.locator('img[alt="WARNED-IMAGE"]').isVisible()).resolves.toBe(false);
    await warning.locator('summary').click();
    await expect(warning.locator('img[alt="WARNED-IMAGE"]').isVisible()).resolves.toBe(true);
    expect(await p.locator('discuss-thread p.quote').allTextContents()).toEqual(['The quoted post is unavailable.', 'The quoted post is unavailable.']);
    expect(await p.evaluate(() => (window as unknown as { alerted: boolean }).alerted)).toBe(false);
    expect(errors).toEqual([]);
    await p.close();
  });
});
