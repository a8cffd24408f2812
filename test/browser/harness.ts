import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
// One Vite dev server (demo + sample AppView) per test file, and the one Chromium the global setup
// started (a file that needs other flags launches its own).

import { inject } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { launch } from '../../scripts/chromium.ts';

/** The shared Chromium, or one of the file's own with `args`; closing it closes what the file opened. */
export function browserFor(args: string[] = []): Promise<Browser> {
  return args.length ? launch(args) : chromium.connect(inject('chromium'));
}

/** http://127.0.0.1:<port> of a server listening on a port of its choosing. */
export function originOf(server: { address(): unknown } | null | undefined): string {
  const address = server?.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? (address as { port: number }).port : 0}`;
}

export interface Harness {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function start(browserArgs: string[] = []): Promise<Harness> {
  const server: ViteDevServer = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1', cors: false }, logLevel: 'warn' });
  await server.listen();
  const origin = originOf(server.httpServer);
  const browser = await browserFor(browserArgs);
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface Preflight {
  path: string;
  /** `Access-Control-Request-Headers`: the headers the request asked to send. */
  headers: string;
}

/**
 * Every CORS preflight the sample AppView has answered. Chromium sends preflights below the page's
 * network events, so a page cannot list them itself.
 */
export async function preflightLog(harness: Harness): Promise<Preflight[]> {
  return (await fetch(`${harness.origin}/sample-log/preflights`)).json() as Promise<Preflight[]>;
}

/** A page that records XRPC requests and page errors; `preflights()` lists those answered since it opened. */
export async function open(harness: Harness, path: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) {
  const page: Page = await harness.browser.newPage({ viewport: { width: options.width ?? 1000, height: 800 }, colorScheme: options.colorScheme ?? 'light' });
  const requests: URL[] = [];
  const errors: string[] = [];
  const before = (await preflightLog(harness)).length;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname.includes('/xrpc/')) requests.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(harness.origin + path);
  const preflights = async () => (await preflightLog(harness)).slice(before);
  return { page, requests, preflights, errors };
}

export const widgetStatus = (page: Page) => page.locator('discuss-thread').getAttribute('status');

export async function waitForStatus(page: Page, status: string) {
  await page.waitForFunction((s) => document.querySelector('discuss-thread')?.getAttribute('status') === s, status, { timeout: 15_000 });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations inside the widget (its shadow root included), or inside what `selector` names. */
export async function serious(p: Page, selector = 'discuss-thread'): Promise<string[]> {
  await p.addScriptTag({ content: AXE });
  const violations = await p.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe;
    const result = await axe.run({ include: [[selector]] }, { resultTypes: ['violations'] });
    return result.violations;
  }, selector);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** How many pixels of two same-sized PNG pictures differ, counted in a page of `harness`'s browser. */
export async function differing(harness: Harness, a: Buffer, b: Buffer): Promise<number> {
  const page = await harness.browser.newPage();
  const count = await page.evaluate(
    async ([one, two]) => {
      const pixels = async (png: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [x, y] = [await pixels(one), await pixels(two)];
      if (x.length !== y.length) return Infinity;
      let n = 0;
      for (let i = 0; i < x.length; i += 4) if (x[i] !== y[i] || x[i + 1] !== y[i + 1] || x[i + 2] !== y[i + 2]) n++;
      return n;
    },
    [a.toString('base64'), b.toString('base64')],
  );
  await page.close();
  return count;
}

/** A strict page's policy: no inline script or style, Trusted Types enforced, Lit's policy allowed. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
];
