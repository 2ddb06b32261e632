import 'reflect-metadata';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '@sandbridge/config';
import { openDatabase } from '@sandbridge/persistence';
import { generateMigration, pendingSchemaChanges } from './commands/migration.command.js';

const USAGE = `Usage: sandbridge <command>
  migration:run              apply pending migrations
  migration:revert           undo the last migration
  migration:generate NAME    write a migration for entity changes (into libs/persistence/src/migrations)
  migration:check            exit 1 when entities and migrations drift
  seed                       load the demo data (idempotent; refused in production)
  schema                     print the GraphQL schema (SDL)
  recognise [--explain] FILE resolve a recognition case (- for stdin); needs no database
  simulate [--json|--csv] [--svg OUT] FILE
                             run a simulation scenario (- for stdin); needs no database (simulate --help)
  verify --keys KEYS FILE    check a signed document against a saved JWK set, offline (verify --help)
The database is DATABASE_URL, or the embedded one under DATA_DIR.`;

/** The commands that need the configuration, and most the database. A bad configuration is reported, not thrown. */
export async function runPlatformCommand(command: string | undefined, args: string[]): Promise<number> {
  try {
    return await run(command, args);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
}

async function run(command: string | undefined, args: string[]): Promise<number> {
  const config = loadConfig();
  switch (command) {
    case 'migration:run': {
      const dataSource = await openDatabase(config.database, { migrate: false });
      try {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        console.error(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations');
      } finally {
        await dataSource.destroy();
      }
      return 0;
    }
    case 'migration:revert': {
      const dataSource = await openDatabase(config.database, { migrate: false });
      try {
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.error('Reverted the last migration');
      } finally {
        await dataSource.destroy();
      }
      return 0;
    }
    case 'migration:generate':
    case 'migration:check': {
      const dataSource = await openDatabase(config.database, { migrate: true });
      try {
        if (command === 'migration:check') {
          const { up } = await pendingSchemaChanges(dataSource);
          if (up.length) {
            console.error(`Entities and migrations drift:\n${up.join(';\n')}`);
            return 1;
          }
          console.error('Entities and migrations agree');
          return 0;
        }
        const name = args[0];
        if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
          console.error('migration:generate needs a kebab-case NAME, e.g. add-criteria');
          return 2;
        }
        const file = await generateMigration(dataSource, name, resolve('libs/persistence/src/migrations'));
        console.error(
          file
            ? `Wrote ${file} — add it to MIGRATIONS in libs/persistence/src/migrations/index.ts`
            : 'No changes: entities and migrations agree',
        );
      } finally {
        await dataSource.destroy();
      }
      return 0;
    }
    case 'seed': {
      if (config.env === 'production') {
        console.error('seed: demo data and demo accounts are refused when NODE_ENV=production');
        return 2;
      }
      const { seedDemo } = await import('./commands/seed.command.js');
      await seedDemo(config);
      return 0;
    }
    case 'schema': {
      const { printApiSchema } = await import('./commands/schema.command.js');
      process.stdout.write(await printApiSchema(config));
      return 0;
    }
    case undefined:
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}
