// `<discuss-count>` on an index page of 50 articles (issue 20 §2), for `npm run bench -- counts`: the
// file's bytes, and the requests and time until every count shows, counted straight from the backlink
// index (the sample AppView standing in for Constellation, on its own host) and through the site's
// worker (discuss-thread/worker on the bench's server, over the same answers). Fresh browser context
// a run; the page tall enough that every count is near the viewport at once.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { ARTICLE } from '../demo/appview/sample.ts';
import { createWorker } from '../src/worker/site.ts';
import { originOf } from '../test/browser/harness.ts';
import { BLUESKY, bodyOf, fresh, median, sampled } from './bench-cold.ts';
import { COUNT, measure } from './size.ts';

const RUNS = 5;
const ARTICLES = 50;
const SITE = new URL(ARTICLE).origin;

/** The index page: 50 articles of the site, the first the sample's discussed one, each with its count. */
const page = (attributes: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Index</title><link rel="icon" href="data:,">` +
  `<script type="module" src="/discuss-count.js"></script></head><body><ol>` +
  Array.from({ length: ARTICLES }, (_, i) => {
    const url = i ? `${SITE}/2026/12/03/story-${i}` : ARTICLE;
    return `<li><a href="${url}">Story ${i}</a> <discuss-count url="${url}"${attributes}>Comments</discuss-count></li>`;
  }).join('') +
  `</ol></body></html>`;

export interface CountsRow {
  source: string;
  fileGzip: number;
  requests: number;
  allShownMs: number;
}

export async function countsPage(browser: Browser): Promise<CountsRow[]> {
  // The worker answers for the site; its upstream is the sample AppView (for Constellation's host too).
  const worker = createWorker({
    fetch: async (input) => new Response(bodyOf((await sampled(new URL(input)))!), { headers: { 'content-type': 'application/json' } }),
    cache: null,
    counts: true,
  });
  const code = await readFile(COUNT);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/discuss-count.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
    if (url.pathname === '/direct.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(page(''));
    if (url.pathname === '/worker.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(page(' service="/bsky"'));
    if (url.pathname.startsWith('/bsky/')) {
      // As the worker on the site's own address, where the articles are.
      const answer = await worker.fetch(new Request(`${SITE}${url.pathname}${url.search}`));
      return res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = originOf(server);
  const rows: CountsRow[] = [];
  try {
    for (const [source, path] of [
      ['the backlink index, from the browser', '/direct.html'],
      ['the site’s worker', '/worker.html'],
    ] as const) {
      const runs: Array<{ requests: number; ms: number }> = [];
      for (let run = 0; run <= RUNS; run++) {
        const { context, tab } = await fresh(browser, origin, { rate: 1, rtt: 0 });
        try {
          await tab.setViewportSize({ width: 360, height: 8000 });
          await tab.goto(`${origin}${path}`);
          await tab.waitForFunction(`[...document.querySelectorAll('discuss-count')].every((el) => el.querySelector('a'))`, undefined, { timeout: 30_000 });
          const ms = (await tab.evaluate('performance.now()')) as number;
          const names = (await tab.evaluate(`performance.getEntriesByType('resource').map((r) => r.name)`)) as string[];
          const requests = names.filter((name) => BLUESKY.has(new URL(name).host) || new URL(name).pathname.startsWith('/bsky/')).length;
          if (run) runs.push({ requests, ms }); // the first run is untimed: it makes the sample's answers
        } finally {
          await context.close();
        }
      }
      rows.push({
        source,
        fileGzip: measure(COUNT).gzip,
        requests: median(runs.map((r) => r.requests)),
        allShownMs: Math.round(median(runs.map((r) => r.ms))),
      });
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return rows;
}

export function printCounts(rows: CountsRow[]) {
  console.log(`<discuss-count> on a page of ${ARTICLES} articles (median of ${RUNS}; ms after navigation until every count shows):`);
  console.table(rows);
}
