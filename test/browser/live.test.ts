import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, WebSocket } from 'playwright-core';
import { open, serious, start, waitForStatus, type Harness } from './harness.ts';
import { MUTED, SPAMMER, sample } from '../../demo/appview/sample.ts';
import type { LogEntry, NewPost } from '../../demo/appview/live.ts';

// `live` in Chromium, against the dev server's stand-in Spacedust (demo/appview/live.ts), which
// announces each post created at the sample AppView as Spacedust announces a new record's links.

let harness: Harness;
let stream: string;

beforeAll(async () => {
  harness = await start();
  stream = `${harness.origin.replace('http:', 'ws:')}/spacedust`;
});
afterAll(() => harness?.close());

const ROOTS = sample('').trees.map((tree) => tree.post.uri);

const page = (attributes: Record<string, string>) =>
  `/test/browser/fixtures/page.html?${new URLSearchParams({ loading: 'eager', service: '/', 'search-service': '/', ...attributes })}`;

async function create(post: NewPost): Promise<string> {
  const response = await fetch(`${harness.origin}/sample-live/posts`, { method: 'POST', body: JSON.stringify(post) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { uri: string }).uri;
}

const log = async () => (await (await fetch(`${harness.origin}/sample-live/log`)).json()) as LogEntry[];
/** How many sockets the stand-in has seen open (or close) since it started. */
const seen = async (event: LogEntry['event']) => (await log()).filter((entry) => entry.event === event).length;

/** A page of the widget with `attributes`, on screen, once its socket is open at the stand-in. */
async function listening(attributes: Record<string, string>) {
  const opened = await seen('open');
  const opening = await open(harness, page({ live: '', 'live-service': stream, ...attributes }));
  await waitForStatus(opening.page, 'loaded');
  await expect.poll(() => seen('open')).toBe(opened + 1);
  return opening;
}
const news = (p: Page) => p.locator('discuss-thread [part~="news"]');
/** Sockets the page opened to the stand-in stream. */
function sockets(p: Page) {
  const opened: WebSocket[] = [];
  p.on('websocket', (ws) => ws.url().includes('/spacedust') && opened.push(ws));
  return opened;
}

describe('live', () => {
  it('shows a reply created after load behind "1 new reply" within seconds, where it belongs; pressing shows it, focused', async () => {
    const { page: p, errors } = await listening({});
    const uri = await create({ text: 'Posted while you read', parent: ROOTS[0], author: 'latecomer' });
    await news(p).first().waitFor({ timeout: 10_000 });
    expect(await news(p).allTextContents()).toEqual(['1 new reply']);
    expect(await p.locator(`discuss-thread article[data-uri="${uri}"]`).count()).toBe(0); // nothing moved
    await news(p).first().click();
    const post = p.locator(`discuss-thread article[data-uri="${uri}"]`);
    await post.waitFor();
    expect(await post.evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await post.textContent()).toContain('Posted while you read');
    expect(await serious(p)).toEqual([]);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('never shows a muted word or a hidden account, whose posts the stream announces all the same', async () => {
    const { page: p } = await listening({ 'muted-words': MUTED, hide: SPAMMER });
    await create({ text: `Only an ${MUTED} would say that`, parent: ROOTS[1] });
    await create({ text: 'Cheap signals here', parent: ROOTS[1], author: SPAMMER });
    const good = await create({ text: 'Measured and kind', parent: ROOTS[1] });
    await news(p).first().waitFor({ timeout: 10_000 });
    expect(await news(p).allTextContents()).toEqual(['1 new reply']);
    await news(p).first().click();
    await p.locator(`discuss-thread article[data-uri="${good}"]`).waitFor();
    const text = await p.locator('discuss-thread').evaluate((el) => el.shadowRoot!.textContent!);
    expect(text).not.toContain(MUTED);
    expect(text).not.toContain('Cheap signals here');
    await p.close();
  });

  it('opens no socket without `live`, before the widget activates, or while the page is hidden', async () => {
    const plain = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const none = sockets(plain);
    await plain.goto(harness.origin + page({ 'live-service': stream }));
    await waitForStatus(plain, 'loaded');
    await plain.locator('discuss-thread').scrollIntoViewIfNeeded();
    await create({ text: 'Nobody listens for this', parent: ROOTS[2] });
    const lazy = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const below = sockets(lazy);
    await lazy.goto(harness.origin + page({ live: '', 'live-service': stream, loading: 'lazy', spacer: '' }));
    expect(await lazy.locator('discuss-thread').getAttribute('status')).toBe('idle');
    expect(below).toEqual([]);
    await lazy.locator('discuss-thread').scrollIntoViewIfNeeded();
    await expect.poll(() => below.length).toBe(1);
    // Hidden: the socket closes; visible again, one opens.
    await lazy.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => below[0].isClosed()).toBe(true);
    await lazy.evaluate(() => {
      delete (document as { visibilityState?: unknown }).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => below.length).toBe(2);
    expect(none).toEqual([]);
    expect(await news(plain).count()).toBe(0);
    await plain.close();
    await lazy.close();
  });

  it('polls once a minute when a strict page’s CSP refuses the socket, and finds what was posted', async () => {
    const p = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const requests: string[] = [];
    p.on('request', (request) => request.url().includes('searchPosts') && requests.push(request.url()));
    const blocked: string[] = [];
    p.on('console', (message) => /Content Security Policy/.test(message.text()) && message.text().includes('/spacedust') && blocked.push(message.text()));
    // Requests to the page's own origin only; the stream is asked for at another (localhost, not 127.0.0.1).
    await p.route(`${harness.origin}/test/browser/fixtures/page.html*`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': `connect-src ${harness.origin}` } });
    });
    await p.clock.install();
    await p.goto(harness.origin + page({ live: '', 'live-service': stream.replace('127.0.0.1', 'localhost') }));
    await waitForStatus(p, 'loaded');
    await p.locator('discuss-thread').scrollIntoViewIfNeeded();
    await expect.poll(() => blocked.length).toBeGreaterThan(0);
    expect(blocked[0]).toContain('ws://localhost');
    const searched = requests.length;
    const uri = await create({ text: 'Heard by the poll', parent: ROOTS[3], silent: true });
    await p.clock.fastForward('00:30');
    expect(requests.length).toBe(searched); // not yet: once a minute
    await p.clock.fastForward('00:31');
    await news(p).first().waitFor({ timeout: 10_000 });
    expect(requests.length).toBe(searched + 1);
    expect(await news(p).allTextContents()).toEqual(['1 new reply']);
    await news(p).first().click();
    await p.locator(`discuss-thread article[data-uri="${uri}"]`).waitFor();
    await p.close();
  });
});
