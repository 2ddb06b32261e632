import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  finaliseSimulation,
  mergePartials,
  planChunks,
  populationSize,
  type Scenario,
  type SimulationPartial,
  type SimulationResult,
} from '@sandbridge/domain';
import { RedisChunkExecutor } from './redis-chunk-executor.js';
import { DEFAULT_QUEUE_PREFIX } from './simulation-queue.js';

/** Settings handed to each worker process (its environment, read by config/). */
export interface LocalWorkerSettings {
  redisUrl: string;
  prefix?: string;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Worker log level (default `warn`: the CLI's stdout belongs to its result, worker logs go to stderr). */
  logLevel?: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** The built worker (default: dist/apps/worker/src/main.js of this checkout). */
  entry?: string;
}

/** One worker process started here. */
export interface LocalWorker {
  readonly process: ChildProcess;
  readonly pid: number;
  /** Peak resident memory in KiB, reported by the worker as it stops (undefined if it did not: killed). */
  maxRssKb?: number;
}

/** Worker processes on this machine, as `--workers N` starts them. */
export class LocalWorkers {
  private constructor(readonly workers: LocalWorker[]) {}

  /** Starts `count` worker processes and resolves once each takes jobs (or rejects if one cannot start). */
  static async start(count: number, settings: LocalWorkerSettings): Promise<LocalWorkers> {
    if (!Number.isInteger(count) || count < 1) throw new Error(`workers must be a positive integer (got ${count})`);
    const entry = settings.entry ?? builtWorkerEntry();
    if (!existsSync(entry)) throw new Error(`the worker is not built (${entry} is missing): run npm run build`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      REDIS_URL: settings.redisUrl,
      QUEUE_PREFIX: settings.prefix ?? DEFAULT_QUEUE_PREFIX,
      LOG_LEVEL: settings.logLevel ?? 'warn',
      ...(settings.lockDurationMs ? { WORKER_LOCK_DURATION_MS: String(settings.lockDurationMs) } : {}),
      ...(settings.stalledIntervalMs ? { WORKER_STALLED_INTERVAL_MS: String(settings.stalledIntervalMs) } : {}),
    };
    // The parent's own test/CLI flags are not the worker's business.
    delete env.NODE_OPTIONS;
    const started = Array.from({ length: count }, () => startOne(entry, env));
    const workers = await Promise.allSettled(started);
    const pool = new LocalWorkers(workers.flatMap((w) => (w.status === 'fulfilled' ? [w.value] : [])));
    const failed = workers.find((w): w is PromiseRejectedResult => w.status === 'rejected');
    if (failed) {
      await pool.stop();
      throw failed.reason;
    }
    return pool;
  }

  get pids(): number[] {
    return this.workers.map((w) => w.pid);
  }

  /** SIGTERM (a worker finishes its chunk first), then SIGKILL after `graceMs`. Resolves once all have exited. */
  async stop(graceMs = 10_000): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        const child = worker.process;
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}

function startOne(entry: string, env: NodeJS.ProcessEnv): Promise<LocalWorker> {
  // fork: an IPC channel for `ready` and `stopped`; stdout to our stderr so that a CLI's stdout
  // carries only its result.
  const child = fork(entry, [], { env, stdio: ['ignore', 2, 2, 'ipc'], execArgv: [] });
  const worker: LocalWorker = { process: child, pid: child.pid ?? -1 };
  child.on('message', (message: { event?: string; maxRssKb?: number }) => {
    if (message?.event === 'stopped') worker.maxRssKb = message.maxRssKb;
  });
  return new Promise((resolve, reject) => {
    const onMessage = (message: { event?: string }) => {
      if (message?.event !== 'ready') return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(worker);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      reject(new Error(`a worker process exited before it was ready (${signal ?? `exit code ${code}`})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', reject);
  });
}

/** dist/apps/worker/src/main.js beside the package.json above this module (in src or in dist). */
export function builtWorkerEntry(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the package root (package.json) above the simulation module');
    dir = parent;
  }
  return join(dir, 'dist/apps/worker/src/main.js');
}

export interface RedisSimulationOptions extends LocalWorkerSettings {
  /** Worker processes to start on this machine. */
  workers: number;
  /** Population units per chunk (default: about 8 chunks per worker, at most 1,000 units each). */
  chunkSize?: number;
  /** Called after each new chunk with (units done, units in all), as `simulate` calls it. */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the run: waiting chunks are removed, the workers stopped, and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Default: a random UUID. */
  runId?: string;
  /** Called once the workers are up (tests and the benchmark look at them). */
  onWorkers?: (workers: LocalWorkers) => void;
  /** Retries when a chunk's computation throws (RedisChunkExecutor's `attempts`). */
  attempts?: number;
}

/** Default chunk size: enough chunks to keep every worker busy and spread the tail, none too large. */
export function defaultChunkSize(units: number, workers: number): number {
  return Math.max(1, Math.min(1000, Math.ceil(units / (Math.max(1, workers) * 8))));
}

/**
 * Runs a scenario on `workers` local worker processes through Redis, as `sandbridge simulate
 * --workers N` does: starts the workers, executes every chunk through RedisChunkExecutor, merges
 * the partials in chunk order and finalises, then stops the workers (also on failure or cancel).
 * The result is byte-identical to `simulate(scenario)` in-process, whatever the chunking.
 */
export async function simulateOnRedis(scenario: Scenario, options: RedisSimulationOptions): Promise<SimulationResult> {
  const size = populationSize(scenario);
  const chunks = planChunks(size, options.chunkSize ?? defaultChunkSize(size, options.workers));
  const signal = options.signal ?? new AbortController().signal;
  signal.throwIfAborted();
  const executor = new RedisChunkExecutor({
    redisUrl: options.redisUrl,
    prefix: options.prefix,
    attempts: options.attempts,
  });
  let workers: LocalWorkers | undefined;
  try {
    workers = await LocalWorkers.start(options.workers, options);
    options.onWorkers?.(workers);
    const partials = new Map<number, SimulationPartial>();
    let done = 0;
    await executor.execute(
      { runId: options.runId ?? randomUUID(), scenario, chunks },
      async ({ chunk, partial }) => {
        // At-least-once delivery: a chunk seen twice is stored once.
        if (partials.has(chunk)) return;
        partials.set(chunk, partial);
        done += partial.units;
        options.onProgress?.(done, size);
      },
      signal,
    );
    signal.throwIfAborted();
    return finaliseSimulation(scenario, mergePartials(chunks.map((spec) => partials.get(spec.chunk)!)));
  } finally {
    await executor.close();
    await workers?.stop();
  }
}
