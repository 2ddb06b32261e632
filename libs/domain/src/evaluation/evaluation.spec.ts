import { describe, expect, it } from '@jest/globals';
import { Comparator, CriterionKind } from '../criteria/criteria.js';
import {
  CriterionOutcome,
  type CriterionEvaluation,
  type CriterionSpec,
  criterionApplies,
  evaluateResult,
  evaluateStage,
  meetsThreshold,
  type RecordedResult,
  ResultOutcome,
  type StageCriterion,
  unmetMandatory,
} from './evaluation.js';

const { PASS, FAIL, INSUFFICIENT_EVIDENCE } = ResultOutcome;

function spec(overrides: Partial<CriterionSpec> = {}): CriterionSpec {
  return {
    id: 'c1',
    kind: CriterionKind.METRIC,
    comparator: Comparator.GTE,
    threshold: 0.9,
    thresholdHigh: null,
    unit: null,
    sectors: [],
    riskClasses: [],
    ...overrides,
  };
}

const metric = (comparator: Comparator, threshold: number, thresholdHigh: number | null = null): CriterionSpec =>
  spec({ comparator, threshold, thresholdHigh });

describe('evaluateResult: METRIC', () => {
  // [comparator, threshold, thresholdHigh, value, expected]
  const cases: [Comparator, number, number | null, number, ResultOutcome][] = [
    // GTE 0.9
    [Comparator.GTE, 0.9, null, 0.9, PASS],
    [Comparator.GTE, 0.9, null, 0.95, PASS],
    [Comparator.GTE, 0.9, null, 0.9 - 1e-10, PASS],
    [Comparator.GTE, 0.9, null, 0.9 - 1e-8, FAIL],
    [Comparator.GTE, 0.9, null, 0.89, FAIL],
    // LTE 0.1
    [Comparator.LTE, 0.1, null, 0.1, PASS],
    [Comparator.LTE, 0.1, null, 0.05, PASS],
    [Comparator.LTE, 0.1, null, 0.1 + 1e-10, PASS],
    [Comparator.LTE, 0.1, null, 0.1 + 1e-8, FAIL],
    [Comparator.LTE, 0.1, null, 0.11, FAIL],
    // EQ 5
    [Comparator.EQ, 5, null, 5, PASS],
    [Comparator.EQ, 5, null, 5 + 1e-10, PASS],
    [Comparator.EQ, 5, null, 5 - 1e-10, PASS],
    [Comparator.EQ, 5, null, 5 + 1e-8, FAIL],
    [Comparator.EQ, 5, null, 5 - 1e-8, FAIL],
    [Comparator.EQ, 5, null, 6, FAIL],
    // BETWEEN 1 and 2
    [Comparator.BETWEEN, 1, 2, 1, PASS],
    [Comparator.BETWEEN, 1, 2, 2, PASS],
    [Comparator.BETWEEN, 1, 2, 1.5, PASS],
    [Comparator.BETWEEN, 1, 2, 1 - 1e-10, PASS],
    [Comparator.BETWEEN, 1, 2, 2 + 1e-10, PASS],
    [Comparator.BETWEEN, 1, 2, 1 - 1e-8, FAIL],
    [Comparator.BETWEEN, 1, 2, 2 + 1e-8, FAIL],
    [Comparator.BETWEEN, 1, 2, 0.5, FAIL],
    [Comparator.BETWEEN, 1, 2, 2.5, FAIL],
    // Zero and negative thresholds.
    [Comparator.GTE, 0, null, -1e-10, PASS],
    [Comparator.GTE, 0, null, -1e-8, FAIL],
    [Comparator.LTE, -3, null, -3, PASS],
    [Comparator.LTE, -3, null, -2.9, FAIL],
  ];

  it.each(cases)('%s %d (high %p), value %p → %s', (comparator, threshold, high, value, expected) => {
    const outcome = evaluateResult(metric(comparator, threshold, high), { value });
    expect(outcome.outcome).toBe(expected);
    expect(outcome.detail).toContain(String(value));
    expect(meetsThreshold(value, comparator, threshold, high)).toBe(expected === PASS);
  });

  it('names the threshold and unit in the detail', () => {
    expect(evaluateResult(spec({ threshold: 0.9, unit: '%' }), { value: 0.95 }).detail).toBe('0.95 against ≥ 0.9 %');
    expect(evaluateResult(metric(Comparator.BETWEEN, 1, 2), { value: 3 }).detail).toBe('3 against between 1 and 2');
  });

  it.each([
    ['missing', {}],
    ['undefined', { value: undefined }],
    ['null', { value: null }],
    ['NaN', { value: Number.NaN }],
    ['Infinity', { value: Number.POSITIVE_INFINITY }],
  ])('a %s value is INSUFFICIENT_EVIDENCE', (_label, result) => {
    expect(evaluateResult(spec(), result).outcome).toBe(INSUFFICIENT_EVIDENCE);
  });

  it('a metric is not satisfied by evidence or an attestation instead of a value', () => {
    expect(
      evaluateResult(spec(), { evidenceReference: 'doc', evidenceSha256: 'a'.repeat(64), attested: true }).outcome,
    ).toBe(INSUFFICIENT_EVIDENCE);
  });
});

describe('meetsThreshold: margin', () => {
  // [comparator, threshold, high, margin, value, expected]
  const cases: [Comparator, number, number | null, number, number, boolean][] = [
    [Comparator.GTE, 0.9, null, 0.05, 0.95, true],
    [Comparator.GTE, 0.9, null, 0.05, 0.95 - 1e-10, true],
    [Comparator.GTE, 0.9, null, 0.05, 0.95 - 1e-8, false],
    [Comparator.GTE, 0.9, null, 0.05, 0.94, false],
    [Comparator.GTE, 0.9, null, 0.05, 0.9, false],
    [Comparator.LTE, 0.1, null, 0.05, 0.05, true],
    [Comparator.LTE, 0.1, null, 0.05, 0.05 + 1e-10, true],
    [Comparator.LTE, 0.1, null, 0.05, 0.05 + 1e-8, false],
    [Comparator.LTE, 0.1, null, 0.05, 0.1, false],
    [Comparator.BETWEEN, 1, 2, 0.1, 1.1, true],
    [Comparator.BETWEEN, 1, 2, 0.1, 1.9, true],
    [Comparator.BETWEEN, 1, 2, 0.1, 1.5, true],
    [Comparator.BETWEEN, 1, 2, 0.1, 1.05, false],
    [Comparator.BETWEEN, 1, 2, 0.1, 1.95, false],
    [Comparator.BETWEEN, 1, 2, 0.1, 1, false],
    [Comparator.BETWEEN, 1, 2, 0.1, 2, false],
    // EQ ignores the margin (docs/domain.md#recognition).
    [Comparator.EQ, 5, null, 1, 5, true],
    [Comparator.EQ, 5, null, 1, 5.5, false],
  ];

  it.each(cases)('%s %d (high %p) with margin %d: %p → %p', (comparator, threshold, high, margin, value, expected) => {
    expect(meetsThreshold(value, comparator, threshold, high, margin)).toBe(expected);
  });

  it('the margin defaults to 0', () => {
    expect(meetsThreshold(0.9, Comparator.GTE, 0.9, null)).toBe(true);
    expect(meetsThreshold(0.9, Comparator.GTE, 0.9, null, 0)).toBe(true);
  });

  it('BETWEEN without an upper bound is never met', () => {
    expect(meetsThreshold(1.5, Comparator.BETWEEN, 1, null)).toBe(false);
    expect(evaluateResult(metric(Comparator.BETWEEN, 1, null), { value: 1.5 }).outcome).toBe(FAIL);
  });
});

describe('evaluateResult: EVIDENCE', () => {
  const evidence = spec({ kind: CriterionKind.EVIDENCE, comparator: null, threshold: null });
  const sha = 'ab'.repeat(32);

  it('a reference with a valid SHA-256 passes', () => {
    const outcome = evaluateResult(evidence, { evidenceReference: 's3://bucket/model-card.pdf', evidenceSha256: sha });
    expect(outcome.outcome).toBe(PASS);
    expect(outcome.detail).toContain('s3://bucket/model-card.pdf');
  });

  it.each([
    ['no reference', { evidenceSha256: sha }],
    ['a null reference', { evidenceReference: null, evidenceSha256: sha }],
    ['an empty reference', { evidenceReference: '', evidenceSha256: sha }],
    ['no hash', { evidenceReference: 'doc' }],
    ['a null hash', { evidenceReference: 'doc', evidenceSha256: null }],
    ['an empty hash', { evidenceReference: 'doc', evidenceSha256: '' }],
    ['a 63-character hash', { evidenceReference: 'doc', evidenceSha256: sha.slice(1) }],
    ['a 65-character hash', { evidenceReference: 'doc', evidenceSha256: `${sha}a` }],
    ['a hash with a non-hex character', { evidenceReference: 'doc', evidenceSha256: `${sha.slice(1)}g` }],
    ['an upper-case hash', { evidenceReference: 'doc', evidenceSha256: sha.toUpperCase() }],
    ['a hash with a prefix', { evidenceReference: 'doc', evidenceSha256: `sha256:${sha}` }],
    ['a value instead of evidence', { value: 1 }],
  ])('%s is INSUFFICIENT_EVIDENCE', (_label, result) => {
    expect(evaluateResult(evidence, result).outcome).toBe(INSUFFICIENT_EVIDENCE);
  });
});

describe('evaluateResult: EVIDENCE that expires', () => {
  const evidence = spec({ kind: CriterionKind.EVIDENCE, comparator: null, threshold: null });
  const named = (expiryDay: string | null) => ({
    evidenceReference: 'model-card.pdf',
    evidenceSha256: 'cd'.repeat(32),
    evidenceFile: { title: 'Model card', expiryDay },
  });
  const period = { day: '2026-04-30', of: 'REPORT_PERIOD' as const };

  it('expired the day before the period ended: INSUFFICIENT_EVIDENCE, saying why', () => {
    expect(evaluateResult(evidence, named('2026-04-29'), period)).toEqual({
      outcome: INSUFFICIENT_EVIDENCE,
      detail: "evidence Model card expired on 2026-04-29, before the report's period ended on 2026-04-30",
    });
  });

  it('a month before, in the words the report gets', () => {
    expect(evaluateResult(evidence, named('2026-03-31'), period).detail).toBe(
      "evidence Model card expired on 2026-03-31, before the report's period ended on 2026-04-30",
    );
  });

  it.each([
    ['on the day the period ends (its last day of validity)', '2026-04-30'],
    ['the day after', '2026-05-01'],
    ['years later', '2030-01-01'],
    ['never (no expiry day)', null],
  ])('expiring %s: PASS', (_label, expiryDay) => {
    expect(evaluateResult(evidence, named(expiryDay), period).outcome).toBe(PASS);
  });

  it('an entry result is checked on the day of evaluation', () => {
    const today = { day: '2026-06-01', of: 'EVALUATION' as const };
    expect(evaluateResult(evidence, named('2026-05-31'), today)).toEqual({
      outcome: INSUFFICIENT_EVIDENCE,
      detail: 'evidence Model card expired on 2026-05-31, before the day of evaluation, 2026-06-01',
    });
    expect(evaluateResult(evidence, named('2026-06-01'), today).outcome).toBe(PASS);
  });

  it('without a day to check against, or a file, expiry is not judged', () => {
    expect(evaluateResult(evidence, named('2000-01-01')).outcome).toBe(PASS);
    expect(evaluateResult(evidence, { ...named(null), evidenceFile: null }, period).outcome).toBe(PASS);
  });

  it('a missing hash is still the first reason', () => {
    expect(evaluateResult(evidence, { ...named('2000-01-01'), evidenceSha256: null }, period).detail).toBe(
      'evidence without a valid SHA-256 content hash',
    );
  });

  it('other kinds ignore the file', () => {
    const attestation = spec({ kind: CriterionKind.ATTESTATION, comparator: null, threshold: null });
    expect(
      evaluateResult(attestation, { attested: true, evidenceFile: named('2000-01-01').evidenceFile }, period).outcome,
    ).toBe(PASS);
  });
});

describe('evaluateResult: ATTESTATION', () => {
  const attestation = spec({ kind: CriterionKind.ATTESTATION, comparator: null, threshold: null });

  it.each([
    [true, PASS],
    [false, FAIL],
    [null, INSUFFICIENT_EVIDENCE],
    [undefined, INSUFFICIENT_EVIDENCE],
  ])('attested %p → %s', (attested, expected) => {
    expect(evaluateResult(attestation, { attested }).outcome).toBe(expected);
  });

  it('a missing attestation is INSUFFICIENT_EVIDENCE', () => {
    expect(evaluateResult(attestation, {}).outcome).toBe(INSUFFICIENT_EVIDENCE);
  });
});

describe('criterionApplies', () => {
  const cases: [string[], string[], string | null, string | null, boolean][] = [
    [[], [], null, null, true],
    [[], [], 'FINANCE', 'HIGH', true],
    [['FINANCE'], [], 'FINANCE', null, true],
    [['FINANCE'], [], 'HEALTH', 'HIGH', false],
    [['FINANCE'], [], null, 'HIGH', false],
    [[], ['HIGH'], null, 'HIGH', true],
    [[], ['HIGH'], 'FINANCE', 'LIMITED', false],
    [[], ['HIGH'], 'FINANCE', null, false],
    [['FINANCE', 'HEALTH'], ['HIGH', 'LIMITED'], 'HEALTH', 'LIMITED', true],
    [['FINANCE'], ['HIGH'], 'FINANCE', 'MINIMAL', false],
    [['FINANCE'], ['HIGH'], 'HEALTH', 'HIGH', false],
  ];

  it.each(cases)(
    'sectors %p, risk classes %p; system %p/%p → %p',
    (sectors, riskClasses, sector, riskClass, expected) => {
      expect(criterionApplies({ sectors, riskClasses }, { sector, riskClass })).toBe(expected);
    },
  );
});

describe('evaluateStage', () => {
  const system = { sector: 'FINANCE', riskClass: 'HIGH' };
  const result = (id: string, criterionId: string, outcome: ResultOutcome, recordedAt: string): RecordedResult => ({
    id,
    criterionId,
    outcome,
    recordedAt,
  });
  const stage = (...ids: string[]): StageCriterion[] => ids.map((id) => ({ criterion: spec({ id }), mandatory: true }));

  it('the most recent result decides, whatever the input order', () => {
    const results = [
      result('r2', 'c1', PASS, '2025-03-01T10:00:00.000Z'),
      result('r1', 'c1', FAIL, '2025-03-02T10:00:00.000Z'),
      result('r3', 'c1', INSUFFICIENT_EVIDENCE, '2025-02-01T10:00:00.000Z'),
    ];
    const expected = [{ criterionId: 'c1', mandatory: true, outcome: CriterionOutcome.UNMET, resultId: 'r1' }];
    expect(evaluateStage(stage('c1'), system, results)).toEqual(expected);
    expect(evaluateStage(stage('c1'), system, [...results].reverse())).toEqual(expected);
  });

  it('on a tie, the smallest id decides, whatever the input order', () => {
    const at = '2025-03-01T10:00:00.000Z';
    const results = [
      result('r3', 'c1', PASS, at),
      result('r1', 'c1', FAIL, at),
      result('r2', 'c1', INSUFFICIENT_EVIDENCE, at),
    ];
    for (const order of [results, [...results].reverse(), [results[1]!, results[0]!, results[2]!]]) {
      expect(evaluateStage(stage('c1'), system, order)).toEqual([
        { criterionId: 'c1', mandatory: true, outcome: CriterionOutcome.UNMET, resultId: 'r1' },
      ]);
    }
  });

  it.each([
    [PASS, CriterionOutcome.MET],
    [FAIL, CriterionOutcome.UNMET],
    [INSUFFICIENT_EVIDENCE, CriterionOutcome.INSUFFICIENT_EVIDENCE],
  ])('a %s result makes the criterion %s', (outcome, expected) => {
    expect(
      evaluateStage(stage('c1'), system, [result('r1', 'c1', outcome, '2025-01-01T00:00:00.000Z')])[0]!.outcome,
    ).toBe(expected);
  });

  it('NOT_SUBMITTED when no result names the criterion (results for other criteria do not count)', () => {
    expect(evaluateStage(stage('c1', 'c2'), system, [result('r1', 'c2', PASS, '2025-01-01T00:00:00.000Z')])).toEqual([
      { criterionId: 'c1', mandatory: true, outcome: CriterionOutcome.NOT_SUBMITTED, resultId: null },
      { criterionId: 'c2', mandatory: true, outcome: CriterionOutcome.MET, resultId: 'r1' },
    ]);
    expect(evaluateStage(stage('c1'), system, [])).toEqual([
      { criterionId: 'c1', mandatory: true, outcome: CriterionOutcome.NOT_SUBMITTED, resultId: null },
    ]);
  });

  it('NOT_APPLICABLE by sector and by risk class, even with a result recorded', () => {
    const criteria: StageCriterion[] = [
      { criterion: spec({ id: 'health', sectors: ['HEALTH'] }), mandatory: true },
      { criterion: spec({ id: 'limited', riskClasses: ['LIMITED', 'MINIMAL'] }), mandatory: true },
      { criterion: spec({ id: 'finance-high', sectors: ['FINANCE'], riskClasses: ['HIGH'] }), mandatory: true },
    ];
    const results = criteria.map(({ criterion }, i) => result(`r${i}`, criterion.id, PASS, '2025-01-01T00:00:00.000Z'));
    expect(evaluateStage(criteria, system, results).map((e) => [e.criterionId, e.outcome, e.resultId])).toEqual([
      ['health', CriterionOutcome.NOT_APPLICABLE, null],
      ['limited', CriterionOutcome.NOT_APPLICABLE, null],
      ['finance-high', CriterionOutcome.MET, 'r2'],
    ]);
  });

  it('a system with no sector or risk class matches only criteria without that restriction', () => {
    const criteria: StageCriterion[] = [
      { criterion: spec({ id: 'any' }), mandatory: true },
      { criterion: spec({ id: 'sector', sectors: ['FINANCE'] }), mandatory: true },
      { criterion: spec({ id: 'risk', riskClasses: ['HIGH'] }), mandatory: true },
    ];
    const outcomes = (sys: { sector: string | null; riskClass: string | null }): CriterionOutcome[] =>
      evaluateStage(criteria, sys, []).map((e) => e.outcome);
    const { NOT_SUBMITTED, NOT_APPLICABLE } = CriterionOutcome;
    expect(outcomes({ sector: null, riskClass: null })).toEqual([NOT_SUBMITTED, NOT_APPLICABLE, NOT_APPLICABLE]);
    expect(outcomes({ sector: 'FINANCE', riskClass: null })).toEqual([NOT_SUBMITTED, NOT_SUBMITTED, NOT_APPLICABLE]);
    expect(outcomes({ sector: null, riskClass: 'HIGH' })).toEqual([NOT_SUBMITTED, NOT_APPLICABLE, NOT_SUBMITTED]);
  });

  it('keeps the input order of the criteria and their mandatory flag', () => {
    const criteria: StageCriterion[] = [
      { criterion: spec({ id: 'z' }), mandatory: false },
      { criterion: spec({ id: 'a' }), mandatory: true },
      { criterion: spec({ id: 'm' }), mandatory: false },
    ];
    const results = [
      result('r1', 'a', PASS, '2025-01-01T00:00:00.000Z'),
      result('r2', 'm', FAIL, '2025-01-01T00:00:00.000Z'),
    ];
    expect(evaluateStage(criteria, system, results)).toEqual([
      { criterionId: 'z', mandatory: false, outcome: CriterionOutcome.NOT_SUBMITTED, resultId: null },
      { criterionId: 'a', mandatory: true, outcome: CriterionOutcome.MET, resultId: 'r1' },
      { criterionId: 'm', mandatory: false, outcome: CriterionOutcome.UNMET, resultId: 'r2' },
    ]);
  });
});

describe('unmetMandatory', () => {
  const evaluation = (criterionId: string, mandatory: boolean, outcome: CriterionOutcome): CriterionEvaluation => ({
    criterionId,
    mandatory,
    outcome,
    resultId: null,
  });

  it('lists the mandatory criteria that are not MET, in order, ignoring optional and NOT_APPLICABLE ones', () => {
    const all = Object.values(CriterionOutcome).flatMap((outcome) => [
      evaluation(`m-${outcome}`, true, outcome),
      evaluation(`o-${outcome}`, false, outcome),
    ]);
    // WITHHELD (a reader's view, never decided on) is not known to be met.
    expect(unmetMandatory(all).map((e) => e.criterionId)).toEqual([
      'm-UNMET',
      'm-INSUFFICIENT_EVIDENCE',
      'm-NOT_SUBMITTED',
      'm-WITHHELD',
    ]);
  });

  it('is empty when every mandatory criterion is met or not applicable', () => {
    expect(
      unmetMandatory([
        evaluation('a', true, CriterionOutcome.MET),
        evaluation('b', true, CriterionOutcome.NOT_APPLICABLE),
        evaluation('c', false, CriterionOutcome.UNMET),
        evaluation('d', false, CriterionOutcome.NOT_SUBMITTED),
      ]),
    ).toEqual([]);
    expect(unmetMandatory([])).toEqual([]);
  });
});
