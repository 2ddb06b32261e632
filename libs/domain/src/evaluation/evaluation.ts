import { Comparator, CriterionKind } from '../criteria/criteria.js';

/** How one result fares against the criterion (version) it names. */
export enum ResultOutcome {
  PASS = 'PASS',
  FAIL = 'FAIL',
  INSUFFICIENT_EVIDENCE = 'INSUFFICIENT_EVIDENCE',
}

/** Where a criterion stands for an enrolment, from the results recorded for it. */
export enum CriterionOutcome {
  MET = 'MET',
  UNMET = 'UNMET',
  INSUFFICIENT_EVIDENCE = 'INSUFFICIENT_EVIDENCE',
  NOT_SUBMITTED = 'NOT_SUBMITTED',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  /**
   * Only in what a reader is shown: the result that decided the outcome is in a report the reader
   * may not read, so neither the outcome nor the result is shown. Never an input to a decision.
   */
  WITHHELD = 'WITHHELD',
}

/** The parts of a criterion version evaluation reads. */
export interface CriterionSpec {
  id: string;
  kind: CriterionKind;
  comparator: Comparator | null;
  threshold: number | null;
  thresholdHigh: number | null;
  unit: string | null;
  sectors: string[];
  riskClasses: string[];
}

/** A submitted result: a measured value, a piece of evidence (with its SHA-256), or an attestation. */
export interface ResultInput {
  value?: number | null;
  evidenceReference?: string | null;
  evidenceSha256?: string | null;
  attested?: boolean | null;
  /**
   * The stored evidence file the result names (docs/domain.md#evidence), as evaluation needs it:
   * its title and its expiry day (the last day it may be relied on; null: it does not expire).
   */
  evidenceFile?: { title: string; expiryDay: string | null } | null;
}

/**
 * The day evidence must still hold on to satisfy an EVIDENCE criterion: a test report's period end
 * (`REPORT_PERIOD`), or the day an entry result is evaluated (`EVALUATION`).
 */
export interface EvidenceValidity {
  day: string;
  of: 'REPORT_PERIOD' | 'EVALUATION';
}

const SHA256 = /^[0-9a-f]{64}$/;
/** Comparisons tolerate floating-point noise (as the recognition engine does, docs/domain.md#recognition). */
const EPSILON = 1e-9;

/** True when `value` satisfies the comparator and threshold(s) (no margin). */
export function meetsThreshold(
  value: number,
  comparator: Comparator,
  threshold: number,
  thresholdHigh: number | null,
  margin = 0,
): boolean {
  switch (comparator) {
    case Comparator.GTE:
      return value >= threshold + margin - EPSILON;
    case Comparator.LTE:
      return value <= threshold - margin + EPSILON;
    case Comparator.EQ:
      return Math.abs(value - threshold) <= EPSILON;
    case Comparator.BETWEEN:
      return (
        thresholdHigh !== null && value >= threshold + margin - EPSILON && value <= thresholdHigh - margin + EPSILON
      );
  }
}

export function describeThreshold(
  criterion: Pick<CriterionSpec, 'comparator' | 'threshold' | 'thresholdHigh' | 'unit'>,
): string {
  const unit = criterion.unit ? ` ${criterion.unit}` : '';
  switch (criterion.comparator) {
    case Comparator.GTE:
      return `≥ ${criterion.threshold}${unit}`;
    case Comparator.LTE:
      return `≤ ${criterion.threshold}${unit}`;
    case Comparator.EQ:
      return `= ${criterion.threshold}${unit}`;
    case Comparator.BETWEEN:
      return `between ${criterion.threshold} and ${criterion.thresholdHigh}${unit}`;
    case null:
      return 'no threshold';
  }
}

/**
 * Evaluates one result against the criterion version it names: a METRIC needs a value inside the
 * threshold; an EVIDENCE needs a reference with its SHA-256 and, when it names a stored file with an
 * expiry day, that day not before `validity.day` (evidence that expired before the end of the
 * report's period does not satisfy the criterion); an ATTESTATION needs a yes.
 */
export function evaluateResult(
  criterion: CriterionSpec,
  result: ResultInput,
  validity: EvidenceValidity | null = null,
): { outcome: ResultOutcome; detail: string } {
  switch (criterion.kind) {
    case CriterionKind.METRIC: {
      if (result.value === null || result.value === undefined || !Number.isFinite(result.value)) {
        return { outcome: ResultOutcome.INSUFFICIENT_EVIDENCE, detail: 'no measured value' };
      }
      const passed = meetsThreshold(result.value, criterion.comparator!, criterion.threshold!, criterion.thresholdHigh);
      return {
        outcome: passed ? ResultOutcome.PASS : ResultOutcome.FAIL,
        detail: `${result.value} against ${describeThreshold(criterion)}`,
      };
    }
    case CriterionKind.EVIDENCE: {
      if (!result.evidenceReference)
        return { outcome: ResultOutcome.INSUFFICIENT_EVIDENCE, detail: 'no evidence supplied' };
      if (!result.evidenceSha256 || !SHA256.test(result.evidenceSha256)) {
        return {
          outcome: ResultOutcome.INSUFFICIENT_EVIDENCE,
          detail: 'evidence without a valid SHA-256 content hash',
        };
      }
      const expiry = result.evidenceFile?.expiryDay ?? null;
      if (validity && expiry !== null && expiry < validity.day) {
        const before =
          validity.of === 'REPORT_PERIOD'
            ? `before the report's period ended on ${validity.day}`
            : `before the day of evaluation, ${validity.day}`;
        return {
          outcome: ResultOutcome.INSUFFICIENT_EVIDENCE,
          detail: `evidence ${result.evidenceFile!.title} expired on ${expiry}, ${before}`,
        };
      }
      return {
        outcome: ResultOutcome.PASS,
        detail: `evidence ${result.evidenceReference} (sha256 ${result.evidenceSha256.slice(0, 12)}…)`,
      };
    }
    case CriterionKind.ATTESTATION:
      if (result.attested === null || result.attested === undefined)
        return { outcome: ResultOutcome.INSUFFICIENT_EVIDENCE, detail: 'not attested' };
      return result.attested
        ? { outcome: ResultOutcome.PASS, detail: 'attested' }
        : { outcome: ResultOutcome.FAIL, detail: 'attested as not met' };
  }
}

/** A result already evaluated and recorded, as evaluation of a whole stage sees it. */
export interface RecordedResult {
  id: string;
  criterionId: string;
  outcome: ResultOutcome;
  /** When it was recorded (ISO timestamp); the most recent result for a criterion counts. */
  recordedAt: string;
}

export interface StageCriterion {
  criterion: CriterionSpec;
  mandatory: boolean;
}

export interface CriterionEvaluation {
  criterionId: string;
  mandatory: boolean;
  outcome: CriterionOutcome;
  /** The result that decided the outcome (null when none counts). */
  resultId: string | null;
}

/** Does a criterion apply to a system (its sectors and risk classes; empty = all)? */
export function criterionApplies(
  criterion: Pick<CriterionSpec, 'sectors' | 'riskClasses'>,
  system: { sector: string | null; riskClass: string | null },
): boolean {
  if (criterion.sectors.length && !(system.sector && criterion.sectors.includes(system.sector))) return false;
  if (criterion.riskClasses.length && !(system.riskClass && criterion.riskClasses.includes(system.riskClass)))
    return false;
  return true;
}

/**
 * Where each criterion of a stage stands: the most recent result for it decides (ties: the
 * smallest id), in the order the criteria are given.
 */
export function evaluateStage(
  criteria: StageCriterion[],
  system: { sector: string | null; riskClass: string | null },
  results: RecordedResult[],
): CriterionEvaluation[] {
  return criteria.map(({ criterion, mandatory }) => {
    if (!criterionApplies(criterion, system))
      return { criterionId: criterion.id, mandatory, outcome: CriterionOutcome.NOT_APPLICABLE, resultId: null };
    const latest = results
      .filter((r) => r.criterionId === criterion.id)
      .reduce<RecordedResult | null>(
        (best, r) =>
          !best || r.recordedAt > best.recordedAt || (r.recordedAt === best.recordedAt && r.id < best.id) ? r : best,
        null,
      );
    if (!latest)
      return { criterionId: criterion.id, mandatory, outcome: CriterionOutcome.NOT_SUBMITTED, resultId: null };
    const outcome = {
      PASS: CriterionOutcome.MET,
      FAIL: CriterionOutcome.UNMET,
      INSUFFICIENT_EVIDENCE: CriterionOutcome.INSUFFICIENT_EVIDENCE,
    }[latest.outcome];
    return { criterionId: criterion.id, mandatory, outcome, resultId: latest.id };
  });
}

/** Mandatory criteria not MET (NOT_APPLICABLE ones are not required). */
export function unmetMandatory(evaluations: CriterionEvaluation[]): CriterionEvaluation[] {
  return evaluations.filter(
    (e) => e.mandatory && e.outcome !== CriterionOutcome.MET && e.outcome !== CriterionOutcome.NOT_APPLICABLE,
  );
}
