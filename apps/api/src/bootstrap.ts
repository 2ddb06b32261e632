import 'reflect-metadata';
import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@sandbridge/common';
import { AppModule } from './app.module.js';
import { formatError } from './graphql/errors.js';
import { overTokenLimit, queryTooComplex } from './graphql/query-limits.js';

/** Creates the API application (not yet listening). Shared by `main.ts` and the e2e tests. */
export async function createApiApp(
  config: AppConfig,
  options: { logger?: false | ('error' | 'warn' | 'log' | 'debug' | 'verbose' | 'fatal')[] } = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    // trustProxy: whether request.ip (the failed sign-in limit's client address) comes from
    // X-Forwarded-For. Fastify also takes a hop count (a number), which Nest's type leaves out.
    new FastifyAdapter({ bodyLimit: config.http.bodyLimit, trustProxy: config.http.trustProxy as boolean | string[] }),
    { logger: options.logger ?? logLevels(config.logLevel), bufferLogs: false },
  );
  await registerSecurityHeaders(app, config);
  refuseOversizedDocuments(app, config.graphql.limits.tokens);
  app.enableShutdownHooks();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/**
 * Security headers on every response (helmet: `X-Content-Type-Options: nosniff`, HSTS, frame and
 * referrer policies, …). The API answers JSON, so its content security policy allows nothing; the
 * one HTML page, GraphiQL at GET /graphql (outside production), gets a policy that lets it load
 * its scripts and styles from unpkg.com and run its own inline script, pinned by hash.
 */
async function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
  });
  if (!config.graphql.graphiql) return;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      const type = reply.getHeader('content-type');
      if (
        request.method === 'GET' &&
        typeof payload === 'string' &&
        typeof type === 'string' &&
        type.startsWith('text/html') &&
        request.url.split('?')[0] === '/graphql'
      ) {
        reply.header('content-security-policy', graphiqlPolicy(payload));
      }
      return payload;
    });
}

/**
 * A GraphQL document over the token limit is refused as soon as its body is read, before Apollo
 * hashes and parses it: the same QUERY_TOO_COMPLEX answer the parser's own limit would give, sooner.
 * (Large inputs — reports, scenarios — travel in variables, which this leaves alone.)
 */
function refuseOversizedDocuments(app: NestFastifyApplication, maxTokens: number): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preHandler', async (request, reply) => {
      if (request.method !== 'POST' || request.routeOptions.url !== '/graphql') return;
      const query = (request.body as { query?: unknown } | null | undefined)?.query;
      if (!overTokenLimit(query, maxTokens)) return;
      const error = queryTooComplex('tokens', maxTokens);
      return reply
        .code(400)
        .type('application/json; charset=utf-8')
        .send({ errors: [formatError({ message: error.message, extensions: error.extensions }, error)] });
    });
}

const GRAPHIQL_ASSETS = 'https://unpkg.com';

function graphiqlPolicy(html: string): string {
  const inlineScripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${GRAPHIQL_ASSETS} ${inlineScripts.join(' ')}`,
    `style-src 'self' ${GRAPHIQL_ASSETS} 'unsafe-inline'`,
    `img-src 'self' data: ${GRAPHIQL_ASSETS}`,
    `font-src 'self' data: ${GRAPHIQL_ASSETS}`,
    "connect-src 'self' ws: wss:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export function logLevels(level: AppConfig['logLevel']): (typeof LEVELS)[number][] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}
