import { describe, expect, it } from '@jest/globals';
import { parseRecognitionCase } from './case-format.js';
import { CheckName, type CriterionResolution, RecognitionOutcome, type RecognitionResult } from './recognition.js';
import { resolveCase } from './recognition-engine.js';

// One case per sentence of docs/domain.md#recognition. Cases are written in the public file format (§8.1) and
// read by its parser, so the defaults are the file's.

const { NOT_APPLICABLE, SATISFIED_LOCALLY, RECOGNISED, RECOGNISED_WITH_CONDITIONS, GAP } = RecognitionOutcome;

type Json = Record<string, any>;

const rule = (id: string, extra: Json = {}): Json => ({
  id,
  origins: ['SG'],
  recognising: ['EU'],
  mode: 'CONFORMITY',
  effect: 'RECOGNISE',
  ...extra,
});
const agreement = (id: string, rules: Json[], extra: Json = {}): Json => ({
  id,
  parties: ['EU', 'SG'],
  status: 'IN_FORCE',
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  rules,
  ...extra,
});
const result = (id: string, extra: Json = {}): Json => ({
  id,
  system: 'sys1',
  criterion: 'sg-rob',
  testedIn: 'SG',
  value: 0.93,
  passed: true,
  method: 'M1',
  testedAt: '2026-03-01',
  lab: { accredited: true, accreditationBody: 'SAC' },
  ...extra,
});
const metric = (id: string, authority: string, extra: Json = {}): Json => ({
  id,
  authority,
  stage: 'TESTING',
  category: 'ROBUSTNESS',
  kind: 'METRIC',
  metric: 'accuracy_under_noise',
  comparator: 'GTE',
  threshold: 0.9,
  ...extra,
});
const evidence = (id: string, authority: string, extra: Json = {}): Json => ({
  id,
  authority,
  stage: 'TESTING',
  category: 'ACCOUNTABILITY',
  kind: 'EVIDENCE',
  ...extra,
});

/**
 * EU (eu-aio) is the target; SG (sg-mas) and JP (jp-fsa) are origins. eu-rob ≥ 0.9 and sg-rob ≥
 * 0.85 are EQUIVALENT by crosswalk; agreement eu-sg recognises SG results in the EU (CONFORMITY,
 * no conditions); res1 (0.93, SG, accredited SAC lab, 92 days old at asOf) is the one result.
 */
function baseCase(): Json {
  return {
    format: 'sandbridge/recognition-case@1',
    asOf: '2026-06-01',
    authorities: [
      { id: 'eu-aio', jurisdiction: 'EU' },
      { id: 'sg-mas', jurisdiction: 'SG' },
      { id: 'jp-fsa', jurisdiction: 'JP' },
    ],
    criteria: [
      metric('eu-rob', 'eu-aio', { clauses: ['ISO42001:A.6.2.4'] }),
      metric('sg-rob', 'sg-mas', { threshold: 0.85, clauses: ['AIVERIFY:robustness'] }),
    ],
    crosswalks: [{ from: 'sg-rob', to: 'eu-rob', relation: 'EQUIVALENT' }],
    agreements: [agreement('eu-sg', [rule('r1')])],
    systems: [{ id: 'sys1', sector: 'FINANCE', riskClass: 'HIGH' }],
    results: [result('res1')],
    queries: [{ system: 'sys1', authority: 'eu-aio' }],
  };
}

const criterion = (c: Json, id: string): Json => c.criteria.find((x: Json) => x.id === id);

function run(mutate: (c: Json) => void = () => {}): RecognitionResult {
  const c = baseCase();
  mutate(c);
  return resolveCase(parseRecognitionCase(c));
}

/** The resolution of one criterion in the first query. */
function resolveOne(mutate: (c: Json) => void = () => {}, id = 'eu-rob'): CriterionResolution {
  const found = run(mutate).resolutions[0].criteria.find((r) => r.criterion === id);
  if (!found) throw new Error(`no resolution for ${id}`);
  return found;
}

const failedOf = (checks: { name: string; passed: boolean }[]) => checks.filter((x) => !x.passed).map((x) => x.name);

interface Expectation {
  outcome: RecognitionOutcome;
  result?: string | null;
  agreement?: string | null;
  rule?: string | null;
  divergent?: boolean;
  supplementary?: unknown;
  /** Failed checks of the first candidate (exactly these). */
  failed?: string[];
  /** Result ids of the candidates, in order. */
  candidates?: string[];
}

function expectResolution(resolution: CriterionResolution, expected: Expectation): void {
  const picked: Json = { outcome: resolution.outcome };
  for (const key of ['result', 'agreement', 'rule', 'divergent', 'supplementary'] as const) {
    if (key in expected) picked[key] = resolution[key];
  }
  if (expected.failed) picked.failed = resolution.candidates.length ? failedOf(resolution.candidates[0].checks) : null;
  if (expected.candidates) picked.candidates = resolution.candidates.map((x) => x.result);
  expect(picked).toEqual(expected);
}

type Row = [string, (c: Json) => void, Expectation];

/** Several mutations, in order. */
const steps =
  (...list: ((c: Json) => unknown)[]) =>
  (c: Json) =>
    list.forEach((step) => step(c));

const table = (rows: Row[]) =>
  it.each(rows)('%s', (_title, mutate, expected) => {
    expectResolution(resolveOne(mutate), expected);
  });

const recognised: Expectation = { outcome: RECOGNISED, result: 'res1', agreement: 'eu-sg', rule: 'r1' };
const gap = (...failed: string[]): Expectation => ({ outcome: GAP, result: null, agreement: null, rule: null, failed });

describe('§4 the base case', () => {
  it('recognises the SG result for the EU criterion, with every check passed', () => {
    const resolution = resolveOne();
    expectResolution(resolution, { ...recognised, divergent: false, supplementary: null, candidates: ['res1'] });
    expect(resolution.checks.map((x) => x.name)).toEqual([
      'correspondence',
      'coverage',
      'agreementInForce',
      'scope',
      'excluded',
      'accreditedLab',
      'accreditationBody',
      'resultAge',
      'method',
      'threshold',
    ]);
    expect(failedOf(resolution.checks)).toEqual([]);
  });
});

describe('§4 agreement status: only IN_FORCE recognises', () => {
  table([
    ['IN_FORCE', () => {}, recognised],
    ['DRAFT', (c) => (c.agreements[0].status = 'DRAFT'), gap('agreementInForce')],
    ['PROPOSED', (c) => (c.agreements[0].status = 'PROPOSED'), gap('agreementInForce')],
    ['SUSPENDED', (c) => (c.agreements[0].status = 'SUSPENDED'), gap('agreementInForce')],
    ['TERMINATED', (c) => (c.agreements[0].status = 'TERMINATED'), gap('agreementInForce')],
  ]);

  it('says why no rule is in force', () => {
    const resolution = resolveOne((c) => (c.agreements[0].status = 'SUSPENDED'));
    const inForce = resolution.candidates[0].checks.find((x) => x.name === CheckName.agreementInForce)!;
    expect(inForce).toEqual({
      name: 'agreementInForce',
      expected: 'rule SG -> EU in force on 2026-06-01',
      actual: 'none (eu-sg is SUSPENDED)',
      passed: false,
    });
  });
});

describe('§4 time: windows [from, to) hold at asOf, in whole UTC days', () => {
  table([
    [
      'agreement starting on asOf holds (start day included)',
      (c) => (c.agreements[0].effectiveFrom = '2026-06-01'),
      recognised,
    ],
    [
      'agreement starting the day after asOf does not',
      (c) => (c.agreements[0].effectiveFrom = '2026-06-02'),
      gap('agreementInForce'),
    ],
    [
      'agreement ending on asOf does not hold (end day excluded)',
      (c) => (c.agreements[0].effectiveTo = '2026-06-01'),
      gap('agreementInForce'),
    ],
    ['agreement ending the day after asOf holds', (c) => (c.agreements[0].effectiveTo = '2026-06-02'), recognised],
    [
      'agreement open at both ends holds',
      (c) => Object.assign(c.agreements[0], { effectiveFrom: null, effectiveTo: null }),
      recognised,
    ],
    [
      'agreement whose window ended holds no more',
      (c) => Object.assign(c.agreements[0], { effectiveFrom: '2025-01-01', effectiveTo: '2026-01-01' }),
      gap('agreementInForce'),
    ],
    [
      'a timestamp start is reduced to its UTC day (2026-06-02T01:00+02:00 is 2026-06-01)',
      (c) => (c.agreements[0].effectiveFrom = '2026-06-02T01:00:00+02:00'),
      recognised,
    ],
    [
      'a timestamp end is reduced to its UTC day (2026-06-01T23:30-02:00 is 2026-06-02)',
      (c) => (c.agreements[0].effectiveTo = '2026-06-01T23:30:00-02:00'),
      recognised,
    ],
    [
      'a timestamp asOf is reduced to its UTC day',
      steps(
        (c) => (c.asOf = '2026-05-31T23:00:00-01:00'),
        (c) => (c.agreements[0].effectiveFrom = '2026-06-01'),
      ),
      recognised,
    ],
    ['rule starting on asOf holds', (c) => (c.agreements[0].rules[0].effectiveFrom = '2026-06-01'), recognised],
    [
      'rule starting after asOf does not (phase-in)',
      (c) => (c.agreements[0].rules[0].effectiveFrom = '2026-07-01'),
      gap('agreementInForce'),
    ],
    [
      'rule ending on asOf does not',
      (c) => (c.agreements[0].rules[0].effectiveTo = '2026-06-01'),
      gap('agreementInForce'),
    ],
    ['rule ending the day after asOf holds', (c) => (c.agreements[0].rules[0].effectiveTo = '2026-06-02'), recognised],
  ]);

  it('phases recognition in origin by origin: each rule has its own window', () => {
    const phased = (c: Json) => {
      c.agreements[0].rules = [
        rule('r-sg', { effectiveFrom: '2026-01-01' }),
        rule('r-jp', { origins: ['JP'], effectiveFrom: '2027-01-01' }),
      ];
      c.criteria.push(metric('jp-rob', 'jp-fsa', { clauses: ['JP:rob'] }));
      c.crosswalks.push({ from: 'jp-rob', to: 'eu-rob', relation: 'EQUIVALENT' });
    };
    expectResolution(resolveOne(phased), { outcome: RECOGNISED, result: 'res1', rule: 'r-sg' });
    const jpOnly = (c: Json) => {
      phased(c);
      c.results = [result('res-jp', { criterion: 'jp-rob', testedIn: 'JP' })];
    };
    expectResolution(resolveOne(jpOnly), gap('agreementInForce'));
  });

  it('a result tested after asOf does not exist yet: ignored entirely (not even a candidate)', () => {
    expectResolution(
      resolveOne((c) => (c.results[0].testedAt = '2026-06-02')),
      { outcome: GAP, candidates: [] },
    );
  });

  it('a result tested after asOf does not satisfy locally either', () => {
    const resolution = resolveOne((c) =>
      c.results.push(result('local', { criterion: 'eu-rob', testedIn: 'EU', testedAt: '2026-06-02' })),
    );
    expectResolution(resolution, { outcome: RECOGNISED, result: 'res1' });
  });

  table([
    ['a result tested on asOf counts (age 0)', (c) => (c.results[0].testedAt = '2026-06-01'), recognised],
    [
      'a timestamp testedAt after asOf in UTC is ignored (2026-06-01T22:00-03:00 is 2026-06-02)',
      (c) => (c.results[0].testedAt = '2026-06-01T22:00:00-03:00'),
      { outcome: GAP, candidates: [] },
    ],
    [
      'a timestamp testedAt on asOf in UTC counts (2026-06-02T01:00+02:00 is 2026-06-01)',
      (c) => (c.results[0].testedAt = '2026-06-02T01:00:00+02:00'),
      recognised,
    ],
  ]);
});

describe('§4 conditions', () => {
  const conditions = (value: unknown) => (c: Json) => (c.agreements[0].rules[0].conditions = value);
  table([
    ['requireAccreditedLab holds for an accredited lab', conditions({ requireAccreditedLab: true }), recognised],
    [
      'requireAccreditedLab fails for a lab not accredited',
      steps(conditions({ requireAccreditedLab: true }), (c) => (c.results[0].lab.accredited = false)),
      gap('accreditedLab'),
    ],
    [
      'requireAccreditedLab fails for a result without lab (default: not accredited)',
      steps(conditions({ requireAccreditedLab: true }), (c) => delete c.results[0].lab),
      gap('accreditedLab'),
    ],
    [
      'requireAccreditedLab false accepts any lab',
      steps(conditions({ requireAccreditedLab: false }), (c) => (c.results[0].lab.accredited = false)),
      recognised,
    ],
    ['accreditationBodies holds for a listed body', conditions({ accreditationBodies: ['UKAS', 'SAC'] }), recognised],
    [
      'accreditationBodies fails for another body',
      conditions({ accreditationBodies: ['UKAS'] }),
      gap('accreditationBody'),
    ],
    [
      'accreditationBodies fails for a lab without body',
      steps(conditions({ accreditationBodies: ['SAC'] }), (c) => (c.results[0].lab = { accredited: true })),
      gap('accreditationBody'),
    ],
    ['accreditationBodies empty = no restriction', conditions({ accreditationBodies: [] }), recognised],
    ['accreditationBodies null = no restriction', conditions({ accreditationBodies: null }), recognised],
    [
      'maxResultAgeDays: age exactly at the limit holds',
      steps(conditions({ maxResultAgeDays: 365 }), (c) => (c.results[0].testedAt = '2025-06-01')),
      recognised,
    ],
    [
      'maxResultAgeDays: one day over fails',
      steps(conditions({ maxResultAgeDays: 365 }), (c) => (c.results[0].testedAt = '2025-05-31')),
      gap('resultAge'),
    ],
    [
      'maxResultAgeDays counts whole UTC days, not hours',
      steps(conditions({ maxResultAgeDays: 92 }), (c) => (c.results[0].testedAt = '2026-03-01T00:30:00+01:00')),
      gap('resultAge'),
    ],
    [
      'maxResultAgeDays null = no restriction',
      steps(conditions({ maxResultAgeDays: null }), (c) => (c.results[0].testedAt = '2010-01-01')),
      recognised,
    ],
    ['acceptedMethods holds for a listed method', conditions({ acceptedMethods: ['M1', 'M2'] }), recognised],
    ['acceptedMethods fails for another method', conditions({ acceptedMethods: ['M2'] }), gap('method')],
    [
      'acceptedMethods fails for a result without method',
      steps(conditions({ acceptedMethods: ['M1'] }), (c) => delete c.results[0].method),
      gap('method'),
    ],
    ['acceptedMethods empty = no restriction', conditions({ acceptedMethods: [] }), recognised],
    [
      'conditions null = no restriction',
      steps(conditions(null), (c) => Object.assign(c.results[0], { lab: null, method: null })),
      recognised,
    ],
    [
      'every failing condition is listed',
      steps(
        conditions({
          requireAccreditedLab: true,
          accreditationBodies: ['UKAS'],
          maxResultAgeDays: 10,
          acceptedMethods: ['M9'],
          minMargin: 0.5,
        }),
        (c) => (c.results[0].lab.accredited = false),
      ),
      gap('accreditedLab', 'accreditationBody', 'resultAge', 'method', 'threshold'),
    ],
  ]);

  it('reports the age in days, as the §8.1 example does', () => {
    const resolution = resolveOne(conditions({ maxResultAgeDays: 365 }));
    expect(resolution.checks.find((x) => x.name === CheckName.resultAge)).toEqual({
      name: 'resultAge',
      expected: '<= 365',
      actual: '92',
      passed: true,
    });
  });
});

describe("§4 mode CONFORMITY: the value against the target's comparator and threshold, with minMargin", () => {
  const target = (extra: Json) => (c: Json) => Object.assign(criterion(c, 'eu-rob'), extra);
  const value =
    (v: number | null, margin: number | null = null) =>
    (c: Json) => {
      c.results[0].value = v;
      c.agreements[0].rules[0].conditions = { minMargin: margin };
    };
  table([
    ['GTE 0.9: 0.9 holds', value(0.9), recognised],
    ['GTE 0.9: 0.9 − 1e-10 holds (1e-9 tolerance)', value(0.9 - 1e-10), recognised],
    ['GTE 0.9: 0.9 − 1e-8 fails', value(0.9 - 1e-8), gap('threshold')],
    ['GTE 0.9 margin 0.03: 0.93 holds (margin exactly met)', value(0.93, 0.03), recognised],
    ['GTE 0.9 margin 0.03: 0.9299 fails', value(0.9299, 0.03), gap('threshold')],
    ['minMargin null = 0', value(0.9, null), recognised],
    [
      'checked against the target, not the origin: 0.87 passes SG (0.85) but fails EU (0.9)',
      value(0.87),
      gap('threshold'),
    ],
    [
      'LTE 0.04 margin 0.01: 0.03 holds (margin exactly met)',
      steps(target({ comparator: 'LTE', threshold: 0.04 }), value(0.03, 0.01)),
      recognised,
    ],
    [
      'LTE 0.04 margin 0.01: 0.031 fails',
      steps(target({ comparator: 'LTE', threshold: 0.04 }), value(0.031, 0.01)),
      gap('threshold'),
    ],
    [
      'BETWEEN [0.2, 0.8] margin 0.1: 0.3 holds',
      steps(target({ comparator: 'BETWEEN', threshold: [0.2, 0.8] }), value(0.3, 0.1)),
      recognised,
    ],
    [
      'BETWEEN [0.2, 0.8] margin 0.1: 0.7 holds',
      steps(target({ comparator: 'BETWEEN', threshold: [0.2, 0.8] }), value(0.7, 0.1)),
      recognised,
    ],
    [
      'BETWEEN [0.2, 0.8] margin 0.1: 0.29 fails',
      steps(target({ comparator: 'BETWEEN', threshold: [0.2, 0.8] }), value(0.29, 0.1)),
      gap('threshold'),
    ],
    [
      'BETWEEN [0.2, 0.8] margin 0.1: 0.71 fails',
      steps(target({ comparator: 'BETWEEN', threshold: [0.2, 0.8] }), value(0.71, 0.1)),
      gap('threshold'),
    ],
    ['EQ 1 ignores the margin: 1 holds', steps(target({ comparator: 'EQ', threshold: 1 }), value(1, 0.5)), recognised],
    ['EQ 1: 1.1 fails', steps(target({ comparator: 'EQ', threshold: 1 }), value(1.1)), gap('threshold')],
    [
      "the result's own passed is irrelevant when the value meets the target",
      (c) => (c.results[0].passed = false),
      recognised,
    ],
    ['a result without value fails the threshold check', value(null), gap('threshold')],
  ]);

  it("a target without metric checks the result's passed", () => {
    const setUp = (passed: boolean) => (c: Json) => {
      c.criteria = [evidence('eu-log', 'eu-aio'), evidence('sg-log', 'sg-mas')];
      c.crosswalks = [{ from: 'sg-log', to: 'eu-log', relation: 'EQUIVALENT' }];
      Object.assign(c.results[0], { criterion: 'sg-log', value: null, passed });
    };
    expectResolution(resolveOne(setUp(true), 'eu-log'), { outcome: RECOGNISED, result: 'res1' });
    expectResolution(resolveOne(setUp(false), 'eu-log'), { outcome: GAP, failed: ['threshold'] });
  });
});

describe('§4 mode EQUIVALENCE: passedOwnCriterion, and divergent', () => {
  const equivalence =
    (resultExtra: Json, ruleExtra: Json = {}) =>
    (c: Json) => {
      Object.assign(c.agreements[0].rules[0], { mode: 'EQUIVALENCE', ...ruleExtra });
      Object.assign(c.results[0], resultExtra);
    };
  table([
    ['a passing result is recognised', equivalence({ value: 0.95 }), { ...recognised, divergent: false }],
    [
      'a failing result is not (passedOwnCriterion)',
      equivalence({ value: 0.95, passed: false }),
      gap('passedOwnCriterion'),
    ],
    [
      'the value is not checked against the target: 0.87 < 0.9 is still recognised, flagged divergent',
      equivalence({ value: 0.87 }),
      { ...recognised, divergent: true },
    ],
    [
      'divergence is judged without margin: 0.9 meets 0.9 even with minMargin 0.05',
      equivalence({ value: 0.9 }, { conditions: { minMargin: 0.05 } }),
      { ...recognised, divergent: false },
    ],
    [
      'divergent only on the same metric key',
      steps(equivalence({ value: 0.5 }), (c) => (criterion(c, 'sg-rob').metric = 'other_metric')),
      { ...recognised, divergent: false },
    ],
    ['no value: not divergent (nothing to compare)', equivalence({ value: null }), { ...recognised, divergent: false }],
    [
      'a result without value still passes passedOwnCriterion (it needs no value)',
      equivalence({ value: null }),
      recognised,
    ],
  ]);

  it('is not divergent when the target is no metric', () => {
    const resolution = resolveOne((c) => {
      c.criteria = [evidence('eu-log', 'eu-aio'), metric('sg-rob', 'sg-mas')];
      c.crosswalks = [{ from: 'sg-rob', to: 'eu-log', relation: 'EQUIVALENT' }];
      equivalence({ value: 0.1 })(c);
    }, 'eu-log');
    expectResolution(resolution, { outcome: RECOGNISED, divergent: false });
  });

  it('divergent is false under CONFORMITY', () => {
    expect(resolveOne().divergent).toBe(false);
  });
});

describe('§4 effect', () => {
  const effect = (value: string, supplementary?: unknown) => (c: Json) =>
    Object.assign(c.agreements[0].rules[0], { effect: value }, supplementary === undefined ? {} : { supplementary });
  table([
    ['RECOGNISE: full', effect('RECOGNISE'), { ...recognised, supplementary: null }],
    [
      'RECOGNISE: full, so no supplementary even if the rule carries one',
      effect('RECOGNISE', 'ignored'),
      { ...recognised, supplementary: null },
    ],
    [
      "RECOGNISE_WITH_CONDITIONS: the rule's supplementary string",
      effect('RECOGNISE_WITH_CONDITIONS', 'local bias re-test'),
      { outcome: RECOGNISED_WITH_CONDITIONS, result: 'res1', supplementary: 'local bias re-test' },
    ],
    [
      "RECOGNISE_WITH_CONDITIONS: the rule's supplementary object",
      effect('RECOGNISE_WITH_CONDITIONS', { text: 'add the EU log', criteria: ['eu-rob'] }),
      { outcome: RECOGNISED_WITH_CONDITIONS, supplementary: { text: 'add the EU log', criteria: ['eu-rob'] } },
    ],
    [
      'RECOGNISE_WITH_CONDITIONS: null supplementary',
      effect('RECOGNISE_WITH_CONDITIONS'),
      { outcome: RECOGNISED_WITH_CONDITIONS, supplementary: null },
    ],
  ]);
});

describe('§4 EXCLUDE: any applying EXCLUDE rule, in any agreement, rejects the result', () => {
  const exclusion = (extra: Json = {}) => ({
    id: 'x1',
    origins: ['SG'],
    recognising: ['EU'],
    effect: 'EXCLUDE',
    ...extra,
  });
  table([
    [
      'in another agreement, beating a full RECOGNISE',
      (c) => c.agreements.push(agreement('eu-sg-annex', [exclusion()])),
      gap('excluded'),
    ],
    ['in the same agreement', (c) => c.agreements[0].rules.push(exclusion()), gap('excluded')],
    [
      'mode and conditions are ignored (present and odd)',
      (c) => c.agreements[0].rules.push(exclusion({ mode: 'EQUIVALENCE', conditions: { maxResultAgeDays: 9999 } })),
      gap('excluded'),
    ],
    [
      'out of scope, it does not apply',
      (c) => c.agreements[0].rules.push(exclusion({ categories: ['FAIRNESS'] })),
      recognised,
    ],
    [
      'scoped to the criterion id, it applies',
      (c) => c.agreements[0].rules.push(exclusion({ criteria: ['eu-rob'] })),
      gap('excluded'),
    ],
    [
      'in a suspended agreement, it does not apply',
      (c) => c.agreements.push(agreement('eu-sg-annex', [exclusion()], { status: 'SUSPENDED' })),
      recognised,
    ],
    [
      'outside its own window, it does not apply',
      (c) => c.agreements[0].rules.push(exclusion({ effectiveTo: '2026-06-01' })),
      recognised,
    ],
    [
      'for another origin, it does not apply',
      (c) => c.agreements[0].rules.push(exclusion({ origins: ['JP'] })),
      recognised,
    ],
    [
      'alone, it passes agreementInForce and scope, then excludes',
      (c) => (c.agreements[0].rules = [exclusion()]),
      gap('excluded'),
    ],
  ]);
});

describe('§4 step 1: applicability', () => {
  const applicability =
    (criterionExtra: Json, systemExtra: Json = {}) =>
    (c: Json) => {
      Object.assign(criterion(c, 'eu-rob'), criterionExtra);
      Object.assign(c.systems[0], systemExtra);
    };
  table([
    [
      'risk classes excluding the system',
      applicability({ riskClasses: ['LIMITED'] }),
      { outcome: NOT_APPLICABLE, result: null, agreement: null, rule: null, candidates: [] },
    ],
    [
      'sectors excluding the system',
      applicability({ sectors: ['HEALTH'] }),
      { outcome: NOT_APPLICABLE, candidates: [] },
    ],
    [
      'sectors and risk classes including the system',
      applicability({ sectors: ['HEALTH', 'FINANCE'], riskClasses: ['HIGH'] }),
      recognised,
    ],
    [
      'a system without sector against a criterion listing sectors',
      applicability({ sectors: ['FINANCE'] }, { sector: null }),
      { outcome: NOT_APPLICABLE },
    ],
    [
      'a system without risk class against a criterion listing none',
      applicability({}, { riskClass: null }),
      recognised,
    ],
  ]);

  it('shows only the failed applicable check', () => {
    const resolution = resolveOne(applicability({ riskClasses: ['LIMITED'] }));
    expect(resolution.checks).toEqual([
      {
        name: 'applicable',
        expected: 'riskClass in [LIMITED]',
        actual: 'sector FINANCE, riskClass HIGH',
        passed: false,
      },
    ]);
    expect(resolution).toMatchObject({ divergent: false, supplementary: null, candidates: [] });
  });
});

describe('§4 step 2: local satisfaction', () => {
  const local = (id: string, extra: Json = {}) => result(id, { criterion: 'eu-rob', testedIn: 'EU', ...extra });
  table([
    [
      'a passing result against c tested in J',
      (c) => c.results.push(local('loc1')),
      { outcome: SATISFIED_LOCALLY, result: 'loc1', agreement: null, rule: null, candidates: [] },
    ],
    [
      'the most recent passing local result',
      (c) => c.results.push(local('loc1', { testedAt: '2026-02-01' }), local('loc2', { testedAt: '2026-04-01' })),
      { outcome: SATISFIED_LOCALLY, result: 'loc2' },
    ],
    [
      'then the smallest id',
      (c) => c.results.push(local('loc2'), local('loc1')),
      { outcome: SATISFIED_LOCALLY, result: 'loc1' },
    ],
    [
      'local needs passed, not a value meeting the threshold',
      (c) => c.results.push(local('loc1', { value: 0.1 })),
      { outcome: SATISFIED_LOCALLY, result: 'loc1' },
    ],
    [
      'a failing local result is ignored: it does not block recognition',
      (c) => c.results.push(local('loc1', { passed: false })),
      { ...recognised, candidates: ['res1'] },
    ],
    [
      'a failing local result does not satisfy c, and is no candidate',
      (c) => (c.results = [local('loc1', { passed: false })]),
      { outcome: GAP, candidates: [] },
    ],
    [
      'a passing result against c tested abroad is a candidate, not local',
      (c) => (c.results = [result('abroad', { criterion: 'eu-rob' })]),
      { outcome: RECOGNISED, result: 'abroad', candidates: ['abroad'] },
    ],
    [
      "another system's local result does not count",
      (c) => c.systems.push({ id: 'sys2' }) && c.results.push(local('loc1', { system: 'sys2' })),
      recognised,
    ],
  ]);

  it('shows the applicable and local checks', () => {
    const resolution = resolveOne((c) => c.results.push(local('loc1')));
    expect(resolution.checks.map((x) => [x.name, x.passed])).toEqual([
      ['applicable', true],
      ['local', true],
    ]);
  });
});

describe('§4 step 3: correspondence', () => {
  const crosswalks =
    (...list: [string, string, string][]) =>
    (c: Json) =>
      (c.crosswalks = list.map(([from, to, relation]) => ({ from, to, relation })));
  const sharedClause = (c: Json) => (criterion(c, 'sg-rob').clauses = ['ISO42001:A.6.2.4', 'AIVERIFY:robustness']);
  table([
    ['crosswalk s→c EQUIVALENT covers fully', crosswalks(['sg-rob', 'eu-rob', 'EQUIVALENT']), recognised],
    ['crosswalk s→c SUPERSET covers fully', crosswalks(['sg-rob', 'eu-rob', 'SUPERSET']), recognised],
    [
      'crosswalk s→c SUBSET covers partly: with conditions',
      crosswalks(['sg-rob', 'eu-rob', 'SUBSET']),
      { outcome: RECOGNISED_WITH_CONDITIONS, result: 'res1', supplementary: null },
    ],
    [
      'crosswalk s→c INTERSECTS covers partly: with conditions',
      crosswalks(['sg-rob', 'eu-rob', 'INTERSECTS']),
      { outcome: RECOGNISED_WITH_CONDITIONS },
    ],
    ['crosswalk c→s SUBSET, read inverted as SUPERSET: full', crosswalks(['eu-rob', 'sg-rob', 'SUBSET']), recognised],
    [
      'crosswalk c→s SUPERSET, read inverted as SUBSET: with conditions',
      crosswalks(['eu-rob', 'sg-rob', 'SUPERSET']),
      { outcome: RECOGNISED_WITH_CONDITIONS },
    ],
    ['crosswalk c→s EQUIVALENT stays EQUIVALENT', crosswalks(['eu-rob', 'sg-rob', 'EQUIVALENT']), recognised],
    [
      'crosswalk c→s INTERSECTS stays INTERSECTS',
      crosswalks(['eu-rob', 'sg-rob', 'INTERSECTS']),
      { outcome: RECOGNISED_WITH_CONDITIONS },
    ],
    [
      's→c wins over c→s (s→c SUBSET, c→s SUBSET)',
      crosswalks(['eu-rob', 'sg-rob', 'SUBSET'], ['sg-rob', 'eu-rob', 'SUBSET']),
      { outcome: RECOGNISED_WITH_CONDITIONS },
    ],
    [
      's→c wins over c→s (s→c EQUIVALENT, c→s SUPERSET)',
      crosswalks(['eu-rob', 'sg-rob', 'SUPERSET'], ['sg-rob', 'eu-rob', 'EQUIVALENT']),
      recognised,
    ],
    ['shared clause and same metric: EQUIVALENT, no crosswalk needed', steps(crosswalks(), sharedClause), recognised],
    [
      'shared clause and same metric win over a partial crosswalk',
      steps(crosswalks(['sg-rob', 'eu-rob', 'SUBSET']), sharedClause),
      recognised,
    ],
    [
      'shared clause, different metric: no correspondence, no candidate',
      steps(crosswalks(), sharedClause, (c) => (criterion(c, 'sg-rob').metric = 'robust_acc')),
      { outcome: GAP, candidates: [] },
    ],
    ['same metric, no shared clause: no correspondence, no candidate', crosswalks(), { outcome: GAP, candidates: [] }],
    [
      'a crosswalk between other criteria: no candidate',
      steps((c) => c.criteria.push(metric('jp-rob', 'jp-fsa')), crosswalks(['sg-rob', 'jp-rob', 'EQUIVALENT'])),
      { outcome: GAP, candidates: [] },
    ],
  ]);

  it('evidence criteria sharing a clause do not correspond (no metric)', () => {
    const resolution = resolveOne((c) => {
      c.criteria = [
        evidence('eu-log', 'eu-aio', { clauses: ['AIACT:12'] }),
        evidence('sg-log', 'sg-mas', { clauses: ['AIACT:12'] }),
      ];
      c.crosswalks = [];
      c.results = [result('res1', { criterion: 'sg-log', value: null })];
    }, 'eu-log');
    expectResolution(resolution, { outcome: GAP, candidates: [] });
  });

  it('a downgrade by coverage shows a failed coverage check among the chosen checks', () => {
    const resolution = resolveOne(crosswalks(['sg-rob', 'eu-rob', 'SUBSET']));
    expect(failedOf(resolution.checks)).toEqual(['coverage']);
    expect(resolution.checks[1]).toEqual({
      name: 'coverage',
      expected: 'full (EQUIVALENT or SUPERSET)',
      actual: 'SUBSET (partial)',
      passed: false,
    });
  });

  it('correspondences do not chain: A→B and B→C crosswalks make no A→C', () => {
    const resolution = resolveOne((c) => {
      c.criteria.push(metric('jp-rob', 'jp-fsa', { clauses: ['JP:rob'] }));
      c.crosswalks = [
        { from: 'jp-rob', to: 'sg-rob', relation: 'EQUIVALENT' },
        { from: 'sg-rob', to: 'eu-rob', relation: 'EQUIVALENT' },
      ];
      c.agreements[0].rules[0].origins = ['SG', 'JP'];
      c.results = [result('res-jp', { criterion: 'jp-rob', testedIn: 'JP' })];
    });
    expectResolution(resolution, { outcome: GAP, candidates: [] });
  });
});

describe('§4 step 4: origins, recognising jurisdictions, scope', () => {
  const set = (extra: Json) => (c: Json) => Object.assign(c.agreements[0].rules[0], extra);
  table([
    [
      "the result's jurisdiction among the origins",
      set({ origins: ['JP', 'SG'], recognising: ['GB', 'EU'] }),
      recognised,
    ],
    ['not among the origins', set({ origins: ['JP'] }), gap('agreementInForce')],
    ['J not among the recognising jurisdictions', set({ recognising: ['GB'] }), gap('agreementInForce')],
    [
      'the reverse direction recognises nothing',
      set({ origins: ['EU'], recognising: ['SG'] }),
      gap('agreementInForce'),
    ],
    ['absent scope lists mean all', set({}), recognised],
    [
      'empty scope lists mean all',
      set({ categories: [], stages: [], sectors: [], riskClasses: [], criteria: [] }),
      recognised,
    ],
    ["categories ∋ c's category", set({ categories: ['FAIRNESS', 'ROBUSTNESS'] }), recognised],
    ["categories ∌ c's category", set({ categories: ['FAIRNESS'] }), gap('scope')],
    ["stages ∋ c's stage", set({ stages: ['TESTING'] }), recognised],
    ["stages ∌ c's stage", set({ stages: ['EXIT'] }), gap('scope')],
    ["sectors ∋ the system's sector", set({ sectors: ['FINANCE'] }), recognised],
    ["sectors ∌ the system's sector", set({ sectors: ['HEALTH'] }), gap('scope')],
    [
      'sectors listed, system without sector',
      steps(set({ sectors: ['FINANCE'] }), (c) => (c.systems[0].sector = null)),
      gap('scope'),
    ],
    ["riskClasses ∋ the system's risk class", set({ riskClasses: ['HIGH'] }), recognised],
    ["riskClasses ∌ the system's risk class", set({ riskClasses: ['MINIMAL'] }), gap('scope')],
    [
      'riskClasses listed, system without risk class',
      steps(set({ riskClasses: ['HIGH'] }), (c) => delete c.systems[0].riskClass),
      gap('scope'),
    ],
    ["criteria ∋ c's id", set({ criteria: ['eu-rob'] }), recognised],
    ["criteria ∌ c's id", set({ criteria: ['eu-other'] }), gap('scope')],
  ]);

  it('a rule pinned to a criterion version covers exactly that version after a revision', () => {
    const out = run((c) => {
      c.criteria = [
        metric('eu-rob-v1', 'eu-aio', { key: 'robustness.noise', version: 1 }),
        metric('eu-rob-v2', 'eu-aio', { key: 'robustness.noise', version: 2, threshold: 0.92 }),
        metric('sg-rob', 'sg-mas', { threshold: 0.85 }),
      ];
      c.crosswalks = [
        { from: 'sg-rob', to: 'eu-rob-v1', relation: 'EQUIVALENT' },
        { from: 'sg-rob', to: 'eu-rob-v2', relation: 'EQUIVALENT' },
      ];
      c.agreements[0].rules[0].criteria = ['eu-rob-v1'];
    });
    const [v1, v2] = out.resolutions[0].criteria;
    expectResolution(v1, { outcome: RECOGNISED, result: 'res1', rule: 'r1' });
    expectResolution(v2, { outcome: GAP, failed: ['scope'] });
  });

  it("no transitivity: a JP result recognised by SG is still JP's, never SG's, for the EU", () => {
    const out = run((c) => {
      c.criteria.push(metric('jp-rob', 'jp-fsa', { clauses: ['JP:rob'] }));
      c.crosswalks.push(
        { from: 'jp-rob', to: 'sg-rob', relation: 'EQUIVALENT' },
        { from: 'jp-rob', to: 'eu-rob', relation: 'EQUIVALENT' },
      );
      c.agreements.push(
        agreement('jp-sg', [rule('j1', { origins: ['JP'], recognising: ['SG'] })], { parties: ['JP', 'SG'] }),
      );
      c.results = [result('res-jp', { criterion: 'jp-rob', testedIn: 'JP' })];
      c.queries.push({ system: 'sys1', authority: 'sg-mas' });
    });
    expectResolution(out.resolutions[0].criteria[0], {
      outcome: GAP,
      failed: ['agreementInForce'],
      candidates: ['res-jp'],
    });
    expectResolution(out.resolutions[1].criteria[0], {
      outcome: RECOGNISED,
      result: 'res-jp',
      agreement: 'jp-sg',
      rule: 'j1',
    });
  });
});

describe('§4 step 6: tie-breaks', () => {
  it('for one result: full before conditional, even from a larger agreement id', () => {
    const resolution = resolveOne((c) => {
      c.agreements = [
        agreement('a-cond', [rule('r1', { effect: 'RECOGNISE_WITH_CONDITIONS', supplementary: 'x' })]),
        agreement('b-full', [rule('r1')]),
      ];
    });
    expectResolution(resolution, { outcome: RECOGNISED, agreement: 'b-full', rule: 'r1', supplementary: null });
  });

  it('for one result: then the smallest agreement id (whatever the input order)', () => {
    const resolution = resolveOne(
      (c) => (c.agreements = [agreement('eu-sg-2', [rule('r1')]), agreement('eu-sg-1', [rule('r9')])]),
    );
    expectResolution(resolution, { outcome: RECOGNISED, agreement: 'eu-sg-1', rule: 'r9' });
  });

  it('for one result: then the smallest rule id', () => {
    const resolution = resolveOne((c) => (c.agreements[0].rules = [rule('r2'), rule('r1')]));
    expectResolution(resolution, { outcome: RECOGNISED, agreement: 'eu-sg', rule: 'r1' });
  });

  it('for one result, among conditional rules: the smallest agreement id, then rule id', () => {
    const conditional = (id: string) => rule(id, { effect: 'RECOGNISE_WITH_CONDITIONS', supplementary: id });
    const resolution = resolveOne(
      (c) =>
        (c.agreements = [agreement('b', [conditional('r1')]), agreement('a', [conditional('r3'), conditional('r2')])]),
    );
    expectResolution(resolution, {
      outcome: RECOGNISED_WITH_CONDITIONS,
      agreement: 'a',
      rule: 'r2',
      supplementary: 'r2',
    });
  });

  it('ids order by UTF-16 code units, not by locale ("B" < "a")', () => {
    const resolution = resolveOne((c) => (c.agreements = [agreement('a', [rule('r1')]), agreement('B', [rule('r1')])]));
    expect(resolution.agreement).toBe('B');
    expect(['a', 'B'].sort((x, y) => x.localeCompare(y))).toEqual(['a', 'B']); // what a locale order would have picked
  });

  it('across results: full before conditional, even when the conditional one is more recent', () => {
    const resolution = resolveOne((c) => {
      c.criteria.push(metric('jp-rob', 'jp-fsa', { clauses: ['JP:rob'] }));
      c.crosswalks.push({ from: 'jp-rob', to: 'eu-rob', relation: 'EQUIVALENT' });
      c.agreements.push(agreement('eu-jp', [rule('j1', { origins: ['JP'], effect: 'RECOGNISE_WITH_CONDITIONS' })]));
      c.results.push(result('res-jp', { criterion: 'jp-rob', testedIn: 'JP', testedAt: '2026-05-01' }));
    });
    expectResolution(resolution, {
      outcome: RECOGNISED,
      result: 'res1',
      agreement: 'eu-sg',
      candidates: ['res1', 'res-jp'],
    });
  });

  it('across results: full before conditional, when coverage makes the difference', () => {
    const resolution = resolveOne((c) => {
      c.criteria.push(metric('sg-rob-b', 'sg-mas', { clauses: ['SG:b'] }));
      c.crosswalks.push({ from: 'sg-rob-b', to: 'eu-rob', relation: 'INTERSECTS' });
      c.results = [
        result('res-new', { criterion: 'sg-rob-b', testedAt: '2026-05-01' }),
        result('res-old', { testedAt: '2026-01-01' }),
      ];
    });
    expectResolution(resolution, { outcome: RECOGNISED, result: 'res-old', candidates: ['res-new', 'res-old'] });
  });

  it('across results: then the most recent testedAt', () => {
    const resolution = resolveOne(
      (c) =>
        (c.results = [
          result('res-b', { testedAt: '2026-02-01' }),
          result('res-c', { testedAt: '2026-04-01' }),
          result('res-a', { testedAt: '2026-03-01' }),
        ]),
    );
    expectResolution(resolution, { outcome: RECOGNISED, result: 'res-c', candidates: ['res-b', 'res-c', 'res-a'] });
  });

  it('across results: then the smallest result id (same UTC day, different hours)', () => {
    const resolution = resolveOne(
      (c) =>
        (c.results = [
          result('res-b', { testedAt: '2026-03-01T23:00:00Z' }),
          result('res-a', { testedAt: '2026-03-01T01:00:00Z' }),
        ]),
    );
    expectResolution(resolution, { outcome: RECOGNISED, result: 'res-a' });
  });

  it('across results among conditional ones: the most recent', () => {
    const resolution = resolveOne((c) => {
      c.agreements[0].rules[0].effect = 'RECOGNISE_WITH_CONDITIONS';
      c.results = [result('res-a', { testedAt: '2026-02-01' }), result('res-b', { testedAt: '2026-04-01' })];
    });
    expectResolution(resolution, { outcome: RECOGNISED_WITH_CONDITIONS, result: 'res-b' });
  });

  it('a result recognised by no rule does not win over one that is, however recent', () => {
    const resolution = resolveOne((c) => {
      c.agreements[0].rules[0].conditions = { maxResultAgeDays: 200 };
      c.results = [
        result('res-old', { testedAt: '2026-01-01' }),
        result('res-new', { testedAt: '2026-05-01', value: 0.5 }),
      ];
    });
    expectResolution(resolution, { outcome: RECOGNISED, result: 'res-old' });
  });
});

describe('§4 output', () => {
  const threeCriteria = (c: Json) => {
    c.criteria = [
      metric('eu-z', 'eu-aio', { riskClasses: ['MINIMAL'] }),
      metric('sg-rob', 'sg-mas', { threshold: 0.85 }),
      metric('eu-rob', 'eu-aio'),
      evidence('eu-log', 'eu-aio'),
    ];
    c.results.push(result('loc', { criterion: 'eu-log', testedIn: 'EU', value: null }), result('res0', { value: 0.1 }));
    c.queries = [
      { system: 'sys1', authority: 'sg-mas' },
      { system: 'sys1', authority: 'eu-aio' },
    ];
  };

  it("resolutions follow the queries; criteria the input order of the authority's criteria", () => {
    const out = run(threeCriteria);
    expect(out.resolutions.map((r) => [r.system, r.authority, r.criteria.map((c) => c.criterion)])).toEqual([
      ['sys1', 'sg-mas', ['sg-rob']],
      ['sys1', 'eu-aio', ['eu-z', 'eu-rob', 'eu-log']],
    ]);
    expect(out.resolutions[1].criteria.map((c) => c.outcome)).toEqual([NOT_APPLICABLE, RECOGNISED, SATISFIED_LOCALLY]);
  });

  it('keys appear in the order of §8.1', () => {
    const out = run(threeCriteria);
    expect(Object.keys(out)).toEqual(['format', 'asOf', 'resolutions']);
    expect(out.format).toBe('sandbridge/recognition-result@1');
    expect(out.asOf).toBe('2026-06-01');
    expect(Object.keys(out.resolutions[0])).toEqual(['system', 'authority', 'criteria']);
    for (const resolution of out.resolutions.flatMap((r) => r.criteria)) {
      expect(Object.keys(resolution)).toEqual([
        'criterion',
        'outcome',
        'result',
        'agreement',
        'rule',
        'divergent',
        'supplementary',
        'checks',
        'candidates',
      ]);
      for (const check of [...resolution.checks, ...resolution.candidates.flatMap((x) => x.checks)]) {
        expect(Object.keys(check)).toEqual(['name', 'expected', 'actual', 'passed']);
        expect([typeof check.expected, typeof check.actual, typeof check.passed]).toEqual([
          'string',
          'string',
          'boolean',
        ]);
        expect(Object.values(CheckName)).toContain(check.name);
      }
      for (const candidate of resolution.candidates) expect(Object.keys(candidate)).toEqual(['result', 'checks']);
    }
  });

  it('candidates follow the input order of results', () => {
    const resolution = resolveOne(
      (c) => (c.results = [result('res-z', { value: 0.1 }), result('res-m'), result('res-a', { value: 0.2 })]),
    );
    expectResolution(resolution, { outcome: RECOGNISED, result: 'res-m', candidates: ['res-z', 'res-m', 'res-a'] });
  });

  it('a GAP shows applicable and local (failed), and every candidate with the checks it failed', () => {
    const resolution = resolveOne((c) => {
      c.agreements[0].rules[0].conditions = { maxResultAgeDays: 30 };
      c.results = [
        result('res-a', { value: 0.5 }),
        result('res-b', { testedIn: 'JP', criterion: 'sg-rob' }),
        result('res-c', { testedAt: '2026-05-20', value: 0.95 }),
      ];
      c.results.push(result('res-c2', { testedAt: '2026-05-20', value: 0.95, passed: false }));
      c.agreements[0].rules.push({
        id: 'x',
        origins: ['SG'],
        recognising: ['EU'],
        effect: 'EXCLUDE',
        riskClasses: ['HIGH'],
        criteria: ['eu-rob'],
      });
    });
    expect(resolution.checks.map((x) => [x.name, x.passed])).toEqual([
      ['applicable', true],
      ['local', false],
    ]);
    expect(resolution.candidates.map((x) => [x.result, failedOf(x.checks)])).toEqual([
      ['res-a', ['excluded']],
      ['res-b', ['agreementInForce']],
      ['res-c', ['excluded']],
      ['res-c2', ['excluded']],
    ]);
  });

  it('lists the failed checks of every applying allow rule, each naming its rule', () => {
    const resolution = resolveOne((c) => {
      c.agreements[0].rules = [
        rule('r1', { conditions: { maxResultAgeDays: 30 } }),
        rule('r2', { conditions: { acceptedMethods: ['M9'] } }),
      ];
    });
    expect(resolution.outcome).toBe(GAP);
    const failed = resolution.candidates[0].checks.filter((x) => !x.passed);
    expect(failed).toEqual([
      { name: 'resultAge', expected: '<= 30 under eu-sg/r1', actual: '92', passed: false },
      { name: 'method', expected: 'one of M9 under eu-sg/r2', actual: 'M1', passed: false },
    ]);
  });

  it('is the same, byte for byte, for the same input', () => {
    const first = JSON.stringify(run(threeCriteria));
    const second = JSON.stringify(run(threeCriteria));
    expect(second).toBe(first);
  });

  it('a query for an authority without criteria resolves to none', () => {
    const out = run((c) => (c.queries = [{ system: 'sys1', authority: 'jp-fsa' }]));
    expect(out.resolutions).toEqual([{ system: 'sys1', authority: 'jp-fsa', criteria: [] }]);
  });

  it('results of other systems are not candidates', () => {
    const resolution = resolveOne((c) => {
      c.systems.push({ id: 'sys2' });
      c.results[0].system = 'sys2';
    });
    expectResolution(resolution, { outcome: GAP, candidates: [] });
  });
});
