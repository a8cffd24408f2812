import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, start, waitForStatus, widgetStatus, type Harness } from './harness.ts';

// The built dist/discuss-thread.js on a plain page, fed by the sample AppView.
let harness: Harness;
const page = (query: string) => `/test/browser/fixtures/page.html?${query}`;

beforeAll(async () => {
  harness = await start();
});
afterAll(() => harness?.close());

describe('dist/discuss-thread.js', () => {
  it('goes searching → loaded and shows the posts in order', async () => {
    const { page: p, errors } = await open(harness, page('service=/s/slow&search-service=/s/slow&loading=eager&sort=oldest'));
    await waitForStatus(p, 'searching');
    await waitForStatus(p, 'loaded');
    const authors = await p.locator('discuss-thread .list > li > article > .byline .name').allTextContents();
    expect(authors).toEqual(['Mina Park', '김지우', 'Lena Ivanova 🛰️', 'alex-dev.bsky.social', 'Rosa Martín', '박현', 'Sam Okafor']);
    const first = p.locator('discuss-thread .list > li').first();
    await expect(first.locator(':scope > article time').first().locator('xpath=..').getAttribute('href')).resolves.toBe(
      'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story',
    );
    expect(errors).toEqual([]);
    await p.close();
  });

  it('shows the error, then loads on "Try again"', async () => {
    const flaky = `/s/flaky-${Date.now()}`;
    const { page: p } = await open(harness, page(`service=${flaky}&search-service=${flaky}&loading=eager`));
    await waitForStatus(p, 'error');
    await expect(p.locator('discuss-thread [part="status"]').textContent()).resolves.toContain('could not be loaded');
    await expect(p.locator('discuss-thread .fallback').isVisible()).resolves.toBe(true);
    await p.locator('discuss-thread [part="retry"]').click();
    await waitForStatus(p, 'loaded');
    expect(await p.locator('discuss-thread .list > li').count()).toBe(7);
    await p.close();
  });

  it('invites the reader to start when nothing is found', async () => {
    const { page: p } = await open(harness, page('service=/s/empty&search-service=/s/empty&loading=eager'));
    await waitForStatus(p, 'empty');
    await expect(p.locator('discuss-thread [part="status"]').textContent()).resolves.toContain('Start the conversation');
    await expect(p.locator('discuss-thread [part="compose"]').isVisible()).resolves.toBe(true);
    await p.close();
  });

  it('sends no request until the reader scrolls near it', async () => {
    const { page: p, requests } = await open(harness, page('service=/&search-service=/&spacer=1'));
    // Observers hear of an element in the order they were made: once this one, made after the
    // widget's, has had its first answer, the widget has had its own and acted on it.
    await p.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const observer = new IntersectionObserver(() => (observer.disconnect(), resolve()));
          observer.observe(document.querySelector('discuss-thread')!);
        }),
    );
    expect(await widgetStatus(p)).toBe('idle');
    // A request the page sends now is logged after any the widget sent before it.
    const sentinel = p.waitForRequest((request) => request.url().endsWith('/xrpc/sentinel'));
    await p.evaluate(() => fetch('/xrpc/sentinel').catch(() => {}));
    await sentinel;
    expect(requests.map((url) => url.pathname)).toEqual(['/xrpc/sentinel']);
    await p.mouse.wheel(0, 4000);
    await waitForStatus(p, 'loaded');
    expect(requests.length).toBeGreaterThan(1);
    await p.close();
  });
});
