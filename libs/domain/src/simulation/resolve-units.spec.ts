import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { syntheticRecognition } from '../recognition/synthetic-case.js';
import { bulkSetResolver } from './resolve-units.js';
import { explainedSetResolver } from './resolve-units.spec-helpers.js';
import { parseScenario, parseScenarioJson } from './scenario-format.js';
import {
  finaliseSimulation,
  mergePartials,
  planChunks,
  simulate,
  simulateChunk,
  simulateChunkWith,
} from './simulation.js';
import type { Scenario } from './scenario.js';

// The simulation runs on the recognition engine's bulk mode; it must count exactly what it counted
// on the explained mode (resolveCriterion per criterion, an index per agreement left out).

/**
 * A scenario on a seeded synthetic recognition set (6 jurisdictions × 30 criteria, 14 agreements of
 * every status with EXCLUDE, conditioned and phased rules) with four variants: the drafts signed,
 * agreements dropped, a plurilateral equivalence added with an EXCLUDE, one agreement replaced.
 */
function syntheticScenario(innovators: number): Scenario {
  const set = syntheticRecognition({ seed: 20260601, jurisdictions: 6, criteriaPerJurisdiction: 6, agreements: 14 });
  const { asOf, jurisdictions, authorities, criteria, crosswalks, agreements } = set.static;
  const codes = authorities.map((a) => a.jurisdiction);
  const inForce = agreements.filter((a) => a.status === 'IN_FORCE');
  const asFile = <T>(value: T): T => JSON.parse(JSON.stringify(value));
  return parseScenario(
    asFile({
      format: 'sandbridge/scenario@1',
      asOf,
      reference: {
        jurisdictions,
        authorities,
        // The file format writes BETWEEN as [low, high].
        criteria: criteria.map(({ thresholdHigh, ...c }) =>
          thresholdHigh === null ? c : { ...c, threshold: [c.threshold, thresholdHigh] },
        ),
        crosswalks,
      },
      costs: Object.fromEntries(codes.map((code, i) => [code, { testCost: 1000 + 250.5 * i, testDays: 7 + i }])),
      baseline: { agreements },
      variants: [
        {
          name: 'drafts signed',
          replace: agreements
            .filter((a) => a.status !== 'IN_FORCE')
            .map((a) => ({ ...a, status: 'IN_FORCE', effectiveFrom: null, effectiveTo: null })),
        },
        { name: 'three dropped', remove: inForce.slice(0, 3).map((a) => a.id) },
        {
          name: 'plurilateral',
          add: [
            {
              id: 'zz-plurilateral',
              kind: 'PLURILATERAL',
              parties: codes,
              status: 'IN_FORCE',
              effectiveFrom: null,
              effectiveTo: null,
              rules: [
                {
                  id: 'r1',
                  origins: codes,
                  recognising: codes,
                  mode: 'EQUIVALENCE',
                  effect: 'RECOGNISE',
                  conditions: { requireAccreditedLab: true, maxResultAgeDays: 400 },
                },
                {
                  id: 'r2',
                  origins: codes.slice(0, 3),
                  recognising: codes.slice(3),
                  categories: ['FAIRNESS'],
                  effect: 'EXCLUDE',
                },
              ],
            },
            // A pure deny: its marginal contribution is negative.
            {
              id: 'zz-deny',
              status: 'IN_FORCE',
              effectiveFrom: null,
              effectiveTo: null,
              rules: [{ id: 'x', origins: codes.slice(0, 2), recognising: codes.slice(2, 4), effect: 'EXCLUDE' }],
            },
          ],
        },
        {
          name: 'one replaced',
          replace: [
            {
              ...inForce[0],
              rules: inForce[0].rules.map((r) => ({
                ...r,
                effect: r.effect === 'EXCLUDE' ? r.effect : 'RECOGNISE_WITH_CONDITIONS',
                supplementary: 'extra',
              })),
            },
          ],
        },
      ],
      population: {
        synthetic: {
          seed: 5,
          innovators,
          targetsPerInnovator: { min: 1, max: 3 },
          passRate: 0.8,
          accreditedLabRate: 0.6,
          resultAgeDays: { min: 0, max: 600 },
        },
      },
    }),
  );
}

/** Three jurisdictions whose criteria all correspond (so targets fully recognised occur), agreements that collide. */
function threeJurisdictions(innovators: number): Scenario {
  return parseScenario({
    format: 'sandbridge/scenario@1',
    asOf: '2026-06-01',
    reference: {
      authorities: ['A', 'B', 'C'].map((code) => ({ id: code.toLowerCase(), jurisdiction: code })),
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
        { from: 'c-e', to: 'a-e', relation: 'SUPERSET' },
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
        {
          id: 'ca',
          status: 'IN_FORCE',
          rules: [{ id: 'r', origins: ['C'], recognising: ['A'], mode: 'EQUIVALENCE', effect: 'RECOGNISE' }],
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
      {
        name: 'conditional',
        replace: [
          {
            id: 'ab',
            status: 'IN_FORCE',
            rules: [
              {
                id: 'r',
                origins: ['A', 'C'],
                recognising: ['B'],
                mode: 'CONFORMITY',
                effect: 'RECOGNISE_WITH_CONDITIONS',
                conditions: { minMargin: 0.02 },
              },
            ],
          },
        ],
      },
    ],
    population: {
      synthetic: {
        seed: 11,
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

/** The whole population in chunks of `chunkSize` on the given engine, as JSON partials and result. */
function run(s: Scenario, chunkSize: number, resolvers: typeof bulkSetResolver) {
  const size = 'synthetic' in s.population ? s.population.synthetic.innovators : s.population.systems.length;
  const partials = planChunks(size, chunkSize).map(({ from, to }) => simulateChunkWith(resolvers, s, from, to));
  return { partials: JSON.stringify(partials), result: JSON.stringify(finaliseSimulation(s, mergePartials(partials))) };
}

describe('the bulk-backed simulation = the explained-mode-backed one', () => {
  it('on a synthetic scenario with four variants: every partial and the result, byte for byte', () => {
    const s = syntheticScenario(200);
    const explained = run(s, 30, explainedSetResolver);
    expect(run(s, 30, bulkSetResolver)).toEqual(explained);
    expect(JSON.stringify(simulate(s, { chunkSize: 7 }))).toBe(explained.result);

    // The comparison means something only if the figures are exercised, in every variant (a
    // synthetic innovator tests only at home and targets abroad: nothing is satisfied locally here,
    // the small example below covers it).
    const result = simulate(s);
    expect(result.variants.map((v) => v.name)).toEqual([
      'baseline',
      'drafts signed',
      'three dropped',
      'plurilateral',
      'one replaced',
    ]);
    for (const v of result.variants) {
      expect(v.totals.applicable).toBeGreaterThan(v.totals.gaps);
      expect(v.totals.recognised).toBeGreaterThan(0);
      expect(v.totals.recognisedWithConditions).toBeGreaterThan(0);
      expect(v.totals.gaps).toBeGreaterThan(0);
      expect(v.byPair.length).toBeGreaterThan(3);
      expect(v.marginal.some((m) => m.recognised > 0)).toBe(true);
    }
    expect(result.variants.some((v) => v.totals.divergent > 0)).toBe(true);
    expect(result.variants[3].marginal.find((m) => m.agreement === 'zz-deny')!.recognised).toBeLessThan(0);
    expect(new Set(result.variants.map((v) => v.totals.recognised)).size).toBe(5);
  });

  it('on three jurisdictions whose criteria all correspond: market access and days saved too', () => {
    const s = threeJurisdictions(150);
    expect(run(s, 40, bulkSetResolver)).toEqual(run(s, 40, explainedSetResolver));
    const result = simulate(s);
    for (const v of result.variants) {
      expect(v.totals.marketAccess).toBeGreaterThan(0);
      expect(v.totals.daysSaved).toBeGreaterThan(0);
    }
    expect(result.variants.some((v) => v.marginal.some((m) => m.recognised < 0))).toBe(true);
  });

  it('on the small explicit example (results satisfying criteria locally, an EXCLUDE variant)', () => {
    const s = parseScenarioJson(
      readFileSync(resolve(process.cwd(), 'examples/simulation/small.scenario.json'), 'utf8'),
    );
    expect(run(s, 2, bulkSetResolver)).toEqual(run(s, 2, explainedSetResolver));
    expect(simulate(s).variants[0].totals.satisfiedLocally).toBeGreaterThan(0);
  });

  it('compiles each agreement set once per scenario, not once per chunk, and anew for another scenario', () => {
    const s = syntheticScenario(20);
    const seen: unknown[][] = [];
    const recording: typeof bulkSetResolver = (reference, asOf, agreements) => {
      const resolver = bulkSetResolver(reference, asOf, agreements);
      seen.push([agreements, resolver.jurisdictions]);
      return resolver;
    };
    const first = simulateChunkWith(recording, s, 0, 10);
    const second = simulateChunkWith(recording, s, 10, 20);
    // Five agreement sets per chunk; the second chunk gets the same arrays, and the same compilations
    // (the jurisdiction list is the compilation's own array).
    expect(seen).toHaveLength(10);
    for (let k = 0; k < 5; k++) {
      expect(seen[5 + k][0]).toBe(seen[k][0]);
      expect(seen[5 + k][1]).toBe(seen[k][1]);
    }
    expect(JSON.stringify(mergePartials([first, second]))).toBe(JSON.stringify(simulateChunk(s, 0, 20)));
    // Another scenario object with other variants: its own sets, its own figures.
    const fewer: Scenario = { ...s, variants: s.variants.slice(0, 1) };
    const before = seen.splice(0);
    const partial = simulateChunkWith(recording, fewer, 0, 20);
    expect(seen).toHaveLength(2);
    // The baseline array is shared (and so is its compilation); the variant's set is built anew.
    expect(seen[0][0]).toBe(s.baseline.agreements);
    expect(seen[0][1]).toBe(before[0][1]);
    expect(seen[1][0]).not.toBe(before[1][0]);
    expect(seen[1][0]).toEqual(before[1][0]);
    expect(partial.variants).toEqual(simulateChunk(s, 0, 20).variants.slice(0, 2));
    // The same agreements under another reference or asOf are compiled apart.
    const agreements = s.baseline.agreements;
    expect(bulkSetResolver(s.reference, s.asOf, agreements).jurisdictions).toBe(
      bulkSetResolver(s.reference, s.asOf, agreements).jurisdictions,
    );
    expect(bulkSetResolver({ ...s.reference }, s.asOf, agreements).jurisdictions).not.toBe(
      bulkSetResolver(s.reference, s.asOf, agreements).jurisdictions,
    );
    expect(bulkSetResolver(s.reference, '2026-01-01', agreements).jurisdictions).not.toBe(
      bulkSetResolver(s.reference, s.asOf, agreements).jurisdictions,
    );
  });
});
