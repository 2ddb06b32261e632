import { describe, expect, it } from '@jest/globals';
import { criterionApplies, meetsThreshold } from '../evaluation/evaluation.js';
import { CriterionKind } from '../criteria/criteria.js';
import { dayNumber } from '../recognition/recognition-engine.js';
import { parseScenario } from './scenario-format.js';
import type { Scenario, SyntheticPopulation } from './scenario.js';
import { simulate, simulateChunk } from './simulation.js';
import { SyntheticGenerator } from './synthetic.js';

function scenario(change: (p: Record<string, unknown>) => void = () => {}): Scenario {
  const synthetic: Record<string, unknown> = {
    seed: 42,
    innovators: 10_000,
    homeWeights: { EU: 5, GB: 3, SG: 2 },
    sectorWeights: { FINANCE: 3, HEALTH: 1 },
    riskClassWeights: { HIGH: 1, LIMITED: 3 },
    targetsPerInnovator: { min: 1, max: 3 },
    passRate: 0.85,
    accreditedLabRate: 0.7,
    resultAgeDays: { min: 10, max: 720 },
  };
  change(synthetic);
  return parseScenario({
    format: 'sandbridge/scenario@1',
    asOf: '2026-06-01',
    reference: {
      authorities: [
        { id: 'eu-aio', jurisdiction: 'EU' },
        { id: 'gb-fca', jurisdiction: 'GB' },
        { id: 'gb-ico', jurisdiction: 'GB' },
        { id: 'sg-mas', jurisdiction: 'SG' },
      ],
      criteria: [
        {
          id: 'eu-gte',
          authority: 'eu-aio',
          stage: 'TESTING',
          category: 'ROBUSTNESS',
          kind: 'METRIC',
          metric: 'm',
          comparator: 'GTE',
          threshold: 0.9,
          clauses: ['K1', 'K2'],
        },
        {
          id: 'eu-lte',
          authority: 'eu-aio',
          stage: 'TESTING',
          category: 'PRIVACY',
          kind: 'METRIC',
          metric: 'p',
          comparator: 'LTE',
          threshold: 120,
          riskClasses: ['HIGH'],
        },
        { id: 'eu-doc', authority: 'eu-aio', stage: 'ENTRY', category: 'TRANSPARENCY', kind: 'EVIDENCE' },
        {
          id: 'gb-btw',
          authority: 'gb-fca',
          stage: 'TESTING',
          category: 'FAIRNESS',
          kind: 'METRIC',
          metric: 'f',
          comparator: 'BETWEEN',
          threshold: [0.8, 1.25],
          sectors: ['FINANCE'],
        },
        {
          id: 'gb-eq',
          authority: 'gb-ico',
          stage: 'TESTING',
          category: 'PRIVACY',
          kind: 'METRIC',
          metric: 'e',
          comparator: 'EQ',
          threshold: 0,
        },
        {
          id: 'sg-att',
          authority: 'sg-mas',
          stage: 'EXIT',
          category: 'ACCOUNTABILITY',
          kind: 'ATTESTATION',
          clauses: ['K3'],
        },
      ],
    },
    costs: { EU: { testCost: 1, testDays: 1 }, GB: { testCost: 1, testDays: 1 }, SG: { testCost: 1, testDays: 1 } },
    baseline: { agreements: [] },
    population: { synthetic },
  });
}

const generator = (s: Scenario) =>
  new SyntheticGenerator((s.population as { synthetic: SyntheticPopulation }).synthetic, s.reference, s.asOf);

describe('the synthetic generator', () => {
  it('is counter-based: innovator i is the same whoever asks, in whatever order', () => {
    const s = scenario();
    const forwards = [0, 1, 2, 500, 9999].map((i) => generator(s).unit(i));
    const g = generator(s);
    const backwards = [9999, 500, 2, 1, 0].map((i) => g.unit(i)).reverse();
    expect(backwards).toEqual(forwards);
    // And a chunk that starts at 500 counts exactly innovator 500.
    expect(simulateChunk(s, 500, 501)).toEqual(simulateChunk(scenario(), 500, 501));
  });

  it('gives the same population for the same seed and another for another seed', () => {
    const a = generator(scenario());
    const b = generator(scenario());
    const c = generator(scenario((p) => (p.seed = 43)));
    const ids = Array.from({ length: 50 }, (_, i) => i);
    expect(ids.map((i) => b.unit(i))).toEqual(ids.map((i) => a.unit(i)));
    const differing = ids.filter((i) => JSON.stringify(c.unit(i)) !== JSON.stringify(a.unit(i)));
    expect(differing.length).toBeGreaterThan(40);
    // Whole runs too.
    expect(JSON.stringify(simulate(scenario((p) => (p.innovators = 200))))).toBe(
      JSON.stringify(simulate(scenario((p) => (p.innovators = 200)))),
    );
  });

  it('does not depend on the key order of the weights objects', () => {
    const reordered = scenario((p) => {
      p.homeWeights = { SG: 2, GB: 3, EU: 5 };
      p.sectorWeights = { HEALTH: 1, FINANCE: 3 };
    });
    const ids = Array.from({ length: 30 }, (_, i) => i);
    expect(ids.map((i) => generator(reordered).unit(i))).toEqual(ids.map((i) => generator(scenario()).unit(i)));
  });

  it('draws shapes as documented on 10 000 innovators, with rates close to the parameters', () => {
    const s = scenario();
    const g = generator(s);
    const asOf = dayNumber(s.asOf);
    const criteria = new Map(s.reference.criteria.map((c) => [c.id, c]));
    const authorities = new Map(s.reference.authorities.map((a) => [a.id, a]));
    const homes: Record<string, number> = {};
    const sectors: Record<string, number> = {};
    const risks: Record<string, number> = {};
    const targetCounts: Record<number, number> = {};
    let results = 0;
    let passed = 0;
    let accredited = 0;
    let ageSum = 0;
    // Checked without expect() per draw (10 000 innovators): every violation is collected, none expected.
    const wrong: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && wrong.length < 10) wrong.push(what);
    };
    const order = s.reference.authorities.map((a) => a.id);
    for (let i = 0; i < 10_000; i++) {
      const u = g.unit(i);
      check(u.system.id === `s${i}`, `id of ${i}`);
      homes[u.home] = (homes[u.home] ?? 0) + 1;
      sectors[u.system.sector!] = (sectors[u.system.sector!] ?? 0) + 1;
      risks[u.system.riskClass!] = (risks[u.system.riskClass!] ?? 0) + 1;
      // Results: exactly the home jurisdiction's criteria that apply, tested there.
      const expected = s.reference.criteria
        .filter((c) => authorities.get(c.authority)!.jurisdiction === u.home && criterionApplies(c, u.system))
        .map((c) => c.id);
      check(u.results.map((r) => r.criterion).join() === expected.join(), `results of ${i}`);
      for (const r of u.results) {
        const c = criteria.get(r.criterion)!;
        const age = asOf - dayNumber(r.testedAt);
        check(r.testedIn === u.home && r.system === u.system.id, `where ${r.id}`);
        check(age >= 10 && age <= 720, `age of ${r.id}`);
        check(r.method === (c.clauses[0] ?? null), `method of ${r.id}`);
        check((r.lab.accreditationBody !== null) === r.lab.accredited, `lab of ${r.id}`);
        // A metric value passes the criterion's own comparator exactly when `passed` says so.
        if (c.kind === CriterionKind.METRIC)
          check(
            meetsThreshold(r.value!, c.comparator!, c.threshold!, c.thresholdHigh) === r.passed,
            `value of ${r.id}`,
          );
        else check(r.value === null, `value of ${r.id}`);
        ageSum += age;
        results++;
        if (r.passed) passed++;
        if (r.lab.accredited) accredited++;
      }
      // Targets: distinct authorities abroad, in reference order.
      const targets = u.target.authorities;
      check(new Set(targets).size === targets.length, `distinct targets of ${i}`);
      check(
        targets.every((id) => authorities.get(id)!.jurisdiction !== u.home),
        `targets abroad of ${i}`,
      );
      check(targets.join() === order.filter((id) => targets.includes(id)).join(), `target order of ${i}`);
      targetCounts[targets.length] = (targetCounts[targets.length] ?? 0) + 1;
    }
    expect(wrong).toEqual([]);
    // 10 000 draws: a share p has standard deviation ≤ 0.005, so ±0.02 is four of them.
    expect(Math.abs(homes.EU / 10_000 - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(homes.GB / 10_000 - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(homes.SG / 10_000 - 0.2)).toBeLessThan(0.02);
    expect(Math.abs(sectors.FINANCE / 10_000 - 0.75)).toBeLessThan(0.02);
    expect(Object.keys(risks).sort()).toEqual(['HIGH', 'LIMITED']);
    expect(Math.abs(risks.HIGH / 10_000 - 0.25)).toBeLessThan(0.02);
    expect(results).toBeGreaterThan(15_000);
    expect(Math.abs(passed / results - 0.85)).toBeLessThan(0.015);
    expect(Math.abs(accredited / results - 0.7)).toBeLessThan(0.015);
    expect(Math.abs(ageSum / results - 365)).toBeLessThan(10); // uniform on [10, 720]
    // Counts uniform on 1–3, capped by what lies abroad (an EU innovator has three authorities abroad, a GB one only two).
    expect(Object.keys(targetCounts).sort()).toEqual(['1', '2', '3']);
    expect(Math.abs(targetCounts[1] / 10_000 - 1 / 3)).toBeLessThan(0.02);
  });

  it('reads empty weights as uniform over the natural domain', () => {
    const s = scenario((p) => {
      p.homeWeights = {};
      p.sectorWeights = {};
      p.riskClassWeights = {};
    });
    const g = generator(s);
    const homes = new Set<string>();
    const sectors = new Set<string | null>();
    const risks = new Set<string | null>();
    for (let i = 0; i < 400; i++) {
      const u = g.unit(i);
      homes.add(u.home);
      sectors.add(u.system.sector);
      risks.add(u.system.riskClass);
    }
    expect([...homes].sort()).toEqual(['EU', 'GB', 'SG']);
    expect([...sectors].sort()).toEqual(['FINANCE']); // the only sector the criteria name
    expect([...risks].sort()).toEqual(['HIGH', 'LIMITED', 'MINIMAL', 'UNACCEPTABLE']);
  });

  it('honours extreme rates', () => {
    const g = generator(
      scenario((p) => ((p.passRate = 0), (p.accreditedLabRate = 1), (p.targetsPerInnovator = { min: 0, max: 0 }))),
    );
    for (let i = 0; i < 200; i++) {
      const u = g.unit(i);
      expect(u.results.every((r) => !r.passed && r.lab.accredited)).toBe(true);
      expect(u.target.authorities).toEqual([]);
    }
  });
});
