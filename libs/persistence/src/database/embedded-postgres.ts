import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL in this process: PGlite (PostgreSQL compiled to WASM) behind a socket server, so the
 * ordinary `pg` driver and TypeORM's `postgres` driver reach it unchanged.
 *
 * Every socket connection shares one backend session: callers must use a pool of one connection.
 * PGlite does not lock its data directory, so a lock file refuses a second process.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly lockFile: string | null,
    readonly host: string,
    readonly port: number,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const inMemory = dataDir.startsWith('memory://');
    let lockFile: string | null = null;
    if (!inMemory) {
      mkdirSync(dataDir, { recursive: true });
      lockFile = acquireLock(resolve(dataDir, 'sandbridge.lock'));
    }
    try {
      const db = inMemory ? new PGlite() : new PGlite(join(dataDir, 'pgdata'));
      await db.waitReady;
      // Port 0: the OS picks a free one, never the 5432 of a real server on this machine.
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
      await server.start();
      const [host, port] = server.getServerConn().split(':');
      return new EmbeddedPostgres(db, server, lockFile, host, Number(port));
    } catch (error) {
      if (lockFile) rmSync(lockFile, { force: true });
      throw error;
    }
  }

  /** A connection URL for `pg` (trust auth, one database). */
  get url(): string {
    return `postgresql://postgres:postgres@${this.host}:${this.port}/postgres`;
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
      await this.db.close();
    } finally {
      if (this.lockFile) rmSync(this.lockFile, { force: true });
    }
  }
}

/** Creates the lock file exclusively; a stale one (its process gone, e.g. after kill -9) is taken over. */
function acquireLock(path: string): string {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (owner && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${resolve(path, '..')} is in use by process ${owner}. ` +
            'Stop that process, or point DATA_DIR elsewhere (or set DATABASE_URL).',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database (${path})`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
