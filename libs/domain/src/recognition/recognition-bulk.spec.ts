import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseRecognitionCase, parseRecognitionCaseJson } from './case-format.js';
import { RecognitionOutcome, type RecognitionCase } from './recognition.js';
import {
  BULK_OUTCOMES,
  BulkOutcome,
  bulkDecisions,
  compileRecognition,
  compileWithoutAgreement,
  createBulkOutput,
  decisionsOf,
  fastDayNumber,
  prepareBulkSystem,
  resolveCaseBulk,
  resolvePreparedBulk,
  resolveSystemBulk,
} from './recognition-bulk.js';
import { dayNumber, resolveCase } from './recognition-engine.js';
import { caseArb } from './recognition.spec-helpers.js';
import { syntheticCase, syntheticRecognition } from './synthetic-case.js';

// The bulk mode must decide exactly what the explained mode decides (outcome, result, agreement,
// rule, divergent) — on seeded synthetic sets, the worked examples and random small cases.

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Outcome counts over a list of decisions, with divergent recognitions. */
function distribution(decisions: ReturnType<typeof decisionsOf>) {
  const counts: Record<string, number> = Object.fromEntries(Object.values(RecognitionOutcome).map((o) => [o, 0]));
  let divergent = 0;
  for (const c of decisions.flatMap((q) => q.criteria)) {
    counts[c.outcome]++;
    if (c.divergent) divergent++;
  }
  return { counts, divergent };
}

describe('bulk mode = explained mode', () => {
  it('on a seeded synthetic set (6 jurisdictions × 40 criteria, 14 agreements × 5 rules, 120 systems × 40 results), every outcome kind in numbers', () => {
    const set = syntheticRecognition({
      seed: 20260601,
      jurisdictions: 6,
      criteriaPerJurisdiction: 40,
      agreements: 14,
      systems: 120,
      resultsPerSystem: 40,
    });
    const input = syntheticCase(set, range(120));
    const explained = decisionsOf(resolveCase(input));
    expect(resolveCaseBulk(input)).toEqual(explained);
    // The comparison means something only if the set exercises every branch.
    const { counts, divergent } = distribution(explained);
    for (const outcome of Object.values(RecognitionOutcome)) expect(counts[outcome]).toBeGreaterThan(50);
    expect(divergent).toBeGreaterThan(5);
  });

  it('on the full-size static part (20 jurisdictions × 100 criteria, 40 agreements × 5 rules) for 25 systems × 60 results against all 20 authorities', () => {
    const set = syntheticRecognition({ seed: 7 });
    const input = syntheticCase(
      set,
      range(25).map((i) => i * 397),
    );
    const explained = decisionsOf(resolveCase(input));
    expect(explained.length).toBe(25 * 20);
    expect(resolveCaseBulk(input)).toEqual(explained);
  });

  it('on random small cases (fast-check, the generators of the §4 properties)', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        expect(resolveCaseBulk(input)).toEqual(decisionsOf(resolveCase(input)));
      }),
      { numRuns: 1000 },
    );
  });

  it('on random small cases where one sector is the empty string (criteria read it as none, rule scopes as a sector)', () => {
    const blank = (list: string[]) => list.map((s) => (s === 'FIN' ? '' : s));
    fc.assert(
      fc.property(caseArb, (original) => {
        const input: RecognitionCase = {
          ...original,
          criteria: original.criteria.map((c) => ({ ...c, sectors: blank(c.sectors) })),
          agreements: original.agreements.map((a) => ({
            ...a,
            rules: a.rules.map((r) => ({ ...r, sectors: blank(r.sectors) })),
          })),
          systems: original.systems.map((s) => ({ ...s, sector: s.sector === 'FIN' ? '' : s.sector })),
        };
        expect(resolveCaseBulk(input)).toEqual(decisionsOf(resolveCase(input)));
      }),
      { numRuns: 300 },
    );
  });

  const EXAMPLES = resolve(process.cwd(), 'examples/recognition');
  const examples = readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.case.json'))
    .map((name) => name.slice(0, -'.case.json'.length))
    .sort();

  it.each(examples)('on the worked example %s (and its expected file)', (name) => {
    const input = parseRecognitionCaseJson(readFileSync(join(EXAMPLES, `${name}.case.json`), 'utf8'));
    const expected = JSON.parse(readFileSync(join(EXAMPLES, `${name}.expected.json`), 'utf8'));
    const bulk = resolveCaseBulk(input);
    expect(bulk).toEqual(decisionsOf(resolveCase(input)));
    expect(bulk).toEqual(
      expected.resolutions.map((q: any) => ({
        ...q,
        criteria: q.criteria.map(({ supplementary: _s, ...rest }: any) => rest),
      })),
    );
  });
});

describe('bulk API', () => {
  const set = syntheticRecognition({
    seed: 99,
    jurisdictions: 5,
    criteriaPerJurisdiction: 30,
    agreements: 10,
    systems: 40,
    resultsPerSystem: 30,
  });
  const compiled = compileRecognition(set.static);

  it('reuses one prepared system and one output across systems of different sizes, writing nothing stale', () => {
    const out = createBulkOutput(compiled);
    const prepared = prepareBulkSystem(compiled, set.system(0).system, []);
    for (const n of [3, 1, 7, 2]) {
      const { system, results } = set.system(n);
      const trimmed = results.slice(0, 5 + n * 3);
      prepareBulkSystem(compiled, system, trimmed, prepared);
      const explained = decisionsOf(
        resolveCase({
          ...syntheticCase(set, []),
          systems: [system],
          results: trimmed,
          queries: set.static.authorities.map((a) => ({ system: system.id, authority: a.id })),
        }),
      );
      compiled.authorities.forEach((authority, a) => {
        resolvePreparedBulk(compiled, prepared, a, out);
        expect(out.count).toBe(compiled.criteriaOf(a).length);
        expect(bulkDecisions(compiled, out)).toEqual(explained[a].criteria);
        expect(compiled.authorities[out.authority].id).toBe(authority.id);
      });
    }
  });

  it('writes codes that map to the explained outcomes, with -1 where there is no result or rule', () => {
    const { system, results } = set.system(5);
    const out = resolveSystemBulk(compiled, system, results, compiled.authorities[1].id, createBulkOutput(compiled));
    for (let k = 0; k < out.count; k++) {
      const code = out.outcome[k];
      expect(BULK_OUTCOMES[code]).toBeDefined();
      const recognised = code === BulkOutcome.RECOGNISED || code === BulkOutcome.RECOGNISED_WITH_CONDITIONS;
      expect(out.rule[k] >= 0).toBe(recognised);
      expect(out.agreement[k] >= 0).toBe(recognised);
      if (recognised) expect(compiled.rules[out.rule[k]].agreementIndex).toBe(out.agreement[k]);
      expect(out.result[k] >= 0).toBe(recognised || code === BulkOutcome.SATISFIED_LOCALLY);
      if (out.divergent[k]) expect(recognised).toBe(true);
    }
  });

  it('ignores results of other systems and results tested after asOf, as the explained mode does', () => {
    const { system, results } = set.system(4);
    const other = set.system(9).results;
    const future = results.map((r) => ({
      ...r,
      id: `${r.id}-later`,
      testedAt: '2026-06-02',
      lab: { accredited: true, accreditationBody: null },
    }));
    const out = createBulkOutput(compiled);
    const reference = createBulkOutput(compiled);
    for (const a of compiled.authorities) {
      resolveSystemBulk(compiled, system, [...other, ...results, ...future], a.id, out);
      resolveSystemBulk(compiled, system, results, a.id, reference);
      expect(bulkDecisions(compiled, out)).toEqual(bulkDecisions(compiled, reference));
    }
  });

  it('refuses an unknown authority and a system prepared for another compilation', () => {
    const { system, results } = set.system(1);
    const out = createBulkOutput(compiled);
    expect(() => resolveSystemBulk(compiled, system, results, 'nobody', out)).toThrow('Unknown authority "nobody"');
    const prepared = prepareBulkSystem(compileRecognition(set.static), system, results);
    expect(() => resolvePreparedBulk(compiled, prepared, 0, out)).toThrow('another compilation');
    expect(() =>
      resolvePreparedBulk(compiled, prepareBulkSystem(compiled, system, results), compiled.authorities.length, out),
    ).toThrow('no authority');
  });

  it('fastDayNumber agrees with dayNumber (leap years, centuries, month ends)', () => {
    for (let d = dayNumber('1899-12-01'); d < dayNumber('2101-03-01'); d += 1) {
      const day = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (fastDayNumber(day) !== d) throw new Error(`fastDayNumber(${day}) = ${fastDayNumber(day)}, not ${d}`);
    }
    expect(fastDayNumber('2000-02-29')).toBe(dayNumber('2000-02-29'));
  });
});

describe('synthetic recognition set', () => {
  it('is deterministic: the same seed gives the same static part and the same systems; another seed does not', () => {
    const a = syntheticRecognition({
      seed: 1,
      jurisdictions: 4,
      criteriaPerJurisdiction: 10,
      agreements: 4,
      systems: 10,
    });
    const b = syntheticRecognition({
      seed: 1,
      jurisdictions: 4,
      criteriaPerJurisdiction: 10,
      agreements: 4,
      systems: 10,
    });
    const c = syntheticRecognition({
      seed: 2,
      jurisdictions: 4,
      criteriaPerJurisdiction: 10,
      agreements: 4,
      systems: 10,
    });
    expect(JSON.stringify(a.static)).toBe(JSON.stringify(b.static));
    expect(JSON.stringify(a.system(7))).toBe(JSON.stringify(b.system(7)));
    expect(JSON.stringify(a.static)).not.toBe(JSON.stringify(c.static));
    expect(JSON.stringify(a.system(7))).not.toBe(JSON.stringify(a.system(6)));
    expect(() => a.system(10)).toThrow(RangeError);
  });

  it('is a valid sandbridge/recognition-case@1 with the requested sizes and a mix of statuses, effects and modes', () => {
    const set = syntheticRecognition({ seed: 3 });
    const input: RecognitionCase = syntheticCase(set, [0, 1]);
    // Through JSON and the file-format parser (which writes BETWEEN as [low, high]): what the bench
    // resolves is a case the CLI would accept, and reads back the same.
    const file = {
      ...input,
      criteria: input.criteria.map(({ thresholdHigh, ...c }) => ({
        ...c,
        threshold: thresholdHigh === null ? c.threshold : [c.threshold, thresholdHigh],
      })),
    };
    const parsed = parseRecognitionCase(JSON.parse(JSON.stringify(file)));
    expect(parsed).toEqual(input);
    expect(parsed.criteria).toHaveLength(2000);
    expect(parsed.authorities).toHaveLength(20);
    expect(parsed.agreements).toHaveLength(40);
    expect(parsed.agreements.flatMap((a) => a.rules)).toHaveLength(200);
    expect(parsed.results).toHaveLength(120);
    expect(parsed.queries).toHaveLength(40);
    expect(new Set(parsed.agreements.map((a) => a.status)).size).toBeGreaterThanOrEqual(4);
    const rules = parsed.agreements.flatMap((a) => a.rules);
    expect(new Set(rules.map((r) => r.effect)).size).toBe(3);
    expect(new Set(rules.filter((r) => r.mode).map((r) => r.mode)).size).toBe(2);
    expect(parsed.crosswalks.length).toBeGreaterThan(500);
  });
});

describe('compileWithoutAgreement', () => {
  /** Decisions of `systems` against every authority: prepared for `preparedFor`, resolved under `compiled`. */
  function decide(
    compiled: ReturnType<typeof compileRecognition>,
    preparedFor: ReturnType<typeof compileRecognition>,
    systems: { system: RecognitionCase['systems'][number]; results: RecognitionCase['results'] }[],
  ) {
    const out = createBulkOutput(compiled);
    return systems.flatMap(({ system, results }) => {
      const prepared = prepareBulkSystem(preparedFor, system, results);
      return compiled.authorities.map((_, a) =>
        bulkDecisions(compiled, resolvePreparedBulk(compiled, prepared, a, out)),
      );
    });
  }

  it('decides as compiling the set without that agreement, on systems prepared for the full set', () => {
    const set = syntheticRecognition({
      seed: 20260601,
      jurisdictions: 6,
      criteriaPerJurisdiction: 40,
      agreements: 14,
      systems: 40,
      resultsPerSystem: 40,
    });
    const compiled = compileRecognition(set.static);
    const systems = range(40).map((n) => set.system(n));
    const full = decide(compiled, compiled, systems);
    let changed = 0;
    set.static.agreements.forEach((agreement, g) => {
      const derived = compileWithoutAgreement(compiled, g);
      const reference = compileRecognition({
        ...set.static,
        agreements: set.static.agreements.filter((a) => a !== agreement),
      });
      const decisions = decide(derived, compiled, systems);
      expect(decisions).toEqual(decide(reference, reference, systems));
      if (JSON.stringify(decisions) !== JSON.stringify(full)) changed++;
      // The removed agreement is never chosen, and a derivation derives again.
      expect(decisions.flat().some((d) => d.agreement === agreement.id)).toBe(false);
      if (g === 3)
        expect(decide(compileWithoutAgreement(derived, 0), compiled, systems.slice(0, 10))).toEqual(
          decide(compileWithoutAgreement(compileWithoutAgreement(compiled, 0), g), compiled, systems.slice(0, 10)),
        );
    });
    // Removing an agreement does change decisions (allow rules chosen, EXCLUDE rules lifted).
    expect(changed).toBeGreaterThan(5);
  });

  it('decides as compiling without it on random small cases (EXCLUDE, windows, conditions)', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const compiled = compileRecognition(input);
        const systems = input.systems.map((system) => ({
          system,
          results: input.results.filter((r) => r.system === system.id),
        }));
        input.agreements.forEach((agreement, g) => {
          const reference = compileRecognition({
            ...input,
            agreements: input.agreements.filter((a) => a !== agreement),
          });
          expect(decide(compileWithoutAgreement(compiled, g), compiled, systems)).toEqual(
            decide(reference, reference, systems),
          );
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an agreement index out of range, and still refuses systems prepared for an unrelated compilation', () => {
    const set = syntheticRecognition({
      seed: 5,
      jurisdictions: 3,
      criteriaPerJurisdiction: 5,
      agreements: 3,
      systems: 2,
      resultsPerSystem: 5,
    });
    const compiled = compileRecognition(set.static);
    expect(() => compileWithoutAgreement(compiled, 3)).toThrow('no agreement 3');
    expect(() => compileWithoutAgreement(compiled, -1)).toThrow(RangeError);
    const { system, results } = set.system(0);
    const derived = compileWithoutAgreement(compiled, 1);
    expect(() =>
      resolvePreparedBulk(
        derived,
        prepareBulkSystem(compileRecognition(set.static), system, results),
        0,
        createBulkOutput(derived),
      ),
    ).toThrow('another compilation');
  });
});
