import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  type BreakdownCell,
  coverageOf,
  discloseBreakdown,
  type DisclosedBreakdownCell,
  type DisclosedPair,
  type DisclosedResult,
  type DisclosedTotals,
  discloseResult,
  DomainError,
  ErrorCode,
  finaliseSimulation,
  isSuppressed,
  MIN_CELL_SYSTEMS,
  MIN_RUN_ORGANISATIONS,
  MIN_RUN_SYSTEMS,
  mergePartials,
  type Page,
  type PageRequest,
  parseScenario,
  planChunks,
  populationSize,
  Role,
  type Scenario,
  type SimulationPartial,
  type SimulationResult,
  type VariantCoverage,
} from '@sandbridge/domain';
import {
  SessionLocks,
  type SimulationRunEntity,
  type SimulationRunFilter,
  SimulationRunRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { Observable, type Subscription } from 'rxjs';
import { EventBus } from '../cooperation/event-bus.js';
import type { SimulationProgressEvent } from '../cooperation/events.js';
import { ChunkExecutor, ChunkFailedError, type ChunkOutcome, suspend } from './chunk-executor.js';
import type { JsonObject } from '../recognition/case-documents.js';
import { canonical } from './canonical-json.js';
import {
  type RecordedPopulationFilter,
  type RecordedSystemFacts,
  ScenarioAssembler,
  type ScenarioRequest,
} from './scenario-assembler.js';

export enum SimulationStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

const FINISHED = new Set<string>([SimulationStatus.COMPLETED, SimulationStatus.FAILED, SimulationStatus.CANCELLED]);

export const DEFAULT_CHUNK_SIZE = 500;
export const MAX_CHUNK_SIZE = 100_000;
/** More chunks than this only adds bookkeeping (one row and one event per chunk). */
export const MAX_CHUNKS = 10_000;

export interface StartSimulationCommand extends ScenarioRequest {
  name?: string | null;
  chunkSize?: number | null;
}

/** A run as the caller may see it: recorded populations and other jurisdictions' pairs withheld. */
export interface SimulationRunView {
  run: SimulationRunEntity;
  /** The stored scenario; for a RECORDED population, `population` is `{ recorded: filter, systems: n }`. */
  scenario: JsonObject;
  /** For a negotiator and a RECORDED population, under disclosure control (small cells suppressed). */
  result: SimulationResult | DisclosedResult | null;
}

export interface VariantComparison {
  name: string;
  totals: DisclosedTotals;
  deltaVsBaseline: DisclosedTotals;
  byPair: DisclosedPair[];
}

export interface RunComparison {
  view: SimulationRunView;
  variants: VariantComparison[];
}

/**
 * What a recorded-population run would take, as aggregates only (never a system, result or
 * organisation): for a negotiator, cells of fewer than MIN_CELL_SYSTEMS systems are suppressed.
 */
export interface RecordedPopulationPreview {
  /** The whole snapshot (key `total`). */
  total: DisclosedBreakdownCell;
  /** Whether a run over this filter would be accepted: enough systems from enough organisations. */
  runnable: boolean;
  byHomeJurisdiction: DisclosedBreakdownCell[];
  bySector: DisclosedBreakdownCell[];
  byRiskClass: DisclosedBreakdownCell[];
}

/** The advisory-lock namespace of simulation runs (any fixed int4; the key is hashtext(run id)). */
const RUN_LOCKS = 0x5b_51_4d; // "[QM"

/**
 * Simulation runs for negotiators (DESIGN.md §5): a run is a job over a stored, complete scenario,
 * executed chunk by chunk by the ChunkExecutor (in-process, or workers through Redis). Chunk
 * partials are stored idempotently, progress is published after each commit, and the last chunk
 * stored merges every partial in chunk order and finalises the result — once.
 *
 * Runs outlive the process: one interrupted by a shutdown stays RUNNING (never FAILED), and the API's
 * next start resumes every run left QUEUED or RUNNING (`resumeUnfinished`), computing only the chunks
 * with no stored partial — the result is the uninterrupted run's, byte for byte.
 *
 * Who: negotiators start, cancel and rerun runs for their jurisdiction and read its runs;
 * administrators read and cancel every run but start none (a run belongs to a jurisdiction, which
 * an administrator does not act for); innovators and regulators have no access.
 */
@Injectable()
export class SimulationService implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(SimulationService.name);
  /** Runs executing from this instance: aborting one stops its chunks. */
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private cancellations: Subscription | null = null;
  /** Held while this process executes a run, so another instance's start does not resume it too. */
  private readonly locks: SessionLocks;

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly runs: SimulationRunRepository,
    private readonly assembler: ScenarioAssembler,
    private readonly executor: ChunkExecutor,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {
    this.locks = new SessionLocks(connection.dataSource, RUN_LOCKS);
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

  async start(actor: Actor, command: StartSimulationCommand): Promise<SimulationRunEntity> {
    const jurisdiction = this.negotiatorJurisdiction(actor);
    const chunkSize = command.chunkSize ?? DEFAULT_CHUNK_SIZE;
    if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw DomainError.badInput([
        { path: 'input.chunkSize', message: `must be an integer from 1 to ${MAX_CHUNK_SIZE}` },
      ]);
    }
    const name = (command.name ?? '').trim() || 'Simulation';
    const assembled = await this.assembler.assemble(command);
    const document = canonical(assembled.document) as JsonObject;
    const scenario = this.parse(document, 'input.scenario');
    const size = populationSize(scenario);
    if (assembled.recorded) refuseSmallPopulation(assembled.recorded, 'input.recordedPopulation');
    if (size === 0)
      throw DomainError.badInput([
        { path: 'input.scenario.population', message: 'has no systems or innovators to simulate' },
      ]);
    const chunksTotal = planChunks(size, chunkSize).length;
    if (chunksTotal > MAX_CHUNKS)
      throw DomainError.badInput([
        { path: 'input.chunkSize', message: `makes ${chunksTotal} chunks; at most ${MAX_CHUNKS} (use larger chunks)` },
      ]);
    const filter =
      assembled.populationKind === 'RECORDED' ? (canonical(command.recordedPopulation) as JsonObject) : null;
    return this.enqueue({
      name,
      createdBy: actor.accountId,
      jurisdictionCode: jurisdiction,
      scenario: document,
      populationKind: assembled.populationKind,
      populationFilter: filter,
      populationSize: size,
      chunkSize,
      chunksTotal,
      rerunOf: null,
    });
  }

  /** A new run of the same stored scenario and chunking: the result is identical. */
  async rerun(actor: Actor, runId: string): Promise<SimulationRunEntity> {
    const jurisdiction = this.negotiatorJurisdiction(actor);
    const original = await this.runs.findById(runId);
    if (!original || original.jurisdictionCode !== jurisdiction) throw DomainError.notFound('Simulation run', runId);
    // A recorded run stored before the minimum sizes existed is not reproduced (organisations were not counted then; every run started since had enough).
    if (original.populationKind === 'RECORDED' && original.populationSize < MIN_RUN_SYSTEMS) {
      throw DomainError.badInput([
        {
          path: 'input.id',
          message: `its recorded population has fewer than ${MIN_RUN_SYSTEMS} systems: disclosure control refuses to run it`,
        },
      ]);
    }
    return this.enqueue({
      name: original.name,
      createdBy: actor.accountId,
      jurisdictionCode: jurisdiction,
      scenario: original.scenario,
      populationKind: original.populationKind,
      populationFilter: original.populationFilter,
      populationSize: original.populationSize,
      chunkSize: original.chunkSize,
      chunksTotal: original.chunksTotal,
      rerunOf: original.id,
    });
  }

  /** The starter, a negotiator of the run's jurisdiction or an administrator stops a QUEUED or RUNNING run. */
  async cancel(actor: Actor, runId: string): Promise<SimulationRunEntity> {
    this.reader(actor);
    const run = await this.connection.withTransaction(async () => {
      const found = await this.runs.findById(runId);
      if (!found || !this.canSee(actor, found)) throw DomainError.notFound('Simulation run', runId);
      if (!(await this.runs.cancel(found.id, this.clock.now()))) {
        throw DomainError.invalidTransition(
          `A ${found.status} simulation run cannot be cancelled (only QUEUED or RUNNING)`,
        );
      }
      const cancelled = (await this.runs.findById(found.id))!;
      this.publish(cancelled);
      return cancelled;
    });
    this.active.get(run.id)?.controller.abort();
    return run;
  }

  async findById(actor: Actor, runId: string): Promise<SimulationRunEntity | null> {
    this.reader(actor);
    const run = await this.runs.findById(runId);
    return run && this.canSee(actor, run) ? run : null;
  }

  /** Negotiators: their jurisdiction's runs; administrators: every run. Oldest first. */
  list(
    actor: Actor,
    filter: Pick<SimulationRunFilter, 'status'>,
    page: PageRequest,
  ): Promise<Page<SimulationRunEntity>> {
    this.reader(actor);
    return this.runs.page(
      { status: filter.status, jurisdictionCode: actor.role === Role.ADMIN ? null : actor.jurisdictionCode },
      page,
    );
  }

  /**
   * What the caller may read of a run it can see. A negotiator reading a RECORDED run gets the
   * snapshot's filter and size instead of the snapshot, and the result under disclosure control:
   * other jurisdictions' pairs summed, every cell of fewer than MIN_CELL_SYSTEMS systems suppressed.
   */
  view(actor: Actor, run: SimulationRunEntity): SimulationRunView {
    const scenario = restricted(actor, run)
      ? { ...run.scenario, population: { recorded: run.populationFilter, systems: run.populationSize } }
      : run.scenario;
    const result = run.result as SimulationResult | null;
    if (!result || !restricted(actor, run)) return { run, scenario: scenario as JsonObject, result };
    return {
      run,
      scenario: scenario as JsonObject,
      result: discloseResult(result, run.coverage as VariantCoverage[] | null, actor.jurisdictionCode ?? ''),
    };
  }

  /** Side by side, in the order asked: per run and variant the totals, delta and pair matrix. */
  async compare(actor: Actor, runIds: readonly string[]): Promise<RunComparison[]> {
    this.reader(actor);
    if (runIds.length < 1 || runIds.length > 10)
      throw DomainError.badInput([{ path: 'ids', message: 'must name 1 to 10 runs' }]);
    const found = new Map(
      (await this.runs.findByIds(runIds)).filter((r) => this.canSee(actor, r)).map((r) => [r.id, r]),
    );
    return runIds.map((id) => {
      const run = found.get(id);
      if (!run) throw DomainError.notFound('Simulation run', id);
      const view = this.view(actor, run);
      const result = restricted(actor, run)
        ? (view.result as DisclosedResult | null)
        : shownInFull(view.result as SimulationResult | null);
      return {
        view,
        variants: (result?.variants ?? []).map((v) => ({
          name: v.name,
          totals: v.totals,
          deltaVsBaseline: v.deltaVsBaseline,
          byPair: v.byPair,
        })),
      };
    });
  }

  /**
   * A preview of the snapshot a recorded-population run would take: aggregates only, for every
   * caller (rows of other organisations' systems are never served). A negotiator's cells of fewer
   * than MIN_CELL_SYSTEMS systems are suppressed; an administrator's are not.
   */
  async recordedPopulation(actor: Actor, filter: RecordedPopulationFilter): Promise<RecordedPopulationPreview> {
    this.reader(actor);
    const { facts } = await this.assembler.recordedPopulation(filter);
    const min = actor.role === Role.ADMIN ? 0 : MIN_CELL_SYSTEMS;
    const breakdown = (key: (f: RecordedSystemFacts) => string) => {
      const groups = new Map<string, RecordedSystemFacts[]>();
      for (const f of facts) groups.set(key(f), [...(groups.get(key(f)) ?? []), f]);
      const organisationsOf = (keys: readonly string[]) =>
        new Set(keys.flatMap((k) => (groups.get(k) ?? []).map((f) => f.organisationId))).size;
      return discloseBreakdown(
        [...groups].map(([k, group]) => cellOf(k, group)),
        organisationsOf,
        min,
      );
    };
    const total = cellOf('total', facts);
    return {
      total: {
        ...total,
        ...(isSuppressed(total.systems, min)
          ? { systems: null, organisations: null, results: null, targets: null, suppressed: true }
          : { suppressed: false }),
      },
      runnable: total.systems >= MIN_RUN_SYSTEMS && total.organisations >= MIN_RUN_ORGANISATIONS,
      byHomeJurisdiction: breakdown((f) => f.homeJurisdiction),
      bySector: breakdown((f) => f.sector),
      byRiskClass: breakdown((f) => f.riskClass),
    };
  }

  /**
   * Progress of one run: its current state at once, then each change (in order, never backwards),
   * completing after the final state. Null when the caller cannot see the run.
   */
  async progress(actor: Actor, runId: string): Promise<Observable<SimulationProgressEvent> | null> {
    const run = await this.findById(actor, runId);
    if (!run) return null;
    const rank = (status: string) =>
      status === SimulationStatus.QUEUED ? 0 : status === SimulationStatus.RUNNING ? 1 : 2;
    return new Observable<SimulationProgressEvent>((subscriber) => {
      let last: SimulationProgressEvent | null = null;
      let buffered: SimulationProgressEvent[] | null = [];
      const emit = (event: SimulationProgressEvent) => {
        if (subscriber.closed) return;
        if (
          last &&
          !(
            rank(event.status) > rank(last.status) ||
            (rank(event.status) === rank(last.status) && rank(last.status) < 2 && event.done > last.done)
          )
        )
          return;
        last = event;
        subscriber.next(event);
        if (FINISHED.has(event.status)) subscriber.complete();
      };
      // Listening before reading the current state: nothing published in between is lost.
      const live = this.bus.simulationEvents$.subscribe((event) => {
        // Re-checked per event: the run's jurisdiction must still be the caller's (or an administrator).
        if (event.runId !== run.id || (actor.role !== Role.ADMIN && event.jurisdictionCode !== actor.jurisdictionCode))
          return;
        if (buffered) buffered.push(event);
        else emit(event);
      });
      this.runs.findById(run.id).then(
        (current) => {
          if (current) emit(this.progressEvent(current));
          for (const event of buffered ?? []) emit(event);
          buffered = null;
        },
        (error: unknown) => subscriber.error(error),
      );
      return () => live.unsubscribe();
    });
  }

  private async enqueue(values: Parameters<SimulationRunRepository['insert']>[0]): Promise<SimulationRunEntity> {
    const run = await this.connection.withTransaction(async () => {
      const inserted = await this.runs.insert(values);
      this.publish(inserted);
      // Started after the commit, outside the request's transaction scope (it outlives the request).
      this.connection.afterCommit(() => this.launch(inserted));
      return inserted;
    });
    return run;
  }

  /** `locked`: the run's advisory lock is already held (resume); otherwise taken here when available. */
  private launch(
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
    let scenario: Scenario;
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
      scenario = this.parse(run.scenario, '$');
      // Chunks already stored are reused as they are: the merge takes every partial in chunk order,
      // so the result cannot tell which process computed which chunk.
      const stored = new Set(resume ? await this.runs.storedChunks(run.id) : []);
      const chunks = planChunks(run.populationSize, run.chunkSize).filter((spec) => !stored.has(spec.chunk));
      this.bus.publishSimulation({
        runId: run.id,
        jurisdictionCode: run.jurisdictionCode,
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
        { runId: run.id, scenario, chunks },
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
  private async store(run: SimulationRunEntity, scenario: Scenario, outcome: ChunkOutcome): Promise<void> {
    const event = (status: SimulationStatus, done: number, total: number) =>
      this.bus.publishSimulation({
        runId: run.id,
        jurisdictionCode: run.jurisdictionCode,
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
        (await this.runs.partialsOf(run.id)) as unknown as SimulationPartial[],
      );
      if (await this.runs.complete(run.id, result, this.clock.now(), coverage))
        event(SimulationStatus.COMPLETED, stored.chunksDone, stored.chunksTotal);
      return true;
    });
    // Cancelled (possibly on another instance): stop computing chunks nobody will store.
    if (!stillRunning) this.active.get(run.id)?.controller.abort();
  }

  /** Merges the stored partials and completes the run; `complete` only acts on a RUNNING run (once). */
  private async finalise(run: SimulationRunEntity, scenario: Scenario): Promise<void> {
    await this.connection.withTransaction(async () => {
      const { result, coverage } = completion(
        run,
        scenario,
        (await this.runs.partialsOf(run.id)) as unknown as SimulationPartial[],
      );
      if (await this.runs.complete(run.id, result, this.clock.now(), coverage))
        this.publish((await this.runs.findById(run.id))!);
    });
  }

  private publish(run: SimulationRunEntity): void {
    this.bus.publishSimulation(this.progressEvent(run));
  }

  private progressEvent(run: SimulationRunEntity): SimulationProgressEvent {
    return {
      runId: run.id,
      jurisdictionCode: run.jurisdictionCode,
      status: run.status,
      done: run.chunksDone,
      total: run.chunksTotal,
      error: run.error,
      occurredAt: (run.finishedAt ?? run.startedAt ?? run.createdAt).toISOString(),
    };
  }

  /** Reads a scenario document; format problems become BAD_USER_INPUT under `root` (`$` → `input.scenario`). */
  private parse(document: unknown, root: string): Scenario {
    try {
      return parseScenario(canonical(document));
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT) {
        throw DomainError.badInput(
          error.errors.map((e) => ({ path: e.path.replace(/^\$/, root), message: e.message })),
        );
      }
      throw error;
    }
  }

  private negotiatorJurisdiction(actor: Actor): string {
    if (actor.role !== Role.NEGOTIATOR || !actor.jurisdictionCode)
      throw DomainError.forbidden(`Only negotiators run simulations; you are ${actor.role}`);
    return actor.jurisdictionCode;
  }

  private reader(actor: Actor): void {
    if (actor.role !== Role.ADMIN) this.negotiatorJurisdiction(actor);
  }

  private canSee(actor: Actor, run: SimulationRunEntity): boolean {
    return (
      actor.role === Role.ADMIN || (actor.role === Role.NEGOTIATOR && run.jurisdictionCode === actor.jurisdictionCode)
    );
  }
}

/** Whether the caller reads the run under disclosure control: a negotiator, a recorded population. */
function restricted(actor: Actor, run: SimulationRunEntity): boolean {
  return run.populationKind === 'RECORDED' && actor.role !== Role.ADMIN;
}

/** A result nobody restricts, in the shape of a disclosed one: every cell shown. */
function shownInFull(result: SimulationResult | null): DisclosedResult | null {
  if (!result) return null;
  const shown = <T extends object>(cell: T): T & { suppressed: boolean } => ({ ...cell, suppressed: false });
  return {
    ...result,
    variants: result.variants.map((v) => ({
      name: v.name,
      totals: shown(v.totals),
      byPair: v.byPair.map(shown),
      deltaVsBaseline: shown(v.deltaVsBaseline),
      marginal: v.marginal.map(shown),
    })),
  };
}

/**
 * The result of a run from its stored partials, and for a RECORDED run the distinct-system counts
 * behind its figures (what disclosure control reads; synthetic and explicit runs have no limits).
 */
function completion(
  run: SimulationRunEntity,
  scenario: Scenario,
  partials: SimulationPartial[],
): { result: Record<string, unknown>; coverage: Record<string, unknown>[] | null } {
  const merged = mergePartials(partials);
  const result = finaliseSimulation(scenario, merged) as unknown as Record<string, unknown>;
  const coverage =
    run.populationKind === 'RECORDED' ? (coverageOf(merged) as unknown as Record<string, unknown>[] | null) : null;
  return { result, coverage };
}

/**
 * Disclosure control refuses a recorded run over fewer than MIN_RUN_SYSTEMS systems or from fewer
 * than MIN_RUN_ORGANISATIONS organisations: its figures would describe a few systems, or one
 * organisation's portfolio. The message names the thresholds, not the counts.
 */
function refuseSmallPopulation(facts: readonly RecordedSystemFacts[], path: string): void {
  const organisations = new Set(facts.map((f) => f.organisationId)).size;
  if (facts.length < MIN_RUN_SYSTEMS || organisations < MIN_RUN_ORGANISATIONS) {
    throw DomainError.badInput([
      {
        path,
        message: `selects too little recorded data: a simulation over recorded data needs at least ${MIN_RUN_SYSTEMS} AI systems from at least ${MIN_RUN_ORGANISATIONS} organisations (widen the filter)`,
      },
    ]);
  }
}

/** Counts of a group of a snapshot's systems (one preview cell, before suppression). */
function cellOf(key: string, facts: readonly RecordedSystemFacts[]): BreakdownCell {
  return {
    key,
    systems: facts.length,
    organisations: new Set(facts.map((f) => f.organisationId)).size,
    results: facts.reduce((n, f) => n + f.results, 0),
    targets: facts.reduce((n, f) => n + f.targets, 0),
  };
}
