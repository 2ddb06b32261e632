// The web console (for now: GraphiQL), built into dist/console and served by the API
// (apps/api/src/web-console.ts). `npm run build` runs this after the API's build (scripts/build.mjs).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  // The page is served at /graphql and its assets at /assets/…: absolute URLs from the site's root.
  base: '/',
  // Vite transforms TSX itself (no @vitejs/plugin-react): React 17+'s automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  worker: { format: 'es' },
  build: {
    outDir: resolve(root, '../../dist/console'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Monaco and GraphiQL are large by nature; the page is a developer tool served from this origin.
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      input: { graphiql: resolve(root, 'graphiql.html') },
      // React libraries mark modules "use client"; a bundle for the browser has nothing to do with it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
