import type { ChunkSpec, Scenario, SimulationKind } from '@sandbridge/domain';
import { type ChunkComputers, type ChunkScenario, computeChunk, type PartialOf } from './simulation-kinds.js';

export type { ChunkComputer, ChunkComputers, ChunkPartial, ChunkScenario, PartialOf } from './simulation-kinds.js';

/**
 * One run to execute: its id (for idempotent storage and job ids), its kind (absent: RECOGNITION),
 * the scenario of that kind and its chunk plan.
 */
export interface ChunkRun<S extends ChunkScenario = Scenario> {
  runId: string;
  kind?: SimulationKind;
  scenario: S;
  chunks: readonly ChunkSpec[];
}

/** One finished chunk: its number, its partial and the attempt (1-based) that produced it. */
export interface ChunkOutcome<S extends ChunkScenario = Scenario> {
  chunk: number;
  partial: PartialOf<S>;
  attempt: number;
}

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
  abstract execute<S extends ChunkScenario>(
    run: ChunkRun<S>,
    onChunk: (outcome: ChunkOutcome<S>) => Promise<void>,
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

/** `compute`, `computeProgramme`: substitutes for the domain's chunk functions (tests inject failures with them). */
export interface InProcessChunkExecutorOptions extends ChunkComputers {
  /** Extra attempts per chunk after the first failure (default 2). */
  retries?: number;
}

/**
 * Default: chunks run one after another in this process, yielding to the event loop between
 * chunks so requests (progress queries, cancel) keep being served during a long run.
 */
export class InProcessChunkExecutor extends ChunkExecutor {
  private readonly retries: number;
  private readonly computers: ChunkComputers;

  constructor(options: InProcessChunkExecutorOptions = {}) {
    super();
    this.retries = Math.max(0, options.retries ?? 2);
    this.computers = { compute: options.compute, computeProgramme: options.computeProgramme };
  }

  async execute<S extends ChunkScenario>(
    run: ChunkRun<S>,
    onChunk: (outcome: ChunkOutcome<S>) => Promise<void>,
    signal: AbortSignal,
  ): Promise<void> {
    for (const spec of run.chunks) {
      if (signal.aborted) return;
      let attempt = 0;
      for (;;) {
        attempt += 1;
        // A macrotask boundary (not a microtask): lets I/O callbacks — HTTP requests, a cancel — run.
        await yieldToEventLoop();
        if (signal.aborted) return;
        let partial: PartialOf<S>;
        try {
          partial = computeChunk(run.kind, run.scenario, spec.from, spec.to, this.computers) as PartialOf<S>;
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
