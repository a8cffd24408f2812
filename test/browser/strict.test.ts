import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STRICT_CSP, start, type Harness } from './harness.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { renderDiscussion, stylesheet } from '../../src/server/index.ts';

// The built file on a strict page: a CSP without 'unsafe-inline' (so no inline style attribute may
// render) that enforces Trusted Types for Lit's policy only, with the file loaded twice under two
// addresses. Pages and scripts are served here so that nothing else (no dev-server client) runs.
let harness: Harness;

beforeAll(async () => {
  harness = await start();
});
afterAll(() => harness?.close());

const CSP = STRICT_CSP.join('; ');

// A classic script, so it runs before the modules: it records every violation the page reports.
const RECORD = `window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));`;

const PAGE = (copies: number) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict page</title>
<script src="/strict/record.js"></script>
${Array.from({ length: copies }, (_, i) => `<script type="module" src="/strict/${i}/discuss-thread.js"></script>`).join('\n')}
</head><body><main>
<discuss-thread loading="eager" service="/" search-service="/" url="${ARTICLE}" sort="oldest"><p>Discuss this article on Bluesky.</p></discuss-thread>
</main></body></html>`;

async function strictPage(copies: number): Promise<{ page: Page; errors: string[] }> {
  const page = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const headers = (type: string) => ({ 'content-type': type, 'content-security-policy': CSP });
  await page.route(`${harness.origin}/strict/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/strict/page.html') return route.fulfill({ body: PAGE(copies), headers: headers('text/html') });
    if (path === '/strict/record.js') return route.fulfill({ body: RECORD, headers: headers('text/javascript') });
    // /strict/<copy>/discuss-thread.js and its chunks, from dist/.
    const file = path.replace(/^\/strict\/\d+\//, 'dist/');
    return route.fulfill({ body: readFileSync(file, 'utf8'), headers: headers('text/javascript') });
  });
  await page.goto(`${harness.origin}/strict/page.html`);
  await page.waitForFunction(() => document.querySelector('discuss-thread')?.getAttribute('status') === 'loaded', null, { timeout: 15_000 });
  return { page, errors };
}

describe('on a page with a strict CSP and Trusted Types', () => {
  it('renders the discussion, the video card included, with no policy violation', async () => {
    const { page, errors } = await strictPage(1);
    expect(await page.locator('discuss-thread .list > li').count()).toBe(7);
    const video = page.locator('discuss-thread .video').first();
    const box = (await video.boundingBox())!;
    // The sample video is 1280×720: the card keeps that shape without an inline style.
    expect(box.height).toBeGreaterThan(0);
    expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
    expect(await page.locator('discuss-thread').evaluate((el) => el.shadowRoot!.querySelectorAll('[style]').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays quiet when the CDN file is loaded twice under two addresses', async () => {
    const { page, errors } = await strictPage(2);
    expect(await page.locator('discuss-thread .list > li').count()).toBe(7);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a server-rendered discussion on a strict page', () => {
  const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';

  /** The page with the server's element, with or without the widget's code; its policy allows the style by nonce, or a stylesheet from its origin. */
  async function renderedPage(way: 'nonce' | 'stylesheet', scripted: boolean) {
    const nonce = 'r4nd0m';
    const element = await renderDiscussion({
      url: ARTICLE,
      post: STORY,
      lang: 'en',
      ...{ service: harness.origin, searchService: harness.origin, backlinksService: harness.origin },
      ...(way === 'nonce' ? { nonce } : { stylesheet: '/strict/discuss-thread.css' }),
    });
    const csp = STRICT_CSP.map((d) => (way === 'nonce' && d.startsWith('style-src') ? `${d} 'nonce-${nonce}'` : d)).join('; ');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict page</title><script src="/strict/record.js"></script>
      ${scripted ? '<script type="module" src="/strict/0/discuss-thread.js"></script>' : ''}</head><body><main>${element}</main></body></html>`;
    const page = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const asked: string[] = [];
    page.on('request', (request) => request.url().includes('/xrpc/') && asked.push(request.url()));
    await page.route(`${harness.origin}/strict/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const body =
        path === '/strict/page.html'
          ? html
          : path === '/strict/record.js'
            ? RECORD
            : path === '/strict/discuss-thread.css'
              ? stylesheet()
              : readFileSync(path.replace(/^\/strict\/\d+\//, 'dist/'), 'utf8');
      const type = path.endsWith('.html') ? 'text/html' : path.endsWith('.css') ? 'text/css' : 'text/javascript';
      return route.fulfill({ body, headers: { 'content-type': type, 'content-security-policy': csp } });
    });
    await page.goto(`${harness.origin}/strict/page.html`);
    return { page, asked };
  }

  const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  const layout = (page: Page) =>
    page
      .locator('discuss-thread article')
      .first()
      .evaluate((el) => getComputedStyle(el).display);

  it.each(['nonce', 'stylesheet'] as const)('is styled by its %s before any code runs, and taken over with no request, with no violation', async (way) => {
    const before = await renderedPage(way, false);
    expect(await layout(before.page)).toBe('grid'); // the posts' stylesheet applies: not raw markup
    expect(await violations(before.page)).toEqual([]);
    await before.page.close();
    const { page, asked } = await renderedPage(way, true);
    await page.waitForFunction(
      () => customElements.get('discuss-thread') && !document.querySelector('discuss-thread')!.shadowRoot!.querySelector('style, link'),
    );
    expect(await layout(page)).toBe('grid');
    expect(asked).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
