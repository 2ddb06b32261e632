// One file (a format reader, long on purpose): every field of recognition-case@1 is read and checked here,
// and scenario-format reuses its readers; one place to compare against docs/formats.md#recognition-case.
import { Category, Comparator, CriterionKind, Relation, RiskClass, Stage } from '../criteria/criteria.js';
import {
  AgreementKind,
  AgreementStatus,
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
  RecognitionMode,
  type RecognitionCase,
  RuleEffect,
  type RuleConditions,
  type Supplementary,
} from './recognition.js';
import {
  absent,
  boolean,
  CaseFormatError,
  day,
  fail,
  field,
  Ids,
  isObject,
  type Json,
  number,
  object,
  oneOf,
  optionalDay,
  optionalList,
  optionalString,
  required,
  requiredList,
  string,
} from './json-readers.js';

// The readers live in json-readers.ts; these two are part of the format's public face.
export { CaseFormatError, parseUtcDay } from './json-readers.js';

const stage = oneOf(Stage);
const category = oneOf(Category);
const kind = oneOf(CriterionKind);
const comparator = oneOf(Comparator);
export const riskClass = oneOf(RiskClass);
const relation = oneOf(Relation);
const agreementStatus = oneOf(AgreementStatus);
const agreementKind = oneOf(AgreementKind);
const mode = oneOf(RecognitionMode);
const effect = oneOf(RuleEffect);

export function readCriterion(value: unknown, path: string, authorities: Ids, criteria: Ids): CaseCriterion {
  const o = object(value, path);
  const id = string(required(o, 'id', path), field(path, 'id'));
  criteria.add(id, path);
  const authority = authorities.reference(required(o, 'authority', path), field(path, 'authority'));
  const criterion: CaseCriterion = {
    id,
    authority,
    key: id,
    version: 1,
    stage: stage(required(o, 'stage', path), field(path, 'stage')),
    category: category(required(o, 'category', path), field(path, 'category')),
    kind: kind(required(o, 'kind', path), field(path, 'kind')),
    metric: null,
    comparator: null,
    threshold: null,
    thresholdHigh: null,
    sectors: [],
    riskClasses: [],
    clauses: [],
  };
  // Metric fields belong to METRIC criteria; on other kinds they are not read.
  if (criterion.kind === CriterionKind.METRIC) {
    criterion.metric = string(required(o, 'metric', path), field(path, 'metric'));
    criterion.comparator = comparator(required(o, 'comparator', path), field(path, 'comparator'));
    const threshold = required(o, 'threshold', path);
    const at = field(path, 'threshold');
    if (criterion.comparator === Comparator.BETWEEN) {
      if (!Array.isArray(threshold) || threshold.length !== 2) fail(at, 'must be [low, high] for BETWEEN');
      [criterion.threshold, criterion.thresholdHigh] = [
        number(threshold[0], `${at}[0]`),
        number(threshold[1], `${at}[1]`),
      ];
      if (criterion.threshold > criterion.thresholdHigh) fail(at, 'low must not exceed high');
    } else {
      criterion.threshold = number(threshold, at);
    }
  }
  if (!absent(o.key)) criterion.key = string(o.key, field(path, 'key'));
  if (!absent(o.version)) {
    const version = number(o.version, field(path, 'version'));
    if (!Number.isInteger(version) || version < 1) fail(field(path, 'version'), 'must be a positive integer');
    criterion.version = version;
  }
  criterion.sectors = optionalList(o, 'sectors', path, string);
  criterion.riskClasses = optionalList(o, 'riskClasses', path, riskClass);
  criterion.clauses = optionalList(o, 'clauses', path, string);
  return criterion;
}

function readConditions(value: unknown, path: string): RuleConditions {
  const conditions: RuleConditions = {
    requireAccreditedLab: false,
    accreditationBodies: [],
    maxResultAgeDays: null,
    acceptedMethods: [],
    minMargin: 0,
  };
  if (absent(value)) return conditions;
  const o = object(value, path);
  conditions.requireAccreditedLab = boolean(o, 'requireAccreditedLab', path, false);
  conditions.accreditationBodies = optionalList(o, 'accreditationBodies', path, string);
  if (!absent(o.maxResultAgeDays)) {
    const days = number(o.maxResultAgeDays, field(path, 'maxResultAgeDays'));
    if (days < 0) fail(field(path, 'maxResultAgeDays'), 'must not be negative');
    conditions.maxResultAgeDays = days;
  }
  conditions.acceptedMethods = optionalList(o, 'acceptedMethods', path, string);
  if (!absent(o.minMargin)) {
    const margin = number(o.minMargin, field(path, 'minMargin'));
    if (margin < 0) fail(field(path, 'minMargin'), 'must not be negative');
    conditions.minMargin = margin;
  }
  return conditions;
}

function readSupplementary(value: unknown, path: string): Supplementary {
  if (absent(value)) return null;
  if (typeof value === 'string') return value;
  if (!isObject(value)) fail(path, 'must be null, a string or { "text": …, "criteria": [ids] }');
  return {
    text: string(required(value, 'text', path), field(path, 'text')),
    criteria: optionalList(value, 'criteria', path, string),
  };
}

function readRule(value: unknown, path: string, ruleIds: Ids): CaseRule {
  const o = object(value, path);
  const id = string(required(o, 'id', path), field(path, 'id'));
  ruleIds.add(id, path);
  const rule: CaseRule = {
    id,
    origins: requiredList(o, 'origins', path, string),
    recognising: requiredList(o, 'recognising', path, string),
    effect: effect(required(o, 'effect', path), field(path, 'effect')),
    mode: null,
    categories: [],
    stages: [],
    sectors: [],
    riskClasses: [],
    criteria: [],
    effectiveFrom: null,
    effectiveTo: null,
    conditions: readConditions(null, ''),
    supplementary: null,
  };
  const excludes = rule.effect === RuleEffect.EXCLUDE;
  // An EXCLUDE rule is scope only: its mode and conditions are ignored, so not read.
  if (!excludes) rule.mode = mode(required(o, 'mode', path), field(path, 'mode'));
  rule.categories = optionalList(o, 'categories', path, category);
  rule.stages = optionalList(o, 'stages', path, stage);
  rule.sectors = optionalList(o, 'sectors', path, string);
  rule.riskClasses = optionalList(o, 'riskClasses', path, riskClass);
  rule.criteria = optionalList(o, 'criteria', path, string);
  rule.effectiveFrom = optionalDay(o, 'effectiveFrom', path);
  rule.effectiveTo = optionalDay(o, 'effectiveTo', path);
  if (!excludes) rule.conditions = readConditions(o.conditions, field(path, 'conditions'));
  rule.supplementary = readSupplementary(o.supplementary, field(path, 'supplementary'));
  return rule;
}

export function readAgreement(value: unknown, path: string, agreements: Ids): CaseAgreement {
  const o = object(value, path);
  const id = string(required(o, 'id', path), field(path, 'id'));
  agreements.add(id, path);
  const status = agreementStatus(required(o, 'status', path), field(path, 'status'));
  // Rule ids are unique within their agreement (tie-breaks read agreement id, then rule id).
  const ruleIds = new Ids('rule');
  const rules = requiredList(o, 'rules', path, (item, at) => readRule(item, at, ruleIds));
  return {
    id,
    kind: absent(o.kind) ? null : agreementKind(o.kind, field(path, 'kind')),
    parties: optionalList(o, 'parties', path, string),
    status,
    effectiveFrom: optionalDay(o, 'effectiveFrom', path),
    effectiveTo: optionalDay(o, 'effectiveTo', path),
    rules,
  };
}

export function readResult(value: unknown, path: string, systems: Ids, criteria: Ids, results: Ids): CaseResult {
  const o = object(value, path);
  const id = string(required(o, 'id', path), field(path, 'id'));
  results.add(id, path);
  const result: CaseResult = {
    id,
    system: systems.reference(required(o, 'system', path), field(path, 'system')),
    criterion: criteria.reference(required(o, 'criterion', path), field(path, 'criterion')),
    testedIn: string(required(o, 'testedIn', path), field(path, 'testedIn')),
    testedAt: day(required(o, 'testedAt', path), field(path, 'testedAt')),
    value: absent(o.value) ? null : number(o.value, field(path, 'value')),
    passed: boolean(o, 'passed', path, false),
    method: optionalString(o, 'method', path),
    lab: { accredited: false, accreditationBody: null },
  };
  if (!absent(o.lab)) {
    const at = field(path, 'lab');
    const lab = object(o.lab, at);
    result.lab = {
      accredited: boolean(lab, 'accredited', at, false),
      accreditationBody: optionalString(lab, 'accreditationBody', at),
    };
  }
  return result;
}

/**
 * The reference model of a case (or a scenario's `reference` block): jurisdictions, authorities,
 * criteria and crosswalks read from object `o` at `path`, with the id registries later readers
 * check references against.
 */
export function readReferenceModel(o: Json, path: string) {
  const jurisdictions = optionalList(o, 'jurisdictions', path, (item, at): CaseJurisdiction => {
    const j = object(item, at);
    return { code: string(required(j, 'code', at), field(at, 'code')) };
  });
  const authorityIds = new Ids('authority');
  const authorities = requiredList(o, 'authorities', path, (item, at): CaseAuthority => {
    const a = object(item, at);
    const id = string(required(a, 'id', at), field(at, 'id'));
    authorityIds.add(id, at);
    return { id, jurisdiction: string(required(a, 'jurisdiction', at), field(at, 'jurisdiction')) };
  });
  const criterionIds = new Ids('criterion');
  const criteria = requiredList(o, 'criteria', path, (item, at) => readCriterion(item, at, authorityIds, criterionIds));
  const crosswalks = optionalList(o, 'crosswalks', path, (item, at): CaseCrosswalk => {
    const x = object(item, at);
    return {
      from: criterionIds.reference(required(x, 'from', at), field(at, 'from')),
      to: criterionIds.reference(required(x, 'to', at), field(at, 'to')),
      relation: relation(required(x, 'relation', at), field(at, 'relation')),
    };
  });
  return { jurisdictions, authorities, criteria, crosswalks, authorityIds, criterionIds };
}

export function readSystem(value: unknown, path: string, systems: Ids): CaseSystem {
  const o = object(value, path);
  const id = string(required(o, 'id', path), field(path, 'id'));
  systems.add(id, path);
  return {
    id,
    sector: optionalString(o, 'sector', path),
    riskClass: absent(o.riskClass) ? null : riskClass(o.riskClass, field(path, 'riskClass')),
  };
}

/**
 * Reads a parsed JSON value as a `sandbridge/recognition-case@1` document (docs/formats.md#recognition-case): fills
 * in the defaults, reduces every date to its UTC day, ignores unknown fields, and refuses an
 * unknown format, a missing required field, a wrong type, an unknown enum value, a dangling
 * reference or a duplicate id with a {@link CaseFormatError} naming the first problem's JSON path.
 */
export function parseRecognitionCase(value: unknown): RecognitionCase {
  const root = object(value, '(root)');
  if (absent(root.format)) fail('format', 'is required');
  if (root.format !== RECOGNITION_CASE_FORMAT) fail('format', `must be "${RECOGNITION_CASE_FORMAT}"`);
  const asOf = day(required(root, 'asOf', ''), 'asOf');

  const { jurisdictions, authorities, criteria, crosswalks, authorityIds, criterionIds } = readReferenceModel(root, '');
  const agreementIds = new Ids('agreement');
  const agreements = optionalList(root, 'agreements', '', (item, path) => readAgreement(item, path, agreementIds));
  const systemIds = new Ids('system');
  const systems = requiredList(root, 'systems', '', (item, path) => readSystem(item, path, systemIds));
  const resultIds = new Ids('result');
  const results = requiredList(root, 'results', '', (item, path) =>
    readResult(item, path, systemIds, criterionIds, resultIds),
  );
  const queries = requiredList(root, 'queries', '', (item, path): CaseQuery => {
    const o = object(item, path);
    return {
      system: systemIds.reference(required(o, 'system', path), field(path, 'system')),
      authority: authorityIds.reference(required(o, 'authority', path), field(path, 'authority')),
    };
  });
  return {
    format: RECOGNITION_CASE_FORMAT,
    asOf,
    jurisdictions,
    authorities,
    criteria,
    crosswalks,
    agreements,
    systems,
    results,
    queries,
  };
}

/** Parses JSON text, then reads it as {@link parseRecognitionCase} does; text that is not JSON is refused at `(root)`. */
export function parseRecognitionCaseJson(text: string): RecognitionCase {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CaseFormatError('(root)', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseRecognitionCase(value);
}
