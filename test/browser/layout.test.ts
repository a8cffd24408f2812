import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, start, waitForStatus, type Harness } from './harness.ts';
import { DEEP_ARTICLE } from '../../demo/appview/sample.ts';

// A chain of 100 replies at every allowed depth: replies indent a few levels, then line up, so no
// post is pushed off the page or squeezed below a readable column.
let harness: Harness;

beforeAll(async () => {
  harness = await start();
});
afterAll(() => harness?.close());

describe('the demo discussion on a phone', () => {
  it.each([360, 1280])('at %i px: every post’s byline, text and embeds fit inside the widget; names and handles stay on one line', async (width) => {
    const { page } = await open(harness, '/demo/', { width });
    await page.locator('discuss-thread').scrollIntoViewIfNeeded();
    await waitForStatus(page, 'loaded');
    const layout = await page.evaluate(() => {
      const root = document.querySelector('discuss-thread')!.shadowRoot!;
      const host = root.host.getBoundingClientRect();
      const parts = [...root.querySelectorAll('article.post > *, article.post .byline > *')];
      const lines = (el: Element) =>
        el.getClientRects().length && Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight || '24'));
      return {
        clipped: parts.filter((part) => part.getBoundingClientRect().right > host.right + 0.5).map((p) => p.className),
        // A name, handle or time laid over two lines is taller than one line of text.
        broken: [...root.querySelectorAll('.name, .handle, .time, .badge')].filter((el) => (lines(el) as number) > 1).map((el) => el.textContent),
      };
    });
    expect(layout.clipped).toEqual([]);
    expect(layout.broken).toEqual([]);
    await page.close();
  });
});

describe('deep threads', () => {
  it.each([
    [20, 360],
    [100, 360],
    [100, 1280],
  ])('depth %i at %i px: no overflow, every post at least 200 px wide', async (depth, width) => {
    const query = `loading=eager&service=/&search-service=/&depth=${depth}&url=${encodeURIComponent(DEEP_ARTICLE)}`;
    const { page, errors } = await open(harness, `/test/browser/fixtures/page.html?${query}`, { width });
    await waitForStatus(page, 'loaded');
    // The first view holds 40 replies; open the rest in place until the whole chain is on the page.
    const count = () => page.locator('discuss-thread article.post').count();
    while ((await count()) < depth + 1) {
      const before = await count();
      // Clicked from script: posts off screen are sized as they come into view, so a pointer would aim at a moving target.
      await page.evaluate(() => [...document.querySelector('discuss-thread')!.shadowRoot!.querySelectorAll<HTMLElement>('.more > button')].at(-1)!.click());
      await page.waitForFunction((n) => document.querySelector('discuss-thread')!.shadowRoot!.querySelectorAll('article.post').length > n, before);
    }
    const layout = await page.evaluate(() => {
      const root = document.querySelector('discuss-thread')!.shadowRoot!;
      const posts = [...root.querySelectorAll('article.post')].map((post) => post.getBoundingClientRect());
      // Anything wider than its post would be cut off (posts contain their paint): bylines, text, cards.
      const host = root.host.getBoundingClientRect();
      const clipped = [...root.querySelectorAll('article.post > *')].filter((part) => part.getBoundingClientRect().right > host.right + 0.5).length;
      return {
        clipped,
        posts: posts.length,
        narrowest: Math.min(...posts.map((r) => r.width)),
        pastRight: posts.filter((r) => r.right > document.documentElement.clientWidth + 0.5).length,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    expect(layout.posts).toBe(depth + 1);
    expect(layout.overflow).toBe(0);
    expect(layout.pastRight).toBe(0);
    expect(layout.clipped).toBe(0);
    expect(layout.narrowest).toBeGreaterThanOrEqual(200);
    expect(errors).toEqual([]);
    await page.close();
  });
});
