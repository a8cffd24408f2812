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

  // The name row: one line; the handle shows at least six characters ("@" and six) or none at all,
  // never a stub like "@…"; nothing but the usual gap between what shows and the "·" before the time.
  it.each([
    [360, 'light', 'en'],
    [360, 'dark', 'ko'],
    [768, 'light', 'ko'],
    [1280, 'dark', 'en'],
  ] as const)('at %i px, %s, %s: each name row is one line, with six characters of handle or none, and no gap before “·”', async (width, colorScheme, lang) => {
    const { page } = await open(harness, `/demo/?lang=${lang}`, { width, colorScheme });
    await page.locator('discuss-thread').scrollIntoViewIfNeeded();
    await waitForStatus(page, 'loaded');
    const rows = await page.locator('discuss-thread').evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll('.byline > .line')].map((line) => {
        const box = line.getBoundingClientRect();
        const handle = line.querySelector('.handle')!;
        const shown = handle.getBoundingClientRect();
        // The clip is the handle's row: whatever of the handle lies outside it is not seen.
        const row = line.querySelector('.rest')!.getBoundingClientRect();
        const visible = shown.top >= row.bottom || shown.bottom <= row.top ? 0 : Math.max(0, Math.min(shown.right, row.right) - Math.max(shown.left, row.left));
        // The width "@" and six characters of this handle take, as drawn.
        const text = handle.firstChild as Text;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, Math.min(text.length, 7));
        const six = range.getBoundingClientRect().width;
        const dot = line.querySelector('.meta > [aria-hidden="true"]')!.getBoundingClientRect();
        const before = visible ? shown.right : line.querySelector('.author')!.getBoundingClientRect().right;
        const em = parseFloat(getComputedStyle(line).fontSize);
        return {
          text: handle.textContent!,
          oneLine: box.height < 1.6 * parseFloat(getComputedStyle(line).lineHeight),
          handle: visible === 0 ? 'none' : visible >= six - 0.5 ? 'six or more' : `a stub of ${visible} px`,
          gap: (dot.left - before) / em <= 0.5 || line.querySelector('.badge') !== null,
        };
      }),
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row).toEqual({ text: row.text, oneLine: true, handle: expect.stringMatching(/^(none|six or more)$/), gap: true });
    if (width === 1280) expect(rows.every((row) => row.handle === 'six or more')).toBe(true); // room for every handle
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
