import { describe, expect, it } from '@jest/globals';
import {
  changeDays,
  explainCriterion,
  type ExplorerCheck,
  type ExplorerResolution,
  forceChanges,
  type Lexicon,
  nextChange,
  previousChange,
  type Windowed,
} from './explain';

// The explorer's sentences and days, over answers shaped as the engine writes them
// (libs/domain/src/recognition/recognition-engine.ts): the checks' expected/actual texts are the engine's.

const lexicon: Lexicon = {
  asOf: '2026-06-01',
  jurisdiction: 'EU',
  name: (id) =>
    ({ 'eu-sg': 'EU–SG', 'eu-rob-1': '“Robustness under noise”', 'sg-rob-1': 'robustness.noise (MAS)' })[id],
  ruleName: (a, r) => (a === 'eu-sg' && r === 'r2' ? 'Singapore robustness' : undefined),
  result: (id) =>
    id === 't1'
      ? {
          id: 't1',
          criterion: 'sg-rob-1',
          testedIn: 'SG',
          testedAt: '2026-05-10',
          passed: true,
          lab: { accredited: false },
        }
      : undefined,
};

const check = (name: ExplorerCheck['name'], expected: string, actual: string, passed: boolean): ExplorerCheck => ({
  name,
  expected,
  actual,
  passed,
});

const APPLICABLE = check('applicable', 'any system', 'sector FINANCE, riskClass HIGH', true);
const NO_LOCAL = check('local', 'passing result against eu-rob-1 tested in EU', 'none', false);
const BEFORE_RULES = [
  check('correspondence', 'corresponds to eu-rob-1', 'EQUIVALENT crosswalk sg-rob-1 -> eu-rob-1', true),
  check('coverage', 'full (EQUIVALENT or SUPERSET)', 'EQUIVALENT (full)', true),
  check('agreementInForce', 'rule SG -> EU in force on 2026-06-01', 'eu-sg/r1', true),
  check('scope', 'scope covering eu-rob-1 (ROBUSTNESS, TESTING; sector FINANCE, riskClass HIGH)', 'eu-sg/r1', true),
  check('excluded', 'no EXCLUDE rule applies', 'none', true),
];

const gap = (checks: ExplorerCheck[]): ExplorerResolution => ({
  outcome: 'GAP',
  result: null,
  agreement: null,
  rule: null,
  divergent: false,
  supplementary: null,
  checks: [APPLICABLE, NO_LOCAL],
  candidates: [{ result: 't1', checks }],
});

describe('explainCriterion', () => {
  it('says why a result is not recognised, naming the rule and what it requires', () => {
    const words = explainCriterion(
      gap([
        ...BEFORE_RULES,
        check('accreditedLab', 'accredited under eu-sg/r1', 'not accredited', false),
        check('accreditationBody', 'any under eu-sg/r1', 'none', true),
        check('resultAge', '<= 365 under eu-sg/r1', '22', true),
      ]),
      lexicon,
    );
    expect(words.summary).toBe('Not recognised: the lab was not accredited; rule r1 of EU–SG requires it.');
    expect(words.checks.map((c) => [c.name, c.passed, c.text])).toEqual([
      ['applicable', true, 'It applies to the system (sector FINANCE, riskClass HIGH).'],
      ['local', false, 'No passing result was tested in EU.'],
    ]);
    expect(words.candidates).toEqual([
      {
        result: 't1',
        label: 'the result tested in SG on 2026-05-10',
        chosen: false,
        reasons: ['The lab was not accredited; rule r1 of EU–SG requires it'],
      },
    ]);
  });

  it('gives one reason per rule that could apply, with the rule’s name when it has one', () => {
    const words = explainCriterion(
      gap([
        ...BEFORE_RULES,
        check('accreditedLab', 'not required under eu-sg/r1', 'not accredited', true),
        check('resultAge', '<= 10 under eu-sg/r1', '22', false),
        check('method', 'one of ISO-1, ISO-2 under eu-sg/r1', 'none', false),
        check('threshold', '>= 0.9 under eu-sg/r2', '0.85', false),
      ]),
      lexicon,
    );
    expect(words.summary).toBe(
      'Not recognised: the result was 22 days old on 2026-06-01; rule r1 of EU–SG accepts at most 10 days; ' +
        'the value 0.85 misses the threshold (>= 0.9) rule “Singapore robustness” of EU–SG applies.',
    );
  });

  it('names the agreements not in force on the day, and a gap with no result at all', () => {
    const notInForce = explainCriterion(
      gap([
        check('correspondence', 'corresponds to eu-rob-1', 'EQUIVALENT crosswalk sg-rob-1 -> eu-rob-1', true),
        check('coverage', 'full (EQUIVALENT or SUPERSET)', 'EQUIVALENT (full)', true),
        check(
          'agreementInForce',
          'rule SG -> EU in force on 2026-06-01',
          'none (eu-sg/r1 effective [2026-07-01, +inf), eu-sg is SUSPENDED)',
          false,
        ),
      ]),
      lexicon,
    );
    expect(notInForce.summary).toBe(
      'Not recognised: no agreement recognising SG -> EU results was in force on 2026-06-01 (rule r1 of EU–SG is in force from 2026-07-01, EU–SG is suspended).',
    );
    expect(explainCriterion({ ...gap([]), candidates: [] }, lexicon).summary).toBe(
      'Not recognised: no passing result was tested in EU, and no result from elsewhere corresponds to it.',
    );
  });

  it('says how a recognised, conditional, local or inapplicable criterion stands', () => {
    const recognised: ExplorerResolution = {
      outcome: 'RECOGNISED',
      result: 't1',
      agreement: 'eu-sg',
      rule: 'r2',
      divergent: false,
      supplementary: null,
      checks: [APPLICABLE],
      candidates: [{ result: 't1', checks: BEFORE_RULES }],
    };
    const words = explainCriterion(recognised, lexicon);
    expect(words.summary).toBe(
      'Recognised: the result tested in SG on 2026-05-10 counts through rule “Singapore robustness” of EU–SG.',
    );
    expect(words.candidates[0]).toMatchObject({ chosen: true, reasons: ['counts: every check passed'] });
    expect(
      explainCriterion(
        {
          ...recognised,
          outcome: 'RECOGNISED_WITH_CONDITIONS',
          supplementary: { text: 'A local bias audit.', criteria: ['eu-rob-1'] },
        },
        lexicon,
      ).summary,
    ).toBe(
      'Recognised with conditions: the result tested in SG on 2026-05-10 counts through rule “Singapore robustness” of EU–SG only in part; ' +
        'a local bias audit; to test in addition: “Robustness under noise”.',
    );
    expect(
      explainCriterion(
        {
          ...recognised,
          outcome: 'SATISFIED_LOCALLY',
          agreement: null,
          rule: null,
          checks: [APPLICABLE, check('local', 'passing', 't1 (tested 2026-05-10)', true)],
        },
        lexicon,
      ).summary,
    ).toBe('Satisfied locally: the result tested in SG on 2026-05-10 in EU passed.');
    expect(
      explainCriterion(
        {
          ...gap([]),
          outcome: 'NOT_APPLICABLE',
          candidates: [],
          checks: [check('applicable', 'riskClass in [HIGH]', 'sector FINANCE, riskClass MINIMAL', false)],
        },
        lexicon,
      ).summary,
    ).toBe(
      'Not applicable: it does not apply: it is for riskClass in [HIGH], and the system has sector FINANCE, riskClass MINIMAL.',
    );
  });
});

describe('days', () => {
  const agreements: Windowed[] = [
    {
      id: 'a',
      name: 'A',
      status: 'IN_FORCE',
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      rules: [{ id: 'r', name: 'R', effectiveFrom: null, effectiveTo: '2026-09-01' }],
    },
    { id: 'b', name: 'B', status: 'PROPOSED', effectiveFrom: '2026-07-01', effectiveTo: null, rules: [] },
  ];

  it('jumps from change to change, and to the day before the first', () => {
    const days = changeDays(agreements);
    expect(days).toEqual(['2026-01-01', '2026-07-01', '2026-09-01']);
    expect(nextChange(days, '2026-06-01')).toBe('2026-07-01');
    expect(nextChange(days, '2026-09-01')).toBeNull();
    expect(previousChange(days, '2026-06-01')).toBe('2026-01-01');
    expect(previousChange(days, '2026-01-01')).toBe('2025-12-31');
    expect(previousChange(days, '2025-12-31')).toBeNull();
  });

  it('tells what came into and went out of force between two days, a proposed agreement only as if signed', () => {
    expect(forceChanges(agreements, '2025-12-31', '2026-01-01')).toEqual({ came: ['A'], went: [] });
    expect(forceChanges(agreements, '2026-08-31', '2026-09-01')).toEqual({ came: [], went: ['rule “R” of A'] });
    expect(forceChanges(agreements, '2026-06-30', '2026-07-01')).toEqual({ came: [], went: [] });
    expect(forceChanges(agreements, '2026-06-30', '2026-07-01', new Set(['b']))).toEqual({ came: ['B'], went: [] });
  });
});
