import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenario, parseScenarioJson } from './scenario-format.js';
import {
  finaliseSimulation,
  mergePartials,
  planChunks,
  populationSize,
  simulate,
  simulateChunk,
} from './simulation.js';
import type { Scenario, SimulationTotals } from './scenario.js';

const small = (): Scenario =>
  parseScenarioJson(readFileSync(resolve(process.cwd(), 'examples/simulation/small.scenario.json'), 'utf8'));

/*
 * The small example (examples/simulation/small.scenario.json), resolved by hand. Costs: EU 12000 /
 * 30 days, GB 10000 / 25 days, SG 8000 / 21 days. Criteria: eu-rob (≥ 0.9), eu-doc (evidence),
 * gb-rob (≥ 0.95, HIGH only), sg-rob (≥ 0.85), sg-doc; the *-rob share a clause and metric
 * (inferred EQUIVALENT); sg-doc → eu-doc is a SUBSET crosswalk (partial coverage).
 * Baseline: eu-sg in force (SG → EU, CONFORMITY, RECOGNISE) and eu-gb-draft PROPOSED (no effect).
 *
 * Pairs (system → target) under the baseline:
 *   s1 → eu-aio: eu-rob RECOGNISED (r1 0.93 ≥ 0.9, SG→EU); eu-doc RECOGNISED_WITH_CONDITIONS (SUBSET)
 *   s1 → gb-fca: gb-rob GAP (no SG → GB rule)
 *   s2 → eu-aio: eu-rob GAP (r3 0.87 < 0.9); eu-doc SATISFIED_LOCALLY (r4)
 *   s2 → gb-fca: gb-rob NOT_APPLICABLE (s2 is LIMITED) — no criterion at all
 *   s3 → sg-mas: sg-rob GAP (r5 is EU's, no EU → SG rule); sg-doc GAP (no result)
 *   s4 → eu-aio: eu-rob RECOGNISED (r6 0.91); eu-doc SATISFIED_LOCALLY (r7)
 */
const BASELINE: SimulationTotals = {
  applicable: 9, // 2 + 1 + 2 + 0 + 2 + 2
  satisfiedLocally: 2, // s2 eu-doc, s4 eu-doc
  recognised: 2, // s1 eu-rob, s4 eu-rob
  recognisedWithConditions: 1, // s1 eu-doc
  gaps: 4, // s1 gb-rob, s2 eu-rob, s3 sg-rob, s3 sg-doc
  recognitionRate: 0.428571, // (2 + 1) / (9 − 2) = 3/7
  testsAvoided: 2, // = recognised
  costSaved: 24000, // 2 × EU 12000
  // Only s4 → eu-aio: with no recognition eu-rob needs a test (30 days); now nothing does → 30 − 0.
  // s1 → eu-aio still needs one (conditions); s2 → gb-fca needs none either way.
  daysSaved: 30,
  marketAccess: 2, // s2 → gb-fca (nothing applies) and s4 → eu-aio
  divergent: 0,
};
const ZERO: SimulationTotals = {
  applicable: 0,
  satisfiedLocally: 0,
  recognised: 0,
  recognisedWithConditions: 0,
  gaps: 0,
  recognitionRate: 0,
  testsAvoided: 0,
  costSaved: 0,
  daysSaved: 0,
  marketAccess: 0,
  divergent: 0,
};

describe('simulate on the small explicit example (figures by hand)', () => {
  const result = simulate(small());
  const byName = (name: string) => result.variants.find((v) => v.name === name)!;

  it('lists the baseline first, then the variants in input order', () => {
    expect(result.format).toBe('sandbridge/simulation-result@1');
    expect(result.asOf).toBe('2026-06-01');
    expect(result.variants.map((v) => v.name)).toEqual([
      'baseline',
      'A: GB-SG equivalence',
      'B: EU-SG without transparency',
      'C: EU denies SG robustness',
      'D: no EU-SG agreement',
    ]);
  });

  it('baseline: totals, pairs, zero deltas, and the marginal of the only agreement in force', () => {
    const v = byName('baseline');
    expect(v.totals).toEqual(BASELINE);
    expect(v.byPair).toEqual([
      { origin: 'SG', recognising: 'EU', recognised: 2, recognisedWithConditions: 1, divergent: 0 },
    ]);
    expect(v.deltaVsBaseline).toEqual(ZERO);
    // Without eu-sg: s1 and s4 eu-rob become gaps → 2 recognised lost, 2 × 12000. eu-gb-draft is not in force: not listed.
    expect(v.marginal).toEqual([{ agreement: 'eu-sg', recognised: 2, testsAvoided: 2, costSaved: 24000 }]);
  });

  it('A (add gb-sg, EQUIVALENCE SG → GB): s1 → gb-fca recognised, divergent (0.93 < gb 0.95)', () => {
    const v = byName('A: GB-SG equivalence');
    expect(v.totals).toEqual({
      ...BASELINE,
      recognised: 3,
      gaps: 3,
      recognitionRate: 0.571429, // (3 + 1) / 7
      testsAvoided: 3,
      costSaved: 34000, // 24000 + GB 10000
      daysSaved: 55, // 30 (s4 → eu-aio) + 25 (s1 → gb-fca: GB test no longer needed)
      marketAccess: 3, // + s1 → gb-fca
      divergent: 1,
    });
    expect(v.byPair).toEqual([
      { origin: 'SG', recognising: 'EU', recognised: 2, recognisedWithConditions: 1, divergent: 0 },
      { origin: 'SG', recognising: 'GB', recognised: 1, recognisedWithConditions: 0, divergent: 1 },
    ]);
    // 4/7 − 3/7 = 1/7, rounded once from the exact difference (not 0.571429 − 0.428571 = 0.142858).
    expect(v.deltaVsBaseline).toEqual({
      ...ZERO,
      recognised: 1,
      gaps: -1,
      recognitionRate: 0.142857,
      testsAvoided: 1,
      costSaved: 10000,
      daysSaved: 25,
      marketAccess: 1,
      divergent: 1,
    });
    expect(v.marginal).toEqual([
      { agreement: 'eu-sg', recognised: 2, testsAvoided: 2, costSaved: 24000 },
      { agreement: 'gb-sg', recognised: 1, testsAvoided: 1, costSaved: 10000 },
    ]);
  });

  it('B (replace eu-sg with one that EXCLUDEs transparency): s1 eu-doc becomes a gap', () => {
    const v = byName('B: EU-SG without transparency');
    expect(v.totals).toEqual({
      ...BASELINE,
      recognisedWithConditions: 0,
      gaps: 5,
      recognitionRate: 0.285714 /* 2/7 */,
    });
    expect(v.byPair).toEqual([
      { origin: 'SG', recognising: 'EU', recognised: 2, recognisedWithConditions: 0, divergent: 0 },
    ]);
    expect(v.deltaVsBaseline).toEqual({ ...ZERO, recognisedWithConditions: -1, gaps: 1, recognitionRate: -0.142857 });
    expect(v.marginal).toEqual([{ agreement: 'eu-sg', recognised: 2, testsAvoided: 2, costSaved: 24000 }]);
  });

  it('C (add eu-deny, an EXCLUDE of SG robustness): negative marginal for the deny agreement', () => {
    const v = byName('C: EU denies SG robustness');
    // s1 eu-rob and s4 eu-rob excluded → gaps; s1 eu-doc still with conditions.
    expect(v.totals).toEqual({
      ...BASELINE,
      recognised: 0,
      gaps: 6,
      recognitionRate: 0.142857 /* 1/7 */,
      testsAvoided: 0,
      costSaved: 0,
      daysSaved: 0,
      marketAccess: 1,
    });
    expect(v.byPair).toEqual([
      { origin: 'SG', recognising: 'EU', recognised: 0, recognisedWithConditions: 1, divergent: 0 },
    ]);
    expect(v.deltaVsBaseline).toEqual({
      ...ZERO,
      recognised: -2,
      gaps: 2,
      recognitionRate: -0.285714,
      testsAvoided: -2,
      costSaved: -24000,
      daysSaved: -30,
      marketAccess: -1,
    });
    // Without eu-deny the two eu-rob come back (2 × 12000); without eu-sg they stay excluded and
    // only the conditional eu-doc is lost, which is no RECOGNISED figure. Ordered by agreement id.
    expect(v.marginal).toEqual([
      { agreement: 'eu-deny', recognised: -2, testsAvoided: -2, costSaved: -24000 },
      { agreement: 'eu-sg', recognised: 0, testsAvoided: 0, costSaved: 0 },
    ]);
  });

  it('D (remove eu-sg): nothing recognised, no pair listed, no agreement in force', () => {
    const v = byName('D: no EU-SG agreement');
    expect(v.totals).toEqual({
      ...BASELINE,
      recognised: 0,
      recognisedWithConditions: 0,
      gaps: 7,
      recognitionRate: 0,
      testsAvoided: 0,
      costSaved: 0,
      daysSaved: 0,
      marketAccess: 1,
    });
    expect(v.byPair).toEqual([]);
    expect(v.deltaVsBaseline).toEqual({
      ...ZERO,
      recognised: -2,
      recognisedWithConditions: -1,
      gaps: 3,
      recognitionRate: -0.428571,
      testsAvoided: -2,
      costSaved: -24000,
      daysSaved: -30,
      marketAccess: -1,
    });
    expect(v.marginal).toEqual([]);
  });

  it('keeps the §8.2 key order', () => {
    const v = result.variants[1];
    expect(Object.keys(result)).toEqual(['format', 'asOf', 'variants']);
    expect(Object.keys(v)).toEqual(['name', 'totals', 'byPair', 'deltaVsBaseline', 'marginal']);
    const totals = [
      'applicable',
      'satisfiedLocally',
      'recognised',
      'recognisedWithConditions',
      'gaps',
      'recognitionRate',
      'testsAvoided',
      'costSaved',
      'daysSaved',
      'marketAccess',
      'divergent',
    ];
    expect(Object.keys(v.totals)).toEqual(totals);
    expect(Object.keys(v.deltaVsBaseline)).toEqual(totals);
    expect(Object.keys(v.byPair[0])).toEqual([
      'origin',
      'recognising',
      'recognised',
      'recognisedWithConditions',
      'divergent',
    ]);
    expect(Object.keys(v.marginal[0])).toEqual(['agreement', 'recognised', 'testsAvoided', 'costSaved']);
  });
});

/** A one-authority-per-jurisdiction scenario built in code, for the daysSaved reading. */
function daysScenario(): Scenario {
  return parseScenario({
    format: 'sandbridge/scenario@1',
    asOf: '2026-06-01',
    reference: {
      authorities: [
        { id: 'eu', jurisdiction: 'EU' },
        { id: 'sg', jurisdiction: 'SG' },
      ],
      criteria: [
        { id: 'e1', authority: 'eu', stage: 'TESTING', category: 'SAFETY', kind: 'ATTESTATION' },
        { id: 'e2', authority: 'eu', stage: 'TESTING', category: 'FAIRNESS', kind: 'ATTESTATION' },
        { id: 's1', authority: 'sg', stage: 'TESTING', category: 'SAFETY', kind: 'ATTESTATION' },
      ],
      crosswalks: [{ from: 'e1', to: 's1', relation: 'EQUIVALENT' }],
    },
    costs: { EU: { testCost: 100, testDays: 40 }, SG: { testCost: 50, testDays: 7 } },
    baseline: { agreements: [] },
    variants: [
      {
        name: 'EU recognises SG safety',
        add: [
          {
            id: 'a',
            status: 'IN_FORCE',
            rules: [
              {
                id: 'r',
                origins: ['SG'],
                recognising: ['EU'],
                categories: ['SAFETY'],
                mode: 'EQUIVALENCE',
                effect: 'RECOGNISE',
              },
            ],
          },
        ],
      },
    ],
    population: {
      systems: [{ id: 'local' }, { id: 'half' }, { id: 'whole' }],
      results: [
        // `local`: both EU criteria passed in the EU.
        { id: 'l1', system: 'local', criterion: 'e1', testedIn: 'EU', testedAt: '2026-01-01', passed: true },
        { id: 'l2', system: 'local', criterion: 'e2', testedIn: 'EU', testedAt: '2026-01-01', passed: true },
        // `half`: safety tested in SG, fairness never tested.
        { id: 'h1', system: 'half', criterion: 's1', testedIn: 'SG', testedAt: '2026-01-01', passed: true },
        // `whole`: safety tested in SG, fairness passed in the EU.
        { id: 'w1', system: 'whole', criterion: 's1', testedIn: 'SG', testedAt: '2026-01-01', passed: true },
        { id: 'w2', system: 'whole', criterion: 'e2', testedIn: 'EU', testedAt: '2026-01-01', passed: true },
      ],
      targets: [
        { system: 'local', authorities: ['eu'] },
        { system: 'half', authorities: ['eu'] },
        { system: 'whole', authorities: ['eu'] },
      ],
    },
  });
}

describe('daysSaved: time-to-market with no recognition minus time-to-market in the variant', () => {
  /*
   * "With no recognition" = the same population with no agreement at all: a pair needs the
   * target's testDays when any applicable criterion is not satisfied locally (every such
   * criterion would be a gap). In the variant it needs them when any criterion is a gap or
   * recognised with conditions.
   *   local → eu: nothing needs a test either way            → 0 − 0 = 0 (no saving to claim)
   *   half  → eu: e1 needs one without recognition; e2 a gap   → 40 − 40 = 0
   *   whole → eu: e1 needs one without recognition; e2 local  → 40 − 0 = 40
   */
  it('counts only the pairs recognition takes from "needs a test" to "needs none"', () => {
    const [baseline, variant] = simulate(daysScenario()).variants;
    expect(baseline.totals.daysSaved).toBe(0);
    expect(baseline.totals.marketAccess).toBe(1); // local
    expect(variant.totals.daysSaved).toBe(40);
    expect(variant.totals.marketAccess).toBe(2); // local, whole
    expect(variant.totals.recognised).toBe(2); // half e1, whole e1
    expect(variant.totals.costSaved).toBe(200); // 2 × 100
    expect(variant.totals.recognitionRate).toBe(0.666667); // 2 / (6 − 3 local)
  });
});

describe('chunks', () => {
  it('planChunks covers [0, size) with consecutive chunks', () => {
    expect(planChunks(0, 10)).toEqual([]);
    expect(planChunks(5, 2)).toEqual([
      { chunk: 0, from: 0, to: 2 },
      { chunk: 1, from: 2, to: 4 },
      { chunk: 2, from: 4, to: 5 },
    ]);
    expect(() => planChunks(5, 0)).toThrow(/chunkSize/);
    expect(() => planChunks(-1, 2)).toThrow(/size/);
  });

  it('simulateChunk refuses ranges outside the population', () => {
    const s = small();
    expect(populationSize(s)).toBe(4);
    expect(() => simulateChunk(s, 0, 5)).toThrow(/outside/);
    expect(() => simulateChunk(s, 3, 2)).toThrow(/outside/);
  });

  it('partials are integer-only plain JSON and survive a JSON round trip', () => {
    const s = small();
    const part = simulateChunk(s, 1, 3);
    const numbers: number[] = [];
    JSON.stringify(part, (_key, value: unknown) => (typeof value === 'number' ? (numbers.push(value), value) : value));
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers.every(Number.isInteger)).toBe(true);
    expect(JSON.parse(JSON.stringify(part))).toEqual(part);
  });

  it('finaliseSimulation refuses counts that do not cover the population exactly', () => {
    const s = small();
    expect(() => finaliseSimulation(s, simulateChunk(s, 0, 2))).toThrow(/2 units, the population has 4/);
    const whole = simulateChunk(s, 0, 4);
    expect(() => finaliseSimulation(s, mergePartials([whole, simulateChunk(s, 0, 1)]))).toThrow(/5 units/);
  });

  it('an empty explicit population gives zero figures', () => {
    const s = small();
    const empty: Scenario = { ...s, population: { systems: [], results: [], targets: [] } };
    const result = simulate(empty);
    expect(result.variants.map((v) => v.totals)).toEqual(result.variants.map(() => ZERO));
    expect(result.variants[2].marginal).toEqual([{ agreement: 'eu-sg', recognised: 0, testsAvoided: 0, costSaved: 0 }]);
  });

  it('reports progress after each chunk', () => {
    const calls: [number, number][] = [];
    simulate(small(), { chunkSize: 3, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [3, 4],
      [4, 4],
    ]);
  });
});
