import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Category, Comparator, CriterionKind, Relation, RiskClass, Stage } from '../criteria/criteria.js';
import {
  AgreementStatus,
  type CaseAgreement,
  type CaseCriterion,
  type CaseResult,
  type CaseRule,
  type CaseSystem,
  type CriterionResolution,
  RecognitionMode,
  RecognitionOutcome,
  type RecognitionCase,
  type RecognitionResult,
  RuleEffect,
} from './recognition.js';
import { resolveCase } from './recognition-engine.js';

// Properties of DESIGN.md §4 over random cases: small vocabularies, so that correspondences,
// rules, windows and tie-breaks collide often.

const ASOF = '2026-06-01';
const JURISDICTIONS = ['A', 'B', 'C'];
const day = (offset: number) => new Date(Date.UTC(2026, 5, 1 + offset)).toISOString().slice(0, 10);

const subset = <T>(values: T[]) => fc.subarray(values);
/** Mostly empty ("all"), sometimes restricting. */
const scope = <T>(values: T[]) => fc.oneof({ arbitrary: fc.constant([] as T[]), weight: 4 }, { arbitrary: subset(values), weight: 1 });
/** Null (open) `weight` times out of `weight + 1`. */
const mostlyNull = <T>(arbitrary: fc.Arbitrary<T>, weight: number) => fc.oneof({ arbitrary: fc.constant(null), weight }, { arbitrary, weight: 1 });
const windowDay = mostlyNull(fc.constantFrom(-200, -1, 0, 1, 200).map(day), 3);

/** Often every jurisdiction, else some. */
const jurisdictions = fc.oneof({ arbitrary: fc.constant(JURISDICTIONS), weight: 2 }, { arbitrary: fc.subarray(JURISDICTIONS, { minLength: 1 }), weight: 1 });

const criterionArb = fc.record({
  authority: fc.constantFrom(...JURISDICTIONS.map((j) => `auth-${j}`)),
  stage: fc.constantFrom(Stage.TESTING, Stage.EXIT),
  category: fc.constantFrom(Category.SAFETY, Category.FAIRNESS),
  metricKind: fc.boolean(),
  metric: fc.constantFrom('m1', 'm1', 'm2'),
  comparator: fc.constantFrom(...Object.values(Comparator)),
  threshold: fc.constantFrom(0.2, 0.5, 0.8),
  sectors: scope(['FIN', 'HEALTH']),
  riskClasses: scope([RiskClass.HIGH, RiskClass.LIMITED]),
  clauses: fc.subarray(['k1', 'k2', 'k3'], { minLength: 1 }),
});

const ruleArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    origins: jurisdictions,
    recognising: jurisdictions,
    categories: scope([Category.SAFETY, Category.FAIRNESS]),
    stages: scope([Stage.TESTING, Stage.EXIT]),
    sectors: scope(['FIN', 'HEALTH']),
    riskClasses: scope([RiskClass.HIGH, RiskClass.LIMITED]),
    criteria: scope(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']),
    effectiveFrom: windowDay,
    effectiveTo: windowDay,
    mode: fc.constantFrom(RecognitionMode.CONFORMITY, RecognitionMode.EQUIVALENCE),
    effect: fc.constantFrom(RuleEffect.RECOGNISE, RuleEffect.RECOGNISE, RuleEffect.RECOGNISE, RuleEffect.RECOGNISE_WITH_CONDITIONS, RuleEffect.EXCLUDE),
    conditions: fc.record({
      requireAccreditedLab: fc.constantFrom(false, false, true),
      accreditationBodies: scope(['SAC', 'UKAS']),
      maxResultAgeDays: mostlyNull(fc.constantFrom(0, 30, 100, 365), 2),
      acceptedMethods: scope(['M1', 'M2']),
      minMargin: fc.constantFrom(0, 0, 0.05),
    }),
    supplementary: fc.constantFrom(null, 'local re-test', { text: 'add', criteria: ['c1'] }),
  }) as fc.Arbitrary<CaseRule>;

// Ids chosen so that UTF-16 order differs from locale order ('B' < 'a').
const agreementArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    kind: fc.constant(null),
    parties: fc.constant([] as string[]),
    status: fc.constantFrom(...Array<AgreementStatus>(6).fill(AgreementStatus.IN_FORCE), AgreementStatus.SUSPENDED, AgreementStatus.DRAFT),
    effectiveFrom: windowDay,
    effectiveTo: windowDay,
    rules: fc.uniqueArray(fc.constantFrom('r1', 'r2', 'R3', 'r10'), { minLength: 1, maxLength: 3 }).chain((ids) => fc.tuple(...ids.map(ruleArb))),
  }) as fc.Arbitrary<CaseAgreement>;

const resultArb = (id: string, criteria: number) =>
  fc.record({
    id: fc.constant(id),
    system: fc.constantFrom('s1', 's2'),
    criterion: fc.nat({ max: criteria - 1 }).map((i) => `c${i}`),
    testedIn: fc.constantFrom(...JURISDICTIONS),
    testedAt: fc.constantFrom(-400, -100, -30, -30, -1, 0, 1).map(day),
    value: fc.constantFrom(null, 0.1, 0.2, 0.5, 0.5, 0.8, 0.9),
    passed: fc.constantFrom(true, true, false),
    method: fc.constantFrom(null, 'M1', 'M2'),
    lab: fc.record({ accredited: fc.boolean(), accreditationBody: fc.constantFrom(null, 'SAC', 'UKAS') }),
  }) as fc.Arbitrary<CaseResult>;

const caseArb: fc.Arbitrary<RecognitionCase> = fc
  .record({
    criteria: fc.array(criterionArb, { minLength: 2, maxLength: 6 }),
    agreementIds: fc.uniqueArray(fc.constantFrom('a', 'B', 'ab', 'Z1'), { minLength: 1, maxLength: 4 }),
    resultIds: fc.uniqueArray(fc.constantFrom('r1', 'r2', 'R3', 'r10', 'x', 'Y', 'é', 'z', 'Z', 'r0'), { minLength: 1, maxLength: 10 }),
    systems: fc.tuple(
      fc.record({ sector: fc.constantFrom(null, 'FIN', 'HEALTH'), riskClass: fc.constantFrom(null, RiskClass.HIGH, RiskClass.LIMITED) }),
      fc.record({ sector: fc.constantFrom(null, 'FIN', 'HEALTH'), riskClass: fc.constantFrom(null, RiskClass.HIGH, RiskClass.LIMITED) }),
    ),
  })
  .chain(({ criteria, agreementIds, resultIds, systems }) =>
    fc.record({
      criteria: fc.constant(
        criteria.map((c, i): CaseCriterion => {
          const metric = c.metricKind;
          return {
            id: `c${i}`,
            authority: c.authority,
            key: `c${i}`,
            version: 1,
            stage: c.stage,
            category: c.category,
            kind: metric ? CriterionKind.METRIC : CriterionKind.EVIDENCE,
            metric: metric ? c.metric : null,
            comparator: metric ? c.comparator : null,
            threshold: metric ? c.threshold : null,
            thresholdHigh: metric && c.comparator === Comparator.BETWEEN ? 0.85 : null,
            sectors: c.sectors,
            riskClasses: c.riskClasses,
            clauses: c.clauses,
          };
        }),
      ),
      crosswalks: fc.array(
        fc.record({
          from: fc.nat({ max: criteria.length - 1 }).map((i) => `c${i}`),
          to: fc.nat({ max: criteria.length - 1 }).map((i) => `c${i}`),
          relation: fc.constantFrom(...Object.values(Relation)),
        }),
        { maxLength: 5 },
      ),
      agreements: fc.tuple(...agreementIds.map(agreementArb)),
      results: fc.tuple(...resultIds.map((id) => resultArb(id, criteria.length))),
      systems: fc.constant<CaseSystem[]>([
        { id: 's1', ...systems[0] },
        { id: 's2', ...systems[1] },
      ]),
    }),
  )
  .map(
    (parts): RecognitionCase => ({
      format: 'sandbridge/recognition-case@1',
      asOf: ASOF,
      jurisdictions: JURISDICTIONS.map((code) => ({ code })),
      authorities: JURISDICTIONS.map((j) => ({ id: `auth-${j}`, jurisdiction: j })),
      ...parts,
      queries: ['s1', 's2'].flatMap((system) => JURISDICTIONS.map((j) => ({ system, authority: `auth-${j}` }))),
    }),
  );

/** A deterministic shuffle driven by fast-check's numbers (so counterexamples replay). */
function shuffle<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list
    .map((item, i) => ({ item, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

const decisions = (out: RecognitionResult) =>
  out.resolutions.flatMap((q) => q.criteria.map((c) => ({ query: `${q.system}@${q.authority}`, criterion: c.criterion, outcome: c.outcome, result: c.result, agreement: c.agreement, rule: c.rule })));

const STRENGTH: Record<RecognitionOutcome, number> = {
  [RecognitionOutcome.NOT_APPLICABLE]: 0,
  [RecognitionOutcome.SATISFIED_LOCALLY]: 0,
  [RecognitionOutcome.GAP]: 0,
  [RecognitionOutcome.RECOGNISED_WITH_CONDITIONS]: 1,
  [RecognitionOutcome.RECOGNISED]: 2,
};

const strengths = (out: RecognitionResult) => out.resolutions.flatMap((q) => q.criteria.map((c) => STRENGTH[c.outcome]));
const recognisedCount = (out: RecognitionResult) => strengths(out).filter((s) => s > 0).length;

function expectNoStronger(after: RecognitionResult, before: RecognitionResult): void {
  const [a, b] = [strengths(after), strengths(before)];
  expect(a.length).toBe(b.length);
  a.forEach((s, i) => expect(s).toBeLessThanOrEqual(b[i]));
  expect(recognisedCount(after)).toBeLessThanOrEqual(recognisedCount(before));
}

const RUNS = { numRuns: 400 };

describe('§4 properties', () => {
  it('the outcome, result, agreement and rule do not depend on the order of results, agreements or rules', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.integer(), { minLength: 1, maxLength: 12 }), (input, keys) => {
        const permuted: RecognitionCase = {
          ...input,
          results: shuffle(input.results, keys),
          agreements: shuffle(input.agreements, keys.slice(1)).map((a) => ({ ...a, rules: shuffle(a.rules, [...keys].reverse()) })),
        };
        const [before, after] = [resolveCase(input), resolveCase(permuted)];
        expect(decisions(after)).toEqual(decisions(before));
        // Everything else too, once candidates (listed in input order of results) are put in one order.
        const normal = (out: RecognitionResult) =>
          JSON.stringify(out.resolutions.map((q) => q.criteria.map((c) => ({ ...c, candidates: [...c.candidates].sort((x, y) => (x.result < y.result ? -1 : 1)) }))));
        expect(normal(after)).toBe(normal(before));
      }),
      RUNS,
    );
  });

  it('adding an EXCLUDE rule never increases recognition (count or strength)', () => {
    const exclusion = ruleArb('x-new').map((rule) => ({ ...rule, effect: RuleEffect.EXCLUDE }));
    fc.assert(
      fc.property(caseArb, exclusion, fc.nat(), agreementArb('new-agreement'), (input, rule, where, fresh) => {
        const agreements = input.agreements.length && where % 2 ? input.agreements.map((a, i) => (i === where % input.agreements.length ? { ...a, rules: [...a.rules, rule] } : a)) : [...input.agreements, { ...fresh, rules: [rule] }];
        expectNoStronger(resolveCase({ ...input, agreements }), resolveCase(input));
      }),
      RUNS,
    );
  });

  it('removing an agreement that holds no EXCLUDE rule never increases recognition (count or strength)', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (input, which) => {
        fc.pre(input.agreements.length > 0);
        const removed = input.agreements[which % input.agreements.length];
        fc.pre(removed.rules.every((rule) => rule.effect !== RuleEffect.EXCLUDE));
        expectNoStronger(resolveCase({ ...input, agreements: input.agreements.filter((a) => a !== removed) }), resolveCase(input));
      }),
      RUNS,
    );
  });

  it('no result is ever recognised through a jurisdiction it was not tested in', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const out = resolveCase(input);
        for (const query of out.resolutions) {
          const jurisdiction = input.authorities.find((a) => a.id === query.authority)!.jurisdiction;
          for (const c of query.criteria) {
            if (c.outcome !== RecognitionOutcome.RECOGNISED && c.outcome !== RecognitionOutcome.RECOGNISED_WITH_CONDITIONS) continue;
            const result = input.results.find((r) => r.id === c.result)!;
            const agreement = input.agreements.find((a) => a.id === c.agreement)!;
            const rule = agreement.rules.find((r) => r.id === c.rule)!;
            expect(result.system).toBe(query.system);
            expect(result.testedIn).not.toBe(jurisdiction);
            expect(rule.origins).toContain(result.testedIn);
            expect(rule.recognising).toContain(jurisdiction);
            expect(agreement.status).toBe(AgreementStatus.IN_FORCE);
            expect(rule.effect).not.toBe(RuleEffect.EXCLUDE);
            expect(result.testedAt <= ASOF).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('explanations agree with outcomes: a gap\'s candidates each show a failed check, a recognition none but coverage', () => {
    const failed = (c: CriterionResolution) => c.checks.filter((x) => !x.passed).map((x) => x.name);
    fc.assert(
      fc.property(caseArb, (input) => {
        const out = resolveCase(input);
        for (const c of out.resolutions.flatMap((q) => q.criteria)) {
          expect(typeof c.divergent).toBe('boolean');
          switch (c.outcome) {
            case RecognitionOutcome.NOT_APPLICABLE:
              expect([failed(c), c.candidates, c.result]).toEqual([['applicable'], [], null]);
              break;
            case RecognitionOutcome.SATISFIED_LOCALLY:
              expect([failed(c), c.candidates, c.agreement, c.divergent]).toEqual([[], [], null, false]);
              break;
            case RecognitionOutcome.GAP:
              expect([failed(c), c.result, c.divergent, c.supplementary]).toEqual([['local'], null, false, null]);
              for (const candidate of c.candidates) expect(candidate.checks.some((x) => !x.passed)).toBe(true);
              break;
            case RecognitionOutcome.RECOGNISED:
              expect([failed(c), c.supplementary]).toEqual([[], null]);
              break;
            case RecognitionOutcome.RECOGNISED_WITH_CONDITIONS:
              expect(failed(c).filter((name) => name !== 'coverage')).toEqual([]);
              break;
          }
          if (c.result !== null && c.outcome !== RecognitionOutcome.SATISFIED_LOCALLY) expect(c.candidates.map((x) => x.result)).toContain(c.result);
        }
        expect(JSON.stringify(resolveCase(input))).toBe(JSON.stringify(out));
      }),
      RUNS,
    );
  });
});
