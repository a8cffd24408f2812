// The build and browser tests check what ships: build it once, with `npm run build`, before any
// of them runs (so no test writes dist/ while another reads it).
import { execFileSync } from 'node:child_process';
import { installPds } from './browser/pds.ts';

export default function setup() {
  // Each project loads this file afresh; the environment is what they share.
  if (process.env.DISCUSS_THREAD_BUILT) return;
  process.env.DISCUSS_THREAD_BUILT = '1';
  const started = Date.now();
  // NODE_ENV=production: vitest's "test" would make Vite resolve Lit's development build.
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  console.log(`built dist/ in ${Date.now() - started} ms`);
  installPds(); // the sign-in tests' PDS, once per machine (about 90 s the first time)
}
