import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '@sandbridge/persistence';
import pg from 'pg';

/**
 * One database per test file, copied from a template that is migrated once per run:
 * - embedded (no DATABASE_URL): the template's data directory is copied (reopening takes ~0.3 s);
 * - real PostgreSQL: `CREATE DATABASE … TEMPLATE …`.
 * Jest's globalSetup (plain JS) only names the template; the first test file to need it builds it
 * under a lock directory while the others wait.
 */
export interface TestDatabase {
  /** Set for a real PostgreSQL; unset for the embedded one. */
  url?: string;
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.SANDBRIDGE_TEST_TEMPLATE;
  const workDir = process.env.SANDBRIDGE_TEST_WORKDIR;
  if (!template || !workDir) throw new Error('Run the tests through Jest: its globalSetup names the template database');
  await ensureTemplate(template, workDir);
  if (process.env.DATABASE_URL) {
    const name = `sb_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(process.env.DATABASE_URL, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    return {
      url: withDatabase(process.env.DATABASE_URL, name),
      dataDir: join(workDir, 'unused'),
      drop: () => adminQuery(process.env.DATABASE_URL!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dataDir = mkdtempSync(join(workDir, 'db-'));
  cpSync(template, dataDir, { recursive: true });
  rmSync(join(dataDir, 'sandbridge.lock'), { force: true });
  return { dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

async function ensureTemplate(template: string, workDir: string): Promise<void> {
  const ready = join(workDir, 'template.ready');
  const lock = join(workDir, 'template.lock');
  for (let waited = 0; !existsSync(ready); waited += 100) {
    try {
      mkdirSync(lock);
    } catch {
      if (waited > 120_000) throw new Error('Timed out waiting for another test file to build the template database');
      await sleep(100);
      continue;
    }
    try {
      if (process.env.DATABASE_URL) {
        await adminQuery(process.env.DATABASE_URL, `CREATE DATABASE "${template}"`);
        const dataSource = await openDatabase({
          url: withDatabase(process.env.DATABASE_URL, template),
          dataDir: '',
          migrateOnStart: true,
          logSql: false,
        });
        await dataSource.destroy();
      } else {
        const dataSource = await openDatabase({ dataDir: template, migrateOnStart: true, logSql: false });
        await dataSource.destroy();
      }
      writeFileSync(ready, 'ok');
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** CREATE/DROP DATABASE run against the server's `postgres` database, never the target. */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function freshTempDir(prefix = 'sandbridge-'): string {
  return mkdtempSync(join(process.env.SANDBRIDGE_TEST_WORKDIR ?? tmpdir(), prefix));
}
