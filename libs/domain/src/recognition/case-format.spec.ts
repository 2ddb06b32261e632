import { describe, expect, it } from '@jest/globals';
import { CaseFormatError, parseRecognitionCase, parseRecognitionCaseJson, parseUtcDay } from './case-format.js';
import { RecognitionOutcome } from './recognition.js';
import { resolveCase } from './recognition-engine.js';

type Json = Record<string, any>;

/** The example of docs/formats.md#recognition-case, verbatim. */
function example(): Json {
  return {
    format: 'sandbridge/recognition-case@1',
    asOf: '2026-06-01',
    jurisdictions: [{ code: 'EU' }, { code: 'SG' }],
    authorities: [
      { id: 'eu-aio', jurisdiction: 'EU' },
      { id: 'sg-mas', jurisdiction: 'SG' },
    ],
    criteria: [
      {
        id: 'eu-rob-1',
        authority: 'eu-aio',
        key: 'robustness.noise',
        version: 1,
        stage: 'TESTING',
        category: 'ROBUSTNESS',
        kind: 'METRIC',
        metric: 'accuracy_under_noise',
        comparator: 'GTE',
        threshold: 0.9,
        sectors: [],
        riskClasses: ['HIGH'],
        clauses: ['ISO42001:A.6.2.4'],
      },
      {
        id: 'sg-rob-1',
        authority: 'sg-mas',
        key: 'robustness.noise',
        version: 1,
        stage: 'TESTING',
        category: 'ROBUSTNESS',
        kind: 'METRIC',
        metric: 'accuracy_under_noise',
        comparator: 'GTE',
        threshold: 0.85,
        sectors: [],
        riskClasses: [],
        clauses: ['AIVERIFY:robustness'],
      },
    ],
    crosswalks: [{ from: 'sg-rob-1', to: 'eu-rob-1', relation: 'EQUIVALENT' }],
    agreements: [
      {
        id: 'eu-sg',
        parties: ['EU', 'SG'],
        status: 'IN_FORCE',
        effectiveFrom: '2026-01-01',
        effectiveTo: null,
        rules: [
          {
            id: 'r1',
            origins: ['SG'],
            recognising: ['EU'],
            categories: ['ROBUSTNESS'],
            sectors: [],
            riskClasses: [],
            stages: [],
            criteria: [],
            effectiveFrom: null,
            effectiveTo: null,
            mode: 'CONFORMITY',
            effect: 'RECOGNISE',
            conditions: {
              requireAccreditedLab: true,
              accreditationBodies: [],
              maxResultAgeDays: 365,
              acceptedMethods: [],
              minMargin: 0,
            },
            supplementary: null,
          },
        ],
      },
    ],
    systems: [{ id: 'sys1', sector: 'FINANCE', riskClass: 'HIGH' }],
    results: [
      {
        id: 'res1',
        system: 'sys1',
        criterion: 'sg-rob-1',
        testedIn: 'SG',
        value: 0.93,
        passed: true,
        method: 'ISO42001:A.6.2.4',
        testedAt: '2026-03-01',
        lab: { accredited: true, accreditationBody: 'SAC' },
      },
    ],
    queries: [{ system: 'sys1', authority: 'eu-aio' }],
  };
}

/** The message a case is refused with (fails the test when it is accepted or fails otherwise). */
function refusal(mutate: (c: Json) => void): string {
  const c = example();
  mutate(c);
  try {
    parseRecognitionCase(c);
  } catch (error) {
    expect(error).toBeInstanceOf(CaseFormatError);
    return (error as Error).message;
  }
  throw new Error('the case was accepted');
}

const comparatorCriterion = (id: string, comparator: unknown) => ({
  id,
  authority: 'eu-aio',
  stage: 'TESTING',
  category: 'SAFETY',
  kind: 'METRIC',
  metric: 'm',
  comparator,
  threshold: 1,
});

describe('§8.1 reading a recognition case', () => {
  it('reads the example and resolves it as the example output says', () => {
    const out = resolveCase(parseRecognitionCase(example()));
    const [criterion] = out.resolutions[0].criteria;
    expect(criterion).toMatchObject({
      criterion: 'eu-rob-1',
      outcome: RecognitionOutcome.RECOGNISED,
      result: 'res1',
      agreement: 'eu-sg',
      rule: 'r1',
      divergent: false,
      supplementary: null,
    });
    expect(criterion.checks).toContainEqual({ name: 'resultAge', expected: '<= 365', actual: '92', passed: true });
    expect(criterion.candidates.map((x) => x.result)).toEqual(['res1']);
  });

  it('fills in the defaults of the table', () => {
    const parsed = parseRecognitionCase({
      format: 'sandbridge/recognition-case@1',
      asOf: '2026-06-01',
      authorities: [{ id: 'a', jurisdiction: 'EU' }],
      criteria: [{ id: 'c', authority: 'a', stage: 'ENTRY', category: 'SAFETY', kind: 'ATTESTATION' }],
      systems: [{ id: 's' }],
      results: [{ id: 'r', system: 's', criterion: 'c', testedIn: 'SG', testedAt: '2026-01-01' }],
      queries: [{ system: 's', authority: 'a' }],
    });
    expect(parsed).toEqual({
      format: 'sandbridge/recognition-case@1',
      asOf: '2026-06-01',
      jurisdictions: [],
      authorities: [{ id: 'a', jurisdiction: 'EU' }],
      criteria: [
        {
          id: 'c',
          authority: 'a',
          key: 'c',
          version: 1,
          stage: 'ENTRY',
          category: 'SAFETY',
          kind: 'ATTESTATION',
          metric: null,
          comparator: null,
          threshold: null,
          thresholdHigh: null,
          sectors: [],
          riskClasses: [],
          clauses: [],
        },
      ],
      crosswalks: [],
      agreements: [],
      systems: [{ id: 's', sector: null, riskClass: null }],
      results: [
        {
          id: 'r',
          system: 's',
          criterion: 'c',
          testedIn: 'SG',
          testedAt: '2026-01-01',
          value: null,
          passed: false,
          method: null,
          lab: { accredited: false, accreditationBody: null },
        },
      ],
      queries: [{ system: 's', authority: 'a' }],
    });
  });

  it('fills in the defaults of agreements and rules', () => {
    const c = example();
    c.agreements = [
      {
        id: 'a1',
        status: 'DRAFT',
        rules: [{ id: 'r1', origins: ['SG'], recognising: ['EU'], mode: 'EQUIVALENCE', effect: 'RECOGNISE' }],
      },
    ];
    expect(parseRecognitionCase(c).agreements).toEqual([
      {
        id: 'a1',
        kind: null,
        parties: [],
        status: 'DRAFT',
        effectiveFrom: null,
        effectiveTo: null,
        rules: [
          {
            id: 'r1',
            origins: ['SG'],
            recognising: ['EU'],
            effect: 'RECOGNISE',
            mode: 'EQUIVALENCE',
            categories: [],
            stages: [],
            sectors: [],
            riskClasses: [],
            criteria: [],
            effectiveFrom: null,
            effectiveTo: null,
            conditions: {
              requireAccreditedLab: false,
              accreditationBodies: [],
              maxResultAgeDays: null,
              acceptedMethods: [],
              minMargin: 0,
            },
            supplementary: null,
          },
        ],
      },
    ]);
  });

  it('reads null conditions as no restriction (minMargin null = 0)', () => {
    const c = example();
    c.agreements[0].rules[0].conditions = {
      requireAccreditedLab: null,
      accreditationBodies: null,
      maxResultAgeDays: null,
      acceptedMethods: null,
      minMargin: null,
    };
    expect(parseRecognitionCase(c).agreements[0].rules[0].conditions).toEqual({
      requireAccreditedLab: false,
      accreditationBodies: [],
      maxResultAgeDays: null,
      acceptedMethods: [],
      minMargin: 0,
    });
  });

  it('reads a BETWEEN threshold as [low, high]', () => {
    const c = example();
    Object.assign(c.criteria[0], { comparator: 'BETWEEN', threshold: [0.2, 0.8] });
    expect(parseRecognitionCase(c).criteria[0]).toMatchObject({
      comparator: 'BETWEEN',
      threshold: 0.2,
      thresholdHigh: 0.8,
    });
  });

  it('reads supplementary as null, a string or { text, criteria }', () => {
    const read = (supplementary: unknown) => {
      const c = example();
      c.agreements[0].rules[0].supplementary = supplementary;
      return parseRecognitionCase(c).agreements[0].rules[0].supplementary;
    };
    expect(read(null)).toBeNull();
    expect(read('re-test locally')).toBe('re-test locally');
    expect(read({ text: 'add', criteria: ['x'], extra: 1 })).toEqual({ text: 'add', criteria: ['x'] });
    expect(read({ text: 'add' })).toEqual({ text: 'add', criteria: [] });
  });

  it('takes an EXCLUDE rule without mode or conditions, and ignores them when present', () => {
    const c = example();
    c.agreements[0].rules.push({ id: 'x1', origins: ['SG'], recognising: ['EU'], effect: 'EXCLUDE' });
    c.agreements[0].rules.push({
      id: 'x2',
      origins: ['SG'],
      recognising: ['EU'],
      effect: 'EXCLUDE',
      mode: 'WHATEVER',
      conditions: 'ignored',
    });
    const [, x1, x2] = parseRecognitionCase(c).agreements[0].rules;
    expect([x1.mode, x2.mode]).toEqual([null, null]);
    expect(x2.conditions.requireAccreditedLab).toBe(false);
  });

  it('does not read metric fields on a criterion that is no METRIC', () => {
    const c = example();
    Object.assign(c.criteria[0], { kind: 'EVIDENCE', metric: 'm', comparator: 'NOPE', threshold: 'x' });
    expect(parseRecognitionCase(c).criteria[0]).toMatchObject({
      kind: 'EVIDENCE',
      metric: null,
      comparator: null,
      threshold: null,
      thresholdHigh: null,
    });
  });

  it('ignores fields it does not know, at every level', () => {
    const c = example();
    c.note = 'a note';
    c.authorities[0].name = 'EU AI Office';
    c.criteria[0].title = 'Robustness under noise';
    c.criteria[0].status = 'ACTIVE';
    c.agreements[0].rules[0].conditions.assuranceLevel = 4;
    c.results[0].lab.name = 'Lab';
    c.results[0].confidentiality = 'PUBLIC';
    c.queries[0].asOf = '2020-01-01';
    expect(parseRecognitionCase(c)).toEqual(parseRecognitionCase(example()));
  });

  it.each([
    ['2026-06-01', '2026-06-01'],
    ['2026-06-01T00:00:00Z', '2026-06-01'],
    ['2026-06-01T23:30:00-02:00', '2026-06-02'],
    ['2026-06-01T00:30:00+02:00', '2026-05-31'],
    ['2026-06-01T12:00+0530', '2026-06-01'],
    ['2026-06-01T12:00:00.123z', '2026-06-01'],
    ['2026-06-01T12:00:00', null],
    ['2026-02-30', null],
    ['2026-02-28T24:00:00Z', null],
    ['01/06/2026', null],
  ])('reduces %s to the UTC day %s', (text, day) => {
    expect(parseUtcDay(text)).toBe(day);
  });

  it('reduces every date of the case to its UTC day', () => {
    const c = example();
    c.asOf = '2026-06-01T22:00:00-03:00';
    c.agreements[0].effectiveFrom = '2026-01-01T00:00:00+01:00';
    c.results[0].testedAt = '2026-03-01T12:00:00Z';
    const parsed = parseRecognitionCase(c);
    expect([parsed.asOf, parsed.agreements[0].effectiveFrom, parsed.results[0].testedAt]).toEqual([
      '2026-06-02',
      '2025-12-31',
      '2026-03-01',
    ]);
  });
});

describe('§8 refusals name the JSON path of the first problem', () => {
  it('the message of docs/formats.md, exactly', () => {
    const message = refusal((c) =>
      c.criteria.push(comparatorCriterion('c2', 'GTE'), comparatorCriterion('c3', 'MORE_THAN')),
    );
    expect(message).toBe('criteria[3].comparator: must be one of GTE, LTE, EQ, BETWEEN');
  });

  it.each<[string, (c: Json) => void, string]>([
    // an unknown format
    ['format missing', (c) => delete c.format, 'format: is required'],
    [
      'format of another version',
      (c) => (c.format = 'sandbridge/recognition-case@2'),
      'format: must be "sandbridge/recognition-case@1"',
    ],
    [
      'format of another kind',
      (c) => (c.format = 'sandbridge/scenario@1'),
      'format: must be "sandbridge/recognition-case@1"',
    ],
    // a missing required field, per object of the table
    ['case asOf', (c) => delete c.asOf, 'asOf: is required'],
    ['case authorities', (c) => delete c.authorities, 'authorities: is required'],
    ['case criteria', (c) => delete c.criteria, 'criteria: is required'],
    ['case systems', (c) => delete c.systems, 'systems: is required'],
    ['case results', (c) => delete c.results, 'results: is required'],
    ['case queries', (c) => delete c.queries, 'queries: is required'],
    ['authority id', (c) => delete c.authorities[1].id, 'authorities[1].id: is required'],
    ['authority jurisdiction', (c) => delete c.authorities[0].jurisdiction, 'authorities[0].jurisdiction: is required'],
    ['jurisdiction code', (c) => (c.jurisdictions[1] = {}), 'jurisdictions[1].code: is required'],
    ['criterion id', (c) => delete c.criteria[1].id, 'criteria[1].id: is required'],
    ['criterion authority', (c) => delete c.criteria[0].authority, 'criteria[0].authority: is required'],
    ['criterion stage', (c) => delete c.criteria[0].stage, 'criteria[0].stage: is required'],
    ['criterion category', (c) => delete c.criteria[0].category, 'criteria[0].category: is required'],
    ['criterion kind', (c) => delete c.criteria[0].kind, 'criteria[0].kind: is required'],
    ['METRIC criterion metric', (c) => delete c.criteria[0].metric, 'criteria[0].metric: is required'],
    ['METRIC criterion comparator', (c) => delete c.criteria[0].comparator, 'criteria[0].comparator: is required'],
    ['METRIC criterion threshold', (c) => (c.criteria[1].threshold = null), 'criteria[1].threshold: is required'],
    ['crosswalk from', (c) => delete c.crosswalks[0].from, 'crosswalks[0].from: is required'],
    ['crosswalk to', (c) => delete c.crosswalks[0].to, 'crosswalks[0].to: is required'],
    ['crosswalk relation', (c) => delete c.crosswalks[0].relation, 'crosswalks[0].relation: is required'],
    ['agreement id', (c) => delete c.agreements[0].id, 'agreements[0].id: is required'],
    ['agreement status', (c) => delete c.agreements[0].status, 'agreements[0].status: is required'],
    ['agreement rules', (c) => delete c.agreements[0].rules, 'agreements[0].rules: is required'],
    ['rule id', (c) => delete c.agreements[0].rules[0].id, 'agreements[0].rules[0].id: is required'],
    ['rule origins', (c) => delete c.agreements[0].rules[0].origins, 'agreements[0].rules[0].origins: is required'],
    [
      'rule recognising',
      (c) => delete c.agreements[0].rules[0].recognising,
      'agreements[0].rules[0].recognising: is required',
    ],
    ['rule effect', (c) => delete c.agreements[0].rules[0].effect, 'agreements[0].rules[0].effect: is required'],
    [
      'rule mode unless EXCLUDE',
      (c) => delete c.agreements[0].rules[0].mode,
      'agreements[0].rules[0].mode: is required',
    ],
    ['system id', (c) => delete c.systems[0].id, 'systems[0].id: is required'],
    ['result id', (c) => delete c.results[0].id, 'results[0].id: is required'],
    ['result system', (c) => delete c.results[0].system, 'results[0].system: is required'],
    ['result criterion', (c) => delete c.results[0].criterion, 'results[0].criterion: is required'],
    ['result testedIn', (c) => delete c.results[0].testedIn, 'results[0].testedIn: is required'],
    ['result testedAt', (c) => delete c.results[0].testedAt, 'results[0].testedAt: is required'],
    ['query system', (c) => delete c.queries[0].system, 'queries[0].system: is required'],
    ['query authority', (c) => delete c.queries[0].authority, 'queries[0].authority: is required'],
    // a wrong type
    [
      'asOf not a day',
      (c) => (c.asOf = '2026-02-30'),
      'asOf: must be an ISO 8601 date (YYYY-MM-DD) or a timestamp with an offset',
    ],
    [
      'asOf a timestamp without offset',
      (c) => (c.asOf = '2026-06-01T10:00:00'),
      'asOf: must be an ISO 8601 date (YYYY-MM-DD) or a timestamp with an offset',
    ],
    // PostgreSQL has no year 0000 (such a day reached it and failed there): days run 1000-01-01 to 9999-12-31.
    ['asOf in year 0000', (c) => (c.asOf = '0000-01-01'), 'asOf: must be a day between 1000-01-01 and 9999-12-31'],
    [
      'a window past 9999',
      (c) => (c.agreements[0].effectiveTo = '+010000-01-01'),
      'agreements[0].effectiveTo: must be a day between 1000-01-01 and 9999-12-31',
    ],
    [
      'a timestamp whose offset moves it before 1000',
      (c) => (c.asOf = '1000-01-01T00:30:00+01:00'),
      'asOf: must be an ISO 8601 date (YYYY-MM-DD) or a timestamp with an offset',
    ],
    ['a list that is an object', (c) => (c.criteria = {}), 'criteria: must be an array'],
    ['an optional list that is a string', (c) => (c.crosswalks = 'none'), 'crosswalks: must be an array'],
    ['an element that is no object', (c) => (c.systems[0] = 'sys1'), 'systems[0]: must be an object'],
    ['an id that is a number', (c) => (c.criteria[0].id = 7), 'criteria[0].id: must be a string'],
    [
      'a threshold that is a string',
      (c) => (c.criteria[0].threshold = '0.9'),
      'criteria[0].threshold: must be a number',
    ],
    [
      'a BETWEEN threshold that is a number',
      (c) => (c.criteria[0].comparator = 'BETWEEN'),
      'criteria[0].threshold: must be [low, high] for BETWEEN',
    ],
    [
      'a BETWEEN threshold with a string bound',
      (c) => Object.assign(c.criteria[0], { comparator: 'BETWEEN', threshold: [0.1, 'x'] }),
      'criteria[0].threshold[1]: must be a number',
    ],
    [
      'a BETWEEN threshold low above high',
      (c) => Object.assign(c.criteria[0], { comparator: 'BETWEEN', threshold: [0.9, 0.1] }),
      'criteria[0].threshold: low must not exceed high',
    ],
    [
      'a version that is no integer',
      (c) => (c.criteria[0].version = 1.5),
      'criteria[0].version: must be a positive integer',
    ],
    [
      'a sector that is no string',
      (c) => (c.criteria[1].sectors = ['FINANCE', 3]),
      'criteria[1].sectors[1]: must be a string',
    ],
    ['a clause list that is a string', (c) => (c.criteria[0].clauses = 'ISO'), 'criteria[0].clauses: must be an array'],
    [
      'a window that is no date',
      (c) => (c.agreements[0].effectiveTo = 'soon'),
      'agreements[0].effectiveTo: must be an ISO 8601 date (YYYY-MM-DD) or a timestamp with an offset',
    ],
    [
      'a rule window that is no date',
      (c) => (c.agreements[0].rules[0].effectiveFrom = 20260101),
      'agreements[0].rules[0].effectiveFrom: must be an ISO 8601 date (YYYY-MM-DD) or a timestamp with an offset',
    ],
    [
      'origins that is a string',
      (c) => (c.agreements[0].rules[0].origins = 'SG'),
      'agreements[0].rules[0].origins: must be an array',
    ],
    [
      'conditions that is a list',
      (c) => (c.agreements[0].rules[0].conditions = []),
      'agreements[0].rules[0].conditions: must be an object',
    ],
    [
      'requireAccreditedLab that is a string',
      (c) => (c.agreements[0].rules[0].conditions.requireAccreditedLab = 'yes'),
      'agreements[0].rules[0].conditions.requireAccreditedLab: must be a boolean',
    ],
    [
      'maxResultAgeDays that is a string',
      (c) => (c.agreements[0].rules[0].conditions.maxResultAgeDays = '365'),
      'agreements[0].rules[0].conditions.maxResultAgeDays: must be a number',
    ],
    [
      'maxResultAgeDays that is negative',
      (c) => (c.agreements[0].rules[0].conditions.maxResultAgeDays = -1),
      'agreements[0].rules[0].conditions.maxResultAgeDays: must not be negative',
    ],
    [
      'minMargin that is negative',
      (c) => (c.agreements[0].rules[0].conditions.minMargin = -0.1),
      'agreements[0].rules[0].conditions.minMargin: must not be negative',
    ],
    [
      'acceptedMethods holding a number',
      (c) => (c.agreements[0].rules[0].conditions.acceptedMethods = [1]),
      'agreements[0].rules[0].conditions.acceptedMethods[0]: must be a string',
    ],
    [
      'supplementary that is a number',
      (c) => (c.agreements[0].rules[0].supplementary = 3),
      'agreements[0].rules[0].supplementary: must be null, a string or { "text": …, "criteria": [ids] }',
    ],
    [
      'supplementary without text',
      (c) => (c.agreements[0].rules[0].supplementary = { criteria: [] }),
      'agreements[0].rules[0].supplementary.text: is required',
    ],
    ['a value that is a string', (c) => (c.results[0].value = '0.93'), 'results[0].value: must be a number'],
    ['passed that is a string', (c) => (c.results[0].passed = 'true'), 'results[0].passed: must be a boolean'],
    ['a lab that is a string', (c) => (c.results[0].lab = 'SAC'), 'results[0].lab: must be an object'],
    [
      'lab.accredited that is a number',
      (c) => (c.results[0].lab.accredited = 1),
      'results[0].lab.accredited: must be a boolean',
    ],
    ['a method that is a number', (c) => (c.results[0].method = 42), 'results[0].method: must be a string'],
    ['a system sector that is a number', (c) => (c.systems[0].sector = 1), 'systems[0].sector: must be a string'],
    // an unknown enum value
    ['stage', (c) => (c.criteria[0].stage = 'PILOT'), 'criteria[0].stage: must be one of ENTRY, TESTING, EXIT'],
    [
      'category',
      (c) => (c.criteria[1].category = 'ETHICS'),
      'criteria[1].category: must be one of SAFETY, ROBUSTNESS, ACCURACY, FAIRNESS, TRANSPARENCY, PRIVACY, SECURITY, HUMAN_OVERSIGHT, ACCOUNTABILITY, DATA_GOVERNANCE',
    ],
    ['kind', (c) => (c.criteria[0].kind = 'metric'), 'criteria[0].kind: must be one of METRIC, EVIDENCE, ATTESTATION'],
    [
      'comparator',
      (c) => (c.criteria[0].comparator = 'GT'),
      'criteria[0].comparator: must be one of GTE, LTE, EQ, BETWEEN',
    ],
    [
      'criterion riskClasses',
      (c) => (c.criteria[0].riskClasses = ['HIGH', 'SEVERE']),
      'criteria[0].riskClasses[1]: must be one of UNACCEPTABLE, HIGH, LIMITED, MINIMAL',
    ],
    [
      'system riskClass',
      (c) => (c.systems[0].riskClass = 'high'),
      'systems[0].riskClass: must be one of UNACCEPTABLE, HIGH, LIMITED, MINIMAL',
    ],
    [
      'relation',
      (c) => (c.crosswalks[0].relation = 'EQUAL'),
      'crosswalks[0].relation: must be one of EQUIVALENT, SUBSET, SUPERSET, INTERSECTS',
    ],
    [
      'agreement status',
      (c) => (c.agreements[0].status = 'ACTIVE'),
      'agreements[0].status: must be one of DRAFT, PROPOSED, IN_FORCE, SUSPENDED, TERMINATED',
    ],
    [
      'agreement kind',
      (c) => (c.agreements[0].kind = 'MULTILATERAL'),
      'agreements[0].kind: must be one of BILATERAL, PLURILATERAL',
    ],
    [
      'rule mode',
      (c) => (c.agreements[0].rules[0].mode = 'MUTUAL'),
      'agreements[0].rules[0].mode: must be one of CONFORMITY, EQUIVALENCE',
    ],
    [
      'rule effect',
      (c) => (c.agreements[0].rules[0].effect = 'ALLOW'),
      'agreements[0].rules[0].effect: must be one of RECOGNISE, RECOGNISE_WITH_CONDITIONS, EXCLUDE',
    ],
    [
      'rule categories',
      (c) => (c.agreements[0].rules[0].categories = ['robustness']),
      'agreements[0].rules[0].categories[0]: must be one of SAFETY, ROBUSTNESS, ACCURACY, FAIRNESS, TRANSPARENCY, PRIVACY, SECURITY, HUMAN_OVERSIGHT, ACCOUNTABILITY, DATA_GOVERNANCE',
    ],
    [
      'rule stages',
      (c) => (c.agreements[0].rules[0].stages = ['TESTING', 'LIVE']),
      'agreements[0].rules[0].stages[1]: must be one of ENTRY, TESTING, EXIT',
    ],
    [
      'rule riskClasses',
      (c) => (c.agreements[0].rules[0].riskClasses = ['LOW']),
      'agreements[0].rules[0].riskClasses[0]: must be one of UNACCEPTABLE, HIGH, LIMITED, MINIMAL',
    ],
    // a dangling reference
    [
      "a criterion's authority",
      (c) => (c.criteria[1].authority = 'jp-fsa'),
      'criteria[1].authority: unknown authority "jp-fsa"',
    ],
    [
      "a crosswalk's from",
      (c) => (c.crosswalks[0].from = 'sg-rob-2'),
      'crosswalks[0].from: unknown criterion "sg-rob-2"',
    ],
    ["a crosswalk's to", (c) => (c.crosswalks[0].to = 'eu-rob-2'), 'crosswalks[0].to: unknown criterion "eu-rob-2"'],
    [
      "a result's criterion",
      (c) => (c.results[0].criterion = 'gb-rob-1'),
      'results[0].criterion: unknown criterion "gb-rob-1"',
    ],
    ["a result's system", (c) => (c.results[0].system = 'sys2'), 'results[0].system: unknown system "sys2"'],
    ["a query's system", (c) => (c.queries[0].system = 'sys9'), 'queries[0].system: unknown system "sys9"'],
    [
      "a query's authority",
      (c) => (c.queries[0].authority = 'gb-ico'),
      'queries[0].authority: unknown authority "gb-ico"',
    ],
    // a duplicate id (output and tie-breaks name objects by id)
    [
      'a duplicate criterion id',
      (c) => (c.criteria[1].id = 'eu-rob-1'),
      'criteria[1].id: duplicate id "eu-rob-1" (also criteria[0])',
    ],
    [
      'a duplicate result id',
      (c) => c.results.push({ ...c.results[0] }),
      'results[1].id: duplicate id "res1" (also results[0])',
    ],
    [
      'a duplicate rule id within an agreement',
      (c) => c.agreements[0].rules.push({ ...c.agreements[0].rules[0] }),
      'agreements[0].rules[1].id: duplicate id "r1" (also agreements[0].rules[0])',
    ],
    [
      'a duplicate agreement id',
      (c) => c.agreements.push({ ...c.agreements[0] }),
      'agreements[1].id: duplicate id "eu-sg" (also agreements[0])',
    ],
    [
      'a duplicate system id',
      (c) => c.systems.push({ id: 'sys1' }),
      'systems[1].id: duplicate id "sys1" (also systems[0])',
    ],
    [
      'a duplicate authority id',
      (c) => c.authorities.push({ id: 'eu-aio', jurisdiction: 'FR' }),
      'authorities[2].id: duplicate id "eu-aio" (also authorities[0])',
    ],
  ])('%s', (_title, mutate, message) => {
    expect(refusal(mutate)).toBe(message);
  });

  it('refuses a root that is no object', () => {
    for (const value of [null, [], 'case', 42]) {
      expect(() => parseRecognitionCase(value)).toThrow(new CaseFormatError('(root)', 'must be an object'));
    }
  });

  it('names only the first problem when there are several', () => {
    const message = refusal((c) => {
      c.results[0].criterion = 'nope';
      c.criteria[1].comparator = 'NOPE';
      c.queries[0].system = 'nope';
    });
    expect(message).toBe('criteria[1].comparator: must be one of GTE, LTE, EQ, BETWEEN');
  });

  it('exposes the path and the problem apart', () => {
    try {
      parseRecognitionCase({ ...example(), queries: [{ system: 'sys1', authority: 'x' }] });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toMatchObject({
        name: 'CaseFormatError',
        path: 'queries[0].authority',
        problem: 'unknown authority "x"',
      });
    }
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseRecognitionCaseJson('{ "format": ')).toThrow(/^\(root\): not valid JSON \(/);
    expect(parseRecognitionCaseJson(JSON.stringify(example()))).toEqual(parseRecognitionCase(example()));
  });
});
