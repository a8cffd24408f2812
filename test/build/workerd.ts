// For the tests that run the worker in workerd: src/worker/index.ts bundled into one ES module the
// way a site deploys it, and a local server for what the worker asks of the network.

import { createServer, type RequestListener, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';

export interface Bundle {
  dir: string;
  scriptPath: string;
  remove(): void;
}

/**
 * src/worker/index.ts as one ES module. By default with a web worker's export conditions, as
 * wrangler resolves them; `server: true` resolves packages by their `node` condition instead, as
 * the page renderer needs (Lit's server build: the browser build wants a DOM at load).
 */
export async function bundleWorker({ server = false } = {}): Promise<Bundle> {
  const dir = mkdtempSync(join(tmpdir(), 'discuss-thread-worker-'));
  const conditions = ['workerd', 'worker', 'module', 'node', 'production'];
  await build({
    configFile: false,
    logLevel: 'warn',
    // (Node's `buffer`, which Lit's server build imports, is workerd's own under `nodejs_compat`.)
    ssr: { noExternal: true, target: 'webworker', ...(server && { external: ['buffer'], resolve: { conditions, externalConditions: conditions } }) },
    build: {
      ssr: resolve('src/worker/index.ts'),
      outDir: dir,
      write: true,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'worker.js' } },
    },
  });
  return { dir, scriptPath: join(dir, 'worker.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A server on 127.0.0.1 and its origin. */
export async function listen(handler: RequestListener): Promise<{ server: Server; origin: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, origin, close: () => new Promise<void>((done) => server.close(() => done())) };
}
