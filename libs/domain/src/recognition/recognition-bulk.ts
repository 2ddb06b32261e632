// One file (a pure engine, long on purpose): compilation into typed arrays and the hot loop that reads them
// share private layouts and offsets; split apart, each half would expose the other's internals.
import { Comparator } from '../criteria/criteria.js';
import {
  AgreementStatus,
  type CaseAgreement,
  type CaseAuthority,
  type CaseCriterion,
  type CaseCrosswalk,
  type CaseJurisdiction,
  type CaseResult,
  type CaseRule,
  type CaseSystem,
  type CriterionResolution,
  RECOGNITION_CASE_FORMAT,
  type RecognitionCase,
  RecognitionMode,
  RecognitionOutcome,
  type RecognitionResult,
  RuleEffect,
  type UtcDay,
} from './recognition.js';
import { compareIds, coversFully, dayNumber, isMetric, RecognitionIndex } from './recognition-engine.js';

// The bulk mode of the recognition engine: the same decisions as resolveCriterion (docs/domain.md#recognition)
// — outcome, chosen result, agreement, rule, divergent — without the explanations, for the
// simulations' millions of verdicts. Everything static is compiled once into typed arrays; a
// system is prepared once (its results reduced to numbers); each target authority is then resolved
// with no allocation at all. The decisions must stay identical to the explained mode's
// (recognition-bulk.spec.ts checks them on synthetic sets, the worked examples and random cases).

/** Outcome codes written by the bulk mode; `BULK_OUTCOMES[code]` is the explained mode's outcome. */
export const BulkOutcome = {
  NOT_APPLICABLE: 0,
  SATISFIED_LOCALLY: 1,
  RECOGNISED: 2,
  RECOGNISED_WITH_CONDITIONS: 3,
  GAP: 4,
} as const;
export type BulkOutcomeCode = (typeof BulkOutcome)[keyof typeof BulkOutcome];

/** The outcome of each bulk code, by code. */
export const BULK_OUTCOMES: readonly RecognitionOutcome[] = [
  RecognitionOutcome.NOT_APPLICABLE,
  RecognitionOutcome.SATISFIED_LOCALLY,
  RecognitionOutcome.RECOGNISED,
  RecognitionOutcome.RECOGNISED_WITH_CONDITIONS,
  RecognitionOutcome.GAP,
];

const NA = BulkOutcome.NOT_APPLICABLE;
const LOCAL = BulkOutcome.SATISFIED_LOCALLY;
const FULL = BulkOutcome.RECOGNISED;
const CONDITIONAL = BulkOutcome.RECOGNISED_WITH_CONDITIONS;
const GAP = BulkOutcome.GAP;

/** The static part of a recognition case: what `compileRecognition` indexes once. */
export interface RecognitionStatic {
  asOf: UtcDay;
  jurisdictions?: readonly CaseJurisdiction[];
  authorities: readonly CaseAuthority[];
  criteria: readonly CaseCriterion[];
  crosswalks?: readonly CaseCrosswalk[];
  agreements: readonly CaseAgreement[];
}

/** One rule of the compiled set, by its global rule index (agreements and their rules in input order). */
export interface CompiledRule {
  agreementIndex: number;
  agreement: string;
  rule: string;
}

const EPSILON = 1e-9;
const COMPARATOR_CODE: Record<Comparator, number> = {
  [Comparator.GTE]: 0,
  [Comparator.LTE]: 1,
  [Comparator.EQ]: 2,
  [Comparator.BETWEEN]: 3,
};

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` day, by arithmetic (no Date, no substring): the same
 * number as `dayNumber`, cheap enough to run on every result of every simulated system.
 */
export function fastDayNumber(day: UtcDay): number {
  // '0' is char code 48: 48 × 1111 = 53328, 48 × 11 = 528.
  let y = day.charCodeAt(0) * 1000 + day.charCodeAt(1) * 100 + day.charCodeAt(2) * 10 + day.charCodeAt(3) - 53328;
  const m = day.charCodeAt(5) * 10 + day.charCodeAt(6) - 528;
  const d = day.charCodeAt(8) * 10 + day.charCodeAt(9) - 528;
  // Howard Hinnant's days_from_civil: March-based years make February the year's last month.
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const windowHolds = (from: UtcDay | null, to: UtcDay | null, day: number) =>
  (from === null || dayNumber(from) <= day) && (to === null || day < dayNumber(to));

/** What a system's sector and risk class alone decide (see `CompiledRecognition.systemClass`). */
interface SystemClass {
  applicability: Uint8Array;
  ruleScopeOk: Uint8Array;
}

/** Interns strings as small consecutive numbers. */
class Dictionary {
  readonly index = new Map<string, number>();
  readonly values: string[] = [];
  add(value: string): number {
    let found = this.index.get(value);
    if (found === undefined) {
      found = this.values.length;
      this.index.set(value, found);
      this.values.push(value);
    }
    return found;
  }
  get size(): number {
    return this.values.length;
  }
}

/** A row-major membership matrix: `rows × columns` flags; an empty list marks its row "any". */
function membership(
  rows: number,
  columns: Dictionary,
  listOf: (row: number) => readonly string[],
): { any: Uint8Array; matrix: Uint8Array } {
  const any = new Uint8Array(rows);
  const matrix = new Uint8Array(rows * Math.max(columns.size, 1));
  for (let row = 0; row < rows; row++) {
    const list = listOf(row);
    if (!list.length) any[row] = 1;
    for (const value of list) matrix[row * columns.size + columns.index.get(value)!] = 1;
  }
  return { any, matrix };
}

/**
 * The static part of recognition compiled for the bulk mode (docs/domain.md#recognition): rules in force at
 * `asOf`, indexed by origin jurisdiction × target criterion (already filtered by the criterion's
 * category, stage and id, sorted by agreement id then rule id, EXCLUDE rules apart);
 * correspondences by source criterion × target authority; scope and condition lists as
 * membership tables over interned strings. Built once by `compileRecognition`, read-only after.
 *
 * The public fields map the indices in a `BulkOutput` back to ids; the rest is internal.
 */
export class CompiledRecognition {
  readonly asOf: UtcDay;
  readonly asOfDay: number;
  /** Jurisdiction codes by index (declared ones, then those named by authorities and rules). */
  readonly jurisdictions: readonly string[];
  readonly authorities: readonly CaseAuthority[];
  readonly criteria: readonly CaseCriterion[];
  readonly agreements: readonly CaseAgreement[];
  /** Every rule of every agreement, by global rule index. */
  readonly rules: readonly CompiledRule[];
  /** The largest number of criteria of one authority: the capacity a `BulkOutput` needs. */
  readonly maxCriteriaPerAuthority: number;

  /** @internal */ readonly jurisdictionIndex: Map<string, number>;
  /** @internal */ readonly authorityIndex: Map<string, number>;
  /** @internal */ readonly criterionIndex: Map<string, number>;
  /** @internal Per authority: its jurisdiction's index. */ readonly authorityJurisdiction: Int32Array;
  /** @internal Criteria of authority `a` are `authorityCriteria[authorityStart[a] .. authorityStart[a + 1])`, in input order. */
  readonly authorityStart: Int32Array;
  /** @internal */ readonly authorityCriteria: Int32Array;
  /** @internal Per criterion: its authority, and its position among the authority's criteria. */
  readonly criterionAuthority: Int32Array;
  /** @internal */ readonly criterionSlot: Int32Array;
  /** @internal Target side of a criterion: a metric with comparator and threshold(s)? */
  readonly criterionMetric: Uint8Array;
  /** @internal */ readonly criterionComparator: Uint8Array;
  /** @internal */ readonly criterionThreshold: Float64Array;
  /** @internal NaN when absent. */ readonly criterionHigh: Float64Array;
  /** @internal Applicability (criterion sectors and risk classes). */
  readonly criterionSectorAny: Uint8Array;
  /** @internal */ readonly criterionSectors: Uint8Array;
  /** @internal 0 = any risk class. */ readonly criterionRiskMask: Int32Array;
  /** @internal Correspondences of source `s` for targets of authority `a`: `[correspondenceStart[s * A + a], correspondenceStart[s * A + a + 1])`. */
  readonly correspondenceStart: Int32Array;
  /** @internal */ readonly correspondenceTarget: Int32Array;
  /** @internal The relation covers the target fully (EQUIVALENT or SUPERSET). */ readonly correspondenceFull: Uint8Array;
  /** @internal Both metrics on the same metric key: an EQUIVALENCE recognition may be divergent. */
  readonly correspondenceSameMetric: Uint8Array;
  /** @internal Live rules statically in scope of origin `o` × target `c`: `ruleList[listStart[o * C + c] .. listStart[o * C + c + 1])`, EXCLUDE rules before `listSplit[o * C + c]`. */
  readonly listStart: Int32Array;
  /** @internal */ readonly listSplit: Int32Array;
  /** @internal */ readonly ruleList: Int32Array;
  /** @internal Per rule. */ readonly ruleAgreement: Int32Array;
  /** @internal */ readonly ruleFullEffect: Uint8Array;
  /** @internal */ readonly ruleEquivalence: Uint8Array;
  /** @internal */ readonly ruleRequireLab: Uint8Array;
  /** @internal Infinity when unrestricted. */ readonly ruleMaxAge: Float64Array;
  /** @internal */ readonly ruleMargin: Float64Array;
  /** @internal */ readonly ruleBodyAny: Uint8Array;
  /** @internal */ readonly ruleBodies: Uint8Array;
  /** @internal */ readonly ruleMethodAny: Uint8Array;
  /** @internal */ readonly ruleMethods: Uint8Array;
  /** @internal */ readonly ruleSectorAny: Uint8Array;
  /** @internal */ readonly ruleSectors: Uint8Array;
  /** @internal 0 = any risk class. */ readonly ruleRiskMask: Int32Array;
  /** @internal Interned strings results are matched against. */
  readonly sectorIndex: Map<string, number>;
  /** @internal */ readonly sectorCount: number;
  /** @internal */ readonly riskBit: Map<string, number>;
  /** @internal */ readonly riskCount: number;
  /** @internal Per system class (sector × risk class), what a system of that class starts from; built on first use. */
  readonly systemClasses: (SystemClass | undefined)[];
  /** @internal */ readonly bodyIndex: Map<string, number>;
  /** @internal */ readonly bodyCount: number;
  /** @internal */ readonly methodIndex: Map<string, number>;
  /** @internal */ readonly methodCount: number;
  /**
   * @internal The compilation whose dictionaries this one uses: itself, or the source of a
   * `compileWithoutAgreement` derivation. A system prepared for one is valid for the other.
   */
  readonly dictionaries: CompiledRecognition;

  /** Use `compileRecognition`. @internal */
  constructor(input: RecognitionStatic) {
    this.asOf = input.asOf;
    this.asOfDay = dayNumber(input.asOf);
    this.authorities = input.authorities;
    this.criteria = input.criteria;
    this.agreements = input.agreements;

    const jurisdictions = new Dictionary();
    for (const j of input.jurisdictions ?? []) jurisdictions.add(j.code);
    for (const a of input.authorities) jurisdictions.add(a.jurisdiction);
    const rules: CompiledRule[] = [];
    const caseRules: CaseRule[] = [];
    input.agreements.forEach((agreement, agreementIndex) => {
      for (const rule of agreement.rules) {
        rules.push({ agreementIndex, agreement: agreement.id, rule: rule.id });
        caseRules.push(rule);
        for (const j of rule.origins) jurisdictions.add(j);
        for (const j of rule.recognising) jurisdictions.add(j);
      }
    });
    this.jurisdictions = jurisdictions.values;
    this.jurisdictionIndex = jurisdictions.index;
    this.rules = rules;
    const J = jurisdictions.size;
    const A = input.authorities.length;
    const C = input.criteria.length;
    const R = rules.length;

    // Authorities and their criteria, in input order.
    this.authorityIndex = new Map(input.authorities.map((a, i) => [a.id, i]));
    this.authorityJurisdiction = Int32Array.from(input.authorities, (a) => jurisdictions.index.get(a.jurisdiction)!);
    this.criterionIndex = new Map();
    input.criteria.forEach((c, i) => this.criterionIndex.set(c.id, i));
    this.criterionAuthority = Int32Array.from(input.criteria, (c) => this.authorityIndex.get(c.authority) ?? -1);
    this.authorityStart = new Int32Array(A + 1);
    for (const a of this.criterionAuthority) if (a >= 0) this.authorityStart[a + 1]++;
    for (let a = 0; a < A; a++) this.authorityStart[a + 1] += this.authorityStart[a];
    this.authorityCriteria = new Int32Array(this.authorityStart[A]);
    this.criterionSlot = new Int32Array(C).fill(-1);
    const fill = this.authorityStart.slice(0, A);
    for (let c = 0; c < C; c++) {
      const a = this.criterionAuthority[c];
      if (a < 0) continue;
      this.criterionSlot[c] = fill[a] - this.authorityStart[a];
      this.authorityCriteria[fill[a]++] = c;
    }
    let widest = 0;
    for (let a = 0; a < A; a++) widest = Math.max(widest, this.authorityStart[a + 1] - this.authorityStart[a]);
    this.maxCriteriaPerAuthority = widest;

    // Target side of each criterion (the explained mode's isMetric and valueMeets).
    this.criterionMetric = Uint8Array.from(input.criteria, (c) => (isMetric(c) ? 1 : 0));
    this.criterionComparator = Uint8Array.from(input.criteria, (c) =>
      c.comparator === null ? 0 : COMPARATOR_CODE[c.comparator],
    );
    this.criterionThreshold = Float64Array.from(input.criteria, (c) => c.threshold ?? NaN);
    this.criterionHigh = Float64Array.from(input.criteria, (c) => c.thresholdHigh ?? NaN);

    // Interned vocabularies: sectors, risk classes, accreditation bodies, methods.
    const sectors = new Dictionary();
    const risks = new Dictionary();
    const bodies = new Dictionary();
    const methods = new Dictionary();
    for (const c of input.criteria) {
      for (const s of c.sectors) sectors.add(s);
      for (const r of c.riskClasses) risks.add(r);
    }
    for (const rule of caseRules) {
      for (const s of rule.sectors) sectors.add(s);
      for (const r of rule.riskClasses) risks.add(r);
      for (const b of rule.conditions?.accreditationBodies ?? []) bodies.add(b);
      for (const m of rule.conditions?.acceptedMethods ?? []) methods.add(m);
    }
    if (risks.size > 30) throw new Error(`compileRecognition: at most 30 risk classes (got ${risks.size})`);
    const riskMask = (list: readonly string[]) => list.reduce((mask, r) => mask | (1 << risks.index.get(r)!), 0);
    this.sectorIndex = sectors.index;
    this.sectorCount = sectors.size;
    this.riskBit = new Map(risks.values.map((r, i) => [r, 1 << i]));
    this.riskCount = risks.size;
    this.systemClasses = new Array((sectors.size + 1) * (risks.size + 1) * 2);
    this.bodyIndex = bodies.index;
    this.bodyCount = bodies.size;
    this.methodIndex = methods.index;
    this.methodCount = methods.size;
    this.dictionaries = this;

    ({ any: this.criterionSectorAny, matrix: this.criterionSectors } = membership(
      C,
      sectors,
      (c) => input.criteria[c].sectors,
    ));
    this.criterionRiskMask = Int32Array.from(input.criteria, (c) => riskMask(c.riskClasses));

    // Rules: effect, mode and conditions; absent conditions restrict nothing.
    this.ruleAgreement = Int32Array.from(rules, (r) => r.agreementIndex);
    this.ruleFullEffect = Uint8Array.from(caseRules, (r) => (r.effect === RuleEffect.RECOGNISE ? 1 : 0));
    this.ruleEquivalence = Uint8Array.from(caseRules, (r) => (r.mode === RecognitionMode.EQUIVALENCE ? 1 : 0));
    this.ruleRequireLab = Uint8Array.from(caseRules, (r) => (r.conditions?.requireAccreditedLab ? 1 : 0));
    this.ruleMaxAge = Float64Array.from(caseRules, (r) => r.conditions?.maxResultAgeDays ?? Infinity);
    this.ruleMargin = Float64Array.from(caseRules, (r) => r.conditions?.minMargin ?? 0);
    ({ any: this.ruleBodyAny, matrix: this.ruleBodies } = membership(
      R,
      bodies,
      (r) => caseRules[r].conditions?.accreditationBodies ?? [],
    ));
    ({ any: this.ruleMethodAny, matrix: this.ruleMethods } = membership(
      R,
      methods,
      (r) => caseRules[r].conditions?.acceptedMethods ?? [],
    ));
    ({ any: this.ruleSectorAny, matrix: this.ruleSectors } = membership(R, sectors, (r) => caseRules[r].sectors));
    this.ruleRiskMask = Int32Array.from(caseRules, (r) => riskMask(r.riskClasses));

    // Rules in force at asOf, by origin × recognising jurisdiction, by agreement id then rule id
    // (a stable sort over input order, exactly as the explained mode orders them).
    const live: number[][] = Array.from({ length: J * J }, () => []);
    rules.forEach((compiled, r) => {
      const agreement = input.agreements[compiled.agreementIndex];
      const rule = caseRules[r];
      const inForce =
        agreement.status === AgreementStatus.IN_FORCE &&
        windowHolds(agreement.effectiveFrom, agreement.effectiveTo, this.asOfDay) &&
        windowHolds(rule.effectiveFrom, rule.effectiveTo, this.asOfDay);
      if (!inForce) return;
      for (const origin of new Set(rule.origins)) {
        for (const recognising of new Set(rule.recognising))
          live[jurisdictions.index.get(origin)! * J + jurisdictions.index.get(recognising)!].push(r);
      }
    });
    const byIds = (a: number, b: number) =>
      compareIds(rules[a].agreement, rules[b].agreement) || compareIds(rules[a].rule, rules[b].rule);
    for (const list of live) list.sort(byIds);

    // Per origin × target criterion: the live rules whose category, stage and criteria scope
    // admit the target (the system's sector and risk class are checked per system).
    const scopes = caseRules.map((r) => ({
      categories: r.categories.length ? new Set<string>(r.categories) : null,
      stages: r.stages.length ? new Set<string>(r.stages) : null,
      criteria: r.criteria.length ? new Set(r.criteria) : null,
      exclude: r.effect === RuleEffect.EXCLUDE,
    }));
    this.listStart = new Int32Array(J * C + 1);
    this.listSplit = new Int32Array(J * C);
    const ruleList: number[] = [];
    for (let origin = 0; origin < J; origin++) {
      for (let c = 0; c < C; c++) {
        const slot = origin * C + c;
        this.listStart[slot] = ruleList.length;
        const a = this.criterionAuthority[c];
        const target = input.criteria[c];
        const candidates =
          a < 0 || this.authorityJurisdiction[a] === origin ? [] : live[origin * J + this.authorityJurisdiction[a]];
        const inScope = candidates.filter((r) => {
          const scope = scopes[r];
          return (
            (!scope.categories || scope.categories.has(target.category)) &&
            (!scope.stages || scope.stages.has(target.stage)) &&
            (!scope.criteria || scope.criteria.has(target.id))
          );
        });
        for (const r of inScope) if (scopes[r].exclude) ruleList.push(r);
        this.listSplit[slot] = ruleList.length;
        for (const r of inScope) if (!scopes[r].exclude) ruleList.push(r);
      }
    }
    this.listStart[J * C] = ruleList.length;
    this.ruleList = Int32Array.from(ruleList);

    // Correspondences, read from the explained mode's own index (one definition of §4 step 3),
    // inverted: by source criterion, then target authority.
    const index = new RecognitionIndex({
      format: RECOGNITION_CASE_FORMAT,
      asOf: input.asOf,
      jurisdictions: [...(input.jurisdictions ?? [])],
      authorities: [...input.authorities],
      criteria: [...input.criteria],
      crosswalks: [...(input.crosswalks ?? [])],
      agreements: [],
      systems: [],
      results: [],
      queries: [],
    });
    const entries: { source: number; target: number; full: boolean; sameMetric: boolean }[] = [];
    input.criteria.forEach((target, c) => {
      if (this.criterionAuthority[c] < 0) return;
      for (const [sourceId, correspondence] of index.correspondencesOf(target)) {
        const s = this.criterionIndex.get(sourceId);
        if (s === undefined) continue;
        const source = input.criteria[s];
        const sameMetric = isMetric(source) && isMetric(target) && !!target.metric && source.metric === target.metric;
        entries.push({ source: s, target: c, full: coversFully(correspondence.relation), sameMetric });
      }
    });
    const key = (e: { source: number; target: number }) => e.source * A + this.criterionAuthority[e.target];
    this.correspondenceStart = new Int32Array(C * A + 1);
    for (const e of entries) this.correspondenceStart[key(e) + 1]++;
    for (let k = 0; k < C * A; k++) this.correspondenceStart[k + 1] += this.correspondenceStart[k];
    const at = this.correspondenceStart.slice(0, C * A);
    this.correspondenceTarget = new Int32Array(entries.length);
    this.correspondenceFull = new Uint8Array(entries.length);
    this.correspondenceSameMetric = new Uint8Array(entries.length);
    for (const e of entries) {
      const position = at[key(e)]++;
      this.correspondenceTarget[position] = e.target;
      this.correspondenceFull[position] = e.full ? 1 : 0;
      this.correspondenceSameMetric[position] = e.sameMetric ? 1 : 0;
    }
  }

  /**
   * @internal What depends on a system's sector (-1: none or unknown) and risk class (-1: none or
   * unknown) alone, computed once per such class: step 1 for every criterion (NOT_APPLICABLE or
   * GAP, laid out like `authorityCriteria`) and which rules' sector and risk-class scope admit it.
   * `emptySector`: criterion applicability reads an empty sector as none (criterionApplies tests
   * it for truth), rule scope does not.
   */
  systemClass(sector: number, risk: number, emptySector: boolean): SystemClass {
    const key = ((sector + 1) * (this.riskCount + 1) + (risk + 1)) * 2 + (emptySector ? 1 : 0);
    let found = this.systemClasses[key];
    if (found) return found;
    const S = this.sectorCount;
    const bit = risk < 0 ? 0 : 1 << risk;
    const applicabilitySector = emptySector ? -1 : sector;
    const applicability = new Uint8Array(this.authorityCriteria.length);
    for (let k = 0; k < applicability.length; k++) {
      const c = this.authorityCriteria[k];
      const sectorOk =
        this.criterionSectorAny[c] === 1 ||
        (applicabilitySector >= 0 && this.criterionSectors[c * S + applicabilitySector] === 1);
      const riskOk = this.criterionRiskMask[c] === 0 || (this.criterionRiskMask[c] & bit) !== 0;
      applicability[k] = sectorOk && riskOk ? GAP : NA;
    }
    const ruleScopeOk = new Uint8Array(this.rules.length);
    for (let r = 0; r < ruleScopeOk.length; r++) {
      const sectorOk = this.ruleSectorAny[r] === 1 || (sector >= 0 && this.ruleSectors[r * S + sector] === 1);
      const riskOk = this.ruleRiskMask[r] === 0 || (this.ruleRiskMask[r] & bit) !== 0;
      ruleScopeOk[r] = sectorOk && riskOk ? 1 : 0;
    }
    this.systemClasses[key] = found = { applicability, ruleScopeOk };
    return found;
  }

  /** The index of an authority id, or -1. */
  authorityOf(id: string): number {
    return this.authorityIndex.get(id) ?? -1;
  }

  /** The criteria of authority `authority` (an index), in input order. */
  criteriaOf(authority: number): CaseCriterion[] {
    const list: CaseCriterion[] = [];
    for (let k = this.authorityStart[authority]; k < this.authorityStart[authority + 1]; k++)
      list.push(this.criteria[this.authorityCriteria[k]]);
    return list;
  }
}

/**
 * Compiles the static part of recognition once — jurisdictions, authorities, criteria,
 * crosswalks, agreements and `asOf` — for `prepareBulkSystem` / `resolvePreparedBulk` /
 * `resolveSystemBulk`. The input must be valid (as `parseRecognitionCase` leaves it) and must not
 * change afterwards.
 *
 * @example
 * const compiled = compileRecognition({ asOf, jurisdictions, authorities, criteria, crosswalks, agreements });
 * const out = createBulkOutput(compiled);
 * const prepared = prepareBulkSystem(compiled, system, results);
 * for (let a = 0; a < compiled.authorities.length; a++) {
 *   resolvePreparedBulk(compiled, prepared, a, out);
 *   for (let k = 0; k < out.count; k++) if (out.outcome[k] === BulkOutcome.GAP) gaps++;
 * }
 */
export function compileRecognition(input: RecognitionStatic): CompiledRecognition {
  return new CompiledRecognition(input);
}

/**
 * One system's results reduced to numbers (criterion, origin, day, value, lab, method as indices),
 * reusable: `prepareBulkSystem` overwrites it and grows its arrays only when a system has more
 * results than any before. Results of another system, naming no compiled criterion, or tested
 * after `asOf` are marked ignored (criterion -1), as the explained mode ignores them.
 */
export class BulkSystem {
  /** The compilation it was prepared for. */
  compiled: CompiledRecognition | null = null;
  system: CaseSystem | null = null;
  /** The results as given: `BulkOutput.result` holds positions in this array. */
  results: readonly CaseResult[] = [];
  count = 0;
  /** @internal Per rule: its sector and risk-class scope admits this system. */
  ruleScopeOk: Uint8Array = new Uint8Array(0);
  /** @internal */ sector = -1;
  /** @internal NOT_APPLICABLE or GAP per criterion for this system's sector and risk class. */ applicability: Uint8Array =
    new Uint8Array(0);
  /** @internal */ riskBit = 0;
  /** @internal Per result (input position). */ criterion = new Int32Array(0);
  /** @internal */ testedIn = new Int32Array(0);
  /** @internal */ day = new Int32Array(0);
  /** @internal NaN when the result has no value. */ value = new Float64Array(0);
  /** @internal */ passed = new Uint8Array(0);
  /** @internal */ accredited = new Uint8Array(0);
  /** @internal */ body = new Int32Array(0);
  /** @internal */ method = new Int32Array(0);

  /** @internal */
  reserve(capacity: number): void {
    if (this.criterion.length >= capacity) return;
    const size = Math.max(capacity, this.criterion.length * 2, 64);
    this.criterion = new Int32Array(size);
    this.testedIn = new Int32Array(size);
    this.day = new Int32Array(size);
    this.value = new Float64Array(size);
    this.passed = new Uint8Array(size);
    this.accredited = new Uint8Array(size);
    this.body = new Int32Array(size);
    this.method = new Int32Array(size);
  }
}

/**
 * Reduces one system and its results (plain `CaseSystem`/`CaseResult` objects) to what
 * `resolvePreparedBulk` reads: a few map look-ups per result, no allocation once `into` is large
 * enough. Prepare once, then resolve against as many target authorities as needed. `results` are
 * read now and kept only for mapping indices back to ids.
 */
export function prepareBulkSystem(
  compiled: CompiledRecognition,
  system: CaseSystem,
  results: readonly CaseResult[],
  into: BulkSystem = new BulkSystem(),
): BulkSystem {
  const n = results.length;
  into.reserve(n);
  into.compiled = compiled;
  into.system = system;
  into.results = results;
  into.count = n;
  const sector = system.sector === null ? -1 : (compiled.sectorIndex.get(system.sector) ?? -1);
  const riskBit = system.riskClass === null ? 0 : (compiled.riskBit.get(system.riskClass) ?? 0);
  const klass = compiled.systemClass(sector, riskBit ? 31 - Math.clz32(riskBit) : -1, system.sector === '');
  into.applicability = klass.applicability;
  into.ruleScopeOk = klass.ruleScopeOk;
  const asOfDay = compiled.asOfDay;
  for (let i = 0; i < n; i++) {
    const r = results[i];
    const day = fastDayNumber(r.testedAt);
    const criterion = r.system === system.id && day <= asOfDay ? (compiled.criterionIndex.get(r.criterion) ?? -1) : -1;
    into.criterion[i] = criterion;
    if (criterion < 0) continue;
    into.testedIn[i] = compiled.jurisdictionIndex.get(r.testedIn) ?? -1;
    into.day[i] = day;
    into.value[i] = r.value ?? NaN;
    into.passed[i] = r.passed ? 1 : 0;
    into.accredited[i] = r.lab.accredited ? 1 : 0;
    into.body[i] = r.lab.accreditationBody === null ? -1 : (compiled.bodyIndex.get(r.lab.accreditationBody) ?? -1);
    into.method[i] = r.method === null ? -1 : (compiled.methodIndex.get(r.method) ?? -1);
  }
  return into;
}

/**
 * Reusable output of one resolution (one system × one target authority): slot `k` is the
 * authority's `k`-th criterion in input order (`criterion[k]` its global index in
 * `compiled.criteria`), for `k < count`. `result[k]` is a position in the prepared results (-1 for
 * none), `rule[k]` a global rule index into `compiled.rules` and `agreement[k]` an index into
 * `compiled.agreements` (-1 for none), `divergent[k]` 0 or 1.
 */
export class BulkOutput {
  authority = -1;
  count = 0;
  /** The prepared system the indices in `result` refer to. */
  system: BulkSystem | null = null;
  readonly criterion: Int32Array;
  readonly outcome: Uint8Array;
  readonly result: Int32Array;
  readonly rule: Int32Array;
  readonly agreement: Int32Array;
  readonly divergent: Uint8Array;
  /** Scratch for `resolveSystemBulk`. */
  readonly scratch = new BulkSystem();

  constructor(capacity: number) {
    this.criterion = new Int32Array(capacity);
    this.outcome = new Uint8Array(capacity);
    this.result = new Int32Array(capacity);
    this.rule = new Int32Array(capacity);
    this.agreement = new Int32Array(capacity);
    this.divergent = new Uint8Array(capacity);
  }
}

/** An output large enough for any authority of `compiled`. */
export function createBulkOutput(compiled: CompiledRecognition): BulkOutput {
  return new BulkOutput(compiled.maxCriteriaPerAuthority);
}

/** Does `value` meet the target's comparator and threshold(s) with `margin`? As `meetsThreshold`, with NaN for "no value". */
function meets(compiled: CompiledRecognition, c: number, value: number, margin: number): boolean {
  const threshold = compiled.criterionThreshold[c];
  switch (compiled.criterionComparator[c]) {
    case 0:
      return value >= threshold + margin - EPSILON;
    case 1:
      return value <= threshold - margin + EPSILON;
    case 2:
      return Math.abs(value - threshold) <= EPSILON;
    default:
      return value >= threshold + margin - EPSILON && value <= compiled.criterionHigh[c] - margin + EPSILON;
  }
}

/**
 * Resolves every criterion of one target authority (an index, see `CompiledRecognition.authorityOf`)
 * for a prepared system, into `out` — the decisions of docs/domain.md#recognition without explanations,
 * identical to `resolveCriterion`'s outcome, result, agreement, rule and divergent. Allocates
 * nothing.
 */
export function resolvePreparedBulk(
  compiled: CompiledRecognition,
  prepared: BulkSystem,
  authority: number,
  out: BulkOutput,
): BulkOutput {
  if (prepared.compiled?.dictionaries !== compiled.dictionaries)
    throw new Error('resolvePreparedBulk: the system was prepared for another compilation');
  if (!(authority >= 0 && authority < compiled.authorities.length))
    throw new Error(`resolvePreparedBulk: no authority ${authority}`);
  const from = compiled.authorityStart[authority];
  const count = compiled.authorityStart[authority + 1] - from;
  if (count > out.outcome.length)
    throw new Error('resolvePreparedBulk: the output is too small for this compilation (use createBulkOutput)');
  const J = compiled.authorityJurisdiction[authority];
  const A = compiled.authorities.length;
  const C = compiled.criteria.length;
  const { outcome, result, rule, agreement, divergent } = out;
  out.authority = authority;
  out.count = count;
  out.system = prepared;

  // 1. Applicability, from the system's template (computed once per sector × risk class).
  const applicability = prepared.applicability;
  const criteria = out.criterion;
  for (let k = 0; k < count; k++) {
    outcome[k] = applicability[from + k];
    criteria[k] = compiled.authorityCriteria[from + k];
  }
  result.fill(-1, 0, count);
  rule.fill(-1, 0, count);
  agreement.fill(-1, 0, count);
  divergent.fill(0, 0, count);

  const n = prepared.count;
  const { criterion: crit, testedIn, day, passed, value } = prepared;
  const ids = prepared.results;

  // 2. A passing local result against the criterion itself: the most recent, then the smallest id.
  for (let i = 0; i < n; i++) {
    const s = crit[i];
    if (s < 0 || compiled.criterionAuthority[s] !== authority || testedIn[i] !== J || passed[i] === 0) continue;
    const k = compiled.criterionSlot[s];
    const o = outcome[k];
    if (o === NA) continue;
    if (o === LOCAL) {
      const j = result[k];
      if (!(day[i] > day[j] || (day[i] === day[j] && ids[i].id < ids[j].id))) continue;
    }
    outcome[k] = LOCAL;
    result[k] = i;
  }

  // 3–6. Every foreign result corresponding to a still-open target, in input order, against the
  // live rules statically in scope for its origin and the target.
  const asOfDay = compiled.asOfDay;
  const B = compiled.bodyCount;
  const M = compiled.methodCount;
  const scopeOk = prepared.ruleScopeOk;
  for (let i = 0; i < n; i++) {
    const s = crit[i];
    const origin = testedIn[i];
    if (s < 0 || origin === J || origin < 0) continue;
    const e1 = compiled.correspondenceStart[s * A + authority + 1];
    for (let e = compiled.correspondenceStart[s * A + authority]; e < e1; e++) {
      const c = compiled.correspondenceTarget[e];
      const k = compiled.criterionSlot[c];
      const o = outcome[k];
      if (o === NA || o === LOCAL) continue;
      const coverage = compiled.correspondenceFull[e] === 1;
      // A full recognition already chosen is beaten only by a full one that is more recent or ties with a smaller id.
      if (o === FULL && (!coverage || day[i] < day[result[k]])) continue;
      const slot = origin * C + c;
      const split = compiled.listSplit[slot];
      const end = compiled.listStart[slot + 1];
      let x = compiled.listStart[slot];
      if (x === end) continue;
      // 5. Any applying EXCLUDE rule rejects the result.
      for (; x < split; x++) if (scopeOk[compiled.ruleList[x]] === 1) break;
      if (x < split) continue;
      // 6. The first allow rule (by agreement id, rule id) recognising fully, else the first recognising at all.
      let best = -1;
      let bestFull = false;
      let bestDivergent = 0;
      for (; x < end; x++) {
        const r = compiled.ruleList[x];
        if (scopeOk[r] === 0) continue;
        if (compiled.ruleRequireLab[r] === 1 && prepared.accredited[i] === 0) continue;
        if (
          compiled.ruleBodyAny[r] === 0 &&
          (prepared.body[i] < 0 || compiled.ruleBodies[r * B + prepared.body[i]] === 0)
        )
          continue;
        if (asOfDay - day[i] > compiled.ruleMaxAge[r]) continue;
        if (
          compiled.ruleMethodAny[r] === 0 &&
          (prepared.method[i] < 0 || compiled.ruleMethods[r * M + prepared.method[i]] === 0)
        )
          continue;
        let flagged = 0;
        if (compiled.ruleEquivalence[r] === 1) {
          if (passed[i] === 0) continue;
          // Deemed equivalent, yet the value misses the target's own bar: recognised, and flagged.
          const v = value[i];
          if (compiled.correspondenceSameMetric[e] === 1 && v === v && !meets(compiled, c, v, 0)) flagged = 1;
        } else if (compiled.criterionMetric[c] === 1) {
          if (!meets(compiled, c, value[i], compiled.ruleMargin[r])) continue;
        } else if (passed[i] === 0) continue;
        const full = coverage && compiled.ruleFullEffect[r] === 1;
        if (full) {
          best = r;
          bestFull = true;
          bestDivergent = flagged;
          break;
        }
        if (best < 0) {
          best = r;
          bestDivergent = flagged;
        }
      }
      if (best < 0) continue;
      // Across results: full before conditional, then the most recent, then the smallest id.
      if (o !== GAP) {
        const j = result[k];
        const better =
          bestFull !== (o === FULL) ? bestFull : day[i] !== day[j] ? day[i] > day[j] : ids[i].id < ids[j].id;
        if (!better) continue;
      }
      outcome[k] = bestFull ? FULL : CONDITIONAL;
      result[k] = i;
      rule[k] = best;
      agreement[k] = compiled.ruleAgreement[best];
      divergent[k] = bestDivergent;
    }
  }
  return out;
}

/**
 * Prepares `system` with `results` (into `out.scratch`) and resolves it against one target
 * authority (by id) — the one-call form. To resolve one system against several authorities,
 * `prepareBulkSystem` once and `resolvePreparedBulk` per authority instead.
 */
export function resolveSystemBulk(
  compiled: CompiledRecognition,
  system: CaseSystem,
  results: readonly CaseResult[],
  authorityId: string,
  out: BulkOutput,
): BulkOutput {
  const authority = compiled.authorityOf(authorityId);
  if (authority < 0) throw new Error(`Unknown authority ${JSON.stringify(authorityId)}`);
  return resolvePreparedBulk(compiled, prepareBulkSystem(compiled, system, results, out.scratch), authority, out);
}

/** A bulk decision with its indices mapped back to ids: the fields both modes decide (docs/formats.md#recognition-case). */
export type RecognitionDecision = Pick<
  CriterionResolution,
  'criterion' | 'outcome' | 'result' | 'agreement' | 'rule' | 'divergent'
>;

/** Slot `k` of `out` as ids (allocates: for reports and tests, not inner loops). */
export function bulkDecision(compiled: CompiledRecognition, out: BulkOutput, k: number): RecognitionDecision {
  if (!(k >= 0 && k < out.count)) throw new RangeError(`bulkDecision: slot ${k} outside 0..${out.count - 1}`);
  const r = out.rule[k];
  return {
    criterion: compiled.criteria[out.criterion[k]].id,
    outcome: BULK_OUTCOMES[out.outcome[k]],
    result: out.result[k] < 0 ? null : out.system!.results[out.result[k]].id,
    agreement: r < 0 ? null : compiled.rules[r].agreement,
    rule: r < 0 ? null : compiled.rules[r].rule,
    divergent: out.divergent[k] === 1,
  };
}

/** Every slot of `out` as ids, in the authority's criterion order. */
export function bulkDecisions(compiled: CompiledRecognition, out: BulkOutput): RecognitionDecision[] {
  return Array.from({ length: out.count }, (_, k) => bulkDecision(compiled, out, k));
}

/** The decisions of one query, as `resolveCaseBulk` returns them. */
export interface QueryDecisions {
  system: string;
  authority: string;
  criteria: RecognitionDecision[];
}

/**
 * A whole case through the bulk mode: per query, in query order, the decisions `resolveCase`
 * would make (without checks, candidates and supplementary).
 */
export function resolveCaseBulk(input: RecognitionCase): QueryDecisions[] {
  const compiled = compileRecognition(input);
  const out = createBulkOutput(compiled);
  const systems = new Map(input.systems.map((s) => [s.id, s]));
  const resultsBySystem = new Map<string, CaseResult[]>();
  for (const r of input.results) {
    const list = resultsBySystem.get(r.system);
    if (list) list.push(r);
    else resultsBySystem.set(r.system, [r]);
  }
  return input.queries.map((query) => {
    const system = systems.get(query.system);
    if (!system) throw new Error(`Unknown system ${JSON.stringify(query.system)}`);
    resolveSystemBulk(compiled, system, resultsBySystem.get(system.id) ?? [], query.authority, out);
    return { system: query.system, authority: query.authority, criteria: bulkDecisions(compiled, out) };
  });
}

/** The explained mode's result cut down to the decisions, to compare with `resolveCaseBulk`. */
export function decisionsOf(result: RecognitionResult): QueryDecisions[] {
  return result.resolutions.map((q) => ({
    system: q.system,
    authority: q.authority,
    criteria: q.criteria.map((c) => ({
      criterion: c.criterion,
      outcome: c.outcome,
      result: c.result,
      agreement: c.agreement,
      rule: c.rule,
      divergent: c.divergent,
    })),
  }));
}

/**
 * The compilation of the same input with agreement `agreementIndex` (an index into
 * `compiled.agreements`) left out — the decisions of `compileRecognition` on the agreements without
 * it — derived in one pass over the compiled rule lists instead of compiling again: the rule lists
 * are sorted by agreement id then rule id, so dropping one agreement's rules keeps the order the
 * smaller set would give. Everything else is shared with `compiled`, so indices keep their meaning
 * (`agreements` and `rules` still list the removed agreement, which is never chosen) and a system
 * prepared for `compiled` can be resolved against the derivation without preparing it again. For
 * marginal contributions (what one agreement adds to a set).
 */
export function compileWithoutAgreement(compiled: CompiledRecognition, agreementIndex: number): CompiledRecognition {
  if (!(Number.isInteger(agreementIndex) && agreementIndex >= 0 && agreementIndex < compiled.agreements.length)) {
    throw new RangeError(`compileWithoutAgreement: no agreement ${agreementIndex}`);
  }
  const slots = compiled.listSplit.length;
  const listStart = new Int32Array(slots + 1);
  const listSplit = new Int32Array(slots);
  const ruleList = new Int32Array(compiled.ruleList.length);
  let n = 0;
  for (let slot = 0; slot < slots; slot++) {
    listStart[slot] = n;
    const split = compiled.listSplit[slot];
    const end = compiled.listStart[slot + 1];
    for (let x = compiled.listStart[slot]; x < end; x++) {
      if (x === split) listSplit[slot] = n;
      const r = compiled.ruleList[x];
      if (compiled.ruleAgreement[r] !== agreementIndex) ruleList[n++] = r;
    }
    if (split === end) listSplit[slot] = n;
  }
  listStart[slots] = n;
  // Every field is shared but the rule lists; the constructor (which compiles) is bypassed.
  const derived = Object.create(CompiledRecognition.prototype) as CompiledRecognition;
  return Object.assign(derived, compiled, { listStart, listSplit, ruleList: ruleList.slice(0, n) });
}
