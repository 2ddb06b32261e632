import 'reflect-metadata';
import helmet from '@fastify/helmet';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@sandbridge/common';
import { AppModule } from './app.module.js';
import { registerEvidenceRoutes } from './evidence/evidence-http.js';
import { formatError } from './graphql/errors.js';
import { overTokenLimit, queryTooComplex } from './graphql/query-limits.js';
import { registerWebConsole } from './web-console.js';

/**
 * Creates the API application (not yet listening). Shared by `main.ts` and the e2e tests. A failure
 * while starting (a database in use, unreachable, …) rejects with the error; nothing is printed here.
 */
export async function createApiApp(
  config: AppConfig,
  options: { logger?: false | LogLevel[] } = {},
): Promise<NestFastifyApplication> {
  const levels = options.logger ?? logLevels(config.logLevel);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    // trustProxy: whether request.ip (the failed sign-in limit's client address) comes from
    // X-Forwarded-For. Fastify also takes a hop count (a number), which Nest's type leaves out.
    new FastifyAdapter({ bodyLimit: config.http.bodyLimit, trustProxy: config.http.trustProxy as boolean | string[] }),
    // abortOnError: false — a failed start rejects (main.ts prints it once, without Nest's stack trace).
    { logger: levels === false ? false : new StartupQuietLogger(levels), bufferLogs: false, abortOnError: false },
  );
  await registerSecurityHeaders(app);
  await registerEvidenceRoutes(app, config);
  registerWebConsole(app, config);
  refuseOversizedDocuments(app, config.graphql.limits.tokens);
  app.enableShutdownHooks();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** What Nest says while wiring modules and routes: a line per module and route, useful only when debugging. */
const WIRING = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'GraphQLModule',
  'NestApplication',
]);

/**
 * Nest's console logger without the start-up wiring lines (unless LOG_LEVEL is debug or verbose), and
 * without Nest's own report of a failed start (the ExceptionHandler's stack trace, a failed listen):
 * with `abortOnError: false` the error is rethrown to the caller, which says it once.
 */
class StartupQuietLogger extends ConsoleLogger {
  private readonly wiring: boolean;

  constructor(levels: LogLevel[]) {
    super({ logLevels: levels });
    this.wiring = levels.includes('debug');
  }

  override log(message: unknown, ...rest: unknown[]): void {
    if (!this.wiring && WIRING.has(String(rest.at(-1) ?? this.context))) return;
    super.log(message, ...rest);
  }

  override error(message: unknown, ...rest: unknown[]): void {
    const context = String(rest.at(-1) ?? this.context);
    // Both reject as well: the start's failure is said once, by the caller (main.ts).
    if (context === 'ExceptionHandler' || (context === 'NestApplication' && /^Error: listen /.test(String(message))))
      return;
    super.error(message, ...rest);
  }
}

/**
 * Security headers on every response (helmet: `X-Content-Type-Options: nosniff`, HSTS, frame and
 * referrer policies, …). The API answers JSON, so its content security policy allows nothing; the
 * web console's page and assets (GraphiQL) get their own, same-origin policy (web-console.ts).
 */
async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
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

const LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export function logLevels(level: AppConfig['logLevel']): (typeof LEVELS)[number][] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}
