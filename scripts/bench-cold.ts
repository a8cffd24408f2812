// Cold start on a phone-class CPU (issue 19 §5), for `npm run bench -- cold`: a page with the widget
// in its HTML, opened in a fresh browser context (nothing cached) at 1× and 4× CPU (DevTools'
// throttling, as on a mid-range phone), beside the smallest peer, bluesky-comments-tag (one post
// given, no discovery), and a floor that fetches the thread and sets it as one innerHTML string.
// Same post, same answers: the sample AppView's, served for Bluesky's hosts by the bench, over
// loopback. Times from the page's resource timing and clock, after the entry file has arrived:
// the first request to Bluesky, and the first reply in the DOM and in a frame; the render is the
// last answer before that reply to that frame.

import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { answer } from '../demo/appview/server.ts';
import { ARTICLE } from '../demo/appview/sample.ts';
import { originOf } from '../test/browser/harness.ts';
import { memo } from '../src/bluesky/memo.ts';

const RUNS = 7;
/** CPU throttling (4×: a mid-range phone), and Bluesky on loopback or 50 ms a round trip away (the site's files stay on loopback). */
const CONDITIONS = [
  { rate: 1, rtt: 0 },
  { rate: 4, rtt: 0 },
  { rate: 1, rtt: 50 },
  { rate: 4, rtt: 50 },
] as const;
export type Condition = { rate: number; rtt: number };
export const POST = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
/** Bluesky's hosts, as the widget (by default) and the peer (always) ask them. */
export const BLUESKY = new Set(['public.api.bsky.app', 'api.bsky.app', 'constellation.microcosm.blue']);
/**
 * `COLD_BEFORE=<dir>`: another build's dist folder (an earlier commit's, say), run as a fourth page
 * in the same runs, so that before and after meet the same noise.
 */
const BEFORE = process.env.COLD_BEFORE;
const ALL = ['discuss-thread', 'bluesky-comments-tag', 'innerHTML', 'before'] as const;
const PAGES = ALL.filter((which) => which !== 'before' || BEFORE);
type Which = (typeof ALL)[number];

/**
 * The sample AppView's answers and the files, each made or read once: the sample AppView builds its
 * whole discussion for every answer, and that work in the bench's process would be time the pages
 * wait on their answers. (A first, untimed round makes them all.)
 */
const made = new Map<string, ReturnType<typeof answer>>();
export const sampled = (url: URL) => memo(made, url.href, () => answer(url));
/** A sample answer's body, as a response carries it. */
export const bodyOf = (found: NonNullable<Awaited<ReturnType<typeof answer>>>) => (found.bytes ? Buffer.from(found.bytes) : found.body);
const files = new Map<string, Promise<Buffer>>();

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (n: number) => Math.round(n);

export const page = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cold start</title><link rel="icon" href="data:,"><link rel="canonical" href="${ARTICLE}">${head}</head><body><main><h1>The article</h1><p>Its text.</p>${body}</main></body></html>`;

/** Each page, and the file whose arrival starts its clock. */
function pages(uri: string): Record<Which, { html: string; entry: string }> {
  return {
    before: {
      html: page('<script type="module" src="/before/discuss-thread.js"></script>', `<discuss-thread post="${POST}"></discuss-thread>`),
      entry: '/before/discuss-thread.js',
    },
    'discuss-thread': {
      html: page('<script type="module" src="/dist/discuss-thread.js"></script>', `<discuss-thread post="${POST}"></discuss-thread>`),
      entry: '/dist/discuss-thread.js',
    },
    'bluesky-comments-tag': {
      html: page('<script type="module" src="/peer/bluesky-comments.js"></script>', `<bluesky-comments url="${POST}"></bluesky-comments>`),
      entry: '/peer/bluesky-comments.js',
    },
    innerHTML: { html: page('<script type="module" src="/floor-page.js"></script>', `<div id="floor" data-uri="${uri}"></div>`), entry: '/floor-page.js' },
  };
}

/** The floor's page script: the thread, fetched and set as one string. */
const FLOOR_PAGE = `import { floor } from '/scripts/bench-floor.js';
const stage = document.querySelector('#floor');
const query = new URLSearchParams({ uri: stage.dataset.uri });
const { thread } = await (await fetch('https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?' + query)).json();
stage.append(floor([thread]));`;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };

/** The bench's pages (and `extra`, by path), the files they load, and the sample AppView's media. */
export async function serve(uri: string, extra: Record<string, string> = {}): Promise<Server> {
  const html = pages(uri);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string | Uint8Array) => (
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }),
      res.end(body)
    );
    const named = PAGES.find((which) => url.pathname === `/${which}.html`);
    if (named) return send(200, TYPES['.html'], html[named].html);
    if (extra[url.pathname]) return send(200, TYPES['.html'], extra[url.pathname]);
    if (url.pathname === '/floor-page.js') return send(200, TYPES['.js'], FLOOR_PAGE);
    const roots: Record<string, string> = {
      '/before/': BEFORE ?? 'dist',
      '/dist/': 'dist',
      '/peer/': 'node_modules/bluesky-comments-tag',
      '/scripts/': 'scripts',
    };
    const root = Object.keys(roots).find((prefix) => url.pathname.startsWith(prefix));
    if (root) {
      const file = normalize(join(roots[root], url.pathname.slice(root.length)));
      if (!file.startsWith(roots[root])) return send(404, 'text/plain', 'not found');
      return memo(files, file, () => readFile(file)).then(
        (bytes) => send(200, TYPES[extname(file)] ?? 'application/octet-stream', bytes),
        () => send(404, 'text/plain', 'not found'),
      );
    }
    const found = await sampled(url);
    return found ? send(found.status, found.type, found.bytes ?? found.body) : send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * Runs in the page before its scripts (as text: the bench's own compiler would add helpers to a
 * function): the moment any of TEXTS (the replies' first words) is in the document or a shadow
 * root, and the frame after, said on the console (a script the bench ran in the page to wait would
 * be work on its main thread while it loads).
 */
export const WATCH = `const cold = {};
{
  const watch = (node, text) => {
    const observer = new MutationObserver(() => {
      if (cold.dom !== undefined || !TEXTS.some((t) => text().includes(t))) return;
      cold.dom = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => console.info('cold', JSON.stringify({ dom: cold.dom, frame: performance.now() })));
    });
    observer.observe(node, { childList: true, subtree: true, characterData: true });
  };
  watch(document, () => document.body?.textContent ?? '');
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    watch(root, () => root.textContent);
    return root;
  };
}`;

interface Run {
  /** After the entry file arrived (its responseEnd), in ms. */
  firstRequest: number;
  replyInDom: number;
  replyInFrame: number;
  /** The last answer from Bluesky before the reply showed → the frame it showed in. */
  render: number;
  /** Requests to Bluesky before the reply showed. */
  requests: number;
}

/** A fresh context, its Bluesky requests answered by the sample AppView `rtt` ms later, and a tab in it at `rate`× CPU. */
export async function fresh(browser: Browser, origin: string, { rate, rtt }: Condition) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  await context.route(
    (url) => BLUESKY.has(url.host),
    async (route) => {
      const asked = new URL(route.request().url());
      const found = await sampled(new URL(asked.pathname + asked.search, origin));
      if (rtt) await new Promise((resolve) => setTimeout(resolve, rtt));
      await route.fulfill({
        status: found?.status ?? 404,
        headers: { 'content-type': found?.type ?? 'text/plain', 'access-control-allow-origin': '*', 'cache-control': 'no-store' },
        body: found ? bodyOf(found) : 'not found',
      });
    },
  );
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, tab };
}

async function once(browser: Browser, origin: string, which: Which, entry: string, condition: Condition, texts: string[]): Promise<Run> {
  const { context, tab } = await fresh(browser, origin, condition);
  try {
    await tab.addInitScript({ content: `const TEXTS = ${JSON.stringify(texts)};\n${WATCH}` });
    const said = tab.waitForEvent('console', { predicate: (message) => message.text().startsWith('cold ') });
    await tab.goto(`${origin}/${which}.html`);
    const shown = JSON.parse((await said).text().slice(5)) as { dom: number; frame: number };
    const resources = await tab.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => ({ name: r.name, start: r.startTime, end: (r as PerformanceResourceTiming).responseEnd })),
    );
    const arrived = resources.find((r) => new URL(r.name).pathname === entry)!.end;
    const asked = resources.filter((r) => BLUESKY.has(new URL(r.name).host) && r.start < shown.dom);
    return {
      firstRequest: Math.min(...asked.map((r) => r.start)) - arrived,
      replyInDom: shown.dom - arrived,
      replyInFrame: shown.frame - arrived,
      render: shown.frame - Math.max(...asked.map((r) => r.end)),
      requests: asked.length,
    };
  } finally {
    await context.close();
  }
}

export type ColdRow = { page: Which; cpu: string; rtt: number } & Run;

/** The post's `at://` URI, and the first words of each of its replies, from the sample AppView. */
export async function samplePost(): Promise<{ uri: string; texts: string[] }> {
  const sample = new URL('http://localhost');
  const ask = async (path: string) => JSON.parse((await answer(new URL(path, sample)))!.body);
  const { did } = await ask(`/xrpc/com.atproto.identity.resolveHandle?handle=${POST.split('/')[4]}`);
  const uri = `at://${did}/app.bsky.feed.post/${POST.split('/')[6]}`;
  const { thread } = await ask(`/xrpc/app.bsky.feed.getPostThread?${new URLSearchParams({ uri })}`);
  return { uri, texts: (thread.replies as Array<{ post?: { record: { text: string } } }>).flatMap((r) => (r.post ? [r.post.record.text.slice(0, 24)] : [])) };
}

/** Each page in each condition, RUNS times, interleaved so that the machine's noise falls on all alike; medians. */
export async function coldStart(browser: Browser): Promise<ColdRow[]> {
  const { uri, texts } = await samplePost();
  const server = await serve(uri);
  const origin = originOf(server);
  const entries = pages(uri);
  try {
    for (const which of PAGES) await once(browser, origin, which, entries[which].entry, CONDITIONS[0], texts); // the untimed round
    const runs = new Map<string, Run[]>();
    for (let run = 0; run < RUNS; run++)
      for (const condition of CONDITIONS)
        for (const which of PAGES) {
          const key = `${which} ${condition.rate} ${condition.rtt}`;
          runs.set(key, [...(runs.get(key) ?? []), await once(browser, origin, which, entries[which].entry, condition, texts)]);
        }
    return CONDITIONS.flatMap(({ rate, rtt }) =>
      PAGES.map((which) => {
        const all = runs.get(`${which} ${rate} ${rtt}`)!;
        const at = (key: keyof Run) => round(median(all.map((r) => r[key])));
        return {
          page: which,
          cpu: `${rate}×`,
          rtt,
          firstRequest: at('firstRequest'),
          replyInDom: at('replyInDom'),
          replyInFrame: at('replyInFrame'),
          render: at('render'),
          requests: at('requests'),
        };
      }),
    );
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

export function printColdStart(rows: ColdRow[]) {
  console.log(
    `Cold start, ${POST.split('/').pop()} (a fresh context each run, median of ${RUNS}; ms after the entry file arrived; rtt: ms a round trip to Bluesky):`,
  );
  console.table(rows);
}
