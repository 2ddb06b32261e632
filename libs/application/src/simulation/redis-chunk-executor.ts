import type { ChunkSpec, SimulationKind } from '@sandbridge/domain';
import { type Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { type ChunkOutcome, type ChunkRun, ChunkExecutor, ChunkFailedError, isSuspended } from './chunk-executor.js';
import { type ChunkPartial, type ChunkScenario, isChunkPartial, type PartialOf } from './simulation-kinds.js';
import {
  assertRunId,
  CHUNK_JOB,
  type ChunkJobData,
  cancelledKey,
  chunkJobId,
  DEFAULT_QUEUE_PREFIX,
  runIdOfJob,
  scenarioKey,
  SIMULATION_QUEUE,
} from './simulation-queue.js';

export interface RedisChunkExecutorOptions {
  /** redis:// or rediss:// URL. */
  redisUrl: string;
  /** Key prefix of the queue and of the run keys (default `sandbridge`); workers must use the same. */
  prefix?: string;
  /** Attempts per chunk when the computation throws (default 3). A stalled job (dead worker) is not a failed attempt. */
  attempts?: number;
  /** First retry delay in ms, doubling after each failure (default 1000). */
  backoffMs?: number;
  /** Lifetime of a run's scenario and cancel keys, and of its unread finished jobs (default 24 h). */
  runTtlSeconds?: number;
  /**
   * How often every pending chunk's job is checked directly in Redis (default 1000 ms). Queue events
   * are the fast path; this sweep makes progress certain when an event is missed (a reconnect, the
   * window before the event stream is read) or a job vanished (then it is enqueued again).
   */
  reconcileIntervalMs?: number;
}

/** A run being executed: its pending chunks and how to wake its loop when an event names one. */
interface Watch {
  hinted: Set<number>;
  wake: () => void;
}

/**
 * Runs chunks on worker processes through a BullMQ queue (docs/domain.md#simulation: "with Redis configured,
 * workers on several machines share the queue"). Delivery is at-least-once: a worker that dies
 * mid-chunk loses its lock, BullMQ's stalled check puts the job back and another worker computes it
 * again; `onChunk` may see a chunk twice only if a caller re-executes a run, and callers store by
 * (runId, chunk) anyway.
 */
export class RedisChunkExecutor extends ChunkExecutor {
  readonly prefix: string;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly ttl: number;
  private readonly reconcileMs: number;
  private readonly redis: Redis;
  private readonly eventsUrl: string;
  private readonly queue: Queue<ChunkJobData, ChunkPartial>;
  private events?: Promise<QueueEvents>;
  private eventsConnection?: Redis;
  private readonly watches = new Map<string, Watch>();
  private closed = false;

  constructor(options: RedisChunkExecutorOptions) {
    super();
    this.prefix = options.prefix ?? DEFAULT_QUEUE_PREFIX;
    this.attempts = Math.max(1, options.attempts ?? 3);
    this.backoffMs = Math.max(0, options.backoffMs ?? 1000);
    this.ttl = Math.max(60, options.runTtlSeconds ?? 24 * 3600);
    this.reconcileMs = Math.max(50, options.reconcileIntervalMs ?? 1000);
    // Commands fail fast rather than queue forever when Redis is down: a run then fails visibly.
    this.redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: true });
    this.queue = new Queue(SIMULATION_QUEUE, { connection: this.redis, prefix: this.prefix });
    this.eventsUrl = options.redisUrl;
  }

  override async execute<S extends ChunkScenario>(
    run: ChunkRun<S>,
    onChunk: (outcome: ChunkOutcome<S>) => Promise<void>,
    signal: AbortSignal,
  ): Promise<void> {
    if (this.closed) throw new Error('RedisChunkExecutor is closed');
    assertRunId(run.runId);
    if (this.watches.has(run.runId)) throw new Error(`run ${run.runId} is already executing here`);
    if (signal.aborted) return;
    const pending = new Map<number, ChunkSpec>(run.chunks.map((spec) => [spec.chunk, spec]));
    if (pending.size === 0) return;

    let wake: () => void = () => {};
    const watch: Watch = { hinted: new Set(), wake: () => wake() };
    this.watches.set(run.runId, watch);
    const onAbort = () => watch.wake();
    signal.addEventListener('abort', onAbort);
    try {
      // The scenario first (a Redis that is down fails the run here, fast), then listen before
      // enqueueing, so that the fast path sees the first completions.
      await this.redis.set(scenarioKey(this.prefix, run.runId), JSON.stringify(run.scenario), 'EX', this.ttl);
      await this.queueEvents();
      await this.enqueue(run.runId, run.kind, [...pending.values()]);
      let lastSweep = Date.now();
      while (pending.size > 0) {
        if (signal.aborted) {
          // Suspended (shutdown): the jobs and the scenario stay for the resumed run to collect.
          if (!isSuspended(signal)) await this.abandon(run.runId, [...pending.keys()]);
          return;
        }
        const sweep = Date.now() - lastSweep >= this.reconcileMs;
        const toCheck = sweep ? [...pending.keys()] : [...watch.hinted].filter((chunk) => pending.has(chunk));
        watch.hinted.clear();
        if (sweep) {
          lastSweep = Date.now();
          // A run may outlast the TTL: the scenario lives as long as someone waits for the run.
          await this.redis.expire(scenarioKey(this.prefix, run.runId), this.ttl);
        }
        if (toCheck.length > 0) {
          await this.settle(run, pending, toCheck, sweep, onChunk, signal);
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, this.reconcileMs - (Date.now() - lastSweep)));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
          if (signal.aborted || watch.hinted.size > 0) wake();
        });
        wake = () => {};
      }
      await this.redis.del(scenarioKey(this.prefix, run.runId));
    } catch (error) {
      // A failed chunk (or a failing onChunk) ends the run: the other chunks are not worth computing.
      await this.abandon(run.runId, [...pending.keys()]).catch(() => {});
      throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.watches.delete(run.runId);
    }
  }

  /** Looks at the jobs of `chunks` and reports the finished ones; re-enqueues vanished ones on a sweep. */
  private async settle<S extends ChunkScenario>(
    run: ChunkRun<S>,
    pending: Map<number, ChunkSpec>,
    chunks: number[],
    sweep: boolean,
    onChunk: (outcome: ChunkOutcome<S>) => Promise<void>,
    signal: AbortSignal,
  ): Promise<void> {
    // The state first, then the job: a job read while still active has no return value yet, and
    // BullMQ writes the return value and the completed state in one script.
    const states = await Promise.all(chunks.map((chunk) => this.queue.getJobState(chunkJobId(run.runId, chunk))));
    const vanished: ChunkSpec[] = [];
    for (let i = 0; i < chunks.length; i++) {
      if (signal.aborted) return;
      const spec = pending.get(chunks[i]);
      if (!spec) continue;
      const state = states[i];
      if (state === 'unknown') {
        if (sweep) vanished.push(spec);
        continue;
      }
      if (state !== 'completed' && state !== 'failed') continue;
      const job = await this.queue.getJob(chunkJobId(run.runId, spec.chunk));
      if (!job) continue; // removed meanwhile: the next sweep re-enqueues it
      if (state === 'failed')
        throw new ChunkFailedError(spec.chunk, job.attemptsMade, job.failedReason || 'unknown error');
      const partial: unknown = job.returnvalue;
      if (!isChunkPartial(run.kind, partial))
        throw new ChunkFailedError(spec.chunk, job.attemptsMade, 'the worker returned no partial result');
      pending.delete(spec.chunk);
      await onChunk({ chunk: spec.chunk, partial: partial as PartialOf<S>, attempt: attemptOf(job) });
      // Reported and stored by the caller: the job is no longer needed.
      await job.remove().catch(() => {});
    }
    if (vanished.length > 0) {
      // Someone removed the jobs (or the keys expired): the scenario may be gone too.
      await this.redis.set(scenarioKey(this.prefix, run.runId), JSON.stringify(run.scenario), 'EX', this.ttl);
      await this.enqueue(run.runId, run.kind, vanished);
    }
  }

  private async enqueue(runId: string, kind: SimulationKind | undefined, specs: readonly ChunkSpec[]): Promise<void> {
    await this.queue.addBulk(
      specs.map((spec) => ({
        name: CHUNK_JOB,
        data: { runId, ...(kind ? { kind } : {}), chunk: spec.chunk, from: spec.from, to: spec.to },
        opts: {
          jobId: chunkJobId(runId, spec.chunk),
          attempts: this.attempts,
          backoff: { type: 'exponential', delay: this.backoffMs },
          // The executor removes each job once reported; these bound what a dead executor leaves.
          removeOnComplete: { age: this.ttl },
          removeOnFail: { age: this.ttl },
        },
      })),
    );
  }

  /**
   * Stops a run: marks it cancelled (workers skip its chunks, and stop one in progress at their next
   * check), removes its jobs that are waiting or delayed, and drops the scenario. A job that a
   * worker holds cannot be removed; the worker fails it on seeing the mark.
   */
  private async abandon(runId: string, chunks: readonly number[]): Promise<void> {
    await this.redis.set(cancelledKey(this.prefix, runId), '1', 'EX', this.ttl);
    await Promise.all(chunks.map((chunk) => this.queue.remove(chunkJobId(runId, chunk)).catch(() => 0)));
    await this.redis.del(scenarioKey(this.prefix, runId));
  }

  /** One QueueEvents per executor, shared by its runs; it only hints which job to look at. */
  private queueEvents(): Promise<QueueEvents> {
    this.events ??= (async () => {
      // QueueEvents blocks on XREAD: it needs a connection of its own.
      this.eventsConnection = new Redis(this.eventsUrl, { maxRetriesPerRequest: null, lazyConnect: true });
      const events = new QueueEvents(SIMULATION_QUEUE, { connection: this.eventsConnection, prefix: this.prefix });
      const hint = ({ jobId }: { jobId: string }) => {
        const parsed = runIdOfJob(jobId);
        const watch = parsed && this.watches.get(parsed.runId);
        if (!parsed || !watch) return;
        watch.hinted.add(parsed.chunk);
        watch.wake();
      };
      events.on('completed', hint);
      events.on('failed', hint);
      // A lost connection is retried by ioredis; the sweep covers what was missed meanwhile.
      events.on('error', () => {});
      await events.waitUntilReady();
      return events;
    })();
    return this.events;
  }

  override async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.events) await (await this.events.catch(() => undefined))?.close();
    await this.queue.close();
    this.eventsConnection?.disconnect();
    this.redis.disconnect();
  }
}

/** 1-based: how many times a worker started this job (a restart after a dead worker counts). */
function attemptOf(job: Job): number {
  return Math.max(1, job.attemptsStarted ?? 0, job.attemptsMade ?? 0);
}
