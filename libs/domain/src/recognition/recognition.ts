import type { Category, Comparator, CriterionKind, Relation, RiskClass, Stage } from '../criteria/criteria.js';

/** Vocabulary and data of mutual recognition (docs/domain.md#recognition), as the engine reads and writes it. */

export const RECOGNITION_CASE_FORMAT = 'sandbridge/recognition-case@1';
export const RECOGNITION_RESULT_FORMAT = 'sandbridge/recognition-result@1';

export enum AgreementKind {
  BILATERAL = 'BILATERAL',
  PLURILATERAL = 'PLURILATERAL',
}

/** Only `IN_FORCE` agreements recognise anything. */
export enum AgreementStatus {
  DRAFT = 'DRAFT',
  PROPOSED = 'PROPOSED',
  IN_FORCE = 'IN_FORCE',
  SUSPENDED = 'SUSPENDED',
  TERMINATED = 'TERMINATED',
}

export enum RecognitionMode {
  /** An MRA: the foreign lab tested against the target's own requirements; the value is checked against the target. */
  CONFORMITY = 'CONFORMITY',
  /** The target deems the origin's criterion equivalent: passing it is enough (a failing value is flagged `divergent`). */
  EQUIVALENCE = 'EQUIVALENCE',
}

export enum RuleEffect {
  RECOGNISE = 'RECOGNISE',
  RECOGNISE_WITH_CONDITIONS = 'RECOGNISE_WITH_CONDITIONS',
  /** A deny rule: scope only, beats every allow rule in any agreement. */
  EXCLUDE = 'EXCLUDE',
}

export enum RecognitionOutcome {
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  SATISFIED_LOCALLY = 'SATISFIED_LOCALLY',
  RECOGNISED = 'RECOGNISED',
  RECOGNISED_WITH_CONDITIONS = 'RECOGNISED_WITH_CONDITIONS',
  GAP = 'GAP',
}

/** The check names of docs/domain.md#recognition, in the order the engine evaluates them. */
export enum CheckName {
  applicable = 'applicable',
  local = 'local',
  correspondence = 'correspondence',
  coverage = 'coverage',
  agreementInForce = 'agreementInForce',
  scope = 'scope',
  excluded = 'excluded',
  accreditedLab = 'accreditedLab',
  accreditationBody = 'accreditationBody',
  resultAge = 'resultAge',
  method = 'method',
  threshold = 'threshold',
  passedOwnCriterion = 'passedOwnCriterion',
}

/**
 * Dates in a case are UTC calendar days written `YYYY-MM-DD` (the file format reduces timestamps
 * to their UTC day before the engine sees them).
 */
export type UtcDay = string;

export interface CaseJurisdiction {
  code: string;
}

export interface CaseAuthority {
  id: string;
  jurisdiction: string;
}

/** One criterion version (ids are per version). */
export interface CaseCriterion {
  id: string;
  authority: string;
  key: string;
  version: number;
  stage: Stage;
  category: Category;
  kind: CriterionKind;
  /** Metric key, comparator and threshold(s): for `METRIC` only, else null. */
  metric: string | null;
  comparator: Comparator | null;
  threshold: number | null;
  /** The high bound of `BETWEEN`, else null. */
  thresholdHigh: number | null;
  /** Applicability; empty = all. */
  sectors: string[];
  riskClasses: RiskClass[];
  clauses: string[];
}

export interface CaseCrosswalk {
  from: string;
  to: string;
  relation: Relation;
}

/** Absent, null or empty = no restriction. */
export interface RuleConditions {
  requireAccreditedLab: boolean;
  accreditationBodies: string[];
  maxResultAgeDays: number | null;
  acceptedMethods: string[];
  minMargin: number;
}

export type Supplementary = string | { text: string; criteria: string[] } | null;

export interface CaseRule {
  id: string;
  origins: string[];
  recognising: string[];
  /** Scope; an empty list means "all". */
  categories: Category[];
  stages: Stage[];
  sectors: string[];
  riskClasses: RiskClass[];
  criteria: string[];
  effectiveFrom: UtcDay | null;
  effectiveTo: UtcDay | null;
  /** Null only for `EXCLUDE` (ignored there). */
  mode: RecognitionMode | null;
  effect: RuleEffect;
  conditions: RuleConditions;
  supplementary: Supplementary;
}

export interface CaseAgreement {
  id: string;
  kind: AgreementKind | null;
  parties: string[];
  status: AgreementStatus;
  effectiveFrom: UtcDay | null;
  effectiveTo: UtcDay | null;
  rules: CaseRule[];
}

export interface CaseSystem {
  id: string;
  /** Null matches only rules and criteria that do not restrict sectors. */
  sector: string | null;
  riskClass: RiskClass | null;
}

export interface CaseResult {
  id: string;
  system: string;
  criterion: string;
  /** Jurisdiction code where the test was run. */
  testedIn: string;
  testedAt: UtcDay;
  value: number | null;
  passed: boolean;
  method: string | null;
  lab: { accredited: boolean; accreditationBody: string | null };
}

export interface CaseQuery {
  system: string;
  authority: string;
}

/** A whole `sandbridge/recognition-case@1` document, validated and with its defaults filled in. */
export interface RecognitionCase {
  format: typeof RECOGNITION_CASE_FORMAT;
  asOf: UtcDay;
  jurisdictions: CaseJurisdiction[];
  authorities: CaseAuthority[];
  criteria: CaseCriterion[];
  crosswalks: CaseCrosswalk[];
  agreements: CaseAgreement[];
  systems: CaseSystem[];
  results: CaseResult[];
  queries: CaseQuery[];
}

/** One explained verdict: `expected` and `actual` are short human-readable texts. */
export interface RecognitionCheck {
  name: CheckName;
  expected: string;
  actual: string;
  passed: boolean;
}

export interface RecognitionCandidate {
  result: string;
  checks: RecognitionCheck[];
}

/** The resolution of one target criterion (keys in the order of docs/formats.md#recognition-case). */
export interface CriterionResolution {
  criterion: string;
  outcome: RecognitionOutcome;
  result: string | null;
  agreement: string | null;
  rule: string | null;
  divergent: boolean;
  supplementary: Supplementary;
  checks: RecognitionCheck[];
  candidates: RecognitionCandidate[];
}

export interface QueryResolution {
  system: string;
  authority: string;
  criteria: CriterionResolution[];
}

/** A `sandbridge/recognition-result@1` document. */
export interface RecognitionResult {
  format: typeof RECOGNITION_RESULT_FORMAT;
  asOf: UtcDay;
  resolutions: QueryResolution[];
}
