import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../entities/index.js';
import { MIGRATIONS } from '../migrations/index.js';

export interface ConnectionTarget {
  url: string;
  /** The embedded database has one backend session: exactly one pooled connection. */
  embedded: boolean;
  logSql?: boolean;
  /**
   * PostgreSQL's `statement_timeout` for every pooled connection, in ms (0 or unset: none). Not set
   * on the embedded database: PGlite runs each statement synchronously in this process and cannot
   * interrupt it, so there the bound is the API's query limits.
   */
  statementTimeoutMs?: number;
  /** How long a caller waits for a free pooled connection, in ms. */
  poolWaitMs?: number;
}

/** The one place TypeORM is configured: API, CLI, tests and the drift check all use it. */
export function dataSourceOptions(target: ConnectionTarget): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install (PGlite has none).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    logging: target.logSql ? ['query', 'error'] : ['error'],
    extra: target.embedded
      ? { max: 1, connectionTimeoutMillis: target.poolWaitMs ?? 15_000 }
      : {
          max: 10,
          connectionTimeoutMillis: target.poolWaitMs ?? 10_000,
          ...(target.statementTimeoutMs ? { statement_timeout: target.statementTimeoutMs } : {}),
        },
  };
}
