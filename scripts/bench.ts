// `npm run bench`: size, requests and render cost of the CDN file in Chromium, against the sample
// AppView, and the AppView proxy under a crowd (scripts/bench-worker.ts). Prints a table and writes
// bench-results/bench.json. `npm run bench -- wide bigThread` runs only the parts named (see
// PARTS). Render timings are reported beside a bare innerHTML rendering of the same data in the
// same run, so the ratio holds on a noisy machine.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { actor, post, reply, threadView, type PostView, type Tree } from '../demo/appview/build.ts';
import { preflightLog, start, type Harness } from '../test/browser/harness.ts';
import { NEWSWATCH } from '../demo/appview/sample.ts';
import { BUDGETS, sizes } from './size.ts';
import { printWorkerProxy, workerProxy } from './bench-worker.ts';
import { coldStart, median, printColdStart } from './bench-cold.ts';
import { printServed, servedVsClient } from './bench-served.ts';
import { countsPage, printCounts } from './bench-counts.ts';
import { liveBench, printLive } from './bench-live.ts';

const RUNS = 7;
/** The parts of the benchmark, in the order they run; named on the command line, only those run. */
const PARTS = ['requests', 'cold', 'served', 'counts', 'live', 'render', 'bigThread', 'wide', 'searching', 'labelers', 'server', 'worker'] as const;
const asked = process.argv.slice(2);
for (const name of asked) if (!(PARTS as readonly string[]).includes(name)) throw new Error(`no part "${name}": ${PARTS.join(', ')}`);
const wanted = (part: (typeof PARTS)[number]) => !asked.length || asked.includes(part);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A discussion of `n` posts: roots of ten posts each (three replies, each with two more). */
function discussion(n: number) {
  const people = Array.from({ length: 20 }, (_, i) => actor(`person${i}`, i % 3 ? `Person ${i}` : `사람 ${i}`, { avatar: `https://cdn.example/a${i}.jpg` }));
  const when = (i: number) => new Date(Date.parse('2026-11-27T12:00:00Z') - i * 60_000).toISOString();
  const text = (i: number) => [
    `Post ${i}: what this means for the people affected `,
    { tag: 'encryption' },
    ' ',
    { link: `https://example.com/${i}` },
    ' 한국어 😮‍💨',
  ];
  const trees: Tree[] = [];
  let i = 0;
  while (i < n) {
    const root = post({ author: people[i % 20], rkey: `3kr${i}`, createdAt: when(i), text: text(i), likes: i % 50, replies: 3 });
    i++;
    const children: Tree[] = [];
    for (let a = 0; a < 3 && i < n; a++) {
      const first = reply(root, root, { author: people[i % 20], rkey: `3kr${i}`, createdAt: when(i), text: text(i), replies: 2 });
      i++;
      const grand: Tree[] = [];
      for (let b = 0; b < 2 && i < n; b++, i++)
        grand.push({ post: reply(root, first, { author: people[i % 20], rkey: `3kr${i}`, createdAt: when(i), text: text(i) }) });
      children.push({ post: first, replies: grand });
    }
    trees.push({ post: root, replies: children });
  }
  const roots: PostView[] = trees.map((t) => ({ ...t.post, replyCount: t.replies?.length ?? 0 }));
  return {
    roots: roots.length,
    responses: {
      'app.bsky.feed.searchPosts': { posts: roots },
      threads: Object.fromEntries(trees.map((t) => [t.post.uri, threadView(t, 10)])),
    },
  };
}

/** One root with 5,000 replies: 200 direct ones, 4 under each, 5 under each of those. */
function bigThread() {
  const people = Array.from({ length: 50 }, (_, i) => actor(`crowd${i}`, `Crowd ${i}`, { avatar: `https://cdn.example/c${i}.jpg` }));
  const when = (i: number) => new Date(Date.parse('2026-11-27T12:00:00Z') - i * 1000).toISOString();
  let i = 0;
  const root = post({
    author: people[0],
    rkey: '3kbig0',
    createdAt: when(0),
    text: ['A thread everyone answered ', { link: 'https://news.example/bench' }],
    replies: 5000,
  });
  const make = (parent: PostView, fanout: number[]): Tree[] => {
    const [here, ...below] = fanout;
    return Array.from({ length: here ?? 0 }, () => {
      i++;
      const p = reply(root, parent, {
        author: people[i % 50],
        rkey: `3kbig${i}`,
        createdAt: when(i),
        text: [`Reply ${i}: a few words about it 😮`],
        likes: i % 7,
      });
      return { post: p, replies: below.length ? make(p, below) : [] };
    });
  };
  const tree: Tree = { post: root, replies: make(root, [200, 4, 5]) };
  return {
    replies: i,
    responses: {
      'app.bsky.feed.searchPosts': { posts: [root] },
      threads: Object.fromEntries([1, 2, 3, 4, 5, 6].map((d) => [`${root.uri}@${d}`, threadView(tree, d)])),
    },
  };
}

/**
 * A wide discussion (issue 19 §4): 100 roots from search, each with 25 replies (5 direct, 2 under
 * each, 1 under each of those: all within a thread's first view). A search hit counts its direct
 * replies, as the AppView's `replyCount` does.
 */
function wideSearch() {
  const people = Array.from({ length: 40 }, (_, i) => actor(`wide${i}`, `Wide ${i}`, { avatar: `https://cdn.example/w${i}.jpg` }));
  const when = (i: number) => new Date(Date.parse('2026-11-27T12:00:00Z') - i * 1000).toISOString();
  let i = 0;
  const make = (root: PostView | undefined, parent: PostView | undefined, replies: number) => {
    i++;
    const spec = {
      author: people[i % 40],
      rkey: `3kwide${i}`,
      createdAt: when(i),
      text: [`Post ${i}: a few words on it `, { tag: 'news' }],
      likes: i % 9,
      replies,
    };
    return root && parent ? reply(root, parent, spec) : post({ ...spec, text: [`Post ${i} about `, { link: 'https://news.example/bench' }] });
  };
  const trees: Tree[] = Array.from({ length: 100 }, () => {
    const root = make(undefined, undefined, 5);
    return {
      post: root,
      replies: Array.from({ length: 5 }, () => {
        const first = make(root, root, 2);
        return {
          post: first,
          replies: Array.from({ length: 2 }, () => {
            const second = make(root, first, 1);
            return { post: second, replies: [{ post: make(root, second, 0) }] };
          }),
        };
      }),
    };
  });
  return {
    posts: i,
    responses: {
      'app.bsky.feed.searchPosts': { posts: trees.map((t) => t.post) },
      threads: Object.fromEntries(trees.map((t) => [t.post.uri, threadView(t, 10)])),
    },
  };
}

/**
 * discuss-thread/server: time to render each discussion to HTML in Node (median of RUNS), and the
 * HTML's bytes per post (raw and gzip), answers served from memory as the browser bench serves them.
 */
async function serverRender() {
  const { renderDiscussion } = await import('../src/server/index.ts');
  const rows = [];
  for (const n of [10, 100, 1000]) {
    const { roots, responses } = discussion(n);
    const texts = new Map(Object.entries(responses.threads).map(([uri, body]) => [uri, JSON.stringify(body)]));
    const search = JSON.stringify(responses['app.bsky.feed.searchPosts']);
    const fetch = (async (input: string | URL | Request) => {
      const url = new URL(String(input));
      const body = url.pathname.endsWith('searchPosts') ? search : texts.get(url.searchParams.get('uri') ?? '');
      return new Response(body ?? '{"error":"NotFound"}', { status: body ? 200 : 400 });
    }) as typeof globalThis.fetch;
    const options = { url: 'https://news.example/bench', service: 'https://bench.invalid', searchService: 'https://bench.invalid', backlinksService: 'none' };
    const times: number[] = [];
    let html = '';
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      html = await renderDiscussion({ ...options, limit: Math.min(roots, 100), depth: 10, fetch });
      times.push(performance.now() - start);
    }
    const posts = (html.match(/<article\b/g) ?? []).length;
    if (posts !== n) throw new Error(`the server rendered ${posts} of ${n} posts`);
    rows.push({ posts: n, ms: round(median(times)), bytesPerPost: Math.round(html.length / n), gzipPerPost: Math.round(gzipSync(html).length / n) });
  }
  return rows;
}

const RTT_NOTE = 'every answer 50 ms away, a fresh browser context (no preflight cache)';

/**
 * What `labelers` costs: its `atproto-accept-labelers` header makes each AppView query a CORS
 * preflight first, one more round trip before it. Time to "loaded" for the sample discussion, with
 * and without, each run in a new browser context so no preflight is cached.
 */
async function labelerCost(harness: Harness, api: string) {
  const rows = [];
  for (const labelers of [undefined, NEWSWATCH.did]) {
    const times: number[] = [];
    let gets = 0;
    let preflights = 0;
    for (let run = 0; run < RUNS; run++) {
      const tag = `rtt,cost-${labelers ? 'l' : 'p'}${run}`;
      const host = `${api}/s/${tag}`;
      const before = (await preflightLog(harness)).length;
      const context = await harness.browser.newContext();
      const page = await context.newPage();
      let count = 0;
      page.on('request', (r) => r.method() === 'GET' && r.url().includes('/xrpc/') && count++);
      const query = new URLSearchParams({
        loading: 'eager',
        service: host,
        'search-service': host,
        'backlinks-service': 'none',
        post: 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story',
        ...(labelers ? { labelers } : {}),
      });
      await page.goto(`${harness.origin}/test/browser/fixtures/page.html?${query}`);
      await page.waitForFunction(() => document.querySelector('discuss-thread')?.getAttribute('status') === 'loaded', undefined, { polling: 5 });
      times.push(await page.evaluate(() => performance.now()));
      gets = count;
      preflights = (await preflightLog(harness)).length - before;
      await context.close();
    }
    rows.push({ labelers: !!labelers, runs: RUNS, loadedMs: round(median(times)), gets, preflights });
  }
  return rows;
}

/** One view of the sample discussion: requests, CORS preflights, and a revisit in the same tab. */
async function sampleRequests(harness: Harness, api: string) {
  // From a page on another origin than the API (so any non-simple request would show as a CORS
  // preflight), and for a revisit in the same tab.
  const preflightsBefore = (await preflightLog(harness)).length;
  const page = await harness.browser.newPage();
  const seen: Array<{ method: string; path: string }> = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (/\/xrpc\/|\/links$/.test(url.pathname)) seen.push({ method: r.method(), path: url.pathname.split('/').pop()! });
  });
  const query = new URLSearchParams({ loading: 'eager', service: api, 'search-service': api, 'backlinks-service': api });
  await page.goto(`${harness.origin}/test/browser/fixtures/page.html?${query}`);
  await page.waitForFunction(() => document.querySelector('discuss-thread')?.getAttribute('status') === 'loaded');
  const first = [...seen];
  seen.length = 0;
  await page.waitForTimeout(100); // the session cache is written just after the discussion shows
  await page.reload();
  await page.waitForFunction(() => document.querySelector('discuss-thread')?.getAttribute('status') === 'loaded');
  await page.waitForTimeout(300);
  const revisit = [...seen];
  await page.close();
  const byMethod = (list: typeof first) => list.reduce<Record<string, number>>((acc, r) => ((acc[r.path] = (acc[r.path] ?? 0) + 1), acc), {});
  return {
    firstView: first.filter((r) => r.method === 'GET').length,
    byMethod: byMethod(first.filter((r) => r.method === 'GET')),
    // Chromium sends preflights below the page's network events: the sample AppView counts them.
    preflights: (await preflightLog(harness)).length - preflightsBefore,
    revisit: revisit.length,
  };
}

type Probe = { ms: number; settledMs: number; posts: number; requests: number; heap: number; longestTask: number };

async function main() {
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const bytes = sizes();
  const harness = await start(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
  try {
    const api = harness.origin.replace('127.0.0.1', 'localhost');
    const requests = wanted('requests') ? await sampleRequests(harness, api) : undefined;
    const cold = wanted('cold') ? await coldStart(harness.browser) : undefined;
    const served = wanted('served') ? await servedVsClient(harness.browser) : undefined;
    const counts = wanted('counts') ? await countsPage(harness.browser) : undefined;
    const live = wanted('live') ? await liveBench(harness) : undefined;

    // Render cost, and time to "Searching for posts…".
    const bench = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await bench.goto(`${harness.origin}/scripts/bench-page.html`);
    await bench.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady && customElements.get('discuss-thread'));
    type Bench = Record<string, (r: unknown, l: number, d: number) => Promise<Probe>>;
    // The widget's probe takes the responses as JSON text (see bench-page.html).
    const call = (name: 'widget' | 'innerHTML', responses: unknown, limit: number, depth = 10) =>
      bench.evaluate(([n, r, l, d]) => (window as unknown as { bench: Bench }).bench[n](r, l, d), [
        name,
        name === 'widget' ? JSON.stringify(responses) : responses,
        limit,
        depth,
      ] as const);
    const render = [];
    for (const n of wanted('render') ? [10, 100, 1000] : []) {
      const { roots, responses } = discussion(n);
      const widget: Probe[] = [];
      const floor: Probe[] = [];
      for (let run = 0; run < RUNS; run++) {
        widget.push(await call('widget', responses, Math.min(roots, 100)));
        floor.push(await call('innerHTML', responses, 0));
      }
      if (widget[0].posts !== n || floor[0].posts !== n) throw new Error(`rendered ${widget[0].posts} and ${floor[0].posts} of ${n} posts`);
      const ms = median(widget.map((w) => w.ms));
      const floorMs = median(floor.map((f) => f.ms));
      render.push({
        posts: n,
        widgetMs: round(ms),
        innerHTMLMs: round(floorMs),
        ratio: round(ms / floorMs, 2),
        widgetHeapMB: round(median(widget.map((w) => w.heap)) / 2 ** 20, 2),
        innerHTMLHeapMB: round(median(floor.map((f) => f.heap)) / 2 ** 20, 2),
      });
    }
    /**
     * The widget's first view at the default depth: requests, posts, time to painted and settled,
     * longest task (median of `runs`; 0: none over 50 ms, the shortest a browser reports as long).
     */
    const firstView = async (responses: unknown, limit: number, runs: number) => {
      const probes: Probe[] = [];
      for (let i = 0; i < runs; i++) probes.push(await call('widget', responses, limit, 6));
      const at = (key: keyof Probe) => round(median(probes.map((p) => p[key])));
      return { requests: at('requests'), postsRendered: at('posts'), paintedMs: at('ms'), settledMs: at('settledMs'), longestTaskMs: at('longestTask') };
    };
    // A thread with thousands of replies, and a search of a hundred threads, at the default depth.
    const big = bigThread();
    const bigThreadResult = wanted('bigThread') ? { replies: big.replies, ...(await firstView(big.responses, 1, 3)) } : undefined;
    const wide = wideSearch();
    const wideResult = wanted('wide') ? { posts: wide.posts, ...(await firstView(wide.responses, 100, 5)) } : undefined;

    const searching: number[] = [];
    for (let run = 0; run < (wanted('searching') ? RUNS : 0); run++) {
      const result = await bench.evaluate(
        (s) => (window as unknown as { bench: { searching: (s: string) => Promise<{ ms: number; text: string }> } }).bench.searching(s),
        `${harness.origin}/s/hang`,
      );
      if (!result.text.includes('Searching for posts')) throw new Error(`status was "${result.text}"`);
      searching.push(result.ms);
    }
    await bench.close();

    const labelers = wanted('labelers') ? await labelerCost(harness, api) : [];
    const server = wanted('server') ? await serverRender() : undefined;
    const worker = wanted('worker') ? await workerProxy() : undefined;

    const result = {
      date: new Date().toISOString(),
      machine: `${process.platform} ${process.arch}, Node ${process.version}`,
      bytes: {
        criticalPathGzip: bytes.critical.gzip,
        budget: BUDGETS.critical,
        chunks: bytes.chunks.map((c) => ({ file: c.file, gzip: c.gzip })),
        totalGzip: bytes.total,
      },
      requests,
      cold,
      served,
      counts,
      live,
      render,
      searchingMs: searching.length ? round(median(searching)) : undefined,
      bigThread: bigThreadResult,
      wideSearch: wideResult,
      labelers,
      server,
      worker,
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/bench.json', JSON.stringify(result, null, 2) + '\n');

    console.log(`\nCritical path: ${bytes.critical.gzip} bytes gzip (budget ${BUDGETS.critical}); all files ${bytes.total}`);
    if (requests)
      console.log(
        `Requests, first view: ${requests.firstView} (${Object.entries(requests.byMethod)
          .map(([k, v]) => `${k} ×${v}`)
          .join(', ')}); CORS preflights: ${requests.preflights}; revisit within the cache TTL: ${requests.revisit}`,
      );
    if (cold) printColdStart(cold);
    if (served) printServed(served);
    if (counts) printCounts(counts);
    if (live) printLive(live);
    if (result.searchingMs !== undefined) console.log(`Connected → "Searching for posts…" painted: ${result.searchingMs} ms (median of ${RUNS})`);
    if (render.length) console.table(render);
    const view = (r: NonNullable<typeof bigThreadResult | typeof wideResult>) =>
      `${r.requests} requests, ${r.postsRendered} posts in the first view, painted after ${r.paintedMs} ms, settled after ${r.settledMs} ms, ${r.longestTaskMs ? `longest task ${r.longestTaskMs} ms` : 'no task over 50 ms'}`;
    if (bigThreadResult) console.log(`A thread of ${bigThreadResult.replies} replies at depth 6: ${view(bigThreadResult)}`);
    if (wideResult) console.log(`A search of 100 posts with 25 replies each (${wideResult.posts} posts): ${view(wideResult)}`);
    for (const row of labelers)
      console.log(
        `${row.labelers ? 'With' : 'Without'} labelers, ${RTT_NOTE}: loaded after ${row.loadedMs} ms (median of ${row.runs}), ${row.gets} GETs and ${row.preflights} preflights`,
      );
    if (server) {
      console.log('discuss-thread/server, renderDiscussion in Node (answers from memory):');
      console.table(server);
    }
    if (worker) printWorkerProxy(worker);
    console.log('Written to bench-results/bench.json');
  } finally {
    await harness.close();
  }
}

await main();
