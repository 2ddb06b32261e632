import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseScenario } from './scenario-format.js';
import {
  type BreakdownCell,
  type CoveredPair,
  discloseBreakdown,
  disclosePairs,
  discloseResult,
  isSuppressed,
  MIN_CELL_SYSTEMS,
  OTHER_PAIRS,
} from './disclosure.js';
import {
  coverageOf,
  finaliseSimulation,
  mergePartials,
  populationSize,
  simulate,
  simulateChunk,
} from './simulation.js';
import type { PairFigures, Scenario, SimulationPartial } from './scenario.js';

const CODES = ['A', 'B', 'C', 'D'];

/** Distinct origin → recognising pairs, each with its figures and the systems behind it. */
const pairRows = fc
  .uniqueArray(
    fc.record({
      origin: fc.constantFrom(...CODES),
      recognising: fc.constantFrom(...CODES),
      systems: fc.integer({ min: 1, max: 12 }),
      recognised: fc.nat({ max: 40 }),
      recognisedWithConditions: fc.nat({ max: 40 }),
      divergent: fc.nat({ max: 5 }),
    }),
    { selector: (r) => `${r.origin}>${r.recognising}`, maxLength: 16 },
  )
  .map((rows) => rows.map(({ systems, ...pair }): CoveredPair => ({ pair: pair as PairFigures, systems })));

const FIGURES = ['recognised', 'recognisedWithConditions', 'divergent'] as const;

describe('isSuppressed', () => {
  it('suppresses 1 to 4 systems; shows none (only zeros) and 5 or more', () => {
    expect(MIN_CELL_SYSTEMS).toBe(5);
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((n) => isSuppressed(n))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('disclosePairs (property)', () => {
  it('never shows a row backed by fewer than 5 systems, keeps every figure in the sum, and leaves nothing to derive by difference', () => {
    fc.assert(
      fc.property(pairRows, fc.constantFrom(...CODES), (rows, j) => {
        const out = disclosePairs(rows, j);
        const systemsOf = new Map(rows.map((r) => [`${r.pair.origin}>${r.pair.recognising}`, r.systems]));
        const own = rows.filter((r) => r.pair.origin === j || r.pair.recognising === j);
        // Own rows in order, then at most one "*" row, last.
        const listed = out.filter((p) => p.origin !== OTHER_PAIRS);
        expect(listed.map((p) => `${p.origin}>${p.recognising}`)).toEqual(
          own.map((r) => `${r.pair.origin}>${r.pair.recognising}`),
        );
        expect(out.filter((p) => p.origin === OTHER_PAIRS).length).toBeLessThanOrEqual(1);
        if (out.some((p) => p.origin === OTHER_PAIRS)) expect(out.at(-1)!.origin).toBe(OTHER_PAIRS);
        for (const p of listed) {
          // Shown only with 5 or more systems; suppressed ones withhold every figure.
          if (!p.suppressed)
            expect(systemsOf.get(`${p.origin}>${p.recognising}`)!).toBeGreaterThanOrEqual(MIN_CELL_SYSTEMS);
          else for (const key of FIGURES) expect(p[key]).toBeNull();
        }
        const star = out.find((p) => p.origin === OTHER_PAIRS);
        // Conservation: the shown rows and the "*" row (shown or not) add up to every row.
        for (const key of FIGURES) {
          const hiddenOwn = rows.filter((r) =>
            listed.some((p) => p.suppressed && p.origin === r.pair.origin && p.recognising === r.pair.recognising),
          );
          const others = rows.filter((r) => r.pair.origin !== j && r.pair.recognising !== j);
          const starSum = [...others, ...hiddenOwn].reduce((n, r) => n + r.pair[key], 0);
          if (star && !star.suppressed) expect(star[key]).toBe(starSum);
          const shownSum = listed.filter((p) => !p.suppressed).reduce((n, p) => n + p[key]!, 0);
          expect(shownSum + starSum).toBe(rows.reduce((n, r) => n + r.pair[key], 0));
        }
        // The total minus the rows shown is the "*" row: when that is suppressed, no row is shown,
        // so the difference is the total itself and tells nothing about a small row.
        if (star?.suppressed) expect(listed.every((p) => p.suppressed)).toBe(true);
        // A suppressed own row always has company in "*": 5 or more systems, or nothing shown at all.
        if (listed.some((p) => p.suppressed)) expect(star).toBeDefined();
        // Deterministic.
        expect(disclosePairs(rows, j)).toEqual(out);
      }),
      { numRuns: 300 },
    );
  });

  it('sums pairs without the jurisdiction into "*", suppresses a small own pair and a second one so it cannot be derived', () => {
    const row = (origin: string, recognising: string, systems: number, recognised: number): CoveredPair => ({
      pair: { origin, recognising, recognised, recognisedWithConditions: 0, divergent: 0 },
      systems,
    });
    // GB → EU: 2 systems (suppressed); SG → EU: 6 systems, would be shown — but then "*" (= totals − SG→EU) would give GB → EU away.
    expect(disclosePairs([row('GB', 'EU', 2, 2), row('SG', 'EU', 6, 9)], 'EU')).toEqual([
      {
        origin: 'GB',
        recognising: 'EU',
        suppressed: true,
        recognised: null,
        recognisedWithConditions: null,
        divergent: null,
      },
      {
        origin: 'SG',
        recognising: 'EU',
        suppressed: true,
        recognised: null,
        recognisedWithConditions: null,
        divergent: null,
      },
      { origin: '*', recognising: '*', suppressed: false, recognised: 11, recognisedWithConditions: 0, divergent: 0 },
    ]);
    // With a large pair without EU in "*" already, the small one just joins it.
    expect(disclosePairs([row('GB', 'EU', 2, 2), row('SG', 'EU', 6, 9), row('SG', 'CA', 5, 4)], 'EU')).toEqual([
      {
        origin: 'GB',
        recognising: 'EU',
        suppressed: true,
        recognised: null,
        recognisedWithConditions: null,
        divergent: null,
      },
      { origin: 'SG', recognising: 'EU', suppressed: false, recognised: 9, recognisedWithConditions: 0, divergent: 0 },
      { origin: '*', recognising: '*', suppressed: false, recognised: 6, recognisedWithConditions: 0, divergent: 0 },
    ]);
    // Nothing small: as before disclosure control, with a `suppressed: false` on each row.
    expect(disclosePairs([row('SG', 'EU', 5, 3)], 'EU')).toEqual([
      { origin: 'SG', recognising: 'EU', suppressed: false, recognised: 3, recognisedWithConditions: 0, divergent: 0 },
    ]);
  });
});

describe('discloseBreakdown (property)', () => {
  const cells = fc
    .uniqueArray(
      fc.record({
        key: fc.constantFrom('FINANCE', 'HEALTH', 'EDUCATION', 'TRANSPORT', 'ENERGY', 'RETAIL'),
        systems: fc.integer({ min: 1, max: 12 }),
        results: fc.nat({ max: 50 }),
        targets: fc.nat({ max: 30 }),
      }),
      {
        selector: (c) => c.key,
        maxLength: 6,
      },
    )
    .map((list) => list.map((c): BreakdownCell => ({ ...c, organisations: Math.min(c.systems, 3) })));

  it('shows only cells of 5 or more systems; the "*" cell sums the suppressed ones and is suppressed only when nothing is shown', () => {
    fc.assert(
      fc.property(cells, (input) => {
        const out = discloseBreakdown(input, (keys) => keys.length);
        const byKey = new Map(input.map((c) => [c.key, c]));
        const listed = out.filter((c) => c.key !== OTHER_PAIRS);
        expect(listed.map((c) => c.key)).toEqual([...byKey.keys()].sort());
        for (const c of listed) {
          if (!c.suppressed) expect(c).toEqual({ ...byKey.get(c.key), suppressed: false });
          else
            expect(c).toEqual({
              key: c.key,
              suppressed: true,
              systems: null,
              organisations: null,
              results: null,
              targets: null,
            });
          if (!c.suppressed) expect(c.systems).toBeGreaterThanOrEqual(MIN_CELL_SYSTEMS);
        }
        const star = out.find((c) => c.key === OTHER_PAIRS);
        const hidden = listed.filter((c) => c.suppressed).map((c) => byKey.get(c.key)!);
        expect(Boolean(star)).toBe(hidden.length > 0);
        if (star && !star.suppressed) {
          expect(star.systems).toBe(hidden.reduce((n, c) => n + c.systems, 0));
          expect(star.systems).toBeGreaterThanOrEqual(MIN_CELL_SYSTEMS);
          expect(star.organisations).toBe(hidden.length);
        }
        if (star?.suppressed) expect(listed.every((c) => c.suppressed)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** Five systems tested in A or B, targeting C's authority; the variant's agreement recognises A's results in C. */
function recorded(systems: { origin: string; value: number }[]): Scenario {
  return parseScenario({
    format: 'sandbridge/scenario@1',
    asOf: '2026-06-01',
    reference: {
      authorities: [
        { id: 'a', jurisdiction: 'A' },
        { id: 'b', jurisdiction: 'B' },
        { id: 'c', jurisdiction: 'C' },
      ],
      criteria: [
        {
          id: 'a-m',
          authority: 'a',
          stage: 'TESTING',
          category: 'SAFETY',
          kind: 'METRIC',
          metric: 'm',
          comparator: 'GTE',
          threshold: 0.7,
          clauses: ['K1'],
        },
        {
          id: 'c-m',
          authority: 'c',
          stage: 'TESTING',
          category: 'SAFETY',
          kind: 'METRIC',
          metric: 'm',
          comparator: 'GTE',
          threshold: 0.7,
          clauses: ['K1'],
        },
      ],
      crosswalks: [{ from: 'a-m', to: 'c-m', relation: 'EQUIVALENT' }],
    },
    costs: {
      A: { testCost: 100, testDays: 10 },
      B: { testCost: 100, testDays: 10 },
      C: { testCost: 1000, testDays: 30 },
    },
    baseline: { agreements: [] },
    variants: [
      {
        name: 'A and B into C',
        add: [
          {
            id: 'abc',
            status: 'IN_FORCE',
            rules: [{ id: 'r', origins: ['A', 'B'], recognising: ['C'], mode: 'CONFORMITY', effect: 'RECOGNISE' }],
          },
        ],
      },
    ],
    population: {
      systems: systems.map((_, i) => ({ id: `s${i + 1}`, sector: 'FIN', riskClass: 'HIGH' })),
      results: systems.map((s, i) => ({
        id: `r${i + 1}`,
        system: `s${i + 1}`,
        criterion: 'a-m',
        testedIn: s.origin,
        testedAt: '2026-03-01',
        value: s.value,
        passed: s.value >= 0.7,
        method: 'm',
        lab: { accredited: true, accreditationBody: 'X' },
      })),
      targets: systems.map((_, i) => ({ system: `s${i + 1}`, authorities: ['c'] })),
    },
  });
}

describe('coverage counts and discloseResult', () => {
  // Six systems tested in A, two in B (one failing): A → C has 6 systems, B → C 1.
  const s = recorded([
    ...Array.from({ length: 6 }, () => ({ origin: 'A', value: 0.9 })),
    { origin: 'B', value: 0.9 },
    { origin: 'B', value: 0.5 },
  ]);

  it('counts the distinct systems behind totals, pairs, deltas and marginals — the same however the population is chunked', () => {
    const whole = simulateChunk(s, 0, 8);
    const coverage = coverageOf(whole)!;
    expect(coverage).toEqual([
      { systems: 8, changed: 0, byPair: {}, marginal: {} },
      { systems: 8, changed: 7, byPair: { A: { C: 6 }, B: { C: 1 } }, marginal: { abc: 7 } },
    ]);
    const chunked = mergePartials([simulateChunk(s, 5, 8), simulateChunk(s, 0, 2), simulateChunk(s, 2, 5)]);
    expect(coverageOf(chunked)).toEqual(coverage);
    // The counts never reach the published result: it is the library's, unchanged.
    expect(JSON.stringify(finaliseSimulation(s, chunked))).toBe(JSON.stringify(simulate(s)));
  });

  it('a partial without counts (stored before they existed) leaves the merge without them, whatever the merge order', () => {
    const old = simulateChunk(s, 0, 2);
    const stripped: SimulationPartial = { ...old, variants: old.variants.map(({ coverage: _, ...v }) => v) };
    const rest = simulateChunk(s, 2, 8);
    expect(coverageOf(mergePartials([stripped, rest]))).toBeNull();
    expect(coverageOf(mergePartials([mergePartials([rest]), stripped]))).toBeNull();
    expect(JSON.stringify(finaliseSimulation(s, mergePartials([stripped, rest])))).toBe(JSON.stringify(simulate(s)));
  });

  it('counts every unit whose outcomes differ from the baseline, never more than the population', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ origin: fc.constantFrom('A', 'B'), value: fc.double({ min: 0, max: 1, noNaN: true }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        (systems) => {
          const sc = recorded(systems);
          const [baseline, variant] = coverageOf(simulateChunk(sc, 0, populationSize(sc)))!;
          // Brute force: a system changes exactly when the variant recognises its (passing) result.
          expect(baseline.changed).toBe(0);
          expect(variant.changed).toBe(systems.filter((x) => x.value >= 0.7).length);
          expect(variant.systems).toBe(systems.length);
          const byOrigin = (o: string) => systems.filter((x) => x.origin === o && x.value >= 0.7).length;
          for (const o of ['A', 'B']) expect(variant.byPair[o]?.C ?? 0).toBe(byOrigin(o));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a negotiator of C: the small B → C pair is suppressed, the marginal and delta of 7 systems shown; without counts nothing is', () => {
    const result = simulate(s);
    const disclosed = discloseResult(result, coverageOf(simulateChunk(s, 0, 8)), 'C');
    const variant = disclosed.variants[1];
    expect(variant.totals).toEqual({ ...result.variants[1].totals, suppressed: false });
    expect(variant.deltaVsBaseline).toEqual({ ...result.variants[1].deltaVsBaseline, suppressed: false });
    // B → C is 1 system: suppressed; A → C alone would give it away (totals − A → C), so it is suppressed too.
    expect(variant.byPair).toEqual([
      {
        origin: 'A',
        recognising: 'C',
        suppressed: true,
        recognised: null,
        recognisedWithConditions: null,
        divergent: null,
      },
      {
        origin: 'B',
        recognising: 'C',
        suppressed: true,
        recognised: null,
        recognisedWithConditions: null,
        divergent: null,
      },
      { origin: '*', recognising: '*', suppressed: false, recognised: 7, recognisedWithConditions: 0, divergent: 0 },
    ]);
    expect(variant.marginal).toEqual([{ ...result.variants[1].marginal[0], suppressed: false }]);
    // The baseline recognises nothing: its zero delta and empty rows describe nobody.
    expect(disclosed.variants[0].deltaVsBaseline.suppressed).toBe(false);

    const blind = discloseResult(result, null, 'C');
    for (const v of blind.variants) {
      expect(v.totals.suppressed && v.deltaVsBaseline.suppressed).toBe(true);
      expect(v.totals.recognised).toBeNull();
      expect(v.byPair.every((p) => p.suppressed && p.recognised === null)).toBe(true);
      expect(v.marginal.every((m) => m.suppressed && m.recognised === null)).toBe(true);
    }
  });

  it('a population of 4 systems: its totals, delta and marginal are suppressed', () => {
    const four = recorded(Array.from({ length: 4 }, () => ({ origin: 'A', value: 0.9 })));
    const disclosed = discloseResult(simulate(four), coverageOf(simulateChunk(four, 0, 4)), 'C');
    const variant = disclosed.variants[1];
    expect(variant.totals).toMatchObject({
      suppressed: true,
      applicable: null,
      recognised: null,
      costSaved: null,
      recognitionRate: null,
    });
    expect(variant.deltaVsBaseline).toMatchObject({ suppressed: true, recognised: null });
    expect(variant.marginal).toEqual([
      { agreement: 'abc', suppressed: true, recognised: null, testsAvoided: null, costSaved: null },
    ]);
    expect(variant.byPair).toEqual([
      {
        origin: 'A',
        recognising: 'C',
        suppressed: true,
        recognised: null,
        recognisedWithConditions: null,
        divergent: null,
      },
      {
        origin: '*',
        recognising: '*',
        suppressed: true,
        recognised: null,
        recognisedWithConditions: null,
        divergent: null,
      },
    ]);
  });
});
