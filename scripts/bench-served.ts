// The demo's page at 50 ms a round trip to Bluesky (issue 19), for `npm run bench -- served`: the
// discussion rendered by discuss-thread/server into the page's HTML, against the same page with the
// widget alone. When is the first reply on screen (first contentful paint when it is in the HTML),
// how many requests reach Bluesky before the widget has loaded, and how far does anything move
// (cumulative layout shift, the whole visit through the takeover)? A fresh context a run, at 1× and
// 4× CPU, the site's files on loopback.

import type { Browser } from 'playwright-core';
import { renderDiscussion } from '../src/server/index.ts';
import { ARTICLE } from '../demo/appview/sample.ts';
import { originOf } from '../test/browser/harness.ts';
import { BLUESKY, POST, WATCH, bodyOf, fresh, median, page, sampled, samplePost, serve } from './bench-cold.ts';

const RUNS = 7;
const RTT = 50;

/** Runs in the page first: its first contentful paint, whether a reply is in the HTML, the layout shifts, said on the console once the widget has loaded. */
const MEASURE = `const seen = { cls: 0 };
new PerformanceObserver((list) => list.getEntries().forEach((e) => e.name === 'first-contentful-paint' && (seen.fcp = e.startTime))).observe({ type: 'paint', buffered: true });
new PerformanceObserver((list) => list.getEntries().forEach((e) => e.hadRecentInput || (seen.cls += e.value))).observe({ type: 'layout-shift', buffered: true });
document.addEventListener('DOMContentLoaded', () => {
  seen.inHtml = TEXTS.some((t) => document.querySelector('discuss-thread')?.shadowRoot?.textContent.includes(t));
});
document.addEventListener('discuss-thread-load', () =>
  requestAnimationFrame(() => requestAnimationFrame(() => console.info('served', JSON.stringify({ ...seen, loaded: performance.now() })))),
);`;

interface Seen {
  fcp: number;
  inHtml: boolean;
  cls: number;
  loaded: number;
}

export interface ServedRow {
  page: 'server-rendered' | 'client-only';
  cpu: string;
  firstPaintMs: number;
  replyOnScreenMs: number;
  requests: number;
  /** The median visit's cumulative layout shift, and the largest of the runs'. */
  cls: number;
  clsMax: number;
}

async function once(browser: Browser, origin: string, path: string, rate: number, texts: string[]) {
  const { context, tab } = await fresh(browser, origin, { rate, rtt: RTT });
  try {
    await tab.addInitScript({ content: `const TEXTS = ${JSON.stringify(texts)};\n${WATCH}\n${MEASURE}` });
    let requests = 0;
    tab.on('request', (request) => BLUESKY.has(new URL(request.url()).host) && requests++);
    const reply = tab.waitForEvent('console', { predicate: (message) => message.text().startsWith('cold ') }).catch(() => undefined);
    const said = tab.waitForEvent('console', { predicate: (message) => message.text().startsWith('served ') });
    await tab.goto(`${origin}${path}`);
    const seen = JSON.parse((await said).text().slice(7)) as Seen;
    // In the HTML, a reply is on screen with the first paint; else when the widget drew it (the page says so on its console).
    const drawn = seen.inHtml ? seen.fcp : (JSON.parse((await reply)!.text().slice(5)) as { frame: number }).frame;
    return { fcp: seen.fcp, drawn, requests, cls: seen.cls };
  } finally {
    await context.close();
  }
}

export async function servedVsClient(browser: Browser): Promise<ServedRow[]> {
  const { uri, texts } = await samplePost();
  const pages: Record<string, string> = {};
  const server = await serve(uri, pages);
  const origin = originOf(server);
  try {
    // As a site's build or worker renders it: asking Bluesky (here, the sample AppView) itself.
    const fetch = (async (input: string | URL | Request) => {
      const asked = new URL(String(input));
      const found = (await sampled(new URL(asked.pathname + asked.search, origin)))!;
      return new Response(bodyOf(found), { status: found.status, headers: { 'content-type': found.type } });
    }) as typeof globalThis.fetch;
    const script = '<script type="module" src="/dist/discuss-thread.js"></script>';
    pages['/server-rendered.html'] = page(script, await renderDiscussion({ url: ARTICLE, post: POST, lang: 'en', fetch }));
    pages['/client-only.html'] = page(script, `<discuss-thread post="${POST}"></discuss-thread>`);
    const kinds = ['server-rendered', 'client-only'] as const;
    for (const kind of kinds) await once(browser, origin, `/${kind}.html`, 1, texts); // the untimed round
    const rows: ServedRow[] = [];
    for (const rate of [1, 4]) {
      const runs = new Map<string, Awaited<ReturnType<typeof once>>[]>();
      for (let run = 0; run < RUNS; run++)
        for (const kind of kinds) runs.set(kind, [...(runs.get(kind) ?? []), await once(browser, origin, `/${kind}.html`, rate, texts)]);
      for (const kind of kinds) {
        const all = runs.get(kind)!;
        const at = (key: 'fcp' | 'drawn' | 'requests' | 'cls') => median(all.map((r) => r[key]));
        rows.push({
          page: kind,
          cpu: `${rate}×`,
          firstPaintMs: Math.round(at('fcp')),
          replyOnScreenMs: Math.round(at('drawn')),
          requests: at('requests'),
          cls: at('cls'),
          clsMax: Math.max(...all.map((r) => r.cls)),
        });
      }
    }
    return rows;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

export function printServed(rows: ServedRow[]) {
  console.log(`The sample article, Bluesky ${RTT} ms a round trip away (median of ${RUNS}, ms after navigation; clsMax: the largest of the runs):`);
  console.table(rows);
}
