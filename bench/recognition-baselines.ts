import {
  AgreementStatus,
  type CaseAgreement,
  type CaseCriterion,
  type CaseResult,
  type CaseRule,
  type CaseSystem,
  Comparator,
  CriterionKind,
  dayNumber,
  meetsThreshold,
  type RecognitionDecision,
  RecognitionMode,
  RecognitionOutcome,
  type RecognitionStatic,
  Relation,
  RuleEffect,
} from '@sandbridge/domain';

// The two baselines of bench:recognition, each deciding what docs/domain.md#recognition decides (the bench
// asserts that they agree with the engine before timing anything):
//  - naive: plain code with no rule index — every candidate is judged by scanning ALL rules of ALL
//    agreements (status, windows, origins, recognising, scope, conditions), on the plain objects;
//  - json-rules-engine: the rules in force written as json-rules-engine rules (scope, conditions
//    and mode as JSON conditions over per-candidate facts), one Engine per origin → recognising
//    pair (so it is given the pair index), `await engine.run(facts)` per candidate; choosing among
//    the rules and results that recognise is plain code around it.
// Both find candidates the same plain way: correspondences per target criterion (identity, shared
// clause and metric, crosswalk, inverted crosswalk) computed once into Maps, and the system's
// results grouped by criterion in a Map per call.

const INVERSE: Record<Relation, Relation> = {
  [Relation.EQUIVALENT]: Relation.EQUIVALENT,
  [Relation.SUBSET]: Relation.SUPERSET,
  [Relation.SUPERSET]: Relation.SUBSET,
  [Relation.INTERSECTS]: Relation.INTERSECTS,
};
export const fullCoverage = (relation: Relation) => relation === Relation.EQUIVALENT || relation === Relation.SUPERSET;
export const isMetric = (c: CaseCriterion) =>
  c.kind === CriterionKind.METRIC && c.comparator !== null && c.threshold !== null;
const valueMeets = (value: number | null, c: CaseCriterion, margin: number) =>
  value !== null && meetsThreshold(value, c.comparator as Comparator, c.threshold!, c.thresholdHigh, margin);
const windowHolds = (from: string | null, to: string | null, asOf: string) =>
  (from === null || dayNumber(from) <= dayNumber(asOf)) && (to === null || dayNumber(asOf) < dayNumber(to));
export const ruleInForce = (agreement: CaseAgreement, rule: CaseRule, asOf: string) =>
  agreement.status === AgreementStatus.IN_FORCE &&
  windowHolds(agreement.effectiveFrom, agreement.effectiveTo, asOf) &&
  windowHolds(rule.effectiveFrom, rule.effectiveTo, asOf);
export const byIds = (
  a: { agreement: CaseAgreement; rule: CaseRule },
  b: { agreement: CaseAgreement; rule: CaseRule },
) =>
  a.agreement.id < b.agreement.id
    ? -1
    : a.agreement.id > b.agreement.id
      ? 1
      : a.rule.id < b.rule.id
        ? -1
        : a.rule.id > b.rule.id
          ? 1
          : 0;

export interface Candidate {
  result: CaseResult;
  order: number;
  source: CaseCriterion;
  relation: Relation;
}

/** What a rule judgement chose for one candidate. */
export interface Choice {
  candidate: Candidate;
  agreement: string;
  rule: string;
  full: boolean;
  divergent: boolean;
}

/** Correspondences and criteria, computed once from the static part (plain Maps). */
export class PlainCandidates {
  readonly criteria = new Map<string, CaseCriterion>();
  readonly byAuthority = new Map<string, CaseCriterion[]>();
  readonly jurisdictionOf = new Map<string, string>();
  /** Per target criterion id: source criterion id → relation. */
  private readonly sources = new Map<string, Map<string, Relation>>();

  constructor(readonly input: RecognitionStatic) {
    for (const a of input.authorities) this.jurisdictionOf.set(a.id, a.jurisdiction);
    for (const c of input.criteria) {
      this.criteria.set(c.id, c);
      const list = this.byAuthority.get(c.authority) ?? [];
      list.push(c);
      this.byAuthority.set(c.authority, list);
    }
    for (const c of input.criteria) {
      const found = new Map<string, Relation>([[c.id, Relation.EQUIVALENT]]);
      if (c.kind === CriterionKind.METRIC && c.metric) {
        for (const s of input.criteria) {
          if (
            s.kind === CriterionKind.METRIC &&
            s.metric === c.metric &&
            s.clauses.some((k) => c.clauses.includes(k)) &&
            !found.has(s.id)
          )
            found.set(s.id, Relation.EQUIVALENT);
        }
      }
      for (const x of input.crosswalks ?? []) if (x.to === c.id && !found.has(x.from)) found.set(x.from, x.relation);
      for (const x of input.crosswalks ?? [])
        if (x.from === c.id && !found.has(x.to)) found.set(x.to, INVERSE[x.relation]);
      this.sources.set(c.id, found);
    }
  }

  /** The system's results grouped by criterion (those of other systems and after asOf left out). */
  group(system: CaseSystem, results: readonly CaseResult[]): Map<string, { result: CaseResult; order: number }[]> {
    const asOf = dayNumber(this.input.asOf);
    const grouped = new Map<string, { result: CaseResult; order: number }[]>();
    results.forEach((result, order) => {
      if (result.system !== system.id || dayNumber(result.testedAt) > asOf) return;
      const list = grouped.get(result.criterion) ?? [];
      list.push({ result, order });
      grouped.set(result.criterion, list);
    });
    return grouped;
  }

  /** Steps 1–3 for target `c`: not applicable, the local result, or the foreign candidates in input order. */
  triage(
    c: CaseCriterion,
    system: CaseSystem,
    jurisdiction: string,
    grouped: Map<string, { result: CaseResult; order: number }[]>,
  ): RecognitionDecision | Candidate[] {
    const applies =
      (!c.sectors.length || (!!system.sector && c.sectors.includes(system.sector))) &&
      (!c.riskClasses.length || (!!system.riskClass && c.riskClasses.includes(system.riskClass)));
    if (!applies) return decision(c, RecognitionOutcome.NOT_APPLICABLE);
    let local: CaseResult | null = null;
    for (const { result } of grouped.get(c.id) ?? []) {
      if (result.testedIn !== jurisdiction || !result.passed) continue;
      if (
        !local ||
        dayNumber(result.testedAt) > dayNumber(local.testedAt) ||
        (result.testedAt === local.testedAt && result.id < local.id)
      )
        local = result;
    }
    if (local) return { ...decision(c, RecognitionOutcome.SATISFIED_LOCALLY), result: local.id };
    const candidates: Candidate[] = [];
    for (const [sourceId, relation] of this.sources.get(c.id)!) {
      const source = this.criteria.get(sourceId)!;
      for (const { result, order } of grouped.get(sourceId) ?? [])
        if (result.testedIn !== jurisdiction) candidates.push({ result, order, source, relation });
    }
    return candidates.sort((a, b) => a.order - b.order);
  }
}

const decision = (c: CaseCriterion, outcome: RecognitionOutcome): RecognitionDecision => ({
  criterion: c.id,
  outcome,
  result: null,
  agreement: null,
  rule: null,
  divergent: false,
});

/** Step 6 across candidates: full before conditional, then the most recent, then the smallest id. */
export function better(a: Choice, b: Choice | null): boolean {
  if (!b) return true;
  if (a.full !== b.full) return a.full;
  const [da, db] = [dayNumber(a.candidate.result.testedAt), dayNumber(b.candidate.result.testedAt)];
  if (da !== db) return da > db;
  return a.candidate.result.id < b.candidate.result.id;
}

export function chosen(c: CaseCriterion, choice: Choice | null): RecognitionDecision {
  if (!choice) return decision(c, RecognitionOutcome.GAP);
  return {
    criterion: c.id,
    outcome: choice.full ? RecognitionOutcome.RECOGNISED : RecognitionOutcome.RECOGNISED_WITH_CONDITIONS,
    result: choice.candidate.result.id,
    agreement: choice.agreement,
    rule: choice.rule,
    divergent: choice.divergent,
  };
}

export const divergence = (rule: CaseRule, candidate: Candidate, c: CaseCriterion) =>
  rule.mode === RecognitionMode.EQUIVALENCE &&
  isMetric(candidate.source) &&
  isMetric(c) &&
  !!c.metric &&
  candidate.source.metric === c.metric &&
  candidate.result.value !== null &&
  !valueMeets(candidate.result.value, c, 0);

/** Naive: for every candidate, every rule of every agreement, checked on the plain objects. */
export function naiveResolve(
  plain: PlainCandidates,
  system: CaseSystem,
  results: readonly CaseResult[],
  authorityId: string,
): RecognitionDecision[] {
  const { asOf, agreements } = plain.input;
  const jurisdiction = plain.jurisdictionOf.get(authorityId)!;
  const grouped = plain.group(system, results);
  return (plain.byAuthority.get(authorityId) ?? []).map((c) => {
    const triaged = plain.triage(c, system, jurisdiction, grouped);
    if (!Array.isArray(triaged)) return triaged;
    let best: Choice | null = null;
    for (const candidate of triaged) {
      const r = candidate.result;
      const applying: { agreement: CaseAgreement; rule: CaseRule }[] = [];
      for (const agreement of agreements) {
        for (const rule of agreement.rules) {
          if (
            !rule.origins.includes(r.testedIn) ||
            !rule.recognising.includes(jurisdiction) ||
            !ruleInForce(agreement, rule, asOf)
          )
            continue;
          const inScope =
            (!rule.categories.length || rule.categories.includes(c.category)) &&
            (!rule.stages.length || rule.stages.includes(c.stage)) &&
            (!rule.sectors.length || (system.sector !== null && rule.sectors.includes(system.sector))) &&
            (!rule.riskClasses.length || (system.riskClass !== null && rule.riskClasses.includes(system.riskClass))) &&
            (!rule.criteria.length || rule.criteria.includes(c.id));
          if (inScope) applying.push({ agreement, rule });
        }
      }
      if (applying.some(({ rule }) => rule.effect === RuleEffect.EXCLUDE)) continue;
      let pick: Choice | null = null;
      for (const { agreement, rule } of applying.sort(byIds)) {
        const k = rule.conditions;
        const age = dayNumber(asOf) - dayNumber(r.testedAt);
        const conditionsHold =
          (!k.requireAccreditedLab || r.lab.accredited) &&
          (!k.accreditationBodies.length ||
            (r.lab.accreditationBody !== null && k.accreditationBodies.includes(r.lab.accreditationBody))) &&
          (k.maxResultAgeDays === null || age <= k.maxResultAgeDays) &&
          (!k.acceptedMethods.length || (r.method !== null && k.acceptedMethods.includes(r.method)));
        const modeHolds =
          rule.mode === RecognitionMode.EQUIVALENCE
            ? r.passed
            : isMetric(c)
              ? valueMeets(r.value, c, k.minMargin)
              : r.passed;
        if (!conditionsHold || !modeHolds) continue;
        const full = fullCoverage(candidate.relation) && rule.effect === RuleEffect.RECOGNISE;
        if (!pick || (full && !pick.full))
          pick = { candidate, agreement: agreement.id, rule: rule.id, full, divergent: divergence(rule, candidate, c) };
      }
      if (pick && better(pick, best)) best = pick;
    }
    return chosen(c, best);
  });
}
