import { Comparator, CriterionKind } from '../criteria/criteria.js';
import {
  type CaseAgreement,
  type CaseAuthority,
  type CaseCriterion,
  type CaseCrosswalk,
  type CaseJurisdiction,
  type CaseQuery,
  type CaseResult,
  type CaseRule,
  type CaseSystem,
  RECOGNITION_CASE_FORMAT,
  type RecognitionCase,
  RuleEffect,
  type RuleConditions,
  type Supplementary,
  type UtcDay,
} from './recognition.js';

// The writing side of docs/formats.md#recognition-case: a read case back as the document the reader
// accepts, every field written (defaults included) in the order of the format, so that for every
// case `c` the reader gives, parseRecognitionCase(serialiseRecognitionCase(c)) deep-equals `c` —
// also through JSON text. The reader's in-memory shape is not a document (a BETWEEN threshold is
// split into `threshold` and `thresholdHigh`), so whatever writes a case out goes through here.

/** A criterion as the file writes it: metric fields only for METRIC, a BETWEEN threshold as `[low, high]`. */
export type CriterionDocument = Omit<CaseCriterion, 'threshold' | 'thresholdHigh' | 'metric' | 'comparator'> & {
  metric?: string;
  comparator?: Comparator;
  threshold?: number | [number, number];
};

/** A rule as the file writes it: an EXCLUDE rule is scope only, so its `mode` and `conditions` are null. */
export type RuleDocument = Omit<CaseRule, 'conditions'> & { conditions: RuleConditions | null };

export type AgreementDocument = Omit<CaseAgreement, 'rules'> & { rules: RuleDocument[] };

/** A whole `sandbridge/recognition-case@1` document. */
export interface RecognitionCaseDocument {
  format: typeof RECOGNITION_CASE_FORMAT;
  asOf: UtcDay;
  jurisdictions: CaseJurisdiction[];
  authorities: CaseAuthority[];
  criteria: CriterionDocument[];
  crosswalks: CaseCrosswalk[];
  agreements: AgreementDocument[];
  systems: CaseSystem[];
  results: CaseResult[];
  queries: CaseQuery[];
}

export function serialiseCriterion(c: CaseCriterion): CriterionDocument {
  const metric: Pick<CriterionDocument, 'metric' | 'comparator' | 'threshold'> = {};
  // The reader reads metric fields of METRIC criteria only, and requires them there.
  if (c.kind === CriterionKind.METRIC && c.metric !== null && c.comparator !== null && c.threshold !== null) {
    metric.metric = c.metric;
    metric.comparator = c.comparator;
    metric.threshold =
      c.comparator === Comparator.BETWEEN && c.thresholdHigh !== null ? [c.threshold, c.thresholdHigh] : c.threshold;
  }
  return {
    id: c.id,
    authority: c.authority,
    key: c.key,
    version: c.version,
    stage: c.stage,
    category: c.category,
    kind: c.kind,
    ...metric,
    sectors: [...c.sectors],
    riskClasses: [...c.riskClasses],
    clauses: [...c.clauses],
  };
}

const serialiseConditions = (c: RuleConditions): RuleConditions => ({
  requireAccreditedLab: c.requireAccreditedLab,
  accreditationBodies: [...c.accreditationBodies],
  maxResultAgeDays: c.maxResultAgeDays,
  acceptedMethods: [...c.acceptedMethods],
  minMargin: c.minMargin,
});

const serialiseSupplementary = (s: Supplementary): Supplementary =>
  s === null || typeof s === 'string' ? s : { text: s.text, criteria: [...s.criteria] };

export function serialiseRule(r: CaseRule): RuleDocument {
  const excludes = r.effect === RuleEffect.EXCLUDE;
  return {
    id: r.id,
    origins: [...r.origins],
    recognising: [...r.recognising],
    categories: [...r.categories],
    stages: [...r.stages],
    sectors: [...r.sectors],
    riskClasses: [...r.riskClasses],
    criteria: [...r.criteria],
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    mode: excludes ? null : r.mode,
    effect: r.effect,
    conditions: excludes ? null : serialiseConditions(r.conditions),
    supplementary: serialiseSupplementary(r.supplementary),
  };
}

export function serialiseAgreement(a: CaseAgreement): AgreementDocument {
  return {
    id: a.id,
    kind: a.kind,
    parties: [...a.parties],
    status: a.status,
    effectiveFrom: a.effectiveFrom,
    effectiveTo: a.effectiveTo,
    rules: a.rules.map(serialiseRule),
  };
}

export const serialiseSystem = (s: CaseSystem): CaseSystem => ({ id: s.id, sector: s.sector, riskClass: s.riskClass });

export const serialiseResult = (r: CaseResult): CaseResult => ({
  id: r.id,
  system: r.system,
  criterion: r.criterion,
  testedIn: r.testedIn,
  testedAt: r.testedAt,
  value: r.value,
  passed: r.passed,
  method: r.method,
  lab: { accredited: r.lab.accredited, accreditationBody: r.lab.accreditationBody },
});

/** The reference model (a case's, or a scenario's `reference` block) as the file writes it. */
export function serialiseReferenceModel(m: {
  jurisdictions: CaseJurisdiction[];
  authorities: CaseAuthority[];
  criteria: CaseCriterion[];
  crosswalks: CaseCrosswalk[];
}): Pick<RecognitionCaseDocument, 'jurisdictions' | 'authorities' | 'criteria' | 'crosswalks'> {
  return {
    jurisdictions: m.jurisdictions.map((j) => ({ code: j.code })),
    authorities: m.authorities.map((a) => ({ id: a.id, jurisdiction: a.jurisdiction })),
    criteria: m.criteria.map(serialiseCriterion),
    crosswalks: m.crosswalks.map((x) => ({ from: x.from, to: x.to, relation: x.relation })),
  };
}

/**
 * A read recognition case as its `sandbridge/recognition-case@1` document (docs/formats.md#recognition-case):
 * the inverse of {@link parseRecognitionCase} on what it returns — every field written, defaults
 * included, keys in the order of the format, nothing shared with the input.
 */
export function serialiseRecognitionCase(c: RecognitionCase): RecognitionCaseDocument {
  return {
    format: RECOGNITION_CASE_FORMAT,
    asOf: c.asOf,
    ...serialiseReferenceModel(c),
    agreements: c.agreements.map(serialiseAgreement),
    systems: c.systems.map(serialiseSystem),
    results: c.results.map(serialiseResult),
    queries: c.queries.map((q) => ({ system: q.system, authority: q.authority })),
  };
}
