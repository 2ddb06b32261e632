import type { FieldProblem } from '../errors/domain-error.js';
import { Category, RiskClass, Stage } from '../criteria/criteria.js';
import { isUuid } from '../identity/ids.js';
import { AgreementKind, RecognitionMode, RuleEffect, type Supplementary } from '../recognition/recognition.js';

export enum AgreementAction {
  PROPOSE = 'PROPOSE',
  APPROVE = 'APPROVE',
  SUSPEND = 'SUSPEND',
  RESUME = 'RESUME',
  TERMINATE = 'TERMINATE',
}

/** Conditions of an allow rule as drafted; absent, null or an empty list = no restriction. */
export interface DraftRuleConditions {
  requireAccreditedLab?: boolean | null;
  accreditationBodies?: string[] | null;
  maxResultAgeDays?: number | null;
  acceptedMethods?: string[] | null;
  minMargin?: number | null;
}

/** The agreement fields rules are checked against. Days are `YYYY-MM-DD` (UTC). */
export interface AgreementTerms {
  kind: AgreementKind;
  parties: string[];
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export interface RuleDraft {
  origins: string[];
  recognising: string[];
  categories?: string[] | null;
  stages?: string[] | null;
  sectors?: string[] | null;
  riskClasses?: string[] | null;
  criteria?: string[] | null;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  mode?: string | null;
  effect: string;
  conditions?: DraftRuleConditions | null;
  supplementary?: unknown;
}

const SECTOR = /^[A-Z][A-Z0-9_]{1,39}$/;
const oneOf = (values: object) => `must be one of ${Object.values(values).join(', ')}`;

/** Problems with an agreement's own fields; `prefix` is the path of the object (`input`). */
export function validateAgreementTerms(terms: AgreementTerms, prefix = 'input'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const parties = terms.parties;
  if (new Set(parties).size !== parties.length)
    problems.push({ path: `${prefix}.parties`, message: 'must not repeat a jurisdiction' });
  else if (terms.kind === AgreementKind.BILATERAL && parties.length !== 2)
    problems.push({ path: `${prefix}.parties`, message: 'a BILATERAL agreement has exactly 2 parties' });
  else if (terms.kind === AgreementKind.PLURILATERAL && parties.length < 3)
    problems.push({ path: `${prefix}.parties`, message: 'a PLURILATERAL agreement has at least 3 parties' });
  if (terms.effectiveFrom && terms.effectiveTo && terms.effectiveFrom >= terms.effectiveTo) {
    problems.push({ path: `${prefix}.effectiveTo`, message: 'must be after effectiveFrom (the window is [from, to))' });
  }
  return problems;
}

/**
 * Problems with one rule of an agreement: origins and recognising jurisdictions are parties, the
 * rule's window lies inside the agreement's, lists hold known values, criteria exist.
 */
export function validateRule(
  rule: RuleDraft,
  terms: AgreementTerms,
  knownCriteria: ReadonlySet<string>,
  prefix = 'input',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ path: `${prefix}.${field}`, message });
  const parties = new Set(terms.parties);
  for (const field of ['origins', 'recognising'] as const) {
    const codes = rule[field];
    if (!codes.length) add(field, 'must name at least one party');
    const strangers = codes.filter((c) => !parties.has(c));
    if (strangers.length) add(field, `must be parties of the agreement (not: ${[...new Set(strangers)].join(', ')})`);
  }
  const enumList = (field: 'categories' | 'stages' | 'riskClasses', values: object) => {
    const allowed = new Set(Object.values(values) as string[]);
    if ((rule[field] ?? []).some((v) => !allowed.has(v))) add(field, `each ${oneOf(values)}`);
  };
  enumList('categories', Category);
  enumList('stages', Stage);
  enumList('riskClasses', RiskClass);
  if ((rule.sectors ?? []).some((s) => !SECTOR.test(s)))
    add('sectors', 'each sector must be an upper-case word such as FINANCE');
  const unknown = (rule.criteria ?? []).filter((id) => !isUuid(id) || !knownCriteria.has(id));
  if (unknown.length) add('criteria', `must be existing criterion ids (not: ${unknown.join(', ')})`);

  const from = rule.effectiveFrom ?? null;
  const to = rule.effectiveTo ?? null;
  if (from && to && from >= to) add('effectiveTo', 'must be after effectiveFrom (the window is [from, to))');
  // An open bound inherits the agreement's, so only a set bound can fall outside it.
  if (terms.effectiveFrom && from !== null && from < terms.effectiveFrom)
    add('effectiveFrom', `must not be before the agreement's effectiveFrom ${terms.effectiveFrom}`);
  if (terms.effectiveTo && to !== null && to > terms.effectiveTo)
    add('effectiveTo', `must not be after the agreement's effectiveTo ${terms.effectiveTo}`);
  if (terms.effectiveTo && from !== null && from >= terms.effectiveTo)
    add('effectiveFrom', `must be before the agreement's effectiveTo ${terms.effectiveTo}`);
  if (terms.effectiveFrom && to !== null && to <= terms.effectiveFrom)
    add('effectiveTo', `must be after the agreement's effectiveFrom ${terms.effectiveFrom}`);

  const effect = rule.effect as RuleEffect;
  if (!Object.values(RuleEffect).includes(effect)) add('effect', oneOf(RuleEffect));
  if (rule.mode != null && !Object.values(RecognitionMode).includes(rule.mode as RecognitionMode))
    add('mode', oneOf(RecognitionMode));
  else if (rule.mode == null && effect !== RuleEffect.EXCLUDE) add('mode', 'is required unless the effect is EXCLUDE');

  const c = rule.conditions ?? {};
  if (c.maxResultAgeDays != null && (!Number.isInteger(c.maxResultAgeDays) || c.maxResultAgeDays < 0))
    add('conditions.maxResultAgeDays', 'must be a whole number of days, 0 or more');
  if (c.minMargin != null && (!Number.isFinite(c.minMargin) || c.minMargin < 0))
    add('conditions.minMargin', 'must be a number, 0 or more');
  for (const field of ['accreditationBodies', 'acceptedMethods'] as const) {
    if ((c[field] ?? []).some((v) => typeof v !== 'string' || !v.trim() || v.length > 200))
      add(`conditions.${field}`, 'each must be a non-empty string of at most 200 characters');
  }

  const s = rule.supplementary;
  if (s != null) {
    if (effect !== RuleEffect.RECOGNISE_WITH_CONDITIONS)
      add('supplementary', 'is only for the effect RECOGNISE_WITH_CONDITIONS');
    else if (typeof s === 'string') {
      if (!s.trim() || s.length > 10000) add('supplementary', 'must be a non-empty text of at most 10000 characters');
    } else if (typeof s !== 'object' || Array.isArray(s))
      add('supplementary', 'must be null, a string or { text, criteria }');
    else {
      const o = s as Record<string, unknown>;
      const extra = Object.keys(o).filter((k) => k !== 'text' && k !== 'criteria');
      if (extra.length) add('supplementary', `has unknown fields: ${extra.join(', ')}`);
      if (typeof o.text !== 'string' || !o.text.trim()) add('supplementary.text', 'must be a non-empty string');
      const ids = o.criteria ?? [];
      if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || !isUuid(id) || !knownCriteria.has(id))) {
        add('supplementary.criteria', 'must be a list of existing criterion ids');
      }
    }
  }
  return problems;
}

/** The supplementary value as stored: `{ text, criteria }` always carries its list. */
export function normaliseSupplementary(value: unknown): Supplementary {
  if (value == null) return null;
  if (typeof value === 'string') return value;
  const o = value as { text: string; criteria?: string[] };
  return { text: o.text, criteria: [...(o.criteria ?? [])] };
}

/** Criterion ids a rule refers to (scope and supplementary), to check they exist. */
export function criteriaNamedBy(rule: RuleDraft): string[] {
  const s = rule.supplementary as { criteria?: unknown } | null | undefined;
  const extra =
    s && typeof s === 'object' && Array.isArray(s.criteria)
      ? s.criteria.filter((x): x is string => typeof x === 'string')
      : [];
  return [...new Set([...(rule.criteria ?? []), ...extra])];
}
