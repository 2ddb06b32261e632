import { DomainError, ErrorCode, type FieldProblem } from '../errors/domain-error.js';
import type { RiskClass } from '../criteria/criteria.js';
import type {
  CaseAgreement,
  CaseAuthority,
  CaseCriterion,
  CaseCrosswalk,
  CaseJurisdiction,
  CaseResult,
  CaseSystem,
  UtcDay,
} from '../recognition/recognition.js';

/** Vocabulary and data of simulations for negotiators (docs/domain.md#simulation, §8.2). */

export const SCENARIO_FORMAT = 'sandbridge/scenario@1';
export const SIMULATION_RESULT_FORMAT = 'sandbridge/simulation-result@1';

/** The name the result gives the baseline (so no variant may take it). */
export const BASELINE_NAME = 'baseline';

/** The reference model every agreement set is resolved against (shapes of docs/formats.md#recognition-case). */
export interface ScenarioReference {
  jurisdictions: CaseJurisdiction[];
  authorities: CaseAuthority[];
  criteria: CaseCriterion[];
  crosswalks: CaseCrosswalk[];
}

/** Cost and duration of one test in a jurisdiction. */
export interface ScenarioCost {
  testCost: number;
  /** Whole days. */
  testDays: number;
}

/** One entry of a variant: agreements dropped by id, swapped in by id, or appended. */
export interface ScenarioVariant {
  name: string;
  add: CaseAgreement[];
  remove: string[];
  replace: CaseAgreement[];
}

/** A system and the authorities it wants to reach (each authority is one "target"). */
export interface ScenarioTarget {
  system: string;
  authorities: string[];
}

/** A population written out in full (shapes as in docs/formats.md#recognition-case); one unit per system. */
export interface ExplicitPopulation {
  systems: CaseSystem[];
  results: CaseResult[];
  targets: ScenarioTarget[];
}

/** An inclusive integer range. */
export interface IntRange {
  min: number;
  max: number;
}

/**
 * Parameters of the seeded synthetic generator (see `synthetic.ts` for exactly what it draws).
 * An empty weights object means "uniform over the natural domain" (see {@link parseScenario}).
 */
export interface SyntheticPopulation {
  seed: number;
  innovators: number;
  homeWeights: Record<string, number>;
  sectorWeights: Record<string, number>;
  riskClassWeights: Partial<Record<RiskClass, number>>;
  targetsPerInnovator: IntRange;
  passRate: number;
  accreditedLabRate: number;
  resultAgeDays: IntRange;
}

export type ScenarioPopulation = ExplicitPopulation | { synthetic: SyntheticPopulation };

/** A whole `sandbridge/scenario@1` document, validated and with its defaults filled in. */
export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  asOf: UtcDay;
  reference: ScenarioReference;
  costs: Record<string, ScenarioCost>;
  baseline: { agreements: CaseAgreement[] };
  variants: ScenarioVariant[];
  population: ScenarioPopulation;
}

export const isSynthetic = (population: ScenarioPopulation): population is { synthetic: SyntheticPopulation } =>
  'synthetic' in population;

/**
 * A `sandbridge/scenario@1` document that cannot be read: `errors` lists the problem(s) with their
 * JSON paths (`$.variants[0].remove[1]`). A `BAD_USER_INPUT` domain error, so the API maps it with
 * `extensions.errors` as it does any bad input.
 */
export class ScenarioFormatError extends DomainError {
  constructor(errors: FieldProblem[]) {
    super(ErrorCode.BAD_USER_INPUT, errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
    this.name = 'ScenarioFormatError';
  }
}

/**
 * The §8.2 totals of one variant, keys in output order. A *pair* is one system and one target
 * authority; the criteria of a target are all the authority's criteria in the reference (as a
 * recognition-case query resolves them).
 */
export interface SimulationTotals {
  /** Target criteria applicable to the systems, summed over pairs. */
  applicable: number;
  satisfiedLocally: number;
  /** Outcome RECOGNISED only. */
  recognised: number;
  recognisedWithConditions: number;
  gaps: number;
  /**
   * (recognised + recognisedWithConditions) / (applicable − satisfiedLocally), 0 when the
   * denominator is 0; rounded to 6 decimals (half away from zero). In `deltaVsBaseline`, the exact
   * difference of the exact rates, rounded once.
   */
  recognitionRate: number;
  /** = recognised. */
  testsAvoided: number;
  /** Σ over RECOGNISED criteria of the target jurisdiction's testCost; rounded to 6 decimals. */
  costSaved: number;
  /**
   * Σ over pairs of (time-to-market with no recognition − time-to-market in this agreement set).
   * Time-to-market is the target jurisdiction's testDays when any applicable criterion still needs
   * a test there, else 0. "With no recognition" is the same population with no agreement at all:
   * every applicable criterion not satisfied locally needs a test. In the set, a criterion needs a
   * test when it is a GAP or RECOGNISED_WITH_CONDITIONS. So a pair saves testDays exactly when it
   * has some applicable criterion not satisfied locally and none that is a gap or conditional;
   * never negative per pair.
   */
  daysSaved: number;
  /** Pairs with no gap and no conditions (a pair with no applicable criterion included). */
  marketAccess: number;
  /** Recognitions flagged divergent (EQUIVALENCE whose value misses the target's bar). */
  divergent: number;
}

/** One origin → recognising pair with a non-zero count: origin = where the chosen result was tested, recognising = the target's jurisdiction. */
export interface PairFigures {
  origin: string;
  recognising: string;
  recognised: number;
  recognisedWithConditions: number;
  divergent: number;
}

/**
 * What one agreement in force in the set (IN_FORCE, asOf inside its window) contributes: the set's
 * figure minus the figure with that agreement alone removed. Negative for an agreement whose
 * EXCLUDE rules block recognitions others would grant.
 */
export interface MarginalFigures {
  agreement: string;
  recognised: number;
  testsAvoided: number;
  costSaved: number;
}

export interface VariantResult {
  name: string;
  totals: SimulationTotals;
  byPair: PairFigures[];
  deltaVsBaseline: SimulationTotals;
  marginal: MarginalFigures[];
}

/** A `sandbridge/simulation-result@1` document. */
export interface SimulationResult {
  format: typeof SIMULATION_RESULT_FORMAT;
  asOf: UtcDay;
  variants: VariantResult[];
}

/** Counts of one origin → recognising pair. */
export interface PairCounts {
  recognised: number;
  recognisedWithConditions: number;
  divergent: number;
}

/**
 * Integer counts of one agreement set (baseline or variant) over some units. Money and days are
 * kept as counts per target jurisdiction and priced only by {@link finaliseSimulation}, so that
 * partials stay integers whatever the costs.
 */
export interface VariantPartial {
  applicable: number;
  satisfiedLocally: number;
  recognised: number;
  recognisedWithConditions: number;
  gaps: number;
  divergent: number;
  /** System–target pairs with no gap and no conditions. */
  marketAccess: number;
  /**
   * Per target jurisdiction: `recognised` criteria (priced at its testCost) and `pairsSaved`, the
   * system–target pairs that need a test with no recognition but not in this agreement set
   * (priced at its testDays).
   */
  byTarget: Record<string, { recognised: number; pairsSaved: number }>;
  /** origin → recognising → counts. */
  byPair: Record<string, Record<string, PairCounts>>;
  /**
   * Per agreement in force in this set, per target jurisdiction: RECOGNISED criteria with the set
   * minus RECOGNISED criteria with that agreement alone removed (may be negative: an EXCLUDE).
   */
  marginal: Record<string, Record<string, number>>;
  /**
   * How many distinct systems stand behind the figures above (disclosure control of recorded
   * populations). Absent only in partials computed before these counts existed; a merge keeps it
   * only when every part has it.
   */
  coverage?: VariantCoverage;
}

/**
 * Distinct systems behind one agreement set's figures over some units. A system is one unit and
 * units never repeat across chunks, so each count is a plain sum over chunks.
 */
export interface VariantCoverage {
  /** Systems with at least one target: each counts in the totals. */
  systems: number;
  /** Systems whose outcomes (or the origins they were recognised from) differ from the baseline set's; 0 for the baseline. */
  changed: number;
  /** origin → recognising → systems with at least one recognition (with or without conditions) in the pair. */
  byPair: Record<string, Record<string, number>>;
  /** Per agreement in force in the set: systems with a non-zero marginal difference in some target jurisdiction. */
  marginal: Record<string, number>;
}

/** Plain JSON (integers only, no floats), so it survives Redis/DB round trips exactly. */
export interface SimulationPartial {
  /** Population units counted. */
  units: number;
  /** The baseline first, then the variants in input order. */
  variants: VariantPartial[];
}

/** `[from, to)` over population units. */
export interface ChunkSpec {
  chunk: number;
  from: number;
  to: number;
}
