import {
  BulkOutcome,
  type BulkOutput,
  BulkSystem,
  type CompiledRecognition,
  compileRecognition,
  compileWithoutAgreement,
  createBulkOutput,
  prepareBulkSystem,
  resolvePreparedBulk,
} from '../recognition/recognition-bulk.js';
import type { CaseAgreement, CaseResult, CaseSystem, UtcDay } from '../recognition/recognition.js';
import type { ScenarioReference } from './scenario.js';

/**
 * The only place the simulation calls the recognition engine. The metrics read a resolution
 * through {@link SetResolver} and {@link TargetResolution} — typed arrays of outcome codes, no
 * object per criterion — so the engine behind them can change without touching the rest. The
 * default, {@link bulkSetResolver}, is the engine's bulk mode (recognition-bulk.ts); the tests
 * also run the simulation on the explained mode (resolve-units.spec-helpers.ts) and compare.
 */

/** Outcome codes of {@link TargetResolution.outcome} (the bulk mode's). */
export const Outcome = BulkOutcome;

/**
 * One system against one target authority, as the metrics read it: slot `k` (`k < count`) is the
 * authority's `k`-th criterion in reference order. Overwritten by the resolver's next `resolve`.
 */
export interface TargetResolution {
  readonly count: number;
  /** {@link Outcome} codes. */
  readonly outcome: Uint8Array;
  /** The chosen agreement as an index into the set's agreements (as given to the factory), -1 for none. */
  readonly agreement: Int32Array;
  /** 1 for a divergent recognition, else 0. */
  readonly divergent: Uint8Array;
}

/**
 * Resolves systems under one agreement set, one system at a time: `prepare` it, then `resolve` it
 * against each of its targets. Not reentrant (it reuses its buffers).
 */
export interface SetResolver {
  /** Jurisdiction codes by the indices `jurisdictionOf` and `origin` return. */
  readonly jurisdictions: readonly string[];
  /** The index of an authority of the reference, or -1. */
  authority(id: string): number;
  /** The jurisdiction (index) of an authority (index). */
  jurisdictionOf(authority: number): number;
  /** Makes `system` and its results the current system. */
  prepare(system: CaseSystem, results: readonly CaseResult[]): void;
  /** Every criterion of `authority` for the current system. */
  resolve(authority: number): TargetResolution;
  /** Where slot `k`'s chosen result (last `resolve`, a recognised slot) was tested: a jurisdiction index. */
  origin(k: number): number;
  /** How many criteria of `authority` are RECOGNISED for the current system with agreement `agreement` (an index) alone removed from the set. */
  recognisedWithout(agreement: number, authority: number): number;
}

/** Builds the resolver of one agreement set; called once per set per chunk. */
export type SetResolverFactory = (
  reference: ScenarioReference,
  asOf: UtcDay,
  agreements: readonly CaseAgreement[],
) => SetResolver;

/** One agreement set compiled, with its "minus one agreement" derivations made on first use. */
interface CompiledSet {
  reference: ScenarioReference;
  asOf: UtcDay;
  compiled: CompiledRecognition;
  without: (CompiledRecognition | undefined)[];
}

// Compiling is the costly part of the bulk mode (tens of milliseconds at 20 × 100 criteria) and a
// scenario's agreement sets are the same for every chunk: compile once per (agreement array,
// reference, asOf). The simulation passes the same arrays for every chunk of a scenario.
const compiledSets = new WeakMap<readonly CaseAgreement[], CompiledSet[]>();

function compiledSet(reference: ScenarioReference, asOf: UtcDay, agreements: readonly CaseAgreement[]): CompiledSet {
  let list = compiledSets.get(agreements);
  if (!list) compiledSets.set(agreements, (list = []));
  let found = list.find((e) => e.reference === reference && e.asOf === asOf);
  if (!found) {
    const compiled = compileRecognition({ asOf, ...reference, agreements });
    list.push((found = { reference, asOf, compiled, without: new Array(agreements.length) }));
  }
  return found;
}

/** The bulk mode behind {@link SetResolver}: compiled once per set, no allocation per system or criterion. */
class BulkSetResolver implements SetResolver {
  readonly jurisdictions: readonly string[];
  private readonly compiled: CompiledRecognition;
  private readonly prepared = new BulkSystem();
  private readonly out: BulkOutput;
  /** For `recognisedWithout`, so the last `resolve` stays readable. */
  private readonly scratch: BulkOutput;

  constructor(private readonly set: CompiledSet) {
    this.compiled = set.compiled;
    this.jurisdictions = set.compiled.jurisdictions;
    this.out = createBulkOutput(set.compiled);
    this.scratch = createBulkOutput(set.compiled);
  }

  authority(id: string): number {
    return this.compiled.authorityOf(id);
  }

  jurisdictionOf(authority: number): number {
    return this.compiled.authorityJurisdiction[authority];
  }

  prepare(system: CaseSystem, results: readonly CaseResult[]): void {
    prepareBulkSystem(this.compiled, system, results, this.prepared);
  }

  resolve(authority: number): TargetResolution {
    return resolvePreparedBulk(this.compiled, this.prepared, authority, this.out);
  }

  origin(k: number): number {
    return this.prepared.testedIn[this.out.result[k]];
  }

  recognisedWithout(agreement: number, authority: number): number {
    // A derivation shares the compilation's dictionaries, so the prepared system serves it as is.
    const without = (this.set.without[agreement] ??= compileWithoutAgreement(this.compiled, agreement));
    const out = resolvePreparedBulk(without, this.prepared, authority, this.scratch);
    let recognised = 0;
    for (let k = 0; k < out.count; k++) if (out.outcome[k] === Outcome.RECOGNISED) recognised++;
    return recognised;
  }
}

/** The default resolver: the recognition engine's bulk mode, compiled once per agreement set. */
export const bulkSetResolver: SetResolverFactory = (reference, asOf, agreements) =>
  new BulkSetResolver(compiledSet(reference, asOf, agreements));
