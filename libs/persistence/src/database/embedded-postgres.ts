import { randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The data directory is open elsewhere: in process `owner` (another server, a CLI command), or already
 * in this one. Its message says which process and what to do; start-up prints it alone.
 */
export class DataDirectoryInUseError extends Error {
  override readonly name = 'DataDirectoryInUseError';

  constructor(
    message: string,
    readonly owner: number,
  ) {
    super(message);
  }
}

/** Lock files this process holds (absolute paths): tells "open here already" from "stale, same pid". */
const heldLocks = new Set<string>();

/**
 * PostgreSQL in this process: PGlite (PostgreSQL compiled to WASM) behind a socket server, so the
 * ordinary `pg` driver and TypeORM's `postgres` driver reach it unchanged.
 *
 * Every socket connection shares one backend session: callers must use a pool of one connection.
 * PGlite does not lock its data directory, so a lock file refuses a second process (or a second
 * start in this one): two writers would corrupt the data.
 */
export class EmbeddedPostgres {
  private stopped: Promise<void> | null = null;

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
    let db: PGlite | null = null;
    try {
      db = inMemory ? new PGlite() : new PGlite(resolve(dataDir, 'pgdata'));
      await db.waitReady;
      // Port 0: the OS picks a free one. The socket server's own default is 5432, which would
      // collide with (or worse, shadow) a real PostgreSQL on this machine.
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
      await server.start();
      const conn = server.getServerConn();
      const separator = conn.lastIndexOf(':');
      const port = Number(conn.slice(separator + 1));
      if (!port || port === 5432) {
        await server.stop();
        throw new Error(`The embedded database got the unexpected address ${conn}`);
      }
      return new EmbeddedPostgres(db, server, lockFile, conn.slice(0, separator), port);
    } catch (error) {
      await db?.close().catch(() => undefined);
      if (lockFile) releaseLock(lockFile);
      throw error;
    }
  }

  /** A connection URL for `pg` (trust auth, one database). */
  get url(): string {
    return `postgresql://postgres:postgres@${this.host}:${this.port}/postgres`;
  }

  /** Stops the server, closes the database and releases the lock; later calls wait for the first. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      try {
        await this.server.stop();
        await this.db.close();
      } finally {
        if (this.lockFile) releaseLock(this.lockFile);
      }
    })();
    return this.stopped;
  }
}

/**
 * Takes the lock file, which holds the owner's pid. A lock whose process is gone (kill -9, a crash,
 * a container restarted with the same pid) is stale and taken over; a live owner is refused.
 */
function acquireLock(path: string): string {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createLockFile(path)) {
      heldLocks.add(path);
      return path;
    }
    const owner = readOwner(path);
    if (owner === undefined) continue; // released meanwhile: try again
    if (owner === process.pid && heldLocks.has(path)) {
      throw new DataDirectoryInUseError(
        `The embedded database in ${dirname(path)} is already open in this process. ` +
          'Stop the other EmbeddedPostgres (or DataSource) first, or use another DATA_DIR.',
        owner,
      );
    }
    if (owner !== null && owner !== process.pid && isAlive(owner)) {
      throw new DataDirectoryInUseError(
        `The embedded database in ${dirname(path)} is in use by process ${owner} (lock file ${path}). ` +
          'Stop that process, or point DATA_DIR elsewhere (or set DATABASE_URL).',
        owner,
      );
    }
    takeOverStaleLock(path, owner);
  }
  throw new Error(`Could not lock the embedded database (${path}): other processes keep taking the lock`);
}

/**
 * Creates the lock file with our pid in one step: the pid goes into a private file that is then
 * hard-linked into place, and link() fails when the lock exists. So another process never reads a
 * lock file that is empty or half-written (and mistakes it for a stale one).
 */
function createLockFile(path: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, `${process.pid}\n`);
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A filesystem without hard links: exclusive create, then write (a short window with an empty file).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return createLockFileDirectly(path);
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

function createLockFileDirectly(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The pid in the lock file; null when unreadable as a pid; undefined when the file is gone. */
function readOwner(path: string): number | null | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * Moves a stale lock aside (rename is atomic: of two processes taking over the same stale lock, one
 * moves it). If what was moved is no longer the stale lock — another process took over in between —
 * it is put back, and the next attempt sees that process as the owner.
 */
function takeOverStaleLock(path: string, staleOwner: number | null): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    if (readOwner(aside) !== staleOwner) linkSync(aside, path);
  } catch {
    // a new lock is already in place: the next attempt reads its owner
  } finally {
    rmSync(aside, { force: true });
  }
}

function releaseLock(path: string): void {
  if (!heldLocks.delete(path)) return;
  // Only our own lock: never delete one another process has taken over meanwhile.
  if (readOwner(path) === process.pid) rmSync(path, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
