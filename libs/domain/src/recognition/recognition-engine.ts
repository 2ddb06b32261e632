// One file (a pure engine, long on purpose): the explained resolution of a criterion — candidates, checks,
// choice — is one algorithm whose steps share the rule index; it reads best top to bottom.
import { Comparator, CriterionKind, Relation } from '../criteria/criteria.js';
import { criterionApplies, meetsThreshold } from '../evaluation/evaluation.js';
import {
  AgreementStatus,
  type CaseAgreement,
  type CaseAuthority,
  type CaseCriterion,
  type CaseResult,
  type CaseRule,
  type CaseSystem,
  CheckName,
  type CriterionResolution,
  type QueryResolution,
  type RecognitionCandidate,
  type RecognitionCase,
  type RecognitionCheck,
  RecognitionMode,
  RecognitionOutcome,
  RECOGNITION_RESULT_FORMAT,
  type RecognitionResult,
  RuleEffect,
  type Supplementary,
  type UtcDay,
} from './recognition.js';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` UTC day: windows, ages and recency compare whole days. */
export function dayNumber(day: UtcDay): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
}

/** `[from, to)` holds at `day`; a null end is open. */
function windowHolds(from: number | null, to: number | null, day: number): boolean {
  return (from === null || from <= day) && (to === null || day < to);
}

const optionalDay = (day: UtcDay | null): number | null => (day === null ? null : dayNumber(day));

/** Ids order by UTF-16 code units (JavaScript's default string comparison), never by locale (docs/domain.md#recognition). */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** How a result's criterion `s` corresponds to the target `c`, and where that was read from. */
export interface Correspondence {
  relation: Relation;
  via: 'identity' | 'inferred' | 'crosswalk' | 'inverted';
  /** The shared clause (inferred) or the crosswalk's own relation (inverted). */
  detail: string | null;
}

const INVERSE: Record<Relation, Relation> = {
  [Relation.EQUIVALENT]: Relation.EQUIVALENT,
  [Relation.SUBSET]: Relation.SUPERSET,
  [Relation.SUPERSET]: Relation.SUBSET,
  [Relation.INTERSECTS]: Relation.INTERSECTS,
};

/** EQUIVALENT and SUPERSET cover the target fully; SUBSET and INTERSECTS only partly. */
export const coversFully = (relation: Relation): boolean =>
  relation === Relation.EQUIVALENT || relation === Relation.SUPERSET;

/** A scope list as a set; null when the list is empty ("all"). */
const scopeSet = <T extends string>(list: readonly T[]): ReadonlySet<string> | null =>
  list.length ? new Set<string>(list) : null;

interface IndexedRule {
  agreement: CaseAgreement;
  rule: CaseRule;
  /** `agreement/rule`, as explanations name it. */
  ref: string;
  /** Agreement IN_FORCE and both windows holding at asOf; else why not. */
  live: boolean;
  whyNot: string | null;
  exclude: boolean;
  categories: ReadonlySet<string> | null;
  stages: ReadonlySet<string> | null;
  sectors: ReadonlySet<string> | null;
  riskClasses: ReadonlySet<string> | null;
  criteria: ReadonlySet<string> | null;
}

interface IndexedResult {
  result: CaseResult;
  /** Position in the input: candidates are listed in this order. */
  order: number;
  day: number;
}

const pairKey = (origin: string, recognising: string) => `${origin}\u0000${recognising}`;

/**
 * Everything resolution looks up, built once per case: rules by origin × recognising jurisdiction
 * (sorted by agreement id then rule id), results by system then criterion (those tested after asOf
 * dropped: they do not exist yet), and correspondences by target criterion (computed on first use,
 * then kept).
 */
export class RecognitionIndex {
  readonly asOf: UtcDay;
  readonly asOfDay: number;
  readonly criteria = new Map<string, CaseCriterion>();
  readonly authorities = new Map<string, CaseAuthority>();
  readonly systems = new Map<string, CaseSystem>();
  /** Each authority's criteria, in input order. */
  readonly criteriaByAuthority = new Map<string, CaseCriterion[]>();
  private readonly rulesByPair = new Map<string, IndexedRule[]>();
  /** The same, only those in force at asOf (agreement IN_FORCE, both windows holding). */
  private readonly liveRulesByPair = new Map<string, IndexedRule[]>();
  private readonly resultsBySystem = new Map<string, Map<string, IndexedResult[]>>();
  private readonly byClauseAndMetric = new Map<string, CaseCriterion[]>();
  private readonly crosswalksTo = new Map<string, { from: string; relation: Relation }[]>();
  private readonly crosswalksFrom = new Map<string, { to: string; relation: Relation }[]>();
  private readonly correspondences = new Map<string, Map<string, Correspondence>>();
  /** The inverse of correspondencesOf (source criterion → targets it is a candidate for), built on first use. */
  private targetsBySource: Map<string, string[]> | null = null;
  private readonly reachBySystem = new Map<string, ReadonlySet<string>>();

  constructor(input: RecognitionCase) {
    this.asOf = input.asOf;
    this.asOfDay = dayNumber(input.asOf);
    for (const authority of input.authorities) this.authorities.set(authority.id, authority);
    for (const system of input.systems) this.systems.set(system.id, system);
    for (const criterion of input.criteria) {
      this.criteria.set(criterion.id, criterion);
      push(this.criteriaByAuthority, criterion.authority, criterion);
      if (criterion.kind === CriterionKind.METRIC && criterion.metric) {
        for (const clause of new Set(criterion.clauses))
          push(this.byClauseAndMetric, clauseMetricKey(clause, criterion.metric), criterion);
      }
    }
    for (const crosswalk of input.crosswalks) {
      push(this.crosswalksTo, crosswalk.to, { from: crosswalk.from, relation: crosswalk.relation });
      push(this.crosswalksFrom, crosswalk.from, { to: crosswalk.to, relation: crosswalk.relation });
    }
    for (const agreement of input.agreements) {
      for (const rule of agreement.rules) this.indexRule(agreement, rule);
    }
    for (const [pair, rules] of this.rulesByPair) {
      rules.sort((a, b) => compareIds(a.agreement.id, b.agreement.id) || compareIds(a.rule.id, b.rule.id));
      this.liveRulesByPair.set(
        pair,
        rules.filter((rule) => rule.live),
      );
    }
    input.results.forEach((result, order) => {
      const day = dayNumber(result.testedAt);
      if (day > this.asOfDay) return;
      let byCriterion = this.resultsBySystem.get(result.system);
      if (!byCriterion) this.resultsBySystem.set(result.system, (byCriterion = new Map()));
      push(byCriterion, result.criterion, { result, order, day });
    });
  }

  private indexRule(agreement: CaseAgreement, rule: CaseRule): void {
    const asOf = this.asOfDay;
    let whyNot: string | null = null;
    if (agreement.status !== AgreementStatus.IN_FORCE) whyNot = `${agreement.id} is ${agreement.status}`;
    else if (!windowHolds(optionalDay(agreement.effectiveFrom), optionalDay(agreement.effectiveTo), asOf)) {
      whyNot = `${agreement.id} effective ${describeWindow(agreement.effectiveFrom, agreement.effectiveTo)}`;
    } else if (!windowHolds(optionalDay(rule.effectiveFrom), optionalDay(rule.effectiveTo), asOf)) {
      whyNot = `${agreement.id}/${rule.id} effective ${describeWindow(rule.effectiveFrom, rule.effectiveTo)}`;
    }
    const indexed: IndexedRule = {
      agreement,
      rule,
      ref: `${agreement.id}/${rule.id}`,
      live: whyNot === null,
      whyNot,
      exclude: rule.effect === RuleEffect.EXCLUDE,
      categories: scopeSet(rule.categories),
      stages: scopeSet(rule.stages),
      sectors: scopeSet(rule.sectors),
      riskClasses: scopeSet(rule.riskClasses),
      criteria: scopeSet(rule.criteria),
    };
    for (const origin of new Set(rule.origins)) {
      for (const recognising of new Set(rule.recognising))
        push(this.rulesByPair, pairKey(origin, recognising), indexed);
    }
  }

  /** Rules from origin O to recognising jurisdiction J, live or not, by agreement id then rule id. */
  rulesFor(origin: string, recognising: string): readonly IndexedRule[] {
    return this.rulesByPair.get(pairKey(origin, recognising)) ?? [];
  }

  /** The rules from O to J in force at asOf, by agreement id then rule id. */
  liveRulesFor(origin: string, recognising: string): readonly IndexedRule[] {
    return this.liveRulesByPair.get(pairKey(origin, recognising)) ?? [];
  }

  /** The system's results (tested on or before asOf) against one criterion, in input order. */
  resultsFor(system: string, criterion: string): readonly IndexedResult[] {
    return this.resultsBySystem.get(system)?.get(criterion) ?? [];
  }

  /**
   * The criteria whose results are candidates for target `c`, with their correspondence: `c`
   * itself; criteria sharing a clause and the same non-empty metric (EQUIVALENT); else a crosswalk
   * `s→c`, which wins over one `c→s` read inverted. Nothing else corresponds (no inference from
   * what is not mapped).
   */
  correspondencesOf(c: CaseCriterion): ReadonlyMap<string, Correspondence> {
    let found = this.correspondences.get(c.id);
    if (found) return found;
    found = new Map<string, Correspondence>();
    found.set(c.id, { relation: Relation.EQUIVALENT, via: 'identity', detail: null });
    if (c.kind === CriterionKind.METRIC && c.metric) {
      for (const clause of c.clauses) {
        for (const s of this.byClauseAndMetric.get(clauseMetricKey(clause, c.metric)) ?? []) {
          if (!found.has(s.id)) found.set(s.id, { relation: Relation.EQUIVALENT, via: 'inferred', detail: clause });
        }
      }
    }
    for (const { from, relation } of this.crosswalksTo.get(c.id) ?? []) {
      if (!found.has(from)) found.set(from, { relation, via: 'crosswalk', detail: null });
    }
    for (const { to, relation } of this.crosswalksFrom.get(c.id) ?? []) {
      if (!found.has(to)) found.set(to, { relation: INVERSE[relation], via: 'inverted', detail: relation });
    }
    this.correspondences.set(c.id, found);
    return found;
  }

  /**
   * The target criteria for which the system has at least one corresponding result (tested on or
   * before asOf, in any jurisdiction): for every other criterion the candidate search finds
   * nothing, so resolution skips it. Cached per system.
   */
  reachOf(system: string): ReadonlySet<string> {
    let reach = this.reachBySystem.get(system);
    if (reach) return reach;
    if (!this.targetsBySource) {
      this.targetsBySource = new Map();
      for (const c of this.criteria.values())
        for (const source of this.correspondencesOf(c).keys()) push(this.targetsBySource, source, c.id);
    }
    const found = new Set<string>();
    for (const source of this.resultsBySystem.get(system)?.keys() ?? [])
      for (const target of this.targetsBySource.get(source) ?? []) found.add(target);
    this.reachBySystem.set(system, (reach = found));
    return reach;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const clauseMetricKey = (clause: string, metric: string) => `${clause}\u0000${metric}`;

function describeWindow(from: UtcDay | null, to: UtcDay | null): string {
  return `[${from ?? '-inf'}, ${to ?? '+inf'})`;
}

const check = (name: CheckName, expected: string, actual: string, passed: boolean): RecognitionCheck => ({
  name,
  expected,
  actual,
  passed,
});

/** Lists a few refs: explanations stay short strings. */
function listRefs(refs: string[]): string {
  return refs.length <= 3 ? refs.join(', ') : `${refs.slice(0, 3).join(', ')} and ${refs.length - 3} more`;
}

function describeThreshold(c: CaseCriterion, margin: number): string {
  const withMargin = margin && c.comparator !== Comparator.EQ ? ` with margin ${margin}` : '';
  switch (c.comparator) {
    case Comparator.GTE:
      return `>= ${c.threshold}${withMargin}`;
    case Comparator.LTE:
      return `<= ${c.threshold}${withMargin}`;
    case Comparator.EQ:
      return `= ${c.threshold}`;
    case Comparator.BETWEEN:
      return `between ${c.threshold} and ${c.thresholdHigh}${withMargin}`;
    case null:
      return 'no threshold';
  }
}

/** A criterion whose value is checked against a threshold: a METRIC with its comparator and threshold. */
export const isMetric = (c: CaseCriterion): boolean =>
  c.kind === CriterionKind.METRIC && c.comparator !== null && c.threshold !== null;

/** Does the value meet the metric criterion's comparator and threshold(s) with `margin` (1e-9 tolerance)? */
function valueMeets(value: number | null, c: CaseCriterion, margin: number): boolean {
  return value !== null && meetsThreshold(value, c.comparator!, c.threshold!, c.thresholdHigh, margin);
}

function ruleInScope(rule: IndexedRule, c: CaseCriterion, system: CaseSystem): boolean {
  return (
    (rule.categories === null || rule.categories.has(c.category)) &&
    (rule.stages === null || rule.stages.has(c.stage)) &&
    (rule.sectors === null || (system.sector !== null && rule.sectors.has(system.sector))) &&
    (rule.riskClasses === null || (system.riskClass !== null && rule.riskClasses.has(system.riskClass))) &&
    (rule.criteria === null || rule.criteria.has(c.id))
  );
}

/** What an allow rule makes of one candidate: its condition and mode checks and, when they all hold, the recognition. */
interface RuleVerdict {
  rule: IndexedRule;
  checks: RecognitionCheck[];
  recognises: boolean;
  full: boolean;
  divergent: boolean;
}

/** The conditions (accredited lab, accreditation body, result age, method) and the mode check of one allow rule. */
function judgeRule(
  rule: IndexedRule,
  candidate: IndexedResult,
  s: CaseCriterion,
  c: CaseCriterion,
  full: boolean,
  asOfDay: number,
): RuleVerdict {
  const r = candidate.result;
  const conditions = rule.rule.conditions;
  const checks: RecognitionCheck[] = [];
  checks.push(
    conditions.requireAccreditedLab
      ? check(
          CheckName.accreditedLab,
          'accredited',
          r.lab.accredited ? 'accredited' : 'not accredited',
          r.lab.accredited,
        )
      : check(CheckName.accreditedLab, 'not required', r.lab.accredited ? 'accredited' : 'not accredited', true),
  );
  const body = r.lab.accreditationBody;
  checks.push(
    conditions.accreditationBodies.length
      ? check(
          CheckName.accreditationBody,
          `one of ${conditions.accreditationBodies.join(', ')}`,
          body ?? 'none',
          body !== null && conditions.accreditationBodies.includes(body),
        )
      : check(CheckName.accreditationBody, 'any', body ?? 'none', true),
  );
  const age = asOfDay - candidate.day;
  checks.push(
    conditions.maxResultAgeDays !== null
      ? check(CheckName.resultAge, `<= ${conditions.maxResultAgeDays}`, String(age), age <= conditions.maxResultAgeDays)
      : check(CheckName.resultAge, 'any', String(age), true),
  );
  checks.push(
    conditions.acceptedMethods.length
      ? check(
          CheckName.method,
          `one of ${conditions.acceptedMethods.join(', ')}`,
          r.method ?? 'none',
          r.method !== null && conditions.acceptedMethods.includes(r.method),
        )
      : check(CheckName.method, 'any', r.method ?? 'none', true),
  );
  let divergent = false;
  if (rule.rule.mode === RecognitionMode.EQUIVALENCE) {
    checks.push(check(CheckName.passedOwnCriterion, `passed ${s.id}`, r.passed ? 'passed' : 'failed', r.passed));
    // Deemed equivalent, yet the value misses the target's own bar: recognised, and flagged.
    divergent =
      isMetric(s) &&
      isMetric(c) &&
      !!c.metric &&
      s.metric === c.metric &&
      r.value !== null &&
      !valueMeets(r.value, c, 0);
  } else if (isMetric(c)) {
    const margin = conditions.minMargin;
    checks.push(
      check(
        CheckName.threshold,
        describeThreshold(c, margin),
        r.value === null ? 'no value' : String(r.value),
        valueMeets(r.value, c, margin),
      ),
    );
  } else {
    checks.push(check(CheckName.threshold, 'passed', r.passed ? 'passed' : 'failed', r.passed));
  }
  const recognises = checks.every((x) => x.passed);
  return {
    rule,
    checks,
    recognises,
    full: recognises && full && rule.rule.effect === RuleEffect.RECOGNISE,
    divergent: recognises && divergent,
  };
}

/** One candidate result judged against every rule that can apply to it. */
interface CandidateVerdict {
  candidate: IndexedResult;
  /** Checks of the result itself: correspondence to agreement-level ones (`excluded`). */
  checks: RecognitionCheck[];
  /** Allow rules that apply, by agreement id then rule id. */
  rules: RuleVerdict[];
  /** The rule that recognises it: full before conditional, then the smallest agreement id, then rule id. */
  best: RuleVerdict | null;
}

function judgeCandidate(
  index: RecognitionIndex,
  candidate: IndexedResult,
  correspondence: Correspondence,
  c: CaseCriterion,
  system: CaseSystem,
  jurisdiction: string,
): CandidateVerdict {
  const r = candidate.result;
  const s = index.criteria.get(r.criterion)!;
  const full = coversFully(correspondence.relation);
  const checks: RecognitionCheck[] = [
    check(CheckName.correspondence, `corresponds to ${c.id}`, describeCorrespondence(s, c, correspondence), true),
    check(
      CheckName.coverage,
      'full (EQUIVALENT or SUPERSET)',
      `${correspondence.relation} (${full ? 'full' : 'partial'})`,
      full,
    ),
  ];
  const verdict: CandidateVerdict = { candidate, checks, rules: [], best: null };
  // Only rules from where it was tested to J: a result recognised by O from P stays P's.
  const live = index.liveRulesFor(r.testedIn, jurisdiction);
  const inForceExpected = `rule ${r.testedIn} -> ${jurisdiction} in force on ${index.asOf}`;
  if (!live.length) {
    const reasons = [...new Set(index.rulesFor(r.testedIn, jurisdiction).map((rule) => rule.whyNot!))];
    checks.push(
      check(
        CheckName.agreementInForce,
        inForceExpected,
        reasons.length ? `none (${listRefs(reasons)})` : 'none',
        false,
      ),
    );
    return verdict;
  }
  checks.push(check(CheckName.agreementInForce, inForceExpected, listRefs(live.map((rule) => rule.ref)), true));
  const applying = live.filter((rule) => ruleInScope(rule, c, system));
  const scopeExpected = `scope covering ${c.id} (${c.category}, ${c.stage}; sector ${system.sector ?? 'none'}, riskClass ${system.riskClass ?? 'none'})`;
  if (!applying.length) {
    checks.push(check(CheckName.scope, scopeExpected, `outside ${listRefs(live.map((rule) => rule.ref))}`, false));
    return verdict;
  }
  checks.push(check(CheckName.scope, scopeExpected, listRefs(applying.map((rule) => rule.ref)), true));
  const excluding = applying.filter((rule) => rule.exclude);
  checks.push(
    check(
      CheckName.excluded,
      'no EXCLUDE rule applies',
      excluding.length ? `excluded by ${listRefs(excluding.map((rule) => rule.ref))}` : 'none',
      !excluding.length,
    ),
  );
  if (excluding.length) return verdict;
  for (const rule of applying) {
    const judged = judgeRule(rule, candidate, s, c, full, index.asOfDay);
    verdict.rules.push(judged);
    // `applying` is already sorted by agreement id then rule id: the first full one, else the first one, wins.
    if (judged.recognises && (!verdict.best || (judged.full && !verdict.best.full))) verdict.best = judged;
  }
  return verdict;
}

function describeCorrespondence(s: CaseCriterion, c: CaseCriterion, correspondence: Correspondence): string {
  switch (correspondence.via) {
    case 'identity':
      return `${c.id} itself`;
    case 'inferred':
      return `${s.id}: shared clause ${correspondence.detail} and metric ${c.metric}`;
    case 'crosswalk':
      return `crosswalk ${s.id} -> ${c.id} ${correspondence.relation}`;
    case 'inverted':
      return `crosswalk ${c.id} -> ${s.id} ${correspondence.detail}, read as ${correspondence.relation}`;
  }
}

/** Across results: full before conditional, then the most recent testedAt, then the smallest result id. */
function betterCandidate(a: CandidateVerdict, b: CandidateVerdict): boolean {
  if (a.best!.full !== b.best!.full) return a.best!.full;
  if (a.candidate.day !== b.candidate.day) return a.candidate.day > b.candidate.day;
  return a.candidate.result.id < b.candidate.result.id;
}

function applicabilityCheck(c: CaseCriterion, system: CaseSystem, passed: boolean): RecognitionCheck {
  const restrictions = [
    c.sectors.length ? `sector in [${c.sectors.join(', ')}]` : null,
    c.riskClasses.length ? `riskClass in [${c.riskClasses.join(', ')}]` : null,
  ].filter(Boolean);
  return check(
    CheckName.applicable,
    restrictions.length ? restrictions.join('; ') : 'any system',
    `sector ${system.sector ?? 'none'}, riskClass ${system.riskClass ?? 'none'}`,
    passed,
  );
}

function resolution(
  c: CaseCriterion,
  outcome: RecognitionOutcome,
  checks: RecognitionCheck[],
  candidates: RecognitionCandidate[] = [],
): CriterionResolution {
  return {
    criterion: c.id,
    outcome,
    result: null,
    agreement: null,
    rule: null,
    divergent: false,
    supplementary: null,
    checks,
    candidates,
  };
}

/**
 * Resolves one target criterion `c` (of an authority in `jurisdiction`) for one system, as docs/domain.md
 * §4 says: applicability, then a passing local result, then every corresponding foreign result
 * against the rules that can apply to it.
 */
export function resolveCriterion(
  index: RecognitionIndex,
  system: CaseSystem,
  c: CaseCriterion,
  jurisdiction: string,
): CriterionResolution {
  if (!criterionApplies(c, system))
    return resolution(c, RecognitionOutcome.NOT_APPLICABLE, [applicabilityCheck(c, system, false)]);
  const applicable = applicabilityCheck(c, system, true);

  // A failing local result neither satisfies c nor blocks recognition.
  let local: IndexedResult | null = null;
  for (const entry of index.resultsFor(system.id, c.id)) {
    if (entry.result.testedIn !== jurisdiction || !entry.result.passed) continue;
    if (!local || entry.day > local.day || (entry.day === local.day && entry.result.id < local.result.id))
      local = entry;
  }
  const localExpected = `passing result against ${c.id} tested in ${jurisdiction}`;
  if (local) {
    const satisfied = resolution(c, RecognitionOutcome.SATISFIED_LOCALLY, [
      applicable,
      check(CheckName.local, localExpected, `${local.result.id} (tested ${local.result.testedAt})`, true),
    ]);
    satisfied.result = local.result.id;
    return satisfied;
  }

  const candidates: { entry: IndexedResult; correspondence: Correspondence }[] = [];
  // Most criteria have no corresponding result at all: the system's reach says so without a look-up per correspondence.
  if (index.reachOf(system.id).has(c.id)) {
    for (const [source, correspondence] of index.correspondencesOf(c)) {
      for (const entry of index.resultsFor(system.id, source)) {
        if (entry.result.testedIn !== jurisdiction) candidates.push({ entry, correspondence });
      }
    }
  }
  candidates.sort((a, b) => a.entry.order - b.entry.order);

  let chosen: CandidateVerdict | null = null;
  const verdicts: CandidateVerdict[] = [];
  for (const { entry, correspondence } of candidates) {
    const verdict = judgeCandidate(index, entry, correspondence, c, system, jurisdiction);
    if (verdict.best && (!chosen || betterCandidate(verdict, chosen))) chosen = verdict;
    verdicts.push(verdict);
  }
  const listed: RecognitionCandidate[] = verdicts.map((verdict) => ({
    result: verdict.candidate.result.id,
    checks: [
      ...verdict.checks,
      ...verdict.rules.flatMap((rule) =>
        rule.checks.map((x) => ({ ...x, expected: `${x.expected} under ${rule.rule.ref}` })),
      ),
    ],
  }));

  if (!chosen) {
    return resolution(
      c,
      RecognitionOutcome.GAP,
      [applicable, check(CheckName.local, localExpected, 'none', false)],
      listed,
    );
  }
  const { candidate, checks, best } = chosen;
  const rule = best!;
  return {
    criterion: c.id,
    outcome: rule.full ? RecognitionOutcome.RECOGNISED : RecognitionOutcome.RECOGNISED_WITH_CONDITIONS,
    result: candidate.result.id,
    agreement: rule.rule.agreement.id,
    rule: rule.rule.rule.id,
    divergent: rule.divergent,
    supplementary: rule.full ? null : copySupplementary(rule.rule.rule.supplementary),
    checks: [...checks, ...rule.checks],
    candidates: listed,
  };
}

function copySupplementary(value: Supplementary): Supplementary {
  return value !== null && typeof value === 'object' ? { text: value.text, criteria: [...value.criteria] } : value;
}

/** Resolves every criterion of the query's authority (in input order) for the query's system. */
export function resolveQuery(index: RecognitionIndex, systemId: string, authorityId: string): QueryResolution {
  const system = index.systems.get(systemId);
  const authority = index.authorities.get(authorityId);
  if (!system) throw new Error(`Unknown system ${JSON.stringify(systemId)}`);
  if (!authority) throw new Error(`Unknown authority ${JSON.stringify(authorityId)}`);
  const criteria = (index.criteriaByAuthority.get(authorityId) ?? []).map((c) =>
    resolveCriterion(index, system, c, authority.jurisdiction),
  );
  return { system: systemId, authority: authorityId, criteria };
}

/**
 * Resolves a whole case: one resolution per query, in query order. Pure and deterministic — the
 * same case gives the same result, byte for byte once serialised.
 */
export function resolveCase(input: RecognitionCase): RecognitionResult {
  const index = new RecognitionIndex(input);
  return {
    format: RECOGNITION_RESULT_FORMAT,
    asOf: input.asOf,
    resolutions: input.queries.map((query) => resolveQuery(index, query.system, query.authority)),
  };
}
