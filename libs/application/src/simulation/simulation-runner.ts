import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  coverageOf,
  DomainError,
  planChunks,
  PopulationKind,
  type ProgrammeScenario,
  type Scenario,
  SimulationKind,
  SimulationStatus,
} from '@sandbridge/domain';
import {
  type NewSimulationRun,
  SessionLocks,
  type SimulationRunEntity,
  SimulationRunRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import type { Subscription } from 'rxjs';
import { EventBus } from '../cooperation/event-bus.js';
import { ChunkExecutor, ChunkFailedError, type ChunkOutcome, suspend } from './chunk-executor.js';
import {
  type ChunkPartial,
  type ChunkScenario,
  finishProgrammeRun,
  finishRecognitionRun,
  parseProgrammeRunScenario,
} from './simulation-kinds.js';
import { FINISHED, parseRunScenario, progressEventOf } from './simulation-run.js';

/** The advisory-lock namespace of simulation runs (any fixed int4; the key is hashtext(run id)). */
const RUN_LOCKS = 0x5b_51_4d; // "[QM"

/**
 * Executes simulation runs (docs/domain.md#simulation) of every kind — recognition scenarios and
 * programme design scenarios (docs/programme-simulation.md#runs-as-jobs): a run is a job over a stored,
 * complete scenario, executed chunk by chunk by the ChunkExecutor (in-process, or workers through Redis).
 * Chunk partials are stored idempotently, progress is published after each commit, and the last
 * chunk stored merges every partial in chunk order and finalises the result — once.
 *
 * Runs outlive the process: one interrupted by a shutdown stays RUNNING (never FAILED), and the API's
 * next start resumes every run left QUEUED or RUNNING (`resumeUnfinished`), computing only the chunks
 * with no stored partial — the result is the uninterrupted run's, byte for byte.
 */
@Injectable()
export class SimulationRunner implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(SimulationRunner.name);
  /** Runs executing from this instance: aborting one stops its chunks. */
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private cancellations: Subscription | null = null;
  /** Held while this process executes a run, so another instance's start does not resume it too. */
  private readonly locks: SessionLocks;

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly runs: SimulationRunRepository,
    private readonly executor: ChunkExecutor,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {
    this.locks = new SessionLocks(connection.dataSource, RUN_LOCKS);
  }

  /** How many runs this process is executing now (the platform health page). */
  get activeRuns(): number {
    return this.active.size;
  }

  onModuleInit(): void {
    // A cancel served by another instance reaches the one executing the run through the bus.
    this.cancellations = this.bus.simulationEvents$.subscribe((event) => {
      if (event.status === SimulationStatus.CANCELLED) this.active.get(event.runId)?.controller.abort();
    });
  }

  /**
   * Suspends the runs executing here, leaving them RUNNING with their stored chunks: the next start
   * resumes them (a run that finishes after a restart beats one that fails because of it). Waits for
   * a chunk being stored to commit, while the database is still open (it closes after this hook).
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.cancellations?.unsubscribe();
    const interrupted = [...this.active.values()];
    for (const { controller } of interrupted) suspend(controller);
    await Promise.all(interrupted.map(({ done }) => done));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.executor.close();
    await this.locks.close();
  }

  /**
   * Resumes the runs left QUEUED or RUNNING by a process that stopped (crashed, killed, or shut down
   * mid-run): each re-executes only its chunks with no stored partial. Called once the API has
   * started (after migrations) — by the API only: the CLI's seed and the benchmarks also boot the
   * application module, and must not pick up runs. Returns the runs resumed here.
   *
   * Two instances resuming the same run at once would be harmless — chunks are stored at most once
   * per (run, chunk) and the completion is guarded (RUNNING → COMPLETED once), so the cost is double
   * work for one result — but on PostgreSQL each run is also guarded by a session advisory lock,
   * held by whichever process executes it (fresh or resumed): a starting instance skips the runs
   * another live instance holds, and a crashed instance's locks vanish with its session. The
   * embedded database takes no lock: only one process can open it (see SessionLocks).
   */
  async resumeUnfinished(): Promise<SimulationRunEntity[]> {
    const resumed: SimulationRunEntity[] = [];
    for (const run of await this.runs.unfinished()) {
      if (this.active.has(run.id)) continue;
      if (this.locks.available && !(await this.locks.tryLock(run.id).catch(() => true))) continue;
      this.logger.log(
        `Resuming simulation run ${run.id} (${run.status}, ${run.chunksDone}/${run.chunksTotal} chunks stored)`,
      );
      this.launch(run, { resume: true, locked: this.locks.available });
      resumed.push(run);
    }
    return resumed;
  }

  /**
   * Stores a new run, QUEUED, and launches it once the caller's transaction commits (outside the
   * request's transaction scope: it outlives the request).
   */
  async enqueue(values: NewSimulationRun): Promise<SimulationRunEntity> {
    return this.connection.withTransaction(async () => {
      const inserted = await this.runs.insert(values);
      this.publish(inserted);
      this.connection.afterCommit(() => this.launch(inserted));
      return inserted;
    });
  }

  /**
   * Cancels a QUEUED or RUNNING run the caller can see (`visible`; otherwise NOT_FOUND), publishes
   * the change, and stops its chunks here (other instances stop theirs on the event).
   */
  async cancel(runId: string, visible: (run: SimulationRunEntity) => boolean): Promise<SimulationRunEntity> {
    const run = await this.connection.withTransaction(async () => {
      const found = await this.runs.findById(runId);
      if (!found || !visible(found)) throw DomainError.notFound('Simulation run', runId);
      if (!(await this.runs.cancel(found.id, this.clock.now()))) {
        throw DomainError.invalidTransition(
          `A ${found.status} simulation run cannot be cancelled (only QUEUED or RUNNING)`,
        );
      }
      const cancelled = (await this.runs.findById(found.id))!;
      this.publish(cancelled);
      return cancelled;
    });
    this.abort(run.id);
    return run;
  }

  /** Stops a run executing from this instance (a cancelled run: its chunks are not worth computing). */
  abort(runId: string): void {
    this.active.get(runId)?.controller.abort();
  }

  /** `locked`: the run's advisory lock is already held (resume); otherwise taken here when available. */
  launch(
    run: SimulationRunEntity,
    options: { resume: boolean; locked: boolean } = { resume: false, locked: false },
  ): void {
    const controller = new AbortController();
    const done = (async () => {
      // A fresh run is nobody else's: the lock only tells starting instances to leave it alone.
      const locked = options.locked || (this.locks.available && (await this.locks.tryLock(run.id).catch(() => false)));
      try {
        await this.execute(run, controller.signal, options.resume);
      } finally {
        if (locked) await this.locks.unlock(run.id).catch(() => {});
      }
    })()
      .catch((error: unknown) =>
        this.logger.error(`Simulation run ${run.id} could not be recorded as failed: ${(error as Error).message}`),
      )
      .finally(() => this.active.delete(run.id));
    this.active.set(run.id, { controller, done });
  }

  private async execute(queued: SimulationRunEntity, signal: AbortSignal, resume: boolean): Promise<void> {
    let run = queued;
    let scenario: ChunkScenario;
    try {
      if (resume) {
        // Read again under the lock: another instance may have finished or cancelled it meanwhile.
        const current = await this.runs.findById(run.id);
        if (!current || FINISHED.has(current.status)) return;
        run = current;
      }
      if (run.status === SimulationStatus.QUEUED) {
        if (!(await this.runs.markRunning(run.id, this.clock.now()))) return;
      }
      scenario = scenarioOf(run);
      // Chunks already stored are reused as they are: the merge takes every partial in chunk order,
      // so the result cannot tell which process computed which chunk.
      const stored = new Set(resume ? await this.runs.storedChunks(run.id) : []);
      const chunks = planChunks(run.populationSize, run.chunkSize).filter((spec) => !stored.has(spec.chunk));
      this.bus.publishSimulation({
        runId: run.id,
        jurisdictionCode: run.jurisdictionCode,
        createdBy: run.createdBy,
        status: SimulationStatus.RUNNING,
        done: stored.size,
        total: run.chunksTotal,
        error: null,
      });
      if (chunks.length === 0) {
        // Every partial stored but never finalised (not reachable by `store`, which completes in the
        // last chunk's transaction — but a run must never stay RUNNING with nothing left to do).
        await this.finalise(run, scenario);
        return;
      }
      await this.executor.execute(
        { runId: run.id, kind: run.kind, scenario, chunks },
        (outcome) => this.store(run, scenario, outcome),
        signal,
      );
    } catch (error) {
      if (signal.aborted) return;
      const reason =
        error instanceof ChunkFailedError
          ? `simulation failed: ${error.message}`
          : 'simulation failed: internal error while running the simulation';
      if (!(error instanceof ChunkFailedError))
        this.logger.error(`Simulation run ${run.id} failed: ${(error as Error).stack ?? String(error)}`);
      await this.connection.withTransaction(async () => {
        if (await this.runs.fail(run.id, reason, this.clock.now())) this.publish((await this.runs.findById(run.id))!);
      });
    }
  }

  /** Stores one chunk's partial (at most once); the store that brings the last chunk finalises. */
  private async store(run: SimulationRunEntity, scenario: ChunkScenario, outcome: ChunkOutcome): Promise<void> {
    const event = (status: SimulationStatus, done: number, total: number) =>
      this.bus.publishSimulation({
        runId: run.id,
        jurisdictionCode: run.jurisdictionCode,
        createdBy: run.createdBy,
        status,
        done,
        total,
        error: null,
      });
    const stillRunning = await this.connection.withTransaction(async () => {
      const stored = await this.runs.storeChunk(
        run.id,
        outcome.chunk,
        outcome.partial as unknown as Record<string, unknown>,
        outcome.attempt,
      );
      if (stored.status !== SimulationStatus.RUNNING) return false;
      // Already stored (a retry or a duplicate delivery): counted once, nothing changes.
      if (!stored.stored) return true;
      if (stored.chunksDone < stored.chunksTotal) {
        event(SimulationStatus.RUNNING, stored.chunksDone, stored.chunksTotal);
        return true;
      }
      // The run row is locked by storeChunk: only this transaction sees the last chunk arrive.
      const { result, coverage } = completion(
        run,
        scenario,
        (await this.runs.partialsOf(run.id)) as unknown as ChunkPartial[],
      );
      if (await this.runs.complete(run.id, result, this.clock.now(), coverage))
        event(SimulationStatus.COMPLETED, stored.chunksDone, stored.chunksTotal);
      return true;
    });
    // Cancelled (possibly on another instance): stop computing chunks nobody will store.
    if (!stillRunning) this.active.get(run.id)?.controller.abort();
  }

  /** Merges the stored partials and completes the run; `complete` only acts on a RUNNING run (once). */
  private async finalise(run: SimulationRunEntity, scenario: ChunkScenario): Promise<void> {
    await this.connection.withTransaction(async () => {
      const { result, coverage } = completion(
        run,
        scenario,
        (await this.runs.partialsOf(run.id)) as unknown as ChunkPartial[],
      );
      if (await this.runs.complete(run.id, result, this.clock.now(), coverage))
        this.publish((await this.runs.findById(run.id))!);
    });
  }

  publish(run: SimulationRunEntity): void {
    this.bus.publishSimulation(progressEventOf(run));
  }
}

/** The stored scenario read as its kind's reader reads it (it was read once already, at the start). */
function scenarioOf(run: SimulationRunEntity): ChunkScenario {
  return run.kind === SimulationKind.PROGRAMME
    ? parseProgrammeRunScenario(run.scenario, '$')
    : parseRunScenario(run.scenario, '$');
}

/**
 * The result of a run from its stored partials, and for a RECORDED run the distinct-system counts
 * behind its figures (what disclosure control reads; synthetic and explicit runs have no limits).
 * A PROGRAMME run's result is the `sandbridge/programme-result@1` the CLI prints for the same file.
 */
function completion(
  run: SimulationRunEntity,
  scenario: ChunkScenario,
  partials: ChunkPartial[],
): { result: Record<string, unknown>; coverage: Record<string, unknown>[] | null } {
  if (run.kind === SimulationKind.PROGRAMME)
    return { result: finishProgrammeRun(scenario as ProgrammeScenario, partials), coverage: null };
  const { merged, result } = finishRecognitionRun(scenario as Scenario, partials);
  const coverage =
    run.populationKind === PopulationKind.RECORDED
      ? (coverageOf(merged) as unknown as Record<string, unknown>[] | null)
      : null;
  return { result, coverage };
}
