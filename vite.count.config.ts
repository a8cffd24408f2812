import { defineConfig } from 'vite';

/**
 * `<discuss-count>`'s CDN file, built on its own (after the widget's, into the same folder) so that it
 * shares no chunk with the widget: one small module with nothing to import.
 */
export default defineConfig({
  build: {
    lib: { entry: 'src/count/index.ts', formats: ['es'], fileName: () => 'discuss-count.js' },
    rollupOptions: { output: { minify: true, comments: { annotation: false } } },
    outDir: 'dist',
    copyPublicDir: false,
    emptyOutDir: false,
    minify: true,
    target: 'es2022',
  },
});
