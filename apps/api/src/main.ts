import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@sandbridge/config';
import { createApiApp } from './bootstrap.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = await createApiApp(config);
  await app.listen({ port: config.http.port, host: config.http.host });
  // The port bound, which PORT=0 leaves to the OS (tests that start this server read it here).
  const address = app.getHttpServer().address();
  const port = address && typeof address === 'object' ? address.port : config.http.port;
  const where = config.database.url
    ? 'PostgreSQL at DATABASE_URL'
    : `the embedded database in ${config.database.dataDir}`;
  const url = `http://localhost:${port}/graphql`;
  Logger.log(
    `Sandbridge API on ${url} (${where})${config.graphql.graphiql ? ` — GraphiQL: open ${url} in a browser` : ''}`,
    'Bootstrap',
  );
  if (config.env === 'production' && !config.database.url) {
    Logger.warn(
      'Production on the embedded database (EMBEDDED_DATABASE_IN_PRODUCTION=true): run one API process only, and back up DATA_DIR',
      'Bootstrap',
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
