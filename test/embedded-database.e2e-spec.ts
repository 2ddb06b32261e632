import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { EmbeddedPostgres } from '@sandbridge/persistence';
import { freshTempDir } from '@sandbridge/testing';
import pg from 'pg';
import ts from 'typescript';

/**
 * The embedded database (PGlite behind a socket server): durable in its directory, exclusive to one
 * process at a time, usable in memory, and never on the port of a real PostgreSQL.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function sql<T = Record<string, unknown>>(db: EmbeddedPostgres, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

function lockFile(dataDir: string): string {
  return join(dataDir, 'sandbridge.lock');
}

describe('EmbeddedPostgres', () => {
  const open: EmbeddedPostgres[] = [];
  // A fresh data directory takes 2–3 s to initialise, a copy of one 0.3 s to open: copy one per test.
  let initialised: string;
  const newDataDir = () => {
    const dir = freshTempDir('embedded-');
    cpSync(initialised, dir, { recursive: true });
    return dir;
  };
  const start = async (dataDir: string) => {
    const db = await EmbeddedPostgres.start(dataDir);
    open.push(db);
    expect(db.port).toBeGreaterThan(0);
    expect(db.port).not.toBe(5432);
    expect(db.url).toContain(`:${db.port}/`);
    return db;
  };

  beforeAll(async () => {
    initialised = freshTempDir('embedded-initialised-');
    await (await EmbeddedPostgres.start(initialised)).stop();
    expect(existsSync(lockFile(initialised))).toBe(false);
  });

  afterEach(async () => {
    for (const db of open.splice(0)) await db.stop();
  });

  it('keeps its data across stop and start in the same directory', async () => {
    const dir = newDataDir();
    const first = await start(dir);
    await sql(first, "CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL); INSERT INTO note VALUES (1, 'kept')");
    await first.stop();
    expect(existsSync(lockFile(dir))).toBe(false);

    const second = await start(dir);
    expect(await sql(second, 'SELECT id, body FROM note')).toEqual([{ id: 1, body: 'kept' }]);
  });

  it('refuses a second start on an open directory, and allows it once stopped', async () => {
    const dir = newDataDir();
    const first = await start(dir);
    expect(readFileSync(lockFile(dir), 'utf8').trim()).toBe(String(process.pid));

    await expect(EmbeddedPostgres.start(dir)).rejects.toThrow(/already open in this process/);
    // The refused attempt must not have released the holder's lock or disturbed its server.
    expect(readFileSync(lockFile(dir), 'utf8').trim()).toBe(String(process.pid));
    expect(await sql(first, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

    await first.stop();
    await first.stop(); // idempotent: a DataSource and a shutdown hook may both stop it
    const again = await start(dir);
    expect(await sql(again, 'SELECT 2 AS two')).toEqual([{ two: 2 }]);
  });

  it('takes over a stale lock: a dead pid, its own pid from a previous run, or garbage', async () => {
    const dead = spawn('sleep', ['60'], { stdio: 'ignore' });
    const deadPid = dead.pid!;
    dead.kill('SIGKILL');
    await new Promise((resolve) => dead.once('exit', resolve));

    // A container restarted after a crash often gets the same pid (1) as the run that left the lock.
    for (const stale of [String(deadPid), String(process.pid), 'not a pid', '']) {
      const dir = newDataDir();
      writeFileSync(lockFile(dir), stale);
      const db = await start(dir);
      expect(readFileSync(lockFile(dir), 'utf8').trim()).toBe(String(process.pid));
      await db.stop();
      expect(existsSync(lockFile(dir))).toBe(false);
    }
  });

  it('refuses a directory whose lock names another live process', async () => {
    const dir = newDataDir();
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      writeFileSync(lockFile(dir), `${holder.pid}\n`);
      await expect(EmbeddedPostgres.start(dir)).rejects.toThrow(`in use by process ${holder.pid}`);
      expect(readFileSync(lockFile(dir), 'utf8').trim()).toBe(String(holder.pid));
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // Its holder gone, the lock is stale.
    await start(dir);
    expect(readFileSync(lockFile(dir), 'utf8').trim()).toBe(String(process.pid));
  });

  it('runs in memory with memory:// (no directory created)', async () => {
    const cwdEntry = join(process.cwd(), 'memory:');
    const db = await start('memory://');
    await sql(db, 'CREATE TABLE scratch (n int); INSERT INTO scratch VALUES (7)');
    expect(await sql(db, 'SELECT n FROM scratch')).toEqual([{ n: 7 }]);
    expect(existsSync(cwdEntry)).toBe(false);
  });

  describe('between processes', () => {
    // A child node process runs the real EmbeddedPostgres, transpiled on the fly (it has no
    // decorators, so plain transpilation is faithful). It lives under node_modules so that its
    // imports of @electric-sql/* resolve.
    let moduleDir: string;
    let modulePath: string;
    const children: ChildProcess[] = [];

    beforeAll(() => {
      const source = readFileSync(join(ROOT, 'libs/persistence/src/database/embedded-postgres.ts'), 'utf8');
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
      });
      mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
      moduleDir = mkdtempSync(join(ROOT, 'node_modules/.cache/sandbridge-embedded-test-'));
      modulePath = join(moduleDir, 'embedded-postgres.mjs');
      writeFileSync(modulePath, outputText);
    });

    afterAll(async () => {
      for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
          await new Promise((resolve) => child.once('exit', resolve));
        }
      }
      rmSync(moduleDir, { recursive: true, force: true });
    });

    /** Starts EmbeddedPostgres on `dataDir` in a child process; resolves with its first line of output. */
    function startInChild(dataDir: string): {
      child: ChildProcess;
      said: Promise<string>;
      exited: Promise<number | null>;
    } {
      const script = `
        import { pathToFileURL } from 'node:url';
        const [modulePath, dataDir] = process.argv.slice(1);
        const { EmbeddedPostgres } = await import(pathToFileURL(modulePath).href);
        try {
          const db = await EmbeddedPostgres.start(dataDir);
          console.log('started on port ' + db.port);
          setInterval(() => {}, 60_000);
        } catch (error) {
          console.log('refused: ' + error.message);
          process.exit(3);
        }`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script, modulePath, dataDir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      const said = new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]);
        });
        child.once('exit', (code) => reject(new Error(`child exited (${code}) before saying anything: ${out}`)));
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      return { child, said, exited };
    }

    it('refuses another process while this one has the directory open', async () => {
      const dir = newDataDir();
      await start(dir);
      const { said, exited } = startInChild(dir);
      expect(await said).toBe(
        `refused: The embedded database in ${dir} is in use by process ${process.pid} (lock file ${lockFile(dir)}). Stop that process, or point DATA_DIR elsewhere (or set DATABASE_URL).`,
      );
      expect(await exited).toBe(3);
    });

    it('is refused while another process has it open, and takes over after that process is killed', async () => {
      const dir = newDataDir();
      const writer = await start(dir);
      await sql(writer, "CREATE TABLE survivor (body text); INSERT INTO survivor VALUES ('before the crash')");
      await writer.stop();

      const { child, said, exited } = startInChild(dir);
      expect(await said).toMatch(/^started on port \d+$/);
      expect(await said).not.toBe('started on port 5432');
      await expect(EmbeddedPostgres.start(dir)).rejects.toThrow(`in use by process ${child.pid}`);

      child.kill('SIGKILL');
      await exited;
      const after = await start(dir);
      expect(readFileSync(lockFile(dir), 'utf8').trim()).toBe(String(process.pid));
      expect(await sql(after, 'SELECT body FROM survivor')).toEqual([{ body: 'before the crash' }]);
    });
  });
});
