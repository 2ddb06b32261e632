import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  type ChunkComputers,
  type ChunkPartial,
  type ChunkScenario,
  computeChunk,
  mergeChunkPartials,
} from './simulation-kinds.js';
import {
  type ChunkJobData,
  cancelledKey,
  DEFAULT_QUEUE_PREFIX,
  scenarioKey,
  SIMULATION_QUEUE,
} from './simulation-queue.js';

/** `compute`, `computeProgramme`: substitutes for the domain's chunk functions (tests). */
export interface ChunkWorkerOptions extends ChunkComputers {
  redisUrl: string;
  /** Key prefix; the same as the executor's (default `sandbridge`). */
  prefix?: string;
  /** Chunks computed at once by this worker (default 1: the work is CPU-bound, scale with processes). */
  concurrency?: number;
  /**
   * How long a job's lock lasts without renewal, in ms (default 30 s). A dead worker's chunk goes back
   * to the queue once its lock has expired and a stalled check has run: tests shorten both.
   */
  lockDurationMs?: number;
  /** Interval of the stalled-job check, in ms (default 30 s). */
  stalledIntervalMs?: number;
  /** How often a chunk may come back after its worker died before it counts as failed (default 5). */
  maxStalledCount?: number;
  /** Recorded on each job it takes (`processedBy`); default `host:pid`. */
  name?: string;
  /**
   * A chunk is computed in slices with a yield to the event loop between them (lock renewal, cancel
   * checks). Units of the first slice (default 32); later ones are sized from the time per unit
   * measured so far to last about `sliceMs` (default a quarter of the lock, at most 1 s): each
   * chunk function call has a set-up cost, so slices are no smaller than they need to be.
   */
  sliceUnits?: number;
  sliceMs?: number;
  /** Where the worker reports what it does (default: nowhere). */
  log?: (level: 'log' | 'warn' | 'error', message: string) => void;
}

export interface ChunkWorker {
  readonly name: string;
  /** Resolves once the worker is connected and taking jobs. */
  waitUntilReady(): Promise<void>;
  /** Stops taking jobs, lets the chunks in progress finish, closes the connections. */
  close(): Promise<void>;
}

/** Parsed scenarios of the runs seen lately; a worker usually serves one run at a time. */
const SCENARIO_CACHE_SIZE = 4;
/** A chunk in progress looks at its run's cancel mark at most this often (one Redis round trip). */
const CANCEL_CHECK_MS = 500;

/**
 * A queue consumer for simulation chunks of every kind, database-free: everything it needs is in
 * Redis (the scenario, stored once per run; the kind, in each job) and in the pure domain. Used by apps/worker and
 * by tests that run workers in-process.
 */
export function createChunkWorker(options: ChunkWorkerOptions): ChunkWorker {
  const prefix = options.prefix ?? DEFAULT_QUEUE_PREFIX;
  const computers: ChunkComputers = { compute: options.compute, computeProgramme: options.computeProgramme };
  const firstSlice = Math.max(1, options.sliceUnits ?? 32);
  const lockDuration = options.lockDurationMs ?? 30_000;
  const sliceMs = Math.max(1, options.sliceMs ?? Math.min(1000, lockDuration / 4));
  /** Milliseconds per unit in the last slice computed (any run: it re-adapts after one slice). */
  let msPerUnit: number | undefined;
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const log = options.log ?? (() => {});
  // Our own reads (scenario, cancel mark); BullMQ duplicates the worker connection for its blocking pops.
  const commands = new Redis(options.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: true });
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
  const scenarios = new Map<string, Promise<ChunkScenario>>();

  async function assertNotCancelled(runId: string): Promise<void> {
    if (await commands.exists(cancelledKey(prefix, runId))) throw new UnrecoverableError(`run ${runId} was cancelled`);
  }

  function scenarioOf(runId: string): Promise<ChunkScenario> {
    let entry = scenarios.get(runId);
    if (entry) {
      scenarios.delete(runId); // re-inserted below: most recently used last
    } else {
      entry = (async () => {
        const text = await commands.get(scenarioKey(prefix, runId));
        if (text === null)
          throw new UnrecoverableError(`the scenario of run ${runId} is not in Redis (expired, or the run ended)`);
        // Written by RedisChunkExecutor from a scenario already read and validated (a read recognition
        // scenario is not a §8.2 document: BETWEEN thresholds are split), of the job's kind.
        return JSON.parse(text) as ChunkScenario;
      })();
      entry.catch(() => scenarios.delete(runId));
    }
    scenarios.set(runId, entry);
    while (scenarios.size > SCENARIO_CACHE_SIZE) scenarios.delete(scenarios.keys().next().value!);
    return entry;
  }

  async function processChunk(job: Job<ChunkJobData, ChunkPartial>): Promise<ChunkPartial> {
    const { runId, kind, from, to } = job.data;
    await assertNotCancelled(runId);
    const scenario = await scenarioOf(runId);
    // The chunk is computed in slices with a yield between them, so that BullMQ can renew the lock
    // (a blocked event loop would lose it and the chunk would run twice) and a cancel is seen.
    const parts: ChunkPartial[] = [];
    let checked = Date.now();
    let at = from;
    do {
      const units = msPerUnit === undefined ? firstSlice : Math.max(1, Math.floor(sliceMs / Math.max(msPerUnit, 1e-3)));
      const end = Math.min(to, at + units);
      const started = performance.now();
      parts.push(computeChunk(kind, scenario, at, end, computers));
      if (end > at) msPerUnit = (performance.now() - started) / (end - at);
      at = end;
      await new Promise((resolve) => setImmediate(resolve));
      if (Date.now() - checked >= CANCEL_CHECK_MS) {
        await assertNotCancelled(runId);
        checked = Date.now();
      }
    } while (at < to);
    return parts.length === 1 ? parts[0] : mergeChunkPartials(kind, parts);
  }

  const worker = new Worker<ChunkJobData, ChunkPartial>(SIMULATION_QUEUE, processChunk, {
    connection,
    prefix,
    name,
    concurrency: Math.max(1, options.concurrency ?? 1),
    lockDuration,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    // BullMQ's default (1) fails a chunk the first time its worker dies; a crash is not the chunk's fault.
    maxStalledCount: options.maxStalledCount ?? 5,
  });
  worker.on('error', (error) => log('error', `queue error: ${error.message}`));
  worker.on('failed', (job, error) => {
    if (job) log('warn', `chunk ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`);
  });
  worker.on('stalled', (jobId) =>
    log('warn', `chunk ${jobId} stalled (its worker stopped renewing its lock): back in the queue`),
  );

  let closing: Promise<void> | undefined;
  return {
    name,
    waitUntilReady: async () => {
      await worker.waitUntilReady();
      await commands.connect().catch((error: Error) => {
        if (!/already connect/i.test(error.message)) throw error;
      });
    },
    close: () =>
      (closing ??= (async () => {
        await worker.close();
        commands.disconnect();
        connection.disconnect();
      })()),
  };
}
