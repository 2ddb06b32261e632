import { Injectable } from '@nestjs/common';
import {
  type Actor,
  type BreakdownCell,
  discloseBreakdown,
  type DisclosedBreakdownCell,
  type DisclosedPair,
  type DisclosedResult,
  type DisclosedTotals,
  discloseResult,
  DomainError,
  isSuppressed,
  MIN_CELL_SYSTEMS,
  MIN_RUN_ORGANISATIONS,
  MIN_RUN_SYSTEMS,
  type Page,
  type PageRequest,
  PopulationKind,
  Role,
  SimulationKind,
  type SimulationResult,
  type VariantCoverage,
} from '@sandbridge/domain';
import { type SimulationRunEntity, type SimulationRunFilter, SimulationRunRepository } from '@sandbridge/persistence';
import type { Observable } from 'rxjs';
import { EventBus } from '../cooperation/event-bus.js';
import type { SimulationProgressEvent } from '../cooperation/events.js';
import type { JsonObject } from '../recognition/case-documents.js';
import { ScenarioAssembler } from './scenario-assembler.js';
import type { RecordedPopulationFilter, RecordedSystemFacts } from './scenario-request.js';
import { runProgress } from './run-progress.js';
import { canSeeRun, requireRunReader } from './simulation-run.js';

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

/**
 * Reading simulation runs (docs/domain.md#simulation): a negotiator its jurisdiction's, under
 * disclosure control for recorded populations; an administrator every run. Also the preview of a
 * recorded population and a run's live progress.
 */
@Injectable()
export class SimulationQueryService {
  constructor(
    private readonly runs: SimulationRunRepository,
    private readonly assembler: ScenarioAssembler,
    private readonly bus: EventBus,
  ) {}

  async findById(actor: Actor, runId: string): Promise<SimulationRunEntity | null> {
    requireRunReader(actor);
    const run = await this.runs.findById(runId);
    return run && canSeeRun(actor, run) ? run : null;
  }

  /** Negotiators: their jurisdiction's runs; administrators: every run. Oldest first. */
  list(
    actor: Actor,
    filter: Pick<SimulationRunFilter, 'status'>,
    page: PageRequest,
  ): Promise<Page<SimulationRunEntity>> {
    requireRunReader(actor);
    return this.runs.page(
      {
        kind: SimulationKind.RECOGNITION,
        status: filter.status,
        jurisdictionCode: actor.role === Role.ADMIN ? null : actor.jurisdictionCode,
      },
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
    requireRunReader(actor);
    if (runIds.length < 1 || runIds.length > 10)
      throw DomainError.badInput([{ path: 'ids', message: 'must name 1 to 10 runs' }]);
    const found = new Map((await this.runs.findByIds(runIds)).filter((r) => canSeeRun(actor, r)).map((r) => [r.id, r]));
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
    requireRunReader(actor);
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
    // Re-checked per event: the run's jurisdiction must still be the caller's (or an administrator).
    return runProgress(
      this.bus,
      this.runs,
      run,
      (event) => actor.role === Role.ADMIN || event.jurisdictionCode === actor.jurisdictionCode,
    );
  }
}

/** Whether the caller reads the run under disclosure control: a negotiator, a recorded population. */
function restricted(actor: Actor, run: SimulationRunEntity): boolean {
  return run.populationKind === PopulationKind.RECORDED && actor.role !== Role.ADMIN;
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
