import { defineConfig, type Plugin } from 'vite';
import { sampleAppView } from './demo/appview/server.ts';
import { spacedust } from './demo/appview/live.ts';
import { minifyTemplates } from './scripts/minify-templates.ts';
import { quietTrustedTypes } from './scripts/trusted-types.ts';

/** The demo's sample AppView on the dev server, its stand-in Spacedust (`ws://…/spacedust`), and `/` sending readers to the demo page. */
function demo(): Plugin {
  const stream = spacedust();
  const appView = sampleAppView(stream);
  return {
    name: 'discuss-thread-demo',
    configureServer(server) {
      server.httpServer?.on('upgrade', (req, socket, head) => stream.upgrade(req, socket, head));
      server.httpServer?.on('close', stream.close);
      server.middlewares.use((req, res, next) => {
        if (req.url === '/') {
          res.writeHead(302, { location: '/demo/' });
          return res.end();
        }
        appView(req, res, next);
      });
    },
  };
}

export default defineConfig({
  plugins: [demo(), minifyTemplates(), quietTrustedTypes()],
  server: { port: 5173 },
  build: {
    // The CDN build: one minified ES module with Lit inside, the file a site owner names, and the
    // chunks it imports itself when needed (the discussion code, other languages) in a folder beside
    // it. Library mode, because an app build wraps every dynamic import in Vite's module-preload
    // helper (about 650 bytes gzip of the entry, with nothing to preload); its ES output would keep
    // whitespace and annotations, so the output asks for full minification itself.
    lib: { entry: 'src/index.ts', formats: ['es'] },
    rollupOptions: {
      preserveEntrySignatures: 'allow-extension', // so the code the chunks share with the entry stays in it
      output: {
        entryFileNames: 'discuss-thread.js',
        chunkFileNames: 'discuss-thread/[name]-[hash].js',
        format: 'es',
        minify: true,
        comments: { annotation: false },
      },
    },
    outDir: 'dist',
    copyPublicDir: false,
    emptyOutDir: true, // no chunk of an earlier build lingers; tsc writes dist/npm afterwards
    minify: true,
    target: 'es2022',
    reportCompressedSize: true,
  },
});
