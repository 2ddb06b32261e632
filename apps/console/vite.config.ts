// The web console, built into dist/console and served by the API (apps/api/src/web-console.ts): the
// console itself (index.html, served at / and, for any other page's URL, as the SPA fallback) and
// GraphiQL (graphiql.html, served at GET /graphql). `npm run build` runs this after the API's build
// (scripts/build.mjs); `npm run dev:console` serves it with Vite's dev server, proxying the API.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(root, '../../dist/console');

/** The console's budget: the JavaScript a browser must load before the first page shows. */
export const INITIAL_JS_LIMIT_KB = 350;
/** Where the build records the figure (scripts/build.mjs prints it, bench:console reads it). */
export const INITIAL_JS_REPORT = 'initial-js.json';

/** Where `npm run dev:console` sends /graphql (with its WebSocket), /health and /.well-known. */
const api = process.env.SANDBRIDGE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  // Pages are served at /, /innovator/…, /graphql and their assets at /assets/…: absolute URLs.
  base: '/',
  // Vite transforms TSX itself (no @vitejs/plugin-react): React 17+'s automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  worker: { format: 'es' },
  plugins: [initialJsBudget()],
  // The chart specs the CLI draws too (libs/charts: plain data, no platform code).
  resolve: { alias: { '@sandbridge/charts': resolve(root, '../../libs/charts/src/index.ts') } },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    // .vite/manifest.json: which files each page needs (the API serves GraphiQL's only when GRAPHIQL is on).
    manifest: true,
    // Monaco and GraphiQL are large by nature (a developer tool, lazy to nobody); the console's own
    // budget is INITIAL_JS_LIMIT_KB, checked below.
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      input: { console: resolve(root, 'index.html'), graphiql: resolve(root, 'graphiql.html') },
      // React libraries mark modules "use client"; a bundle for the browser has nothing to do with it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // The dev server is for the console: GraphiQL (its `?worker` imports the dependency optimiser cannot
  // load) stays the API's, at /graphql through the proxy.
  optimizeDeps: { entries: ['index.html'] },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/health': { target: api, changeOrigin: true },
      // Evidence files: uploaded (POST /evidence) and downloaded (GET /evidence/:id) over REST.
      '/evidence': { target: api, changeOrigin: true },
      '/.well-known': { target: api, changeOrigin: true },
    },
  },
  logLevel: 'warn',
});

/**
 * Measures the console's initial JavaScript — index.html's entry chunk and every chunk it imports
 * statically (lazy pages excluded), gzipped — writes it to dist/console/initial-js.json and fails the
 * build above INITIAL_JS_LIMIT_KB.
 */
function initialJsBudget(): Plugin {
  return {
    name: 'sandbridge-initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find(
        (chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.facadeModuleId === resolve(root, 'index.html'),
      );
      if (!entry || entry.type !== 'chunk') throw new Error('No chunk for the console entry (index.html)');
      const files = new Set<string>();
      const visit = (name: string) => {
        if (files.has(name)) return;
        files.add(name);
        const chunk = bundle[name];
        if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
      };
      visit(entry.fileName);
      let bytes = 0;
      let gzipBytes = 0;
      for (const name of files) {
        const chunk = bundle[name];
        if (chunk?.type !== 'chunk') continue;
        bytes += Buffer.byteLength(chunk.code);
        gzipBytes += gzipSync(chunk.code, { level: 9 }).length;
      }
      const report = { files: [...files], bytes, gzipBytes, limitBytes: INITIAL_JS_LIMIT_KB * 1024 };
      const kb = (gzipBytes / 1024).toFixed(1);
      if (gzipBytes > report.limitBytes)
        this.error(
          `The console's initial JavaScript is ${kb} KB gzipped, over its ${INITIAL_JS_LIMIT_KB} KB budget: ` +
            'load the new code lazily (a page in app/sections.tsx is a dynamic import).',
        );
      this.emitFile({ type: 'asset', fileName: INITIAL_JS_REPORT, source: `${JSON.stringify(report, null, 2)}\n` });
    },
  };
}
