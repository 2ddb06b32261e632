import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@sandbridge/common';

/**
 * The web console's built files (apps/console, built by `npm run build` into dist/console), served by
 * the API from this origin: for now GraphiQL, at GET /graphql when a browser asks for HTML, with its
 * scripts, styles and editor workers under /assets/. Nothing comes from a CDN: it works offline, and its
 * content security policy allows this origin only.
 */
export const CONSOLE_DIR = join(repositoryRoot(), 'dist', 'console');
const GRAPHIQL_PAGE = 'graphiql.html';
const ASSETS = '/assets/';

/**
 * The console's policy: its own scripts, styles and workers only. Styles also inline (the editor sets
 * element styles), images and fonts also `data:` (icons in the stylesheet); Monaco may start a worker
 * from a `blob:` URL. `connect-src 'self'` covers /graphql and, in CSP 3 browsers, its WebSocket
 * (subscriptions).
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

/** Serves GraphiQL (when `GRAPHIQL` is on). Call before `app.init()`: it adds Fastify hooks and a route. */
export function registerWebConsole(app: NestFastifyApplication, config: AppConfig): void {
  if (!config.graphql.graphiql) return;
  const fastify = app.getHttpAdapter().getInstance();
  const page = graphiqlBuilt() ? readFileSync(join(CONSOLE_DIR, GRAPHIQL_PAGE), 'utf8') : null;
  if (page) serveAssets(app);
  fastify.addHook('onRequest', async (request, reply) => {
    if (!wantsGraphiQL(request)) return;
    // Outside Apollo's route: Apollo answers GET /graphql with queries; its own GraphiQL (from a CDN) is off.
    if (!page) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('GraphiQL is not built: run `npm run build` (`npm start` builds it too).\n');
    }
    return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  });
  // After helmet's headers: the page and its assets get the console's policy instead of the API's.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (wantsGraphiQL(request) || request.url.startsWith(ASSETS))
      reply.header('content-security-policy', CONSOLE_POLICY);
    return payload;
  });
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
 * no path leaves the directory). Their names carry a hash of their content, so browsers may keep them.
 * (Not @fastify/static: it require()s an ES-module-only package, which Node allows but Jest's module
 * runtime does not, and every in-process e2e test starts this.)
 */
function serveAssets(app: NestFastifyApplication): void {
  const dir = join(CONSOLE_DIR, 'assets');
  const files = new Map<string, string>();
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const type = CONTENT_TYPES[extname(name)];
    if (type) files.set(name, type);
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
