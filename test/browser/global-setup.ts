// Browser tests load the built CDN file: build it once before they run.
import { build } from 'vite';

export default async function setup() {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
