import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock } from '@sandbridge/common';
import { type Actor, DomainError, Role } from '@sandbridge/domain';
import { SimulationRunRepository, TransactionalConnection } from '@sandbridge/persistence';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { SimulationRunner } from '../simulation/simulation-runner.js';
import { SIMULATION_QUEUE } from '../simulation/simulation-queue.js';

/** Worst first: the overall status is the worst of the parts'. */
export enum HealthStatus {
  OK = 'OK',
  DEGRADED = 'DEGRADED',
  DOWN = 'DOWN',
}

export enum DatabaseKind {
  /** PGlite in this process (DATABASE_URL unset). */
  EMBEDDED = 'EMBEDDED',
  POSTGRESQL = 'POSTGRESQL',
}

export enum RedisState {
  NOT_CONFIGURED = 'NOT_CONFIGURED',
  UP = 'UP',
  DOWN = 'DOWN',
}

export interface DatabaseHealth {
  status: HealthStatus;
  up: boolean;
  kind: DatabaseKind;
  roundTripMs: number | null;
  migrationsApplied: number | null;
  migrationsPending: number | null;
  problem: string | null;
}

export interface RedisHealth {
  status: HealthStatus;
  state: RedisState;
  roundTripMs: number | null;
  problem: string | null;
}

export interface WorkersHealth {
  status: HealthStatus;
  /** Simulation runs this API process is executing now. */
  runsInThisProcess: number;
  /** Worker processes connected to the Redis queue; null without Redis (chunks run in the API). */
  queueWorkers: number | null;
  /** Chunks held by a worker whose lock is live (renewed within the lock duration); null without Redis. */
  chunksRunning: number | null;
  /** Chunks waiting in the Redis queue; null without Redis. */
  chunksWaiting: number | null;
  /** Chunks taken by a worker that stopped renewing its lock (BullMQ puts them back at its next stalled check); null without Redis. */
  chunksStalled: number | null;
  runsQueued: number | null;
  runsRunning: number | null;
  /** Chunks of the queued and running runs with no stored partial yet. */
  chunksRemaining: number | null;
  problem: string | null;
}

export interface ProcessHealth {
  status: HealthStatus;
  uptimeSeconds: number;
  version: string;
  nodeVersion: string;
  rssBytes: number;
  heapUsedBytes: number;
}

export interface PlatformHealth {
  status: HealthStatus;
  checkedAt: Date;
  database: DatabaseHealth;
  redis: RedisHealth;
  workers: WorkersHealth;
  process: ProcessHealth;
}

/** Every probe answers within this, or counts as failed: the page must not hang on a dead service. */
export const PROBE_TIMEOUT_MS = 2_000;
/** A database or Redis slower than this to answer `SELECT 1` / PING is DEGRADED. */
const SLOW_MS = 500;
/** At most this many active chunks are looked at for a live lock. */
const ACTIVE_SAMPLE = 200;

const RANK = [HealthStatus.OK, HealthStatus.DEGRADED, HealthStatus.DOWN];
export function worst(...statuses: HealthStatus[]): HealthStatus {
  return statuses.reduce((a, b) => (RANK.indexOf(b) > RANK.indexOf(a) ? b : a), HealthStatus.OK);
}

class ProbeTimeout extends Error {}

function within<T>(promise: Promise<T>, ms = PROBE_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A problem in words — never the error's own message, which may carry a connection string. */
function problemOf(error: unknown, what: string): string {
  return error instanceof ProbeTimeout
    ? `${what} did not answer within ${PROBE_TIMEOUT_MS / 1000} s`
    : `${what} did not answer (${(error as { code?: unknown })?.code ?? 'error'})`.replace(/[^\w .()-]/g, '');
}

function elapsed(started: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
}

/** The version in the package.json above this module (in src or in dist). */
const VERSION = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
      } catch {
        return 'unknown';
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
})();

/**
 * The platform health page (administrators only): the database, Redis, the simulation workers and
 * queues, this process. Every probe is bounded (PROBE_TIMEOUT_MS; queries read indexes or small
 * tables) and nothing it reports names a host, a URL or a secret.
 */
@Injectable()
export class PlatformHealthService implements OnApplicationShutdown {
  private redis: Redis | null = null;
  private queue: Queue | null = null;

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly runs: SimulationRunRepository,
    private readonly runner: SimulationRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(actor: Actor): Promise<PlatformHealth> {
    if (actor.role !== Role.ADMIN) throw DomainError.forbidden('Only administrators read the platform health');
    const [database, redis] = await Promise.all([this.database(), this.redisHealth()]);
    const workers = await this.workers(database.up, redis.state === RedisState.UP);
    const proc = this.processHealth();
    return {
      status: worst(database.status, redis.status, workers.status, proc.status),
      checkedAt: this.clock.now(),
      database,
      redis,
      workers,
      process: proc,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close().catch(() => {});
    this.redis?.disconnect();
  }

  private async database(): Promise<DatabaseHealth> {
    const kind = this.config.database.url ? DatabaseKind.POSTGRESQL : DatabaseKind.EMBEDDED;
    const source = this.connection.dataSource;
    try {
      const started = process.hrtime.bigint();
      await within(source.query('SELECT 1'));
      const roundTripMs = elapsed(started);
      // One row per migration ever run: a few dozen.
      const rows: { name: string }[] = await within(source.query('SELECT name FROM migrations'));
      const applied = new Set(rows.map((r) => r.name));
      const pending = source.migrations.filter((m) => !applied.has(m.name ?? m.constructor.name)).length;
      const status = pending > 0 || roundTripMs > SLOW_MS ? HealthStatus.DEGRADED : HealthStatus.OK;
      return {
        status,
        up: true,
        kind,
        roundTripMs,
        migrationsApplied: applied.size,
        migrationsPending: pending,
        problem: pending > 0 ? `${pending} migration(s) not applied` : roundTripMs > SLOW_MS ? 'slow to answer' : null,
      };
    } catch (error) {
      return {
        status: HealthStatus.DOWN,
        up: false,
        kind,
        roundTripMs: null,
        migrationsApplied: null,
        migrationsPending: null,
        problem: problemOf(error, 'The database'),
      };
    }
  }

  private client(): Redis {
    // Its own connection, made on first use: fails fast instead of queueing commands while down.
    this.redis ??= new Redis(this.config.redisUrl!, {
      lazyConnect: true,
      connectTimeout: PROBE_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
    });
    this.redis.on('error', () => {});
    return this.redis;
  }

  private async redisHealth(): Promise<RedisHealth> {
    if (!this.config.redisUrl)
      return { status: HealthStatus.OK, state: RedisState.NOT_CONFIGURED, roundTripMs: null, problem: null };
    try {
      const redis = this.client();
      if (redis.status === 'wait' || redis.status === 'end') await within(redis.connect());
      const started = process.hrtime.bigint();
      await within(redis.ping());
      const roundTripMs = elapsed(started);
      return {
        status: roundTripMs > SLOW_MS ? HealthStatus.DEGRADED : HealthStatus.OK,
        state: RedisState.UP,
        roundTripMs,
        problem: roundTripMs > SLOW_MS ? 'slow to answer' : null,
      };
    } catch (error) {
      return {
        status: HealthStatus.DOWN,
        state: RedisState.DOWN,
        roundTripMs: null,
        problem: problemOf(error, 'Redis'),
      };
    }
  }

  private async workers(databaseUp: boolean, redisUp: boolean): Promise<WorkersHealth> {
    const health: WorkersHealth = {
      status: HealthStatus.OK,
      runsInThisProcess: this.runner.activeRuns,
      queueWorkers: null,
      chunksRunning: null,
      chunksWaiting: null,
      chunksStalled: null,
      runsQueued: null,
      runsRunning: null,
      chunksRemaining: null,
      problem: null,
    };
    const problems: string[] = [];
    if (databaseUp) {
      try {
        const counts = await within(this.runs.unfinishedCounts());
        health.runsQueued = counts.queued;
        health.runsRunning = counts.running;
        health.chunksRemaining = counts.chunksRemaining;
      } catch (error) {
        problems.push(problemOf(error, 'The simulation runs'));
      }
    }
    if (this.config.redisUrl && !redisUp) {
      health.status = HealthStatus.DEGRADED;
      problems.push('the simulation queue is unreachable (Redis down)');
    } else if (redisUp) {
      try {
        Object.assign(health, await within(this.queueCounts()));
        if (health.chunksStalled) problems.push(`${health.chunksStalled} chunk(s) stalled`);
        if ((health.chunksWaiting ?? 0) > 0 && health.queueWorkers === 0)
          problems.push('chunks are waiting and no worker is connected');
      } catch (error) {
        problems.push(problemOf(error, 'The simulation queue'));
      }
    }
    if (problems.length) health.status = HealthStatus.DEGRADED;
    health.problem = problems.length ? problems.join('; ') : null;
    return health;
  }

  /** BullMQ's own counts of the simulation chunk queue, and the active chunks whose lock has lapsed. */
  private async queueCounts(): Promise<
    Pick<WorkersHealth, 'queueWorkers' | 'chunksRunning' | 'chunksWaiting' | 'chunksStalled'>
  > {
    const redis = this.client();
    this.queue ??= new Queue(SIMULATION_QUEUE, { connection: redis, prefix: this.config.queue.prefix });
    const counts = await this.queue.getJobCounts('wait', 'prioritized', 'delayed', 'active');
    // CLIENT LIST may be refused by a managed Redis: the worker count is then unknown, not zero.
    const workers = await this.queue.getWorkersCount().catch(() => null);
    const activeIds = (await redis.lrange(this.queue.toKey('active'), 0, ACTIVE_SAMPLE - 1)).filter(Boolean);
    const locks = activeIds.length ? await redis.exists(...activeIds.map((id) => `${this.queue!.toKey(id)}:lock`)) : 0;
    return {
      queueWorkers: workers,
      chunksWaiting: (counts.wait ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0),
      chunksRunning: (counts.active ?? 0) - (activeIds.length - locks),
      chunksStalled: activeIds.length - locks,
    };
  }

  private processHealth(): ProcessHealth {
    const memory = process.memoryUsage();
    return {
      status: HealthStatus.OK,
      uptimeSeconds: Math.round(process.uptime()),
      version: VERSION,
      nodeVersion: process.version,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
    };
  }
}
