// The build and browser tests check what ships: build it once, with `npm run build`, before any
// of them runs (so no test writes dist/ while another reads it).
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { installPds } from './browser/pds.ts';
import { launchServer } from '../scripts/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser tests' one Chromium, for `chromium.connect` (see harness.ts). */
    chromium: string;
  }
}

export default async function setup(project: TestProject) {
  build();
  if (project.name !== 'browser') return;
  // One Chromium for every browser test file: each file connects to it and opens its own contexts,
  // instead of starting (and warming) a browser of its own.
  const server = await launchServer();
  project.provide('chromium', server.wsEndpoint());
  return () => server.close();
}

function build() {
  // Each project loads this file afresh; the environment is what they share.
  if (process.env.DISCUSS_THREAD_BUILT) return;
  process.env.DISCUSS_THREAD_BUILT = '1';
  const started = Date.now();
  // NODE_ENV=production: vitest's "test" would make Vite resolve Lit's development build.
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  console.log(`built dist/ in ${Date.now() - started} ms`);
  installPds(); // the sign-in tests' PDS, once per machine (about 40 s the first time)
}
