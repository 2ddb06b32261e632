import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isEmbedded, MIGRATIONS, openDatabase } from '@sandbridge/persistence';
import { createTestDatabase, freshTempDir } from '@sandbridge/testing';
import { DataSource } from 'typeorm';

/**
 * Migrations are the only way the schema changes (docs/architecture.md): after all of them the entities must
 * match the database exactly, and each `down` must restore the schema its `up` started from.
 *
 * The per-file database is the embedded PGlite without DATABASE_URL and the real PostgreSQL with it
 * (CI runs both modes); with DATABASE_URL the same checks also run on a fresh embedded database, so one
 * run covers both engines (PGlite is PostgreSQL 18, CI's server 15).
 */
interface Engine {
  name: string;
  open(): Promise<{ dataSource: DataSource; close(): Promise<void> }>;
}

const perFileDatabase: Engine = {
  name: process.env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : 'embedded PGlite',
  async open() {
    const database = await createTestDatabase();
    const dataSource = await openDatabase({
      url: database.url,
      dataDir: database.dataDir,
      migrateOnStart: false,
      logSql: false,
    });
    return {
      dataSource,
      close: async () => {
        try {
          await dataSource.destroy();
        } finally {
          await database.drop();
        }
      },
    };
  },
};

const freshEmbeddedDatabase: Engine = {
  name: 'embedded PGlite (beside DATABASE_URL)',
  async open() {
    const dataDir = freshTempDir('migrations-');
    const dataSource = await openDatabase({ dataDir, migrateOnStart: true, logSql: false });
    return {
      dataSource,
      close: async () => {
        try {
          await dataSource.destroy();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      },
    };
  },
};

const engines = process.env.DATABASE_URL ? [perFileDatabase, freshEmbeddedDatabase] : [perFileDatabase];

describe.each(engines)('migrations on $name', (engine) => {
  let db: Awaited<ReturnType<Engine['open']>>;

  beforeAll(async () => {
    db = await engine.open();
  });

  afterAll(async () => {
    await db?.close();
  });

  it('runs on the engine it claims to', () => {
    expect(isEmbedded(db.dataSource)).toBe(engine.name.startsWith('embedded'));
  });

  it('leaves no difference between the entities and the migrated schema', async () => {
    expect(await executedMigrations(db.dataSource)).toBe(MIGRATIONS.length);
    expect(await pendingUpQueries(db.dataSource)).toEqual([]);
  });

  it('reverts every migration to the schema before it, and migrates up again', async () => {
    const { dataSource } = db;
    const migrated = await schemaSnapshot(dataSource);
    expect(ourTables(migrated)).toEqual(expect.arrayContaining(dataSource.entityMetadatas.map((m) => m.tableName)));

    // Down, one migration at a time: the schema after undoing migration k.
    const afterUndo: Snapshot[] = [];
    for (let k = MIGRATIONS.length; k > 0; k--) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await executedMigrations(dataSource)).toBe(k - 1);
      afterUndo[k - 1] = await schemaSnapshot(dataSource);
    }
    expect(ourTables(afterUndo[0])).toEqual([]);
    expect(afterUndo[0].types).toEqual([]);

    // Up again, one migration at a time (a DataSource that knows only the first k): undoing
    // migration k must have restored exactly the schema that migrations 1..k-1 build.
    for (let k = 1; k <= MIGRATIONS.length; k++) {
      const prefix = new DataSource({
        ...dataSource.options,
        migrations: MIGRATIONS.slice(0, k),
      } as typeof dataSource.options);
      await prefix.initialize();
      try {
        const applied = await prefix.runMigrations({ transaction: 'each' });
        expect(applied.map((m) => m.name)).toEqual([(MIGRATIONS[k - 1] as unknown as { name: string }).name]);
      } finally {
        await prefix.destroy();
      }
      const afterUp = await schemaSnapshot(dataSource);
      if (k < MIGRATIONS.length) expect(afterUndo[k]).toEqual(afterUp);
      else expect(afterUp).toEqual(migrated);
    }

    expect(await executedMigrations(dataSource)).toBe(MIGRATIONS.length);
    expect(await pendingUpQueries(dataSource)).toEqual([]);
  });
});

async function pendingUpQueries(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

async function executedMigrations(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query('SELECT count(*)::int AS n FROM "migrations"');
  return row.n;
}

interface Snapshot {
  columns: string[];
  constraints: string[];
  indexes: string[];
  types: string[];
}

/** The public schema as text: columns, constraints, indexes and enum types (same engine, same form). */
async function schemaSnapshot(dataSource: DataSource): Promise<Snapshot> {
  const lines = async (sql: string) => (await dataSource.query(sql)).map((r: { line: string }) => r.line) as string[];
  return {
    columns: await lines(`
      SELECT concat_ws(' ', table_name, column_name, data_type, udt_name, character_maximum_length, is_nullable, column_default) AS line
      FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`),
    constraints: await lines(`
      SELECT concat_ws(' ', c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)) AS line
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' ORDER BY 1`),
    indexes: await lines(
      `SELECT concat_ws(' ', tablename, indexname, indexdef) AS line FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
    ),
    types: await lines(`
      SELECT concat_ws(' ', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)) AS line
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY 1`),
  };
}

/** Tables other than TypeORM's own bookkeeping. */
function ourTables(snapshot: Snapshot): string[] {
  return [...new Set(snapshot.columns.map((line) => line.split(' ')[0]))].filter((table) => table !== 'migrations');
}
