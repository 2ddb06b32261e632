import fc from 'fast-check';
import { Category, Comparator, CriterionKind, Relation, RiskClass, Stage } from '../criteria/criteria.js';
import {
  AgreementStatus,
  type CaseAgreement,
  type CaseCriterion,
  type CaseResult,
  type CaseRule,
  type CaseSystem,
  RecognitionMode,
  type RecognitionCase,
  RuleEffect,
} from './recognition.js';

// fast-check generators of small random recognition cases (docs/domain.md#recognition), shared by the property
// specs: small vocabularies, so that correspondences, rules, windows and tie-breaks collide often.

export const ASOF = '2026-06-01';
const JURISDICTIONS = ['A', 'B', 'C'];
const day = (offset: number) => new Date(Date.UTC(2026, 5, 1 + offset)).toISOString().slice(0, 10);

const subset = <T>(values: T[]) => fc.subarray(values);
/** Mostly empty ("all"), sometimes restricting. */
const scope = <T>(values: T[]) =>
  fc.oneof({ arbitrary: fc.constant([] as T[]), weight: 4 }, { arbitrary: subset(values), weight: 1 });
/** Null (open) `weight` times out of `weight + 1`. */
const mostlyNull = <T>(arbitrary: fc.Arbitrary<T>, weight: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight }, { arbitrary, weight: 1 });
const windowDay = mostlyNull(fc.constantFrom(-200, -1, 0, 1, 200).map(day), 3);

/** Often every jurisdiction, else some. */
const jurisdictions = fc.oneof(
  { arbitrary: fc.constant(JURISDICTIONS), weight: 2 },
  { arbitrary: fc.subarray(JURISDICTIONS, { minLength: 1 }), weight: 1 },
);

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

export const ruleArb = (id: string) =>
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
    effect: fc.constantFrom(
      RuleEffect.RECOGNISE,
      RuleEffect.RECOGNISE,
      RuleEffect.RECOGNISE,
      RuleEffect.RECOGNISE_WITH_CONDITIONS,
      RuleEffect.EXCLUDE,
    ),
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
export const agreementArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    kind: fc.constant(null),
    parties: fc.constant([] as string[]),
    status: fc.constantFrom(
      ...Array<AgreementStatus>(6).fill(AgreementStatus.IN_FORCE),
      AgreementStatus.SUSPENDED,
      AgreementStatus.DRAFT,
    ),
    effectiveFrom: windowDay,
    effectiveTo: windowDay,
    rules: fc
      .uniqueArray(fc.constantFrom('r1', 'r2', 'R3', 'r10'), { minLength: 1, maxLength: 3 })
      .chain((ids) => fc.tuple(...ids.map(ruleArb))),
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

export const caseArb: fc.Arbitrary<RecognitionCase> = fc
  .record({
    criteria: fc.array(criterionArb, { minLength: 2, maxLength: 6 }),
    agreementIds: fc.uniqueArray(fc.constantFrom('a', 'B', 'ab', 'Z1'), { minLength: 1, maxLength: 4 }),
    resultIds: fc.uniqueArray(fc.constantFrom('r1', 'r2', 'R3', 'r10', 'x', 'Y', 'é', 'z', 'Z', 'r0'), {
      minLength: 1,
      maxLength: 10,
    }),
    systems: fc.tuple(
      fc.record({
        sector: fc.constantFrom(null, 'FIN', 'HEALTH'),
        riskClass: fc.constantFrom(null, RiskClass.HIGH, RiskClass.LIMITED),
      }),
      fc.record({
        sector: fc.constantFrom(null, 'FIN', 'HEALTH'),
        riskClass: fc.constantFrom(null, RiskClass.HIGH, RiskClass.LIMITED),
      }),
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
  .map((parts): RecognitionCase => ({
    format: 'sandbridge/recognition-case@1',
    asOf: ASOF,
    jurisdictions: JURISDICTIONS.map((code) => ({ code })),
    authorities: JURISDICTIONS.map((j) => ({ id: `auth-${j}`, jurisdiction: j })),
    ...parts,
    queries: ['s1', 's2'].flatMap((system) => JURISDICTIONS.map((j) => ({ system, authority: `auth-${j}` }))),
  }));
