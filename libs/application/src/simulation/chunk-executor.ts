import { type ChunkSpec, type Scenario, type SimulationPartial, simulateChunk } from '@sandbridge/domain';

/** One run to execute: its id (for idempotent storage and job ids), the scenario and its chunk plan. */
export interface ChunkRun {
  runId: string;
  scenario: Scenario;
  chunks: readonly ChunkSpec[];
}

/** One finished chunk: its number, its partial counts and the attempt (1-based) that produced it. */
export interface ChunkOutcome {
  chunk: number;
  partial: SimulationPartial;
  attempt: number;
}

/** Computes one chunk; the domain's `simulateChunk` unless a test substitutes it. */
export type ChunkComputer = (scenario: Scenario, from: number, to: number) => SimulationPartial;

/**
 * Where the chunks of a simulation run are computed: in this process by default, on worker
 * processes through a Redis queue when configured. DB-free and Nest-free so the CLI can use it.
 */
export abstract class ChunkExecutor {
  /**
   * Runs every chunk of one run. Calls `onChunk` AT LEAST once per chunk (possibly more after a
   * retry or a worker that died after finishing — callers store idempotently by (runId, chunk)).
   * Resolves when every chunk has been reported; resolves early when `signal` aborts (cancel:
   * pending chunks are dropped — unless the reason is SUSPENDED, see `suspend`); rejects when a
   * chunk fails beyond its retries.
   */
  abstract execute(
    run: ChunkRun,
    onChunk: (outcome: ChunkOutcome) => Promise<void>,
    signal: AbortSignal,
  ): Promise<void>;

  /** Releases connections (Redis) on shutdown. */
  async close(): Promise<void> {}
}

/** The abort reason of a run that stops only because this process shuts down: it will be resumed. */
export const SUSPENDED = 'suspended: the process executing the run is shutting down';

/**
 * Stops waiting for a run without cancelling it: an executor may leave work in flight (queued jobs
 * of the Redis executor stay, and what workers finish meanwhile is picked up when the run resumes).
 */
export function suspend(controller: AbortController): void {
  controller.abort(SUSPENDED);
}

export function isSuspended(signal: AbortSignal): boolean {
  return signal.aborted && signal.reason === SUSPENDED;
}

/** Thrown by an executor when a chunk still fails after its retries; the message is safe to show. */
export class ChunkFailedError extends Error {
  constructor(
    readonly chunk: number,
    readonly attempts: number,
    readonly reason: string,
  ) {
    super(`chunk ${chunk} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${reason}`);
    this.name = 'ChunkFailedError';
  }
}

export interface InProcessChunkExecutorOptions {
  /** Extra attempts per chunk after the first failure (default 2). */
  retries?: number;
  /** Substitute for `simulateChunk` (tests inject failures with it). */
  compute?: ChunkComputer;
}

/**
 * Default: chunks run one after another in this process, yielding to the event loop between
 * chunks so requests (progress queries, cancel) keep being served during a long run.
 */
export class InProcessChunkExecutor extends ChunkExecutor {
  private readonly retries: number;
  private readonly compute: ChunkComputer;

  constructor(options: InProcessChunkExecutorOptions = {}) {
    super();
    this.retries = Math.max(0, options.retries ?? 2);
    this.compute = options.compute ?? simulateChunk;
  }

  async execute(run: ChunkRun, onChunk: (outcome: ChunkOutcome) => Promise<void>, signal: AbortSignal): Promise<void> {
    for (const spec of run.chunks) {
      if (signal.aborted) return;
      let attempt = 0;
      for (;;) {
        attempt += 1;
        // A macrotask boundary (not a microtask): lets I/O callbacks — HTTP requests, a cancel — run.
        await yieldToEventLoop();
        if (signal.aborted) return;
        let partial: SimulationPartial;
        try {
          partial = this.compute(run.scenario, spec.from, spec.to);
        } catch (error) {
          if (attempt > this.retries) throw new ChunkFailedError(spec.chunk, attempt, reasonOf(error));
          continue;
        }
        await onChunk({ chunk: spec.chunk, partial, attempt });
        break;
      }
    }
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The error's message only — never its stack, which would leak into the stored run. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : 'unknown error';
}
