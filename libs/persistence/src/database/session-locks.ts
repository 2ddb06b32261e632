import pg from 'pg';
import type { DataSource } from 'typeorm';
import { isEmbedded } from './open-database.js';

/**
 * Session-level PostgreSQL advisory locks, held on ONE connection of their own (outside the pool)
 * for as long as their holder wants — e.g. while a long job runs — and released by the server when
 * the process dies (its session ends). Keys are (namespace, hashtext(name)): the two-int form, a key
 * space apart from the one-bigint `pg_advisory_xact_lock` of the audit chain.
 *
 * Why not a pooled connection: a session lock belongs to the connection that took it, and a pool
 * hands that connection to other queries (and unlocks would land on another one); holding a pooled
 * connection per job would drain the pool. One extra connection per process avoids both.
 *
 * The embedded database gets no locks (`available` is false): its data directory is open in one
 * process only, so there is nobody to exclude — and all its socket connections share one backend
 * session, in which every advisory lock would succeed anyway (and a second connection from this
 * process would compete for its single slot).
 */
export class SessionLocks {
  private readonly url: string | null;
  private client: Promise<pg.Client> | null = null;
  private closed = false;

  constructor(
    dataSource: DataSource,
    private readonly namespace: number,
  ) {
    this.url = isEmbedded(dataSource) ? null : ((dataSource.options as { url?: string }).url ?? null);
  }

  get available(): boolean {
    return this.url !== null && !this.closed;
  }

  /** True when this process now holds `name`'s lock; false when another session holds it (or no locks here). */
  async tryLock(name: string): Promise<boolean> {
    if (!this.available) return false;
    const { rows } = await (
      await this.session()
    ).query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [this.namespace, name]);
    return rows[0]?.locked === true;
  }

  async unlock(name: string): Promise<void> {
    if (!this.available || !this.client) return;
    await (await this.session()).query('SELECT pg_advisory_unlock($1, hashtext($2))', [this.namespace, name]);
  }

  /** Ends the session: the server releases every lock still held. */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    if (client) await (await client.catch(() => null))?.end().catch(() => {});
  }

  private session(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.url!, connectionTimeoutMillis: 10_000 });
    const session: Promise<pg.Client> = client.connect().then(
      () => client,
      (error: unknown) => {
        if (this.client === session) this.client = null;
        throw error;
      },
    );
    // A lost session has released its locks (a holder then relies on idempotent work): the next lock opens a new one.
    client.on('error', () => {
      if (this.client === session) this.client = null;
      client.end().catch(() => {});
    });
    this.client = session;
    return session;
  }
}
