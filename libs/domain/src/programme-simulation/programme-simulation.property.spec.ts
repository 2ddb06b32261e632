import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ProgrammeScenario } from './programme-scenario.js';
import {
  finishProgrammeSimulation,
  mergeProgrammePartials,
  simulateProgramme,
  simulateProgrammeReplications,
} from './programme-simulation.js';
import { authority, design, scenario } from './programme-simulation.spec-helpers.js';

// Properties the job system relies on: chunks computed apart and merged in any order give the same
// bytes; a design's figures never depend on the designs beside it.

const RULES = ['EACH_AUTHORITY', 'UNANIMOUS', 'LEAD_DECIDES'] as const;

const arbitraryDesign = (ids: string[], name: string) =>
  fc
    .record({
      subset: fc.subarray(ids, { minLength: 1 }),
      rule: fc.constantFrom(...RULES),
      capacity: fc.integer({ min: 1, max: 6 }),
      testingDays: fc.integer({ min: 0, max: 120 }),
      accepts: fc.boolean(),
    })
    .map(({ subset, rule, capacity, testingDays, accepts }) =>
      design(name, subset, {
        jointEntryRule: rule,
        lead: rule === 'LEAD_DECIDES' ? subset[subset.length - 1] : undefined,
        capacity,
        testingDays,
        acceptsRecognisedResults: accepts,
      }),
    );

/** A small random scenario: 1–4 authorities in 1–2 jurisdictions, 1–8 applicants, 1–3 designs, 1–24 replications. */
const arbitraryScenario: fc.Arbitrary<ProgrammeScenario> = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `auth-${i}`);
    return fc.record({
      seed: fc.integer({ min: -1000, max: 1000 }),
      replications: fc.integer({ min: 1, max: 24 }),
      count: fc.integer({ min: 1, max: 8 }),
      targetsMax: fc.integer({ min: 1, max: 4 }),
      authorities: fc.tuple(
        ...ids.map((id) =>
          fc
            .record({
              pass: fc.double({ min: 0, max: 1, noNaN: true }),
              min: fc.integer({ min: 0, max: 60 }),
              span: fc.integer({ min: 0, max: 60 }),
              perMonth: fc.integer({ min: 1, max: 4 }),
              exit: fc.double({ min: 0, max: 1, noNaN: true }),
              jurisdiction: fc.constantFrom('X', 'Y'),
            })
            .map((a) =>
              authority(id, {
                jurisdiction: a.jurisdiction,
                screeningPassRate: a.pass,
                reviewDays: { min: a.min, max: a.min + a.span },
                reviewsPerMonth: a.perMonth,
                exitAuthoriseRate: a.exit,
              }),
            ),
        ),
      ),
      designs: fc.tuple(arbitraryDesign(ids, 'd0'), fc.array(arbitraryDesign(ids, 'dx'), { maxLength: 2 })),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    });
  })
  .map((r) =>
    scenario({
      seed: r.seed,
      replications: r.replications,
      authorities: r.authorities,
      applicants: { count: r.count, targets: { min: 1, max: r.targetsMax } },
      recognition: {
        pairs: [
          { origin: 'X', recognising: 'Y', share: r.share },
          { origin: 'Y', recognising: 'X', share: r.share },
        ].filter(
          (p) =>
            r.authorities.some((a) => a.jurisdiction === p.origin) &&
            r.authorities.some((a) => a.jurisdiction === p.recognising),
        ),
      },
      designs: [r.designs[0], ...r.designs[1].map((d, i) => ({ ...d, name: `d${i + 1}` }))],
    }),
  );

/** Cut points splitting [0, n) into chunks, and a shuffle of them. */
const chunking = (n: number) =>
  fc.tuple(
    fc
      .uniqueArray(fc.integer({ min: 1, max: Math.max(1, n - 1) }), { maxLength: 5 })
      .map((cuts) =>
        [0, ...cuts.filter((c) => c < n).sort((a, b) => a - b), n].filter((c, i, all) => i === 0 || c !== all[i - 1]),
      ),
    fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  );

describe('programme simulation properties', () => {
  it('chunked, merged in any order and grouping: byte-identical to one run', () => {
    fc.assert(
      fc.property(
        arbitraryScenario.chain((s) => fc.tuple(fc.constant(s), chunking(s.replications))),
        ([s, [cuts, keys]]) => {
          const whole = JSON.stringify(simulateProgramme(s));
          const parts = cuts.slice(1).map((to, i) => simulateProgrammeReplications(s, cuts[i], to));
          const shuffled = parts
            .map((part, i) => ({ part, key: keys[i % keys.length] * 31 + i }))
            .sort((x, y) => x.key - y.key)
            .map((x) => x.part);
          expect(JSON.stringify(finishProgrammeSimulation(s, shuffled))).toBe(whole);
          // Merging is associative: pairs first, or everything at once, give the same partial.
          const pairwise = shuffled.reduce((acc, part) => mergeProgrammePartials([part, acc]), { segments: [] });
          expect(pairwise).toEqual(mergeProgrammePartials(parts));
          expect(JSON.stringify(finishProgrammeSimulation(s, [pairwise]))).toBe(whole);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('adding a design, before or after, never changes another design’s figures', () => {
    fc.assert(
      fc.property(arbitraryScenario, (s) => {
        const alone: ProgrammeScenario = { ...s, designs: [s.designs[0]] };
        const [only] = simulateProgramme(alone).designs;
        const withOthers = simulateProgramme(s).designs[0];
        const reversed = simulateProgramme({ ...s, designs: [...s.designs].reverse() }).designs.at(-1)!;
        for (const other of [withOthers, reversed]) {
          expect(other.metrics).toEqual(only.metrics);
          expect(other.byAuthority).toEqual(only.byAuthority);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('adding replications never changes the earlier ones', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 1, max: 10 }), (s, more) => {
        const longer: ProgrammeScenario = { ...s, replications: s.replications + more };
        const short = simulateProgrammeReplications(s, 0, s.replications);
        const long = simulateProgrammeReplications(longer, 0, longer.replications);
        short.segments[0].designs.forEach((values, d) =>
          expect(long.segments[0].designs[d].slice(0, values.length)).toEqual(values),
        );
      }),
      { numRuns: 40 },
    );
  });
});
