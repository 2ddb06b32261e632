import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Category, RiskClass } from '../criteria/criteria.js';
import {
  AgreementStatus,
  type CaseAgreement,
  type CaseRule,
  RecognitionMode,
  RuleEffect,
} from '../recognition/recognition.js';
import { parseScenario, parseScenarioJson } from './scenario-format.js';
import { finaliseSimulation, mergePartials, planChunks, simulate, simulateChunk } from './simulation.js';
import type { Scenario, SimulationPartial } from './scenario.js';

const small = (): Scenario =>
  parseScenarioJson(readFileSync(resolve(process.cwd(), 'examples/simulation/small.scenario.json'), 'utf8'));

/** A synthetic scenario over three jurisdictions with agreements that collide (EXCLUDE, conditions, windows). */
function synthetic(innovators: number, seed = 7): Scenario {
  return parseScenario({
    format: 'sandbridge/scenario@1',
    asOf: '2026-06-01',
    reference: {
      authorities: [
        { id: 'a', jurisdiction: 'A' },
        { id: 'b', jurisdiction: 'B' },
        { id: 'c', jurisdiction: 'C' },
      ],
      criteria: ['a', 'b', 'c'].flatMap((auth, k) => [
        {
          id: `${auth}-m`,
          authority: auth,
          stage: 'TESTING',
          category: 'SAFETY',
          kind: 'METRIC',
          metric: 'm',
          comparator: 'GTE',
          threshold: 0.7 + 0.05 * k,
          clauses: ['K1'],
        },
        {
          id: `${auth}-f`,
          authority: auth,
          stage: 'TESTING',
          category: 'FAIRNESS',
          kind: 'METRIC',
          metric: 'f',
          comparator: 'BETWEEN',
          threshold: [0.8, 1.25],
          clauses: ['K2'],
          riskClasses: k === 1 ? ['HIGH'] : [],
        },
        {
          id: `${auth}-e`,
          authority: auth,
          stage: 'EXIT',
          category: 'TRANSPARENCY',
          kind: 'EVIDENCE',
          sectors: k === 2 ? ['FIN'] : [],
        },
      ]),
      crosswalks: [
        { from: 'a-e', to: 'b-e', relation: 'SUBSET' },
        { from: 'b-e', to: 'c-e', relation: 'EQUIVALENT' },
      ],
    },
    costs: {
      A: { testCost: 1000.5, testDays: 10 },
      B: { testCost: 2000, testDays: 20 },
      C: { testCost: 300.25, testDays: 3 },
    },
    baseline: {
      agreements: [
        {
          id: 'ab',
          status: 'IN_FORCE',
          rules: [
            {
              id: 'r',
              origins: ['A'],
              recognising: ['B'],
              mode: 'CONFORMITY',
              effect: 'RECOGNISE',
              conditions: { requireAccreditedLab: true },
            },
          ],
        },
        {
          id: 'deny',
          status: 'IN_FORCE',
          rules: [{ id: 'x', origins: ['A', 'C'], recognising: ['B'], categories: ['FAIRNESS'], effect: 'EXCLUDE' }],
        },
      ],
    },
    variants: [
      {
        name: 'all',
        add: [
          {
            id: 'all',
            status: 'IN_FORCE',
            rules: [
              {
                id: 'r',
                origins: ['A', 'B', 'C'],
                recognising: ['A', 'B', 'C'],
                mode: 'EQUIVALENCE',
                effect: 'RECOGNISE',
                conditions: { maxResultAgeDays: 400 },
              },
            ],
          },
        ],
      },
      { name: 'no deny', remove: ['deny'] },
    ],
    population: {
      synthetic: {
        seed,
        innovators,
        homeWeights: { A: 2, B: 1, C: 1 },
        sectorWeights: { FIN: 1, HEALTH: 1 },
        riskClassWeights: { HIGH: 1, LIMITED: 1 },
        targetsPerInnovator: { min: 1, max: 2 },
        passRate: 0.8,
        accreditedLabRate: 0.6,
        resultAgeDays: { min: 0, max: 600 },
      },
    },
  });
}

/** Runs the scenario cut at the given points, then merges the partials in the given order and tree shape. */
function runChunked(s: Scenario, cuts: number[], order: number[], pairwise: boolean): string {
  const size =
    s.population && 'synthetic' in s.population ? s.population.synthetic.innovators : s.population.systems.length;
  const bounds = [
    0,
    ...[...new Set(cuts.map((c) => c % (size + 1)))].sort((a, b) => a - b).filter((c) => c > 0 && c < size),
    size,
  ];
  let parts: SimulationPartial[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) parts.push(simulateChunk(s, bounds[k], bounds[k + 1]));
  parts = permute(parts, order);
  // Partials cross process boundaries as JSON.
  parts = parts.map((p) => JSON.parse(JSON.stringify(p)) as SimulationPartial);
  let merged: SimulationPartial;
  if (pairwise) {
    while (parts.length > 1) parts = [mergePartials([parts[1], parts[0]]), ...parts.slice(2)];
    merged = parts[0];
  } else {
    merged = mergePartials(parts);
  }
  return JSON.stringify(finaliseSimulation(s, merged));
}

/** A permutation of `items` driven by `keys` (stable, deterministic). */
function permute<T>(items: T[], keys: number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i] ?? i, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.item);
}

describe('chunking invariance', () => {
  const scenarios: [string, Scenario][] = [
    ['small explicit', small()],
    ['synthetic', synthetic(40)],
  ];
  it.each(scenarios)('%s: any chunking and merge order gives byte-identical JSON', (_name, s) => {
    const whole = JSON.stringify(simulate(s, { chunkSize: 1_000_000 }));
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(fc.integer(), { minLength: 10, maxLength: 10 }),
        fc.boolean(),
        (cuts, order, pairwise) => {
          expect(runChunked(s, cuts, order, pairwise)).toBe(whole);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('every chunk size gives the same result', () => {
    const s = synthetic(23);
    const expected = JSON.stringify(simulate(s));
    for (const chunkSize of [1, 2, 5, 22, 23, 100]) expect(JSON.stringify(simulate(s, { chunkSize }))).toBe(expected);
    // The plan is the one the CLI and workers use.
    expect(planChunks(23, 5).map((c) => c.to - c.from)).toEqual([5, 5, 5, 5, 3]);
  });

  it('mergePartials is associative and commutative', () => {
    const s = synthetic(12);
    const [p, q, r] = [simulateChunk(s, 0, 4), simulateChunk(s, 4, 9), simulateChunk(s, 9, 12)];
    const reference = JSON.stringify(mergePartials([p, q, r]));
    expect(JSON.stringify(mergePartials([mergePartials([p, q]), r]))).toBe(reference);
    expect(JSON.stringify(mergePartials([p, mergePartials([q, r])]))).toBe(reference);
    expect(JSON.stringify(mergePartials([r, p, q]))).toBe(reference);
    expect(JSON.stringify(mergePartials([mergePartials([r]), mergePartials([q, p])]))).toBe(reference);
  });
});

// ---- marginal contributions against brute force -------------------------------------------------

const J = ['A', 'B', 'C'];
const scope = <T>(values: T[]) =>
  fc.oneof({ arbitrary: fc.constant([] as T[]), weight: 3 }, { arbitrary: fc.subarray(values), weight: 1 });
const ruleArb = (id: string): fc.Arbitrary<CaseRule> =>
  fc.record({
    id: fc.constant(id),
    origins: fc.subarray(J, { minLength: 1 }),
    recognising: fc.subarray(J, { minLength: 1 }),
    categories: scope([Category.SAFETY, Category.FAIRNESS, Category.TRANSPARENCY]),
    stages: fc.constant([]),
    sectors: scope(['FIN', 'HEALTH']),
    riskClasses: scope([RiskClass.HIGH, RiskClass.LIMITED]),
    criteria: fc.constant([]),
    effectiveFrom: fc.constant(null),
    effectiveTo: fc.constantFrom(null, null, null, '2026-01-01'),
    mode: fc.constantFrom(RecognitionMode.CONFORMITY, RecognitionMode.EQUIVALENCE),
    effect: fc.constantFrom(
      RuleEffect.RECOGNISE,
      RuleEffect.RECOGNISE,
      RuleEffect.RECOGNISE_WITH_CONDITIONS,
      RuleEffect.EXCLUDE,
    ),
    conditions: fc.record({
      requireAccreditedLab: fc.boolean(),
      accreditationBodies: fc.constant([]),
      maxResultAgeDays: fc.constantFrom(null, 200, 500),
      acceptedMethods: fc.constant([]),
      minMargin: fc.constantFrom(0, 0.02),
    }),
    supplementary: fc.constant(null),
  });
const agreementArb = (id: string): fc.Arbitrary<CaseAgreement> =>
  fc.record({
    id: fc.constant(id),
    kind: fc.constant(null),
    parties: fc.constant([]),
    status: fc.constantFrom(
      AgreementStatus.IN_FORCE,
      AgreementStatus.IN_FORCE,
      AgreementStatus.IN_FORCE,
      AgreementStatus.DRAFT,
    ),
    effectiveFrom: fc.constant(null),
    effectiveTo: fc.constantFrom(null, null, null, '2026-01-01'),
    rules: fc.tuple(ruleArb('r1'), ruleArb('r2')).map(([a, b]) => [a, b]),
  });

describe('marginal contributions', () => {
  it('equal the brute force: the figure with the agreement minus the figure with it alone removed', () => {
    const base = synthetic(30, 11);
    const seen = { positive: 0, negative: 0 };
    fc.assert(
      fc.property(fc.tuple(agreementArb('g1'), agreementArb('G2'), agreementArb('g3')), (agreements) => {
        const s: Scenario = { ...base, baseline: { agreements }, variants: [] };
        const [run] = simulate(s).variants;
        const live = run.marginal.map((m) => m.agreement);
        // In force: IN_FORCE and asOf (2026-06-01) inside the window; ordered by id ('G2' < 'g1' < 'g3').
        expect(live).toEqual(
          agreements
            .filter((a) => a.status === AgreementStatus.IN_FORCE && a.effectiveTo === null)
            .map((a) => a.id)
            .sort(),
        );
        for (const m of run.marginal) {
          const without = simulate({ ...s, baseline: { agreements: agreements.filter((a) => a.id !== m.agreement) } })
            .variants[0].totals;
          expect(m.recognised).toBe(run.totals.recognised - without.recognised);
          expect(m.testsAvoided).toBe(run.totals.testsAvoided - without.testsAvoided);
          expect(m.costSaved).toBeCloseTo(run.totals.costSaved - without.costSaved, 5);
          if (m.recognised > 0) seen.positive++;
          if (m.recognised < 0) seen.negative++;
        }
      }),
      { numRuns: 40, seed: 20260601 },
    );
    // The random agreements do exercise both kinds of contribution (an EXCLUDE gives a negative one).
    expect(seen.positive).toBeGreaterThan(5);
    expect(seen.negative).toBeGreaterThan(0);
  });
});
