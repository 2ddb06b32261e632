import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { EnrolmentState, EntryDecision, TrackState } from '../enrolments/enrolment-states.js';
import { addDays } from '../time/day-arithmetic.js';
import {
  compareDeadlines,
  countOverdue,
  type Deadline,
  DeadlineKind,
  deadlineOn,
  deadlinesOf,
  type EnrolmentDeadlineFacts,
  type TrackDeadlineFacts,
} from './deadlines.js';

const track = (authorityId: string, fields: Partial<TrackDeadlineFacts> = {}): TrackDeadlineFacts => ({
  authorityId,
  state: TrackState.PENDING,
  entryDecision: null,
  entryDecidedOn: null,
  exitReportIssuedOn: null,
  ...fields,
});

const admitted = (authorityId: string, on: string, fields: Partial<TrackDeadlineFacts> = {}) =>
  track(authorityId, { state: TrackState.ADMITTED, entryDecision: EntryDecision.ADMIT, entryDecidedOn: on, ...fields });

const facts = (fields: Partial<EnrolmentDeadlineFacts>): EnrolmentDeadlineFacts => ({
  state: EnrolmentState.SUBMITTED,
  submittedOn: '2026-11-30',
  exitedOn: null,
  tracks: [track('fca')],
  plan: null,
  ...fields,
});

const of = (list: Deadline[], kind: DeadlineKind, authorityId: string | null = null) =>
  list.find((d) => d.kind === kind && d.authorityId === authorityId);
const trackDeadlines = (f: EnrolmentDeadlineFacts, today: string, authorityId = 'fca') =>
  deadlinesOf(f, today).tracks.find((t) => t.authorityId === authorityId)!.deadlines;
const open = (due: string) => ({ due, metOn: null });
const overdueBy = (n: number) => ({ overdue: n > 0, daysOverdue: n });

describe('the entry decision, per track: submitted + 3 calendar months', () => {
  // Submitted 2026-11-30: 3 months later is 2027-02-28 (February has no 30th).
  const f = facts({ state: EnrolmentState.UNDER_REVIEW });

  it.each([
    ['2027-02-27', 0],
    ['2027-02-28', 0],
    ['2027-03-01', 1],
    ['2027-03-31', 31],
  ])('on %s: %i days overdue', (today, n) => {
    expect(of(trackDeadlines(f, today), DeadlineKind.ENTRY_DECISION, 'fca')).toEqual({
      kind: DeadlineKind.ENTRY_DECISION,
      authorityId: 'fca',
      ...open('2027-02-28'),
      ...overdueBy(n),
    });
  });

  it('is met on the day the track was decided, however late, and never overdue after', () => {
    const decided = facts({
      state: EnrolmentState.DECLINED,
      tracks: [
        track('fca', {
          state: TrackState.DECLINED,
          entryDecision: EntryDecision.DECLINE,
          entryDecidedOn: '2027-03-02',
        }),
      ],
    });
    expect(of(trackDeadlines(decided, '2027-06-01'), DeadlineKind.ENTRY_DECISION, 'fca')).toMatchObject({
      due: '2027-02-28',
      metOn: '2027-03-02',
      ...overdueBy(0),
    });
  });

  it('runs per track: one decided, the other still open', () => {
    const f2 = facts({
      state: EnrolmentState.UNDER_REVIEW,
      submittedOn: '2026-06-15',
      tracks: [admitted('fca', '2026-07-01'), track('mas')],
    });
    const d = deadlinesOf(f2, '2026-09-16');
    expect(d.tracks.map((t) => [t.authorityId, t.deadlines.map((x) => [x.kind, x.metOn, x.daysOverdue])])).toEqual([
      ['fca', [[DeadlineKind.ENTRY_DECISION, '2026-07-01', 0]]],
      ['mas', [[DeadlineKind.ENTRY_DECISION, null, 1]]],
    ]);
  });

  it('does not exist before submission, and an enrolment declined or withdrawn drops what is still open', () => {
    expect(trackDeadlines(facts({ state: EnrolmentState.DRAFT, submittedOn: null }), '2030-01-01')).toEqual([]);
    for (const state of [EnrolmentState.WITHDRAWN, EnrolmentState.DECLINED])
      expect(trackDeadlines(facts({ state }), '2030-01-01')).toEqual([]);
  });
});

describe('the plan agreed: the first admission + 30 days', () => {
  // FCA admitted on 2027-01-20, MAS later: the clock starts at the first admission.
  const base = facts({
    state: EnrolmentState.TESTING,
    submittedOn: '2026-12-01',
    tracks: [admitted('fca', '2027-01-20'), admitted('mas', '2027-02-03')],
  });

  it.each([
    ['2027-02-18', 0],
    ['2027-02-19', 0],
    ['2027-02-20', 1],
  ])('with no plan agreed, on %s: %i days overdue', (today, n) => {
    for (const plan of [null, { agreedOn: null, endDay: null, awaiting: ['fca'] }])
      expect(of(deadlinesOf({ ...base, plan }, today).enrolment, DeadlineKind.PLAN_AGREED)).toEqual({
        kind: DeadlineKind.PLAN_AGREED,
        authorityId: null,
        ...open('2027-02-19'),
        ...overdueBy(n),
      });
  });

  it('is met on the day the plan was first agreed, even after the due day', () => {
    const f = { ...base, plan: { agreedOn: '2027-02-25', endDay: '2027-08-01', awaiting: [] } };
    expect(of(deadlinesOf(f, '2027-03-01').enrolment, DeadlineKind.PLAN_AGREED)).toMatchObject({
      due: '2027-02-19',
      metOn: '2027-02-25',
      ...overdueBy(0),
    });
  });

  it('is owed no more once the enrolment has exited without a plan; an agreed one stays met', () => {
    const exited = { ...base, state: EnrolmentState.EXITED, exitedOn: '2027-09-01' };
    expect(of(deadlinesOf(exited, '2027-10-01').enrolment, DeadlineKind.PLAN_AGREED)).toBeUndefined();
    const agreed = { ...exited, plan: { agreedOn: '2027-02-10', endDay: '2027-08-31', awaiting: [] } };
    expect(of(deadlinesOf(agreed, '2027-10-01').enrolment, DeadlineKind.PLAN_AGREED)).toMatchObject({
      metOn: '2027-02-10',
    });
  });

  it('does not exist before a track is admitted', () => {
    const f = facts({ state: EnrolmentState.UNDER_REVIEW, tracks: [track('fca')] });
    expect(of(deadlinesOf(f, '2030-01-01').enrolment, DeadlineKind.PLAN_AGREED)).toBeUndefined();
  });
});

describe('the extension request limit and the end of testing: the agreed plan’s end day', () => {
  const plan = { agreedOn: '2027-02-10', endDay: '2027-08-31', awaiting: [] };
  const testing = facts({
    state: EnrolmentState.TESTING,
    submittedOn: '2026-12-01',
    tracks: [admitted('fca', '2027-01-20')],
    plan,
  });

  it.each(['2027-07-31', '2027-08-01', '2027-08-02', '2028-01-01'])(
    'the extension limit is end day − 30 (2027-08-01), shown and never overdue (on %s)',
    (today) => {
      expect(of(deadlinesOf(testing, today).enrolment, DeadlineKind.EXTENSION_REQUEST)).toEqual({
        kind: DeadlineKind.EXTENSION_REQUEST,
        authorityId: null,
        ...open('2027-08-01'),
        ...overdueBy(0),
      });
    },
  );

  it.each([
    ['2027-08-30', 0],
    ['2027-08-31', 0],
    ['2027-09-01', 1],
  ])('testing ends on the end day; still TESTING on %s: %i days overdue', (today, n) => {
    expect(of(deadlinesOf(testing, today).enrolment, DeadlineKind.TESTING_ENDS)).toEqual({
      kind: DeadlineKind.TESTING_ENDS,
      authorityId: null,
      ...open('2027-08-31'),
      ...overdueBy(n),
    });
  });

  it('testing past its end is overdue only while the enrolment is TESTING', () => {
    for (const state of [EnrolmentState.EXIT_REVIEW, EnrolmentState.SUSPENDED])
      expect(of(deadlinesOf({ ...testing, state }, '2027-10-01').enrolment, DeadlineKind.TESTING_ENDS)).toMatchObject({
        metOn: null,
        ...overdueBy(0),
      });
  });

  it('an exited enrolment met its end of testing on its exit day, and has no extension limit any more', () => {
    const exited = { ...testing, state: EnrolmentState.EXITED, exitedOn: '2027-09-03' };
    const d = deadlinesOf(exited, '2027-10-01').enrolment;
    expect(of(d, DeadlineKind.TESTING_ENDS)).toMatchObject({ metOn: '2027-09-03', ...overdueBy(0) });
    expect(of(d, DeadlineKind.EXTENSION_REQUEST)).toBeUndefined();
  });

  it('an extension (a new agreed end day) moves both', () => {
    const extended = { ...testing, plan: { ...plan, endDay: '2027-12-31' } };
    const d = deadlinesOf(extended, '2027-09-01').enrolment;
    expect(of(d, DeadlineKind.EXTENSION_REQUEST)!.due).toBe('2027-12-01');
    expect(of(d, DeadlineKind.TESTING_ENDS)).toMatchObject({ due: '2027-12-31', ...overdueBy(0) });
  });

  it('neither exists without an agreed end day', () => {
    const d = deadlinesOf({ ...testing, plan: { agreedOn: null, endDay: null, awaiting: ['fca'] } }, '2027-09-01');
    expect(d.enrolment.map((x) => x.kind)).toEqual([DeadlineKind.PLAN_AGREED]);
  });
});

describe('the exit report issued, per authority: the exit day + 2 calendar months', () => {
  // Exited on 2027-12-31: two months later is 2028-02-29 (a leap year's last day of February).
  const exited = facts({
    state: EnrolmentState.EXITED,
    submittedOn: '2027-01-04',
    exitedOn: '2027-12-31',
    tracks: [
      admitted('fca', '2027-02-01', { state: TrackState.AUTHORISED }),
      admitted('mas', '2027-02-01', { state: TrackState.REJECTED, exitReportIssuedOn: '2028-01-15' }),
      track('aio', { state: TrackState.DECLINED, entryDecision: EntryDecision.DECLINE, entryDecidedOn: '2027-02-01' }),
    ],
  });

  it.each([
    ['2028-02-28', 0],
    ['2028-02-29', 0],
    ['2028-03-01', 1],
  ])('not issued, on %s: %i days overdue', (today, n) => {
    expect(of(trackDeadlines(exited, today, 'fca'), DeadlineKind.EXIT_REPORT_ISSUED, 'fca')).toEqual({
      kind: DeadlineKind.EXIT_REPORT_ISSUED,
      authorityId: 'fca',
      ...open('2028-02-29'),
      ...overdueBy(n),
    });
  });

  it('is met by the first issued report; a declined track owes none', () => {
    expect(of(trackDeadlines(exited, '2028-03-01', 'mas'), DeadlineKind.EXIT_REPORT_ISSUED, 'mas')).toMatchObject({
      metOn: '2028-01-15',
      ...overdueBy(0),
    });
    expect(of(trackDeadlines(exited, '2028-03-01', 'aio'), DeadlineKind.EXIT_REPORT_ISSUED, 'aio')).toBeUndefined();
  });

  it('does not run before the enrolment has exited, even for a track already decided', () => {
    const reviewing = { ...exited, state: EnrolmentState.EXIT_REVIEW, exitedOn: null };
    expect(of(trackDeadlines(reviewing, '2030-01-01', 'fca'), DeadlineKind.EXIT_REPORT_ISSUED, 'fca')).toBeUndefined();
  });
});

describe('order and counts', () => {
  const d = (kind: DeadlineKind, due: string, today: string, metOn: string | null = null) =>
    deadlineOn(kind, null, due, metOn, today);

  it('puts the most overdue first, then the earliest due', () => {
    const today = '2027-05-10';
    const list = [
      d(DeadlineKind.TESTING_ENDS, '2027-06-01', today),
      d(DeadlineKind.PLAN_AGREED, '2027-05-01', today),
      d(DeadlineKind.ENTRY_DECISION, '2027-05-20', today, '2027-05-02'),
      d(DeadlineKind.EXIT_REPORT_ISSUED, '2027-04-01', today),
    ].sort(compareDeadlines);
    expect(list.map((x) => [x.kind, x.daysOverdue])).toEqual([
      [DeadlineKind.EXIT_REPORT_ISSUED, 39],
      [DeadlineKind.PLAN_AGREED, 9],
      [DeadlineKind.ENTRY_DECISION, 0],
      [DeadlineKind.TESTING_ENDS, 0],
    ]);
  });

  it('counts the overdue deadlines per kind that can be overdue', () => {
    const today = '2027-05-10';
    expect(
      countOverdue([
        d(DeadlineKind.ENTRY_DECISION, '2027-05-01', today),
        d(DeadlineKind.ENTRY_DECISION, '2027-05-09', today),
        d(DeadlineKind.ENTRY_DECISION, '2027-05-10', today),
        d(DeadlineKind.EXIT_REPORT_ISSUED, '2027-01-01', today, '2027-04-01'),
      ]),
    ).toEqual([
      { kind: DeadlineKind.ENTRY_DECISION, count: 2 },
      { kind: DeadlineKind.PLAN_AGREED, count: 0 },
      { kind: DeadlineKind.TESTING_ENDS, count: 0 },
      { kind: DeadlineKind.EXIT_REPORT_ISSUED, count: 0 },
    ]);
  });
});

describe('properties', () => {
  const day = fc
    .integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
    .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
  const state = fc.constantFrom(...Object.values(EnrolmentState));
  const trackFacts = fc.record({
    authorityId: fc.constantFrom('a', 'b', 'c'),
    state: fc.constantFrom(...Object.values(TrackState)),
    entryDecision: fc.option(fc.constantFrom(...Object.values(EntryDecision))),
    entryDecidedOn: fc.option(day),
    exitReportIssuedOn: fc.option(day),
  });
  const enrolmentFacts = fc.record({
    state,
    submittedOn: fc.option(day),
    exitedOn: fc.option(day),
    tracks: fc.uniqueArray(trackFacts, { selector: (t) => t.authorityId, maxLength: 3 }),
    plan: fc.option(
      fc.record({ agreedOn: fc.option(day), endDay: fc.option(day), awaiting: fc.constant<string[]>([]) }),
    ),
  });

  it('a deadline is overdue exactly when it is open, running and past due, by today − due days', () => {
    fc.assert(
      fc.property(enrolmentFacts, day, (f, today) => {
        const d = deadlinesOf(f, today);
        for (const x of [...d.enrolment, ...d.tracks.flatMap((t) => t.deadlines)]) {
          expect(x.daysOverdue).toBeGreaterThanOrEqual(0);
          expect(x.overdue).toBe(x.daysOverdue > 0);
          if (x.overdue) {
            expect(x.metOn).toBeNull();
            expect(today > x.due).toBe(true);
            expect(addDays(x.due, x.daysOverdue)).toBe(today);
          }
          if (x.kind === DeadlineKind.EXTENSION_REQUEST) expect(x.overdue).toBe(false);
          if (x.kind === DeadlineKind.TESTING_ENDS && f.state !== EnrolmentState.TESTING) expect(x.overdue).toBe(false);
        }
      }),
    );
  });

  it('a day later, an open overdue deadline is one day more overdue; a met one never becomes overdue', () => {
    fc.assert(
      fc.property(enrolmentFacts, day, (f, today) => {
        const now = deadlinesOf(f, today);
        const next = deadlinesOf(f, addDays(today, 1));
        const all = (x: typeof now) => [...x.enrolment, ...x.tracks.flatMap((t) => t.deadlines)];
        const a = all(now);
        const b = all(next);
        expect(b.map((x) => [x.kind, x.authorityId, x.due]).sort()).toEqual(
          a.map((x) => [x.kind, x.authorityId, x.due]).sort(),
        );
        for (const x of a) {
          const y = b.find((z) => z.kind === x.kind && z.authorityId === x.authorityId)!;
          if (x.overdue) expect(y.daysOverdue).toBe(x.daysOverdue + 1);
          if (x.metOn !== null) expect(y.overdue).toBe(false);
        }
      }),
    );
  });

  it('lists each kind at most once per enrolment or track, in order', () => {
    fc.assert(
      fc.property(enrolmentFacts, day, (f, today) => {
        const d = deadlinesOf(f, today);
        for (const list of [d.enrolment, ...d.tracks.map((t) => t.deadlines)]) {
          expect(new Set(list.map((x) => x.kind)).size).toBe(list.length);
          expect([...list].sort(compareDeadlines)).toEqual(list);
        }
        expect(d.tracks.map((t) => t.authorityId)).toEqual(f.tracks.map((t) => t.authorityId));
      }),
    );
  });
});
