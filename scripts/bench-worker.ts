// The AppView proxy (discuss-thread/worker) under a crowd, for `npm run bench` (alone:
// `npm run bench:worker`): the bundled worker in workerd through miniflare, in front of the sample
// AppView on loopback, which counts what it is asked. A thousand readers open the sample article at
// once, then a thousand more; then, past the TTL, the AppView fails and a thousand more come.

import { Agent, get } from 'node:http';
import { pathToFileURL } from 'node:url';
import { Miniflare } from 'miniflare';
import { sampleAppView } from '../demo/appview/server.ts';
import { ARTICLE } from '../demo/appview/sample.ts';
import { DEFAULTS } from '../src/worker/proxy.ts';
import { canonicalQuery } from '../src/worker/routes.ts';
import { bundleWorker, listen } from '../test/build/workerd.ts';

const VIEWS = 1000;
/** Connections the readers' requests share, as a front end's to the worker would be. */
const CONNECTIONS = 100;
const PREFIX = '/bsky';
/** The proxy that fails over: a short TTL to wait out, and no stale-while-revalidate, so that past the TTL readers wait on upstream. */
const SHORT_TTL = 1;

/** Nearest rank. */
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)];
const round = (n: number) => Math.round(n * 10) / 10;
/** `hit 3996, miss 4`; with `times`, `getPostThread ×3`. */
function tally(values: string[], times = false): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, n]) => (!times ? `${value} ${n}` : n > 1 ? `${value} ×${n}` : value)).join(', ');
}

/**
 * The requests one widget sends for `article`, by the element's data layer (run here by
 * renderDiscussion, which shares it), as paths and queries under the proxy, in waves: a wave is
 * what goes out before the answer it waits for comes back (the search, then the roots' threads).
 */
async function widgetRequests(article: string, host: string): Promise<string[][]> {
  const { renderDiscussion } = await import('../src/server/index.ts');
  const waves: string[][] = [];
  let answered = 0;
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    (waves[answered] ??= []).push(`${PREFIX}${url.pathname}${url.search}`);
    try {
      return await globalThis.fetch(input, init);
    } finally {
      answered++;
    }
  }) as typeof globalThis.fetch;
  await renderDiscussion({ url: article, service: host, searchService: host, backlinksService: host, fetch });
  return waves.filter(Boolean);
}

interface Answered {
  /** A 200 with the body the first good answer to this query had. */
  good: boolean;
  cache: string;
  ms: number;
}

/** GET `path` from the worker as `host`, timed from the call to the last byte; `bodies` holds the first good body of each. */
function ask({ origin, agent, bodies }: Stage, host: string, path: string): Promise<Answered> {
  const sent = performance.now();
  return new Promise((resolve, reject) =>
    get(`${origin}${path}`, { agent, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('error', reject);
      response.on('end', () => {
        const ms = performance.now() - sent;
        const key = `${host}${path}`;
        if (response.statusCode === 200 && !bodies.has(key)) bodies.set(key, body);
        resolve({ good: response.statusCode === 200 && body === bodies.get(key), cache: String(response.headers['x-cache']), ms });
      });
    }).on('error', reject),
  );
}

export interface WorkerRound {
  round: string;
  views: number;
  requests: number;
  /** Answers with status 200 and the body of the first good answer to that query. */
  good: number;
  /** The answers' x-cache: `hit 3996, miss 4`. */
  cache: string;
  /** Upstream requests during the round for each distinct query of a view (min–max over them). */
  upstreamPerQuery: string;
  p50Ms: number;
  p99Ms: number;
  roundMs: number;
}

/** What the rounds share: the worker's address, the view, the first good body of each query, and upstream's count. */
interface Stage {
  origin: string;
  agent: Agent;
  waves: string[][];
  bodies: Map<string, string>;
  asked: Map<string, number>;
}

/** `views` readers at once on `host`, each sending a view's waves one after the other. */
async function crowd(stage: Stage, host: string, name: string, views: number, atOnce = true): Promise<WorkerRound> {
  const { waves, asked } = stage;
  asked.clear();
  const start = performance.now();
  const view = async () => {
    const answers: Answered[] = [];
    for (const wave of waves) answers.push(...(await Promise.all(wave.map((path) => ask(stage, host, path)))));
    return answers;
  };
  const answers: Answered[] = [];
  if (atOnce) answers.push(...(await Promise.all(Array.from({ length: views }, view))).flat());
  else for (let i = 0; i < views; i++) answers.push(...(await view()));
  const roundMs = performance.now() - start;
  const good = answers.filter((a) => a.good);
  // Upstream hears the query in the proxy's order of parameters.
  const perQuery = [...new Set(waves.flat())].map((path) => {
    const url = new URL(path.slice(PREFIX.length), 'http://upstream');
    return asked.get(`${url.pathname}?${canonicalQuery(url.searchParams)}`) ?? 0;
  });
  const [fewest, most] = [Math.min(...perQuery), Math.max(...perQuery)];
  const times = good.map((a) => a.ms);
  return {
    round: name,
    views,
    requests: answers.length,
    good: good.length,
    cache: tally(answers.map((a) => a.cache)),
    upstreamPerQuery: fewest === most ? String(most) : `${fewest}–${most}`,
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    roundMs: Math.round(roundMs),
  };
}

/** `searchPosts, then getPostThread ×3`. */
const summary = (waves: string[][]) =>
  waves
    .map((wave) =>
      tally(
        wave.map((path) => path.split('?')[0].split('.').pop()!),
        true,
      ),
    )
    .join(', then ');

/** The rounds, and the requests of one view. */
export async function workerProxy(): Promise<{ view: string; connections: number; ttl: number; withinTtlMs: number; rounds: WorkerRound[] }> {
  const asked = new Map<string, number>();
  let down = false;
  const sample = sampleAppView();
  const upstream = await listen((req, res) => {
    asked.set(req.url!, (asked.get(req.url!) ?? 0) + 1);
    // Down: the sample AppView's own failure mode, a 500 for every query.
    if (down) req.url = `/s/error${req.url}`;
    sample(req, res, () => res.writeHead(404).end());
  });
  const bundle = await bundleWorker();
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let mf: Miniflare | undefined;
  try {
    const waves = await widgetRequests(ARTICLE, upstream.origin);
    const host = upstream.origin;
    const hosts = { APPVIEW: host, SEARCH_SERVICE: host, BACKLINKS_SERVICE: host };
    const worker = { modules: true, scriptPath: bundle.scriptPath, modulesRoot: bundle.dir, compatibilityDate: '2025-01-01' };
    mf = new Miniflare({
      workers: [
        // As a site deploys it: the defaults (TTL 60 s, served stale while one request refreshes it for 10 minutes more).
        { ...worker, name: 'proxy', bindings: hosts, routes: ['site.example/*'] },
        { ...worker, name: 'fails-over', bindings: { ...hosts, TTL: String(SHORT_TTL), STALE_FOR: '0' }, routes: ['fails-over.example/*'] },
      ],
    });
    const stage: Stage = { origin: (await mf.ready).origin, agent, waves, bodies: new Map(), asked };
    const filled = performance.now();
    const rounds = [
      await crowd(stage, 'site.example', 'cache empty', VIEWS),
      await crowd(stage, 'site.example', 'within the TTL', VIEWS),
      await crowd(stage, 'site.example', 'within the TTL, one view at a time', 100, false),
    ];
    // Upstream heard these rounds' queries once per TTL only if they all fit in one.
    const withinTtlMs = Math.round(performance.now() - filled);
    await crowd(stage, 'fails-over.example', 'warm-up', 1);
    await new Promise((done) => setTimeout(done, SHORT_TTL * 1000 + 100));
    down = true;
    rounds.push(await crowd(stage, 'fails-over.example', 'past the TTL, upstream 500s', VIEWS));
    return { view: summary(waves), connections: CONNECTIONS, ttl: DEFAULTS.ttl, withinTtlMs, rounds };
  } finally {
    agent.destroy();
    await mf?.dispose();
    await upstream.close();
    bundle.remove();
  }
}

export function printWorkerProxy({ view, connections, ttl, withinTtlMs, rounds }: Awaited<ReturnType<typeof workerProxy>>): void {
  console.log(`discuss-thread/worker in workerd (miniflare), views of the sample article (${view}) over ${connections} connections:`);
  console.table(rounds);
  console.log(
    `The first three rounds took ${round(withinTtlMs / 1000)} s of the ${ttl} s TTL; the last ran on a proxy with TTL ${SHORT_TTL} s and STALE_FOR 0.`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) printWorkerProxy(await workerProxy());
