// Browser tests load the built CDN file: build it once, as `npm run build` does, before they run.
import { build } from 'vite';

export default async function setup() {
  // Vitest sets NODE_ENV=test, which would make Vite resolve Lit's development build.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'vite.config.ts', mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = env;
  }
}
