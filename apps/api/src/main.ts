import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@sandbridge/application';
import type { AppConfig } from '@sandbridge/common';
import { ConfigError, loadConfig } from '@sandbridge/config';
import { AccountRepository, DataDirectoryInUseError } from '@sandbridge/persistence';
import { createApiApp, logLevels } from './bootstrap.js';
import { consoleBuilt, graphiqlBuilt } from './web-console.js';

const EX_CONFIG = 78;

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EX_CONFIG);
    }
    throw error;
  }
  Logger.overrideLogger(logLevels(config.logLevel));
  // A new embedded database takes a while to create and migrate: say so rather than sit silent.
  // (EmbeddedPostgres keeps PostgreSQL's files in DATA_DIR/pgdata.)
  const { url, dataDir } = config.database;
  if (!url && !dataDir.startsWith('memory://') && !existsSync(join(dataDir, 'pgdata')))
    new Logger('Sandbridge').log(
      `Creating the embedded database in ${resolve(dataDir)} (the first start only: it takes a little while)…`,
    );
  try {
    const app = await createApiApp(config);
    await app.listen({ port: config.http.port, host: config.http.host });
    await sayWhereItIs(app, config);
  } catch (error) {
    console.error(`Sandbridge did not start: ${startFailure(error, config)}`);
    process.exit(1);
  }
}

/**
 * What a person needs once the server listens: its URL (tests that start this server read the port
 * from that line), how to sign in to the demo data, and where the data lives.
 */
async function sayWhereItIs(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const log = new Logger('Sandbridge');
  // The port bound, which PORT=0 leaves to the OS.
  const address = app.getHttpServer().address();
  const port = address && typeof address === 'object' ? address.port : config.http.port;
  const host = ['0.0.0.0', '::', ''].includes(config.http.host)
    ? 'localhost'
    : config.http.host.includes(':')
      ? `[${config.http.host}]`
      : config.http.host;
  const origin = `http://${host}:${port}`;
  const graphiql = !config.graphql.graphiql
    ? ''
    : graphiqlBuilt()
      ? ' — open it in a browser for GraphiQL'
      : ' — GraphiQL is not built (npm run build)';
  log.log(`Sandbridge API on ${origin}/graphql${graphiql}`);
  log.log(
    consoleBuilt()
      ? `Sandbridge console on ${origin}/ — open it in a browser`
      : 'The Sandbridge console is not built (npm run build)',
  );
  // The first innovator (innovators belong to an organisation): the README's journeys start there.
  const demo = DEMO_ACCOUNTS.find((account) => account.organisation);
  if (config.seedDemo && demo && (await app.get(AccountRepository, { strict: false }).findByEmail(demo.email))) {
    log.log(
      `Demo data loaded: sign in as ${demo.email} / ${DEMO_PASSWORD} (the console's sign-in page and the README list every demo account)`,
    );
  }
  log.log(`Data: ${whereTheDataLives(config)}`);
  if (config.env === 'production' && !config.database.url) {
    log.warn(
      'Production on the embedded database (EMBEDDED_DATABASE_IN_PRODUCTION=true): run one API process only, and back up DATA_DIR',
    );
  }
}

function whereTheDataLives(config: AppConfig): string {
  const { url, dataDir } = config.database;
  if (url) {
    // Never the password: host, port and database only.
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.host}${parsed.pathname} (DATABASE_URL)`;
  }
  if (dataDir.startsWith('memory://'))
    return 'the embedded database, in memory (DATA_DIR=memory://): gone when the server stops';
  return `the embedded database in ${resolve(dataDir)} (DATA_DIR; delete it to start afresh)`;
}

/**
 * One line for a failed start. The ones a person can fix (the data directory in use, the port taken,
 * PostgreSQL unreachable) say what to do, without a stack trace; anything else is a bug: its stack.
 */
function startFailure(error: unknown, config: AppConfig): string {
  if (error instanceof DataDirectoryInUseError) {
    const command = commandLineOf(error.owner);
    return command ? `${error.message} (Process ${error.owner} is \`${command}\`.)` : error.message;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return `port ${config.http.port} on ${config.http.host} is in use (another Sandbridge?): stop that server, or set PORT to a free port.`;
  }
  if (
    config.database.url &&
    typeof code === 'string' &&
    /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|[0-9A-Z]{5})$/.test(code)
  ) {
    const { host, pathname } = new URL(config.database.url);
    const reason = error instanceof Error && error.message ? error.message : code;
    return `PostgreSQL at ${host}${pathname} (DATABASE_URL): ${reason}`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The command line of process `pid`, where /proc tells (Linux); undefined elsewhere. */
function commandLineOf(pid: number): string | undefined {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return argv.length ? argv.join(' ').slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}

void main();
