import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, serious, start, type Harness } from './harness.ts';
import { ARTICLE, HOSTILE_ARTICLE } from '../../demo/appview/sample.ts';

// <discuss-count> in Chromium, as an index page has it: the count in each item's language, linked to
// the discussion, asked for only near the viewport, each article once.
let harness: Harness;
beforeAll(async () => {
  harness = await start();
});
afterAll(() => harness?.close());

describe('<discuss-count>', () => {
  it('shows the counts near the viewport in the page’s languages, and asks nothing for one far below until it nears', async () => {
    const { page, errors } = await open(harness, '/test/browser/fixtures/counts.html', { width: 360 });
    // Every request the page made, from its resource timing (none is missed by listening late).
    const asked = async () =>
      ((await page.evaluate(`performance.getEntriesByType('resource').map((r) => r.name)`)) as string[])
        .map((name) => new URL(name))
        .filter((url) => url.pathname === '/links/all')
        .map((url) => url.searchParams.get('target')!);
    await page.waitForFunction(`[...document.querySelectorAll('discuss-count')].slice(0, 2).every((el) => el.querySelector('a'))`);
    const links = await page.locator('discuss-count a').evaluateAll((els) => els.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      ['6 comments', `${ARTICLE}#discuss-thread`],
      ['댓글 6개', `${ARTICLE}#discuss-thread`],
    ]);
    expect((await asked()).filter((target) => target.startsWith(ARTICLE))).toHaveLength(2); // two elements, one article
    expect((await asked()).filter((target) => target.startsWith(HOSTILE_ARTICLE))).toEqual([]);
    await page.locator('discuss-count').last().scrollIntoViewIfNeeded();
    await page.waitForFunction(`document.querySelectorAll('discuss-count a').length === 3`);
    expect((await asked()).filter((target) => target.startsWith(HOSTILE_ARTICLE))).toHaveLength(2);
    expect(await serious(page, 'discuss-count')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
