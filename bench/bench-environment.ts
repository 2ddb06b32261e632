import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** Where a benchmark runs: a database for this run only (embedded, or on `url`'s server), and how to remove it. */
export interface BenchDatabase {
  env: Record<string, string>;
  kind: string;
  where: string;
  drop: () => Promise<void>;
}

/** A database for this run only: a temporary data directory, or a fresh database named `<prefix>_<random>` on `url`'s server. */
export async function temporaryDatabase(url: string | undefined, prefix: string): Promise<BenchDatabase> {
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), `${prefix.replace(/_/g, '-')}-`));
    return {
      env: { DATA_DIR: dir },
      kind: 'embedded',
      where: dir,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const shown = new URL(target);
  shown.password = shown.password ? '***' : '';
  return {
    env: { DATABASE_URL: target.toString() },
    kind: 'PostgreSQL',
    where: shown.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Share of CPU time (all cores) spent busy over `ms`: unlike the load average, it does not lag. */
export async function cpuBusy(ms = 1000): Promise<number> {
  const total = () =>
    cpus().reduce(
      (acc, cpu) => ({
        idle: acc.idle + cpu.times.idle,
        all: acc.all + Object.values(cpu.times).reduce((a, b) => a + b, 0),
      }),
      { idle: 0, all: 0 },
    );
  const before = total();
  await sleep(ms);
  const after = total();
  return 1 - (after.idle - before.idle) / Math.max(1, after.all - before.all);
}
