// Builds docs/recipes/Discussion.astro into a static page, served by the recipes test under /astro/.
import { fileURLToPath } from 'node:url';

export default {
  site: 'https://news.example',
  base: '/astro/dist',
  outDir: './dist',
  logLevel: 'warn',
  vite: { resolve: { alias: { 'discuss-thread': fileURLToPath(new URL('../../../dist/npm/index.js', import.meta.url)) } } },
};
