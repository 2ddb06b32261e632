import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@sandbridge/common';

/**
 * The web console's built files (apps/console, built by `npm run build` into dist/console), served by
 * the API from this origin: the console at `/` — and, as a single-page app, its page for any other
 * path a browser opens (`/innovator/systems`, …) — and GraphiQL at GET /graphql when a browser asks for
 * HTML (outside production: `GRAPHIQL`), with their scripts and styles under /assets/. Nothing comes
 * from a CDN: it works offline, and its content security policy allows this origin only.
 */
export const CONSOLE_DIR = join(repositoryRoot(), 'dist', 'console');
const CONSOLE_PAGE = 'index.html';
const GRAPHIQL_PAGE = 'graphiql.html';
const ASSETS = '/assets/';
/** Paths that are the API's, never the console's page: GraphQL, health, keys, the assets themselves. */
const API_PATHS = ['/graphql', '/health', '/.well-known', '/assets'];

/**
 * The console's policy: its own scripts, styles and workers only. Styles also inline (Mantine sets
 * CSS variables, the editor element styles), images and fonts also `data:` (icons in the
 * stylesheets); Monaco may start a worker from a `blob:` URL. `connect-src 'self'` covers /graphql
 * and, in CSP 3 browsers (Chromium, Firefox, Safari), its WebSocket on the same host (subscriptions).
 */
export const CONSOLE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Whether the build wrote GraphiQL's page (`npm run build`, `npm start`). */
export function graphiqlBuilt(): boolean {
  return existsSync(join(CONSOLE_DIR, GRAPHIQL_PAGE));
}

/** Whether the build wrote the console's page. */
export function consoleBuilt(): boolean {
  return existsSync(join(CONSOLE_DIR, CONSOLE_PAGE));
}

/**
 * Serves the console (always) and GraphiQL (when `GRAPHIQL` is on). Call before `app.init()`: it adds
 * Fastify hooks and routes.
 */
export function registerWebConsole(app: NestFastifyApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  const graphiql = config.graphql.graphiql;
  const consolePage = consoleBuilt() ? readFileSync(join(CONSOLE_DIR, CONSOLE_PAGE), 'utf8') : null;
  const graphiqlPage = graphiql && graphiqlBuilt() ? readFileSync(join(CONSOLE_DIR, GRAPHIQL_PAGE), 'utf8') : null;
  // GraphiQL's own files only while GraphiQL is on; the console's always.
  serveAssets(app, graphiql ? null : filesOf(CONSOLE_PAGE));

  if (graphiql)
    fastify.addHook('onRequest', async (request, reply) => {
      if (!wantsGraphiQL(request)) return;
      // Outside Apollo's route: Apollo answers GET /graphql with queries; its own GraphiQL (from a CDN) is off.
      if (!graphiqlPage) return notBuilt(reply, 'GraphiQL');
      return page(reply, graphiqlPage);
    });

  // The console's page for every path a browser opens that is not the API's: the console's router
  // shows the page for that path (or its own "not found"). Anything else gets the API's 404.
  const spa = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?', 1)[0];
    const html = (request.headers.accept ?? '').includes('text/html');
    if (!html || API_PATHS.some((api) => path === api || path.startsWith(`${api}/`))) return reply.callNotFound();
    if (!consolePage) return notBuilt(reply, 'The console');
    return page(reply, consolePage);
  };
  fastify.get('/', spa);
  fastify.get('/*', spa);

  // After helmet's headers: pages and assets get the console's policy instead of the API's.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(ASSETS) || String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
      reply.header('content-security-policy', CONSOLE_POLICY);
    return payload;
  });
}

function page(reply: FastifyReply, html: string) {
  return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
}

function notBuilt(reply: FastifyReply, what: string) {
  return reply
    .code(503)
    .type('text/plain; charset=utf-8')
    .send(`${what} is not built: run \`npm run build\` (\`npm start\` builds it too).\n`);
}

/**
 * The asset names a page needs — its entry's chunk, the chunks it imports (statically or lazily), their
 * styles and files — from the build's manifest (dist/console/.vite/manifest.json); empty without one.
 */
function filesOf(pageFile: string): Set<string> {
  const manifestFile = join(CONSOLE_DIR, '.vite', 'manifest.json');
  const files = new Set<string>();
  if (!existsSync(manifestFile)) return files;
  type Chunk = { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; assets?: string[] };
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, Chunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])])
      if (file.startsWith('assets/')) files.add(file.slice('assets/'.length));
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit(pageFile);
  return files;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/**
 * GET /assets/NAME: the files the build wrote, listed once at start (only those names are served, so
 * no path leaves the directory), or only those in `only`. Their names carry a hash of their content,
 * so browsers may keep them.
 * (Not @fastify/static: it require()s an ES-module-only package, which Node allows but Jest's module
 * runtime does not, and every in-process e2e test starts this.)
 */
function serveAssets(app: NestFastifyApplication, only: Set<string> | null): void {
  const dir = join(CONSOLE_DIR, 'assets');
  const files = new Map<string, string>();
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const type = CONTENT_TYPES[extname(name)];
    if (type && (!only || only.has(name))) files.set(name, type);
  }
  app
    .getHttpAdapter()
    .getInstance()
    .get(`${ASSETS}:name`, async (request, reply) => {
      const name = (request.params as { name: string }).name;
      const type = files.get(name);
      if (!type) return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
      return reply
        .type(type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(createReadStream(join(dir, name)));
    });
}

/**
 * A browser opening /graphql: GET, HTML accepted, no GraphQL query in the URL (GraphQL clients and
 * the GraphQL-over-HTTP audits send `?query=` and ask for JSON).
 */
function wantsGraphiQL(request: { method: string; url: string; headers: { accept?: string } }): boolean {
  if (request.method !== 'GET') return false;
  const [path, search = ''] = request.url.split('?', 2);
  if (path !== '/graphql' || new URLSearchParams(search).has('query')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/** The directory holding package.json, above this file (apps/api/src in the sources, dist/apps/api/src built). */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}
