import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

export interface DatabaseSettings {
  url?: string;
  dataDir: string;
  migrateOnStart: boolean;
  logSql: boolean;
}

/**
 * Opens the configured database: the PostgreSQL at `url`, or else the embedded one under `dataDir`.
 * The returned DataSource stops the embedded server when it is destroyed, so callers close one thing.
 */
export async function openDatabase(settings: DatabaseSettings, options: { migrate?: boolean } = {}): Promise<DataSource> {
  const embedded = settings.url ? null : await EmbeddedPostgres.start(settings.dataDir);
  try {
    const dataSource = new DataSource(
      dataSourceOptions({ url: settings.url ?? embedded!.url, embedded: embedded !== null, logSql: settings.logSql }),
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
    if (options.migrate ?? settings.migrateOnStart) {
      await dataSource.runMigrations({ transaction: 'each' });
    }
    return dataSource;
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** True when `dataSource` points at the embedded database (one pooled connection). */
export function isEmbedded(dataSource: DataSource): boolean {
  return (dataSource.options.extra as { max?: number } | undefined)?.max === 1;
}
