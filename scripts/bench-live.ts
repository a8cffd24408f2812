// `live` (issue 20 §1), for `npm run bench -- live`, on the dev server's sample AppView and stand-in
// Spacedust (demo/appview/live.ts): the time from a reply's creation at the stand-in to its "1 new
// reply" button on the page (loopback, and the AppView 50 ms away), and what a live widget left
// open for an hour asks: with the socket (quiet, and with a reply every minute) and without one (the
// stream down: retries and polls). The hour passes on Playwright's fake clock, a minute a step.

import type { Page } from 'playwright-core';
import type { Harness } from '../test/browser/harness.ts';
import { sample } from '../demo/appview/sample.ts';
import { median } from './bench-cold.ts';

const RUNS = 7;
const ROOT = sample('').trees[0].post.uri;

export interface LiveResult {
  /** ms from the POST that creates a reply to its button on the page (median of RUNS). */
  toButtonMs: { loopback: number; rtt50: number };
  hour: Array<{ mode: string; sockets: number; requests: number; byMethod: Record<string, number> }>;
}

const page = (harness: Harness, stream: string, service = '/') =>
  `${harness.origin}/test/browser/fixtures/page.html?${new URLSearchParams({ loading: 'eager', service, 'search-service': service, live: '', 'live-service': stream })}`;

const create = (harness: Harness, text: string) =>
  fetch(`${harness.origin}/sample-live/posts`, { method: 'POST', body: JSON.stringify({ text, parent: ROOT, author: 'bench' }) });

async function loaded(tab: Page) {
  await tab.waitForFunction(() => document.querySelector('discuss-thread')?.getAttribute('status') === 'loaded');
  await tab.locator('discuss-thread').scrollIntoViewIfNeeded();
}

const buttons = (tab: Page) => tab.evaluate(() => document.querySelector('discuss-thread')!.shadowRoot!.querySelectorAll('[part~="news"]').length);

/** Creation → button, once: a fresh page, its socket open, then one reply. */
async function toButton(harness: Harness, stream: string, service: string): Promise<number> {
  const tab = await harness.browser.newPage({ viewport: { width: 360, height: 800 } });
  try {
    const open = new Promise<void>((resolve) => tab.on('websocket', (ws) => ws.url().includes('/spacedust') && resolve()));
    await tab.goto(page(harness, stream, service));
    await loaded(tab);
    await open;
    await new Promise((resolve) => setTimeout(resolve, 200)); // the socket's subscription in place at the stand-in
    const start = Date.now();
    await create(harness, 'Timed reply');
    await tab.waitForFunction(() => document.querySelector('discuss-thread')!.shadowRoot!.querySelector('[part~="news"]'), undefined, { polling: 'raf' });
    return Date.now() - start;
  } finally {
    await tab.close();
  }
}

/** An hour of a live page on the fake clock: the sockets it opened and the XRPC requests it sent after loading. */
async function hour(harness: Harness, stream: string, replyEveryMinute: boolean) {
  const tab = await harness.browser.newPage({ viewport: { width: 360, height: 800 } });
  try {
    let sockets = 0;
    let counting = false;
    const methods: string[] = [];
    tab.on('websocket', (ws) => ws.url().includes('/spacedust') && sockets++);
    tab.on('request', (request) => counting && request.url().includes('/xrpc/') && methods.push(new URL(request.url()).pathname.split('/').pop()!));
    await tab.clock.install();
    await tab.goto(page(harness, stream));
    await loaded(tab);
    counting = true;
    for (let minute = 0; minute < 60; minute++) {
      if (replyEveryMinute) await create(harness, `Reply at minute ${minute}`);
      await new Promise((resolve) => setTimeout(resolve, 150)); // the stream's message, and any request, on their way
      await tab.clock.fastForward(60_000);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    if (replyEveryMinute && !(await buttons(tab))) throw new Error('the replies never showed');
    const byMethod: Record<string, number> = {};
    for (const method of methods) byMethod[method] = (byMethod[method] ?? 0) + 1;
    return { sockets, requests: methods.length, byMethod };
  } finally {
    await tab.close();
  }
}

export async function liveBench(harness: Harness): Promise<LiveResult> {
  const stream = `${harness.origin.replace('http:', 'ws:')}/spacedust`;
  const loopback: number[] = [];
  const rtt: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    loopback.push(await toButton(harness, stream, '/'));
    rtt.push(await toButton(harness, stream, '/s/rtt'));
  }
  return {
    toButtonMs: { loopback: median(loopback), rtt50: median(rtt) },
    hour: [
      { mode: 'socket, nothing new', ...(await hour(harness, stream, false)) },
      { mode: 'socket, a reply a minute', ...(await hour(harness, stream, true)) },
      { mode: 'no socket (stream down): retries, and polls', ...(await hour(harness, `${stream}-down`, true)) },
    ],
  };
}

export function printLive(result: LiveResult) {
  console.log(
    `live: a reply's creation at the stand-in → its "1 new reply" button: ${result.toButtonMs.loopback} ms on loopback, ${result.toButtonMs.rtt50} ms with the AppView 50 ms away (median of ${RUNS})`,
  );
  console.log('live: a widget left open for an hour (fake clock), after its first load:');
  console.table(
    result.hour.map((row) => ({
      ...row,
      byMethod: Object.entries(row.byMethod)
        .map(([k, v]) => `${k} ×${v}`)
        .join(', '),
      perMinute: Math.round((row.requests / 60) * 10) / 10,
    })),
  );
}
