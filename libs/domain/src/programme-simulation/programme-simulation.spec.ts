import { describe, expect, it } from '@jest/globals';
import { threeMonthsOffset } from './programme-model.js';
import type { DesignResult, Figure, ProgrammeResult } from './programme-scenario.js';
import { finishProgrammeSimulation, simulateProgramme, simulateProgrammeReplications } from './programme-simulation.js';
import { authority, design, scenario } from './programme-simulation.spec-helpers.js';

// Exact scenarios (every rate 0 or 1, min = max days), each worked out by hand: every replication
// is the same, so each figure is { mean: v, p5: v, p95: v }.

const exact = (v: number): Figure => ({ mean: v, p5: v, p95: v });

/** The figures of design `d` when every replication must be equal (checked here): metric → value. */
function values(result: ProgrammeResult, d = 0) {
  const design: DesignResult = result.designs[d];
  const flat: Record<string, number> = {};
  for (const [key, f] of Object.entries(design.metrics)) {
    expect(f).toEqual(exact(f.mean));
    flat[key] = f.mean;
  }
  for (const a of design.byAuthority)
    for (const key of ['admitted', 'declined', 'capacityLimited'] as const) {
      expect(a[key]).toEqual(exact(a[key].mean));
      flat[`${a.authority}.${key}`] = a[key].mean;
    }
  return flat;
}

describe('the model, exactly', () => {
  it('EACH_AUTHORITY: tested when all tracks are decided and one admitted; declines stay declined', () => {
    const s = scenario({
      authorities: [authority('a'), authority('b', { screeningPassRate: 0, reviewDays: { min: 20, max: 20 } })],
    });
    expect(values(simulateProgramme(s))).toEqual({
      applications: 3,
      admitted: 3,
      crossBorder: 0,
      exitedWithOne: 3,
      exitedWithTwo: 0,
      decisionDaysP50: 20, // decided when b's decline (day 20) completes the tracks
      decisionDaysP90: 20,
      overdueShare: 0,
      utilisation: 0.003, // three places of 1000 held from day 10
      'a.admitted': 3,
      'a.declined': 0,
      'a.capacityLimited': 0,
      'b.admitted': 0,
      'b.declined': 3,
      'b.capacityLimited': 0,
    });
  });

  it('queues: the i-th track starts 30 × ⌊i / reviewsPerMonth⌋ days in, then takes its review', () => {
    // One authority reviewing 2 a month, 5 applicants: decided on days 10, 10, 40, 40, 70.
    const s = scenario({
      authorities: [authority('a', { reviewsPerMonth: 2 })],
      applicants: { count: 5, targets: { min: 1, max: 1 } },
      designs: [design('a alone', ['a'])],
    });
    const v = values(simulateProgramme(s));
    expect(v.decisionDaysP50).toBe(40); // rank ⌈0.5 × 5⌉ = 3
    expect(v.decisionDaysP90).toBe(70); // rank ⌈0.9 × 5⌉ = 5
  });

  it('"3 calendar months" clamps to the month end: from 2027-11-30 the limit is 2028-02-29 (day 91)', () => {
    expect(threeMonthsOffset('2027-11-30')).toBe(91);
    expect(threeMonthsOffset('2026-11-30')).toBe(90); // 2027-02-28
    expect(threeMonthsOffset('2026-01-15')).toBe(90); // 2026-04-15
    const run = (review: number) =>
      values(
        simulateProgramme(
          scenario({
            authorities: [authority('a', { reviewsPerMonth: 1, reviewDays: { min: review, max: review } })],
            applicants: { count: 4, targets: { min: 1, max: 1 } },
            designs: [design('a alone', ['a'])],
          }),
        ),
      ).overdueShare;
    expect(run(1)).toBe(0); // days 1, 31, 61, 91: the last on the limit, not after it
    expect(run(2)).toBe(0.25); // days 2, 32, 62, 92: one of four after
  });

  it('capacity: a place freed by testing that ends on a day is free for that day’s decisions', () => {
    const run = (testingDays: number) =>
      values(
        simulateProgramme(
          scenario({
            authorities: [authority('a', { reviewsPerMonth: 1 })],
            applicants: { count: 2, targets: { min: 1, max: 1 } },
            // The first enrolment enters on day 10; the second is decided on day 40.
            designs: [design('one place', ['a'], { capacity: 1, testingDays })],
          }),
        ),
      );
    expect(run(30)).toMatchObject({ admitted: 2, 'a.admitted': 2, 'a.capacityLimited': 0, utilisation: 1 });
    expect(run(31)).toMatchObject({
      admitted: 1,
      'a.admitted': 1,
      'a.declined': 1, // capacity-limited counts as declined
      'a.capacityLimited': 1,
      utilisation: 1,
    });
  });

  it('capacity: a declined enrolment releases its place at once (UNANIMOUS after an admission)', () => {
    // a admits on day 10 (place taken), b declines on day 20 (place released): one place serves all three.
    const s = scenario({
      authorities: [
        authority('a', { reviewsPerMonth: 1 }),
        authority('b', { screeningPassRate: 0, reviewDays: { min: 20, max: 20 }, reviewsPerMonth: 1 }),
      ],
      designs: [design('unanimous', ['a', 'b'], { jointEntryRule: 'UNANIMOUS', capacity: 1 })],
    });
    expect(values(simulateProgramme(s))).toMatchObject({
      admitted: 0,
      'a.admitted': 3,
      'a.capacityLimited': 0,
      'b.declined': 3,
      utilisation: 1,
      decisionDaysP50: 50, // days 20, 50, 80
    });
  });

  it('UNANIMOUS: the first decline decides; tracks still pending stay undecided but count in overdueShare', () => {
    // a declines on day 100 (after the 3-month limit, day 91); b would decide on day 200.
    const authorities = [
      authority('a', { screeningPassRate: 0, reviewDays: { min: 100, max: 100 } }),
      authority('b', { reviewDays: { min: 200, max: 200 } }),
    ];
    const unanimous = values(
      simulateProgramme(scenario({ authorities, designs: [design('u', ['a', 'b'], { jointEntryRule: 'UNANIMOUS' })] })),
    );
    expect(unanimous).toMatchObject({
      admitted: 0,
      decisionDaysP50: 100,
      overdueShare: 0.5, // 3 decided tracks, all late, over 6 tracks
      'a.declined': 3,
      'b.admitted': 0,
      'b.declined': 0,
      utilisation: 0,
    });
    const each = values(simulateProgramme(scenario({ authorities, designs: [design('e', ['a', 'b'])] })));
    expect(each).toMatchObject({ admitted: 3, decisionDaysP50: 200, overdueShare: 1, 'b.admitted': 3 });
  });

  it('UNANIMOUS: tested when every track admits; admitted by two is cross-border', () => {
    const s = scenario({
      authorities: [authority('a'), authority('b', { reviewDays: { min: 50, max: 50 }, exitAuthoriseRate: 0 })],
      designs: [design('u', ['a', 'b'], { jointEntryRule: 'UNANIMOUS' })],
    });
    expect(values(simulateProgramme(s))).toMatchObject({
      admitted: 3,
      crossBorder: 3,
      exitedWithOne: 3, // a authorises, b does not
      exitedWithTwo: 0,
      decisionDaysP50: 50,
    });
  });

  it('LEAD_DECIDES: the lead is always targeted, and its decision is every track’s, that day', () => {
    // The lead weighs 0, so only the lead rule puts it among the targets; b declines on its own draw.
    const s = scenario({
      authorities: [authority('lead', { reviewDays: { min: 5, max: 5 } }), authority('b', { screeningPassRate: 0 })],
      applicants: { count: 3, targets: { min: 2, max: 2 }, targetWeights: { lead: 0, b: 1 } },
      designs: [design('lead', ['b', 'lead'], { jointEntryRule: 'LEAD_DECIDES', lead: 'lead' })],
    });
    expect(values(simulateProgramme(s))).toMatchObject({
      admitted: 3,
      crossBorder: 3,
      exitedWithTwo: 3,
      decisionDaysP50: 5,
      'b.admitted': 3,
      'b.declined': 0,
      'lead.admitted': 3,
    });
    // One target drawn: it is the lead, whatever the weights.
    const alone = scenario({
      authorities: [authority('lead'), authority('b')],
      applicants: { count: 3, targets: { min: 1, max: 1 }, targetWeights: { lead: 0, b: 1 } },
      designs: [design('lead', ['b', 'lead'], { jointEntryRule: 'LEAD_DECIDES', lead: 'lead' })],
    });
    expect(values(simulateProgramme(alone))).toMatchObject({ 'lead.admitted': 3, 'b.admitted': 0, 'b.declined': 0 });
  });

  it('LEAD_DECIDES: a capacity-limited lead ADMIT declines the enrolment, every track capacity-limited', () => {
    const s = scenario({
      authorities: [authority('lead', { reviewsPerMonth: 1 }), authority('b')],
      designs: [
        design('lead', ['lead', 'b'], { jointEntryRule: 'LEAD_DECIDES', lead: 'lead', capacity: 1, testingDays: 365 }),
      ],
    });
    expect(values(simulateProgramme(s))).toMatchObject({
      admitted: 1,
      'lead.admitted': 1,
      'lead.declined': 2,
      'lead.capacityLimited': 2,
      'b.admitted': 1,
      'b.declined': 2,
      'b.capacityLimited': 2,
      utilisation: 1,
    });
  });

  it('recognition: a decline after an admission in the origin jurisdiction is admitted with probability share', () => {
    const run = (share: number, accepts: boolean, originFirst = true) =>
      values(
        simulateProgramme(
          scenario({
            authorities: [
              authority('a', { reviewDays: { min: originFirst ? 10 : 30, max: originFirst ? 10 : 30 } }),
              authority('b', { screeningPassRate: 0, reviewDays: { min: 20, max: 20 } }),
            ],
            recognition: { pairs: [{ origin: 'A', recognising: 'B', share }] },
            designs: [design('d', ['a', 'b'], { acceptsRecognisedResults: accepts })],
          }),
        ),
      );
    expect(run(1, true)).toMatchObject({ crossBorder: 3, 'b.admitted': 3, 'b.declined': 0, exitedWithTwo: 3 });
    expect(run(0, true)).toMatchObject({ crossBorder: 0, 'b.admitted': 0, 'b.declined': 3 });
    expect(run(1, false)).toMatchObject({ crossBorder: 0, 'b.declined': 3 }); // the design does not accept
    expect(run(1, true, false)).toMatchObject({ crossBorder: 0, 'b.declined': 3 }); // a decided after b
  });

  it('recognition does not chain: an admission that was itself recognised is no origin', () => {
    const s = scenario({
      authorities: [
        authority('a'),
        authority('b', { screeningPassRate: 0, reviewDays: { min: 20, max: 20 } }),
        authority('c', { screeningPassRate: 0, reviewDays: { min: 30, max: 30 } }),
      ],
      applicants: { count: 3, targets: { min: 3, max: 3 } },
      recognition: {
        pairs: [
          { origin: 'A', recognising: 'B', share: 1 },
          { origin: 'B', recognising: 'C', share: 1 },
        ],
      },
      designs: [design('d', ['a', 'b', 'c'], { acceptsRecognisedResults: true })],
    });
    expect(values(simulateProgramme(s))).toMatchObject({ 'b.admitted': 3, 'c.admitted': 0, 'c.declined': 3 });
  });

  it('draws targets by weight: a participant the weights leave out is never targeted, a non-participant is ignored', () => {
    const s = scenario({
      authorities: [authority('a'), authority('b'), authority('c')],
      applicants: { count: 5, targets: { min: 1, max: 3 }, targetWeights: { a: 1, b: 0, c: 5 } },
      designs: [design('ab', ['a', 'b'])],
    });
    // Only a has a positive weight among the participants: every applicant targets a alone, whatever it drew.
    expect(values(simulateProgramme(s))).toMatchObject({ 'a.admitted': 5, 'b.admitted': 0, 'b.declined': 0 });
  });

  it('refuses partials that do not cover every replication exactly once', () => {
    const s = scenario({ replications: 4 });
    const [a, b, c] = [
      simulateProgrammeReplications(s, 0, 2),
      simulateProgrammeReplications(s, 2, 3),
      simulateProgrammeReplications(s, 1, 4),
    ];
    expect(() => finishProgrammeSimulation(s, [a, b])).toThrow('the partials cover [0, 3), not [0, 4)');
    expect(() => finishProgrammeSimulation(s, [a, c])).toThrow('overlap');
    expect(() => simulateProgrammeReplications(s, 3, 5)).toThrow(RangeError);
  });

  it('writes programme-result@1 with its keys in order, and deltas from unrounded means', () => {
    const s = scenario({
      designs: [design('first', ['a', 'b']), design('second', ['a', 'b'], { jointEntryRule: 'UNANIMOUS' })],
    });
    const result = simulateProgramme(s);
    expect(Object.keys(result)).toEqual(['format', 'scenario', 'designs']);
    expect(result.format).toBe('sandbridge/programme-result@1');
    expect(result.scenario).toEqual({ seed: 7, replications: 3 });
    expect(Object.keys(result.designs[1])).toEqual(['name', 'metrics', 'byAuthority', 'deltaVsFirst']);
    expect(Object.keys(result.designs[1].metrics)).toEqual([
      'applications',
      'admitted',
      'crossBorder',
      'exitedWithOne',
      'exitedWithTwo',
      'decisionDaysP50',
      'decisionDaysP90',
      'overdueShare',
      'utilisation',
    ]);
    expect(Object.keys(result.designs[1].byAuthority[0])).toEqual([
      'authority',
      'admitted',
      'declined',
      'capacityLimited',
    ]);
    expect(Object.values(result.designs[0].deltaVsFirst).every((d) => d === 0)).toBe(true);
    expect(result.designs[1].deltaVsFirst.crossBorder).toBe(0);
  });
});

describe('the model, statistically', () => {
  it('admits a share within its binomial 99.9% interval over 10,000 replications', () => {
    const p = 0.3;
    const count = 5;
    const s = scenario({
      replications: 10_000,
      authorities: [authority('a', { screeningPassRate: p })],
      applicants: { count, targets: { min: 1, max: 1 } },
      designs: [design('a', ['a'])],
    });
    const admitted = simulateProgramme(s).designs[0].metrics.admitted;
    const trials = count * 10_000;
    // z = 3.2905 leaves 0.05% in each tail; the mean is rounded to 6 decimals (far inside the margin).
    const margin = 3.2905 * Math.sqrt(trials * p * (1 - p));
    expect(Math.abs(admitted.mean * 10_000 - trials * p)).toBeLessThan(margin);
    expect(admitted.p5).toBeLessThan(admitted.p95);
  });
});
