// Builds docs/recipes/Discussion.astro and DiscussionRendered.astro into static pages, served by the
// recipes test under /astro/.
import { fileURLToPath } from 'node:url';

const built = (path) => fileURLToPath(new URL(`../../../dist/npm/${path}`, import.meta.url));

export default {
  site: 'https://news.example',
  base: '/astro/dist',
  outDir: './dist',
  logLevel: 'warn',
  vite: {
    resolve: {
      alias: [
        { find: /^discuss-thread$/, replacement: built('index.js') },
        { find: /^discuss-thread\/server$/, replacement: built('server/index.js') },
      ],
    },
  },
};
