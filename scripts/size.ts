// What costs bytes in the CDN file: each module's share of the minified output, and the file's
// raw (unminified), minified and gzip sizes. `npm run size`; the benchmark reuses `sizes()`.

import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

/**
 * 21 KB while the CDN file is still one file: reading real responses right (quotes with media,
 * validated cache entries, the atproto syntax) cost ~600 bytes. Splitting languages and rarely
 * used code into chunks beside it (issue 12) brings what a reader needs first to 14 KB.
 */
export const BUDGET = 21_504;

export const gzipSize = (code: string | Uint8Array): number => gzipSync(code, { level: 9 }).length;

async function bundle(minify: boolean): Promise<Rolldown.OutputChunk> {
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // Lit's production build, whoever calls us
  try {
    const out = await build({ configFile: 'vite.config.ts', mode: 'production', logLevel: 'silent', build: { write: false, minify } });
    const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
    return outputs[0].output.find((item): item is Rolldown.OutputChunk => item.type === 'chunk')!;
  } finally {
    process.env.NODE_ENV = env;
  }
}

export async function sizes() {
  const [raw, min] = await Promise.all([bundle(false), bundle(true)]);
  const modules = Object.entries(raw.modules)
    .map(([id, info]) => ({ module: id.replace(/^.*?node_modules\//, '').replace(process.cwd() + '/', ''), bytes: info.renderedLength }))
    .sort((a, b) => b.bytes - a.bytes);
  return { raw: Buffer.byteLength(raw.code), minified: Buffer.byteLength(min.code), gzip: gzipSize(min.code), modules };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await sizes();
  console.table(report.modules.map(({ module, bytes }) => ({ module, 'unminified bytes': bytes })));
  console.log(`dist/discuss-thread.js: ${report.raw} bytes unminified, ${report.minified} minified, ${report.gzip} gzip (budget ${BUDGET})`);
}
