// The framework recipes in docs/recipes/, each mounted in a small app against the sample AppView.
// The package is imported by name, resolved to the built npm entry (dist/npm), as an app would.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { sampleAppView } from '../../demo/appview/server.ts';
import { staticRecipes } from './static-recipes.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const project = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  // Its own dependency cache: the demo's optimised deps were resolved for another set of plugins.
  cacheDir: `${project}node_modules/.vite-recipes`,
  resolve: { alias: { 'discuss-thread': `${project}dist/npm/index.js` } },
  server: { fs: { allow: [project] }, cors: false },
  logLevel: 'warn',
  // Svelte's entry must resolve with the browser condition, which the dependency optimiser misses.
  optimizeDeps: { exclude: ['svelte'] },
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'discuss-thread' } } }),
    svelte(),
    {
      name: 'sample-appview',
      configureServer(server) {
        server.middlewares.use(staticRecipes());
        server.middlewares.use(sampleAppView());
      },
    },
  ],
});
