import { RecognitionIndex, resolveCriterion } from '../recognition/recognition-engine.js';
import {
  type CaseAgreement,
  type CaseAuthority,
  type CaseCriterion,
  type CaseResult,
  type CaseSystem,
  RECOGNITION_CASE_FORMAT,
  type RecognitionOutcome,
  type UtcDay,
} from '../recognition/recognition.js';
import type { ScenarioReference } from './scenario.js';

/**
 * The only place the simulation calls the recognition engine. Everything the metrics need from a
 * resolution is in {@link ResolvedCriterion}, so a faster engine mode can replace the body of
 * {@link UnitResolver} without touching the rest.
 */

/** What the simulation reads of one criterion's resolution. */
export interface ResolvedCriterion {
  criterion: CaseCriterion;
  outcome: RecognitionOutcome;
  /** Where the chosen result was tested (RECOGNISED and RECOGNISED_WITH_CONDITIONS only), else null. */
  origin: string | null;
  /** The chosen agreement, else null. */
  agreement: string | null;
  divergent: boolean;
}

/** The units of one chunk: their systems and every result of those systems. */
export interface ChunkUnits {
  systems: readonly CaseSystem[];
  results: readonly CaseResult[];
}

/** Resolves the chunk's systems under one agreement set; the engine's index is built once, here. */
export class UnitResolver {
  private readonly index: RecognitionIndex;
  private readonly testedIn = new Map<string, string>();

  constructor(reference: ScenarioReference, asOf: UtcDay, agreements: readonly CaseAgreement[], units: ChunkUnits) {
    this.index = new RecognitionIndex({
      format: RECOGNITION_CASE_FORMAT,
      asOf,
      jurisdictions: reference.jurisdictions,
      authorities: reference.authorities,
      criteria: reference.criteria,
      crosswalks: reference.crosswalks,
      agreements: [...agreements],
      systems: [...units.systems],
      results: [...units.results],
      queries: [],
    });
    for (const result of units.results) this.testedIn.set(result.id, result.testedIn);
  }

  /** Every criterion of `authority` in reference order, or only `criteria` (in the order given). */
  resolve(system: CaseSystem, authority: CaseAuthority, criteria?: readonly CaseCriterion[]): ResolvedCriterion[] {
    const list = criteria ?? this.index.criteriaByAuthority.get(authority.id) ?? [];
    return list.map((c) => {
      const resolution = resolveCriterion(this.index, system, c, authority.jurisdiction);
      const recognised = resolution.agreement !== null;
      return {
        criterion: c,
        outcome: resolution.outcome,
        origin: recognised && resolution.result !== null ? this.testedIn.get(resolution.result)! : null,
        agreement: resolution.agreement,
        divergent: resolution.divergent,
      };
    });
  }
}
