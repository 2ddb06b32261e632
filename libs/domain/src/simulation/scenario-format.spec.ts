import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { agreementSets, parseScenario, parseScenarioJson } from './scenario-format.js';
import { ScenarioFormatError } from './scenario.js';

const agreement = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  status: 'IN_FORCE',
  rules: [{ id: 'r', origins: ['SG'], recognising: ['EU'], mode: 'CONFORMITY', effect: 'RECOGNISE' }],
  ...extra,
});

/** A valid scenario; `change` edits a copy. */
function doc(change: (d: any) => void = () => {}): any {
  const d: any = {
    format: 'sandbridge/scenario@1',
    asOf: '2026-06-01T23:30:00-02:00',
    reference: {
      authorities: [
        { id: 'eu-aio', jurisdiction: 'EU' },
        { id: 'sg-mas', jurisdiction: 'SG' },
      ],
      criteria: [
        {
          id: 'eu-1',
          authority: 'eu-aio',
          stage: 'TESTING',
          category: 'ROBUSTNESS',
          kind: 'METRIC',
          metric: 'm',
          comparator: 'GTE',
          threshold: 0.9,
        },
        { id: 'sg-1', authority: 'sg-mas', stage: 'TESTING', category: 'ROBUSTNESS', kind: 'ATTESTATION' },
      ],
    },
    costs: { EU: { testCost: 12000, testDays: 30 }, SG: { testCost: 8000, testDays: 21 } },
    baseline: { agreements: [agreement('a'), agreement('b')] },
    variants: [{ name: 'v', add: [agreement('c')], remove: ['a'], replace: [agreement('b', { status: 'DRAFT' })] }],
    population: {
      systems: [{ id: 'sys1', sector: 'FINANCE', riskClass: 'HIGH' }],
      results: [
        { id: 'res1', system: 'sys1', criterion: 'sg-1', testedIn: 'SG', testedAt: '2026-03-01', passed: true },
      ],
      targets: [{ system: 'sys1', authorities: ['eu-aio'] }],
    },
  };
  change(d);
  return d;
}

const synthetic = (change: (p: any) => void = () => {}) =>
  doc((d) => {
    d.population = {
      synthetic: {
        seed: 42,
        innovators: 10000,
        homeWeights: {},
        sectorWeights: {},
        riskClassWeights: {},
        targetsPerInnovator: { min: 1, max: 2 },
        passRate: 0.85,
        accreditedLabRate: 0.7,
        resultAgeDays: { min: 0, max: 720 },
      },
    };
    change(d.population.synthetic);
  });

function withoutCost(value: any, code: string): any {
  delete value.costs[code];
  return value;
}

/** The first (and only) problem of a refused document. */
function refusal(value: unknown): { path: string; message: string } {
  try {
    parseScenario(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioFormatError);
    const e = error as ScenarioFormatError;
    expect(e.errors).toHaveLength(1);
    expect(e.message).toBe(`${e.errors[0].path}: ${e.errors[0].message}`);
    return e.errors[0];
  }
  throw new Error('accepted');
}

describe('parseScenario', () => {
  it('reads a valid document with its defaults, dates reduced to UTC days', () => {
    const s = parseScenario(doc());
    expect(s.asOf).toBe('2026-06-02');
    expect(s.reference.jurisdictions).toEqual([]);
    expect(s.reference.crosswalks).toEqual([]);
    expect(s.reference.criteria[0]).toMatchObject({ key: 'eu-1', version: 1, sectors: [], clauses: [] });
    expect(s.baseline.agreements[0].rules[0].conditions.minMargin).toBe(0);
    expect(s.variants[0].name).toBe('v');
    expect(s.population).toEqual({
      systems: [{ id: 'sys1', sector: 'FINANCE', riskClass: 'HIGH' }],
      results: [
        expect.objectContaining({
          id: 'res1',
          value: null,
          method: null,
          lab: { accredited: false, accreditationBody: null },
        }),
      ],
      targets: [{ system: 'sys1', authorities: ['eu-aio'] }],
    });
  });

  it('reads the example of docs/formats.md#simulation-scenario shapes: empty weights, optional variant lists', () => {
    const s = parseScenario(synthetic());
    expect(s.population).toEqual({
      synthetic: expect.objectContaining({
        seed: 42,
        innovators: 10000,
        homeWeights: {},
        targetsPerInnovator: { min: 1, max: 2 },
      }),
    });
    const minimal = parseScenario(doc((d) => (d.variants = [{ name: 'only a name' }])));
    expect(minimal.variants[0]).toEqual({ name: 'only a name', add: [], remove: [], replace: [] });
    expect(parseScenario(doc((d) => delete d.variants)).variants).toEqual([]);
  });

  it('is a BAD_USER_INPUT domain error with field problems', () => {
    try {
      parseScenario(doc((d) => (d.format = 'sandbridge/scenario@2')));
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
      expect((error as DomainError).errors).toEqual([{ path: '$.format', message: 'must be "sandbridge/scenario@1"' }]);
    }
  });

  it.each<[string, any, string, string | RegExp]>([
    ['not an object', [], '$', 'must be an object'],
    ['no format', doc((d) => delete d.format), '$.format', 'is required'],
    [
      'another format',
      doc((d) => (d.format = 'sandbridge/recognition-case@1')),
      '$.format',
      'must be "sandbridge/scenario@1"',
    ],
    ['a bad asOf', doc((d) => (d.asOf = '2026-13-01')), '$.asOf', /ISO 8601/],
    ['no reference', doc((d) => delete d.reference), '$.reference', 'is required'],
    [
      'a bad criterion (case-format validator)',
      doc((d) => (d.reference.criteria[0].comparator = 'GT')),
      '$.reference.criteria[0].comparator',
      'must be one of GTE, LTE, EQ, BETWEEN',
    ],
    [
      'a dangling crosswalk',
      doc((d) => (d.reference.crosswalks = [{ from: 'eu-1', to: 'nope', relation: 'EQUIVALENT' }])),
      '$.reference.crosswalks[0].to',
      'unknown criterion "nope"',
    ],
    ['no costs', doc((d) => delete d.costs), '$.costs', 'is required'],
    ['a negative cost', doc((d) => (d.costs.EU.testCost = -1)), '$.costs.EU.testCost', 'must not be negative'],
    [
      'fractional days',
      doc((d) => (d.costs.EU.testDays = 1.5)),
      '$.costs.EU.testDays',
      'must be a non-negative integer',
    ],
    [
      'costs missing a target jurisdiction',
      doc((d) => delete d.costs.EU),
      '$.costs',
      'missing "EU", the jurisdiction of target "eu-aio" ($.population.targets[0].authorities[0])',
    ],
    [
      'a duplicate baseline agreement',
      doc((d) => d.baseline.agreements.push(agreement('a'))),
      '$.baseline.agreements[2].id',
      /duplicate id "a"/,
    ],
    [
      'a bad rule (case-format validator)',
      doc((d) => (d.baseline.agreements[0].rules[0].effect = 'ALLOW')),
      '$.baseline.agreements[0].rules[0].effect',
      /must be one of RECOGNISE/,
    ],
    ['a variant without name', doc((d) => delete d.variants[0].name), '$.variants[0].name', 'is required'],
    [
      'a variant named baseline',
      doc((d) => (d.variants[0].name = 'baseline')),
      '$.variants[0].name',
      '"baseline" names the baseline in the result',
    ],
    [
      'two variants with one name',
      doc((d) => d.variants.push({ name: 'v' })),
      '$.variants[1].name',
      'duplicate variant name "v"',
    ],
    [
      'remove of an unknown id',
      doc((d) => (d.variants[0].remove = ['a', 'zz'])),
      '$.variants[0].remove[1]',
      'no agreement "zz" to remove',
    ],
    [
      'remove twice',
      doc((d) => (d.variants[0].remove = ['a', 'a'])),
      '$.variants[0].remove[1]',
      'no agreement "a" to remove',
    ],
    [
      'replace of an unknown id',
      doc((d) => (d.variants[0].replace = [agreement('zz')])),
      '$.variants[0].replace[0].id',
      'no agreement "zz" to replace',
    ],
    [
      'replace of a removed id',
      doc((d) => (d.variants[0].replace = [agreement('a')])),
      '$.variants[0].replace[0].id',
      'no agreement "a" to replace',
    ],
    [
      'add of an id present',
      doc((d) => (d.variants[0].add = [agreement('b')])),
      '$.variants[0].add[0].id',
      'agreement "b" is already present (use replace)',
    ],
    [
      'add of an id twice',
      doc((d) => (d.variants[0].add = [agreement('c'), agreement('c')])),
      '$.variants[0].add[1].id',
      /duplicate id "c"/,
    ],
    [
      'a bad added agreement',
      doc((d) => (d.variants[0].add = [{ id: 'c', status: 'SIGNED', rules: [] }])),
      '$.variants[0].add[0].status',
      /must be one of DRAFT/,
    ],
    ['no population', doc((d) => delete d.population), '$.population', 'is required'],
    [
      'a result of an unknown system',
      doc((d) => (d.population.results[0].system = 'x')),
      '$.population.results[0].system',
      'unknown system "x"',
    ],
    [
      'a result of an unknown criterion',
      doc((d) => (d.population.results[0].criterion = 'x')),
      '$.population.results[0].criterion',
      'unknown criterion "x"',
    ],
    [
      'a target of an unknown system',
      doc((d) => (d.population.targets[0].system = 'x')),
      '$.population.targets[0].system',
      'unknown system "x"',
    ],
    [
      'a target of an unknown authority',
      doc((d) => (d.population.targets[0].authorities = ['eu-aio', 'x'])),
      '$.population.targets[0].authorities[1]',
      'unknown authority "x"',
    ],
    [
      'a duplicate target',
      doc((d) => d.population.targets.push({ system: 'sys1', authorities: ['eu-aio'] })),
      '$.population.targets[1].authorities[0]',
      'duplicate target "eu-aio" for system "sys1"',
    ],
    ['no targets', doc((d) => delete d.population.targets), '$.population.targets', 'is required'],
    ['a synthetic without seed', synthetic((p) => delete p.seed), '$.population.synthetic.seed', 'is required'],
    ['a fractional seed', synthetic((p) => (p.seed = 1.5)), '$.population.synthetic.seed', 'must be an integer'],
    [
      'zero innovators',
      synthetic((p) => (p.innovators = 0)),
      '$.population.synthetic.innovators',
      'must be a positive integer',
    ],
    [
      'fractional innovators',
      synthetic((p) => (p.innovators = 2.5)),
      '$.population.synthetic.innovators',
      'must be a positive integer',
    ],
    [
      'too many innovators',
      synthetic((p) => (p.innovators = 10_000_001)),
      '$.population.synthetic.innovators',
      'must be at most 10000000',
    ],
    [
      'a negative weight',
      synthetic((p) => (p.sectorWeights = { FIN: 1, HEALTH: -1 })),
      '$.population.synthetic.sectorWeights.HEALTH',
      'must not be negative',
    ],
    [
      'weights summing to zero',
      synthetic((p) => (p.homeWeights = { EU: 0, SG: 0 })),
      '$.population.synthetic.homeWeights',
      'weights must have a positive sum',
    ],
    [
      'a weight that is not a number',
      synthetic((p) => (p.sectorWeights = { FIN: '1' })),
      '$.population.synthetic.sectorWeights.FIN',
      'must be a number',
    ],
    [
      'an unknown home jurisdiction',
      synthetic((p) => (p.homeWeights = { EU: 1, XX: 1 })),
      '$.population.synthetic.homeWeights.XX',
      'unknown jurisdiction "XX"',
    ],
    [
      'an unknown risk class',
      synthetic((p) => (p.riskClassWeights = { HIGH: 1, SEVERE: 1 })),
      '$.population.synthetic.riskClassWeights.SEVERE',
      /must be one of UNACCEPTABLE, HIGH/,
    ],
    [
      'min above max',
      synthetic((p) => (p.targetsPerInnovator = { min: 2, max: 1 })),
      '$.population.synthetic.targetsPerInnovator',
      'min (2) must not exceed max (1)',
    ],
    [
      'more targets than authorities',
      synthetic((p) => (p.targetsPerInnovator = { min: 1, max: 3 })),
      '$.population.synthetic.targetsPerInnovator.max',
      'must be at most 2',
    ],
    [
      'a negative age',
      synthetic((p) => (p.resultAgeDays = { min: -1, max: 5 })),
      '$.population.synthetic.resultAgeDays.min',
      'must be a non-negative integer',
    ],
    [
      'a pass rate above 1',
      synthetic((p) => (p.passRate = 1.2)),
      '$.population.synthetic.passRate',
      'must be between 0 and 1',
    ],
    [
      'a negative lab rate',
      synthetic((p) => (p.accreditedLabRate = -0.1)),
      '$.population.synthetic.accreditedLabRate',
      'must be between 0 and 1',
    ],
    [
      'costs missing a possible synthetic target',
      withoutCost(synthetic(), 'SG'),
      '$.costs',
      'missing "SG", the jurisdiction of possible target "sg-mas"',
    ],
  ])('refuses %s', (_what, value, path, message) => {
    const problem = refusal(value);
    expect(problem.path).toBe(path);
    if (typeof message === 'string') expect(problem.message).toBe(message);
    else expect(problem.message).toMatch(message);
  });

  it('asks costs only for jurisdictions a synthetic innovator can target', () => {
    // Every innovator is at home in SG: SG authorities are never targets, so SG needs no cost.
    const value = synthetic((p) => (p.homeWeights = { SG: 1, EU: 0 }));
    delete value.costs.SG;
    expect(() => parseScenario(value)).not.toThrow();
    const none = synthetic((p) => (p.targetsPerInnovator = { min: 0, max: 0 }));
    none.costs = {};
    expect(() => parseScenario(none)).not.toThrow();
  });

  it('refuses text that is not JSON at $', () => {
    expect(() => parseScenarioJson('{')).toThrow(ScenarioFormatError);
    try {
      parseScenarioJson('{');
    } catch (error) {
      expect((error as ScenarioFormatError).errors[0].path).toBe('$');
    }
  });
});

describe('agreementSets (variant semantics)', () => {
  it('starts every variant from the baseline: remove, then replace in place, then add at the end', () => {
    const s = parseScenario(
      doc((d) => {
        d.baseline.agreements.push(agreement('d'));
        d.variants = [
          { name: 'v1', remove: ['a'], replace: [agreement('b', { status: 'DRAFT' })], add: [agreement('c')] },
          // Does not see v1's changes: `a` is still there to remove, `c` is not there yet.
          { name: 'v2', remove: ['d'], add: [agreement('c', { status: 'PROPOSED' }), agreement('a2')] },
          { name: 'v3', replace: [agreement('d', { status: 'SUSPENDED' })] },
          { name: 'v4', remove: ['a'], add: [agreement('a', { status: 'TERMINATED' })] },
        ];
      }),
    );
    const sets = agreementSets(s).map((set) => [set.name, set.agreements.map((a) => `${a.id}:${a.status}`)]);
    expect(sets).toEqual([
      ['baseline', ['a:IN_FORCE', 'b:IN_FORCE', 'd:IN_FORCE']],
      ['v1', ['b:DRAFT', 'd:IN_FORCE', 'c:IN_FORCE']],
      ['v2', ['a:IN_FORCE', 'b:IN_FORCE', 'c:PROPOSED', 'a2:IN_FORCE']],
      ['v3', ['a:IN_FORCE', 'b:IN_FORCE', 'd:SUSPENDED']],
      ['v4', ['b:IN_FORCE', 'd:IN_FORCE', 'a:TERMINATED']],
    ]);
    // The baseline itself is never changed by a variant.
    expect(s.baseline.agreements.map((a) => a.id)).toEqual(['a', 'b', 'd']);
  });
});
