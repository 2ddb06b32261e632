import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../entities/index.js';
import { MIGRATIONS } from '../migrations/index.js';

export interface ConnectionTarget {
  url: string;
  /** The embedded database has one backend session: exactly one pooled connection. */
  embedded: boolean;
  logSql?: boolean;
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
      ? { max: 1, connectionTimeoutMillis: 15_000 }
      : { max: 10, connectionTimeoutMillis: 10_000 },
  };
}
