import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { sampleAppView } from '../../demo/appview/server.ts';
import { listen } from '../build/workerd.ts';
import { buildSites, eleventyShortcode } from '../recipes/build-steps.ts';
import { ARTICLE, STORY } from '../recipes/static-recipes.ts';
import { browserFor, originOf } from './harness.ts';

// Every recipe in docs/recipes/, tried in Chromium: the static-site outputs, React 19, Vue, Svelte
// and Astro apps that import the package by name, each against the sample AppView; and the pages
// of the recipes that render the discussion at build time (Astro, Hugo, Jekyll, Eleventy), built
// against it first.
let server: ViteDevServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  // The rendered recipes ask the sample AppView while the sites build, over HTTP as a build would.
  const sample = sampleAppView();
  const appview = await listen((request, response) => sample(request, response, () => response.writeHead(404).end()));
  try {
    await Promise.all([
      promisify(execFile)('npx', ['astro', 'build', '--root', 'test/recipes/astro', '--silent'], {
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SAMPLE_APPVIEW: appview.origin },
      }),
      buildSites(appview.origin),
    ]);
  } finally {
    await appview.close();
  }
  server = await createServer({ configFile: 'test/recipes/vite.config.ts', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  origin = originOf(server.httpServer);
  browser = await browserFor();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function tryRecipe(path: string) {
  const page = await browser.newPage();
  const errors: string[] = [];
  const logs: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => logs.push(message.text()));
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => document.querySelector('discuss-thread')?.getAttribute('status') === 'loaded', null, { timeout: 20_000 });
  const authors = await page.locator('discuss-thread .list > li > article > .byline .name').allTextContents();
  await page.close();
  return { authors, errors, logs };
}

describe('recipes', () => {
  it.each(['plain', 'hugo', 'jekyll', 'wordpress'])('%s: the rendered include loads the discussion', async (name) => {
    const { authors, errors } = await tryRecipe(`/static/${name}?service=/`);
    expect(errors).toEqual([]);
    expect(authors.length).toBeGreaterThan(0);
    // The pinned story first, and the quotes of it with the posts linking the article.
    if (name !== 'plain') expect([authors[0], authors.length]).toEqual(['Mina Park', 9]);
  });

  it.each([
    ['React 19', '/react.html'],
    ['Vue', '/vue.html'],
    ['Svelte', '/svelte.html'],
  ])('%s: the component renders the widget and hears its load event', async (_, path) => {
    const { authors, errors, logs } = await tryRecipe(`${path}?service=/`);
    expect(errors).toEqual([]);
    expect(authors[0]).toBe('Mina Park');
    expect(authors).toHaveLength(9); // the story, the six other posts linking it, two quotes of the story
    expect(logs).toContain('posts: 9');
  });

  it.each([
    ['Astro', '/astro/dist/rendered/'],
    ['Hugo', '/static/hugo/rendered'],
    ['Jekyll', '/static/jekyll/rendered'],
    ['Eleventy', '/static/eleventy/rendered'],
  ])('%s, rendered at build time: the discussion is in the HTML, and the element takes it over asking nothing', async (_, path) => {
    const unscripted = await browser.newContext({ javaScriptEnabled: false });
    const html = await unscripted.newPage();
    await html.goto(`${origin}${path}`);
    const names = () => html.locator('discuss-thread .list > li > article > .byline .name').allTextContents();
    const inHtml = await names();
    await unscripted.close();
    expect(inHtml[0]).toBe('Mina Park');
    expect(inHtml).toHaveLength(9); // the story, the six other posts linking it, two quotes of the story
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (request) => request.url().includes('/xrpc/') && asked.push(request.url()));
    await page.goto(`${origin}${path}`);
    // Taken over: the server's stylesheet element gives way to the element's own rendering.
    await page.waitForFunction(() => customElements.get('discuss-thread') && !document.querySelector('discuss-thread')!.shadowRoot!.querySelector('style'));
    expect(await page.locator('discuss-thread .list > li > article > .byline .name').allTextContents()).toEqual(inHtml);
    expect(asked).toEqual([]);
    await page.close();
  });

  it('Eleventy: the shortcode gives the widget, to load in the browser, when Bluesky does not answer the build', async () => {
    const failing = `${origin}/s/error`; // the sample AppView, answering every query with a 500
    const html = await eleventyShortcode({ service: failing, searchService: failing, backlinksService: failing });
    expect(html).toContain(
      `<discuss-thread url="${ARTICLE}" post="${STORY}" lang="en"><a href="https://bsky.app/search?q=${encodeURIComponent(ARTICLE)}">Discuss on Bluesky</a></discuss-thread>`,
    );
  });

  it('Astro: the built page loads the widget bundled by Astro', async () => {
    const { authors, errors } = await tryRecipe('/astro/dist/');
    expect(errors).toEqual([]);
    // Its pinned story first, then the quotes of it (the recipe's search finds nothing else).
    expect(authors).toEqual(['Mina Park', 'Tomás Reyes', 'alex-dev.bsky.social', '이서연']);
  });
});
