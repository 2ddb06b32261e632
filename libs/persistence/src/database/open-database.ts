import { DataSource, MigrationExecutor } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

export interface DatabaseSettings {
  url?: string;
  dataDir: string;
  migrateOnStart: boolean;
  logSql: boolean;
  /** PostgreSQL `statement_timeout` of the pooled connections, in ms (0 or unset: none; not embedded). */
  statementTimeoutMs?: number;
  /** How long a caller waits for a free pooled connection, in ms. */
  poolWaitMs?: number;
}

/**
 * Opens the configured database: the PostgreSQL at `url`, or else the embedded one under `dataDir`.
 * The returned DataSource stops the embedded server when it is destroyed, so callers close one thing.
 */
export async function openDatabase(
  settings: DatabaseSettings,
  options: { migrate?: boolean } = {},
): Promise<DataSource> {
  const embedded = settings.url ? null : await EmbeddedPostgres.start(settings.dataDir);
  try {
    const dataSource = new DataSource(
      dataSourceOptions({
        url: settings.url ?? embedded!.url,
        embedded: embedded !== null,
        logSql: settings.logSql,
        statementTimeoutMs: settings.statementTimeoutMs,
        poolWaitMs: settings.poolWaitMs,
      }),
    );
    await dataSource.initialize();
    const destroy = dataSource.destroy.bind(dataSource);
    dataSource.destroy = async () => {
      try {
        if (dataSource.isInitialized) await destroy();
      } finally {
        await embedded?.stop();
      }
    };
    if (options.migrate ?? settings.migrateOnStart) await migrate(dataSource);
    return dataSource;
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/**
 * Runs pending migrations on one connection whose statement time limit is lifted for the purpose:
 * the limit guards requests, and a data migration may legitimately take longer than one request.
 */
async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SET statement_timeout = 0');
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    await executor.executePendingMigrations();
  } finally {
    // Back to the connection's own setting before it returns to the pool.
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}

/** True when `dataSource` points at the embedded database (one pooled connection). */
export function isEmbedded(dataSource: DataSource): boolean {
  return (dataSource.options.extra as { max?: number } | undefined)?.max === 1;
}
