import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../errors/domain-error.js';
import { EnrolmentState, ExitDecision, TrackState } from '../enrolments/enrolment-states.js';
import { addDays } from '../time/day-arithmetic.js';
import {
  compareWorkItems,
  evidenceExpiring,
  type QueueTrackFacts,
  type WorkItem,
  WorkItemKind,
  workItemsOf,
  workQueuePage,
} from './work-queue.js';

const ME = 'fca';

const facts = (enrolmentId: string, fields: Partial<QueueTrackFacts>): QueueTrackFacts => ({
  enrolmentId,
  enrolmentState: EnrolmentState.UNDER_REVIEW,
  submittedOn: '2026-11-30',
  admittedOn: null,
  exitedOn: null,
  state: TrackState.PENDING,
  exitDecision: null,
  decidesEntry: true,
  exitReportIssuedOn: null,
  plan: null,
  ...fields,
});

const kinds = (items: WorkItem[]) => items.map((i) => [i.kind, i.enrolmentId, i.due, i.daysOverdue]);

describe('what waits for an authority', () => {
  it('an entry decision on its pending track, due submitted + 3 months: overdue the day after, not on the day', () => {
    const t = [facts('e1', {}), facts('e2', { enrolmentState: EnrolmentState.SUBMITTED, submittedOn: '2026-12-10' })];
    expect(kinds(workItemsOf(ME, t, [], '2027-02-28'))).toEqual([
      [WorkItemKind.ENTRY_DECISION, 'e1', '2027-02-28', 0],
      [WorkItemKind.ENTRY_DECISION, 'e2', '2027-03-10', 0],
    ]);
    expect(workItemsOf(ME, t, [], '2027-03-01')[0]).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(workItemsOf(ME, t, [], '2027-02-27')[0]).toMatchObject({ overdue: false, daysOverdue: 0 });
  });

  it('no entry decision for a decided track, an ended enrolment, or a track the lead decides', () => {
    const t = [
      facts('decided', { state: TrackState.ADMITTED }),
      facts('withdrawn', { enrolmentState: EnrolmentState.WITHDRAWN }),
      facts('declined', { enrolmentState: EnrolmentState.DECLINED }),
      facts('lead-decides', { decidesEntry: false }),
      facts('draft', { enrolmentState: EnrolmentState.DRAFT, submittedOn: null }),
    ];
    expect(workItemsOf(ME, t, [], '2027-06-01')).toEqual([]);
  });

  it('a plan awaiting its approval: due with the plan agreement, or by the end day for an amendment', () => {
    const t = [
      facts('first', {
        enrolmentState: EnrolmentState.TESTING,
        state: TrackState.ADMITTED,
        admittedOn: '2027-01-10',
        plan: { agreedOn: null, endDay: null, awaiting: [ME, 'mas'] },
      }),
      facts('amendment', {
        enrolmentState: EnrolmentState.TESTING,
        state: TrackState.ADMITTED,
        admittedOn: '2026-12-01',
        plan: { agreedOn: '2026-12-20', endDay: '2027-06-30', awaiting: [ME] },
      }),
      facts('not-mine', {
        enrolmentState: EnrolmentState.TESTING,
        state: TrackState.ADMITTED,
        admittedOn: '2027-01-10',
        plan: { agreedOn: null, endDay: null, awaiting: ['mas'] },
      }),
    ];
    expect(kinds(workItemsOf(ME, t, [], '2027-02-10'))).toEqual([
      [WorkItemKind.PLAN_APPROVAL, 'first', '2027-02-09', 1],
      [WorkItemKind.PLAN_APPROVAL, 'amendment', '2027-06-30', 0],
    ]);
  });

  it('reports to review and exit decisions have no due day and come after everything that has one', () => {
    const t = [
      facts('exit-review', { enrolmentState: EnrolmentState.EXIT_REVIEW, state: TrackState.ADMITTED }),
      facts('exit-suspended', { enrolmentState: EnrolmentState.EXIT_REVIEW, state: TrackState.SUSPENDED }),
      facts('exit-decided', {
        enrolmentState: EnrolmentState.EXIT_REVIEW,
        state: TrackState.AUTHORISED,
        exitDecision: ExitDecision.AUTHORISED,
      }),
      facts('entry', { submittedOn: '2027-05-01' }),
    ];
    const items = workItemsOf(ME, t, [{ reportId: 'r1', enrolmentId: 'exit-review' }], '2027-06-01');
    expect(items.map((i) => [i.kind, i.enrolmentId, i.reportId, i.due])).toEqual([
      [WorkItemKind.ENTRY_DECISION, 'entry', null, '2027-08-01'],
      [WorkItemKind.TEST_REPORT_REVIEW, 'exit-review', 'r1', null],
      [WorkItemKind.EXIT_DECISION, 'exit-review', null, null],
      [WorkItemKind.EXIT_DECISION, 'exit-suspended', null, null],
    ]);
  });

  describe('evidence expiring', () => {
    const testing = facts('t', {
      enrolmentState: EnrolmentState.TESTING,
      state: TrackState.ADMITTED,
      admittedOn: '2027-01-10',
      plan: { agreedOn: '2027-01-20', endDay: '2027-12-31', awaiting: [] },
    });
    const expiring = (expiryDay: string, today: string, t = [testing]) =>
      workItemsOf(ME, t, [], today, [{ evidenceId: 'ev1', enrolmentId: 't', expiryDay }]).map((i) => [
        i.kind,
        i.evidenceId,
        i.due,
        i.daysOverdue,
      ]);

    it('before the agreed plan’s end day: an item due on the expiry day, however far off', () => {
      expect(expiring('2027-12-30', '2027-03-01')).toEqual([[WorkItemKind.EVIDENCE_EXPIRING, 'ev1', '2027-12-30', 0]]);
      // On the end day itself it still holds when testing ends: not yet an item (more than 30 days ahead).
      expect(expiring('2027-12-31', '2027-03-01')).toEqual([]);
    });

    it('after the plan’s end: only within 30 days — the 30th day is in, the 31st out', () => {
      const noPlanEnd = [{ ...testing, plan: null }];
      expect(expiring('2027-03-31', '2027-03-01', noPlanEnd)).toEqual([
        [WorkItemKind.EVIDENCE_EXPIRING, 'ev1', '2027-03-31', 0],
      ]);
      expect(expiring('2027-04-01', '2027-03-01', noPlanEnd)).toEqual([]);
      expect(evidenceExpiring('2027-03-31', '2027-03-01')).toBe(true);
      expect(evidenceExpiring('2027-04-01', '2027-03-01')).toBe(false);
      expect(evidenceExpiring(null, '2027-03-01', '2099-01-01')).toBe(false);
    });

    it('expired already: overdue by the days since', () => {
      expect(expiring('2027-02-25', '2027-03-01')).toEqual([[WorkItemKind.EVIDENCE_EXPIRING, 'ev1', '2027-02-25', 4]]);
    });

    it('only for enrolments testing with the authority, once per enrolment and evidence', () => {
      const items = workItemsOf(
        ME,
        [
          testing,
          facts('pending', { enrolmentState: EnrolmentState.UNDER_REVIEW }),
          facts('suspended', { enrolmentState: EnrolmentState.SUSPENDED, state: TrackState.SUSPENDED }),
        ],
        [],
        '2027-03-01',
        [
          { evidenceId: 'ev1', enrolmentId: 't', expiryDay: '2027-03-10' },
          { evidenceId: 'ev1', enrolmentId: 't', expiryDay: '2027-03-10' },
          { evidenceId: 'ev2', enrolmentId: 'pending', expiryDay: '2027-03-10' },
          { evidenceId: 'ev3', enrolmentId: 'suspended', expiryDay: '2027-03-05' },
          { evidenceId: 'ev4', enrolmentId: 'unknown', expiryDay: '2027-03-05' },
        ],
      );
      const evidence = items.filter((i) => i.kind === WorkItemKind.EVIDENCE_EXPIRING);
      expect(evidence.map((i) => [i.enrolmentId, i.evidenceId, i.due])).toEqual([
        ['suspended', 'ev3', '2027-03-05'],
        ['t', 'ev1', '2027-03-10'],
      ]);
    });
  });

  it('an exit report to issue, due exited + 2 months, until one is issued', () => {
    const exited = facts('x', {
      enrolmentState: EnrolmentState.EXITED,
      state: TrackState.REJECTED,
      exitDecision: ExitDecision.REJECTED,
      exitedOn: '2027-12-31',
    });
    for (const [today, n] of [
      ['2028-02-28', 0],
      ['2028-02-29', 0],
      ['2028-03-01', 1],
    ] as const)
      expect(kinds(workItemsOf(ME, [exited], [], today))).toEqual([
        [WorkItemKind.EXIT_REPORT_ISSUE, 'x', '2028-02-29', n],
      ]);
    expect(workItemsOf(ME, [{ ...exited, exitReportIssuedOn: '2028-01-02' }], [], '2028-03-01')).toEqual([]);
  });
});

describe('the queue’s pages', () => {
  const today = '2027-06-01';
  const queue = workItemsOf(
    ME,
    Array.from({ length: 7 }, (_, i) => facts(`e${i}`, { submittedOn: addDays('2027-01-01', i * 20) })),
    [
      { reportId: 'r2', enrolmentId: 'e0' },
      { reportId: 'r1', enrolmentId: 'e0' },
    ],
    today,
  );

  it('walks the whole queue in order, page after page, with the total each time', () => {
    const seen: WorkItem[] = [];
    let after: string | null = null;
    for (;;) {
      const page = workQueuePage(queue, { first: 3, after });
      expect(page.totalCount).toBe(9);
      expect(page.hasPreviousPage).toBe(after !== null);
      seen.push(...page.items);
      if (!page.hasNextPage) break;
      after = page.cursors[page.cursors.length - 1];
    }
    expect(seen).toEqual(queue);
    expect(queue[0]).toMatchObject({ enrolmentId: 'e0', daysOverdue: 61 });
    expect(queue.slice(-2).map((i) => i.reportId)).toEqual(['r1', 'r2']);
  });

  it('a cursor stays good when the item it names is done, and on a later day', () => {
    const first = workQueuePage(queue, { first: 2 });
    const rest = queue.filter((i) => i !== first.items[1]);
    expect(workQueuePage(rest, { first: 2, after: first.cursors[1] }).items).toEqual(queue.slice(2, 4));
    const tomorrow = workItemsOf(
      ME,
      Array.from({ length: 7 }, (_, i) => facts(`e${i}`, { submittedOn: addDays('2027-01-01', i * 20) })),
      [],
      addDays(today, 40),
    );
    expect(workQueuePage(tomorrow, { first: 2, after: first.cursors[1] }).items.map((i) => i.enrolmentId)).toEqual([
      'e2',
      'e3',
    ]);
  });

  it('refuses a cursor it did not make, and a page over 100', () => {
    for (const after of ['nonsense', Buffer.from('["a",1,"b","c","d"]').toString('base64url')])
      expect(() => workQueuePage(queue, { after })).toThrow(DomainError);
    expect(() => workQueuePage(queue, { first: 101 })).toThrow(DomainError);
  });
});

describe('properties', () => {
  const day = fc
    .integer({ min: Date.UTC(2026, 0, 1) / 86_400_000, max: Date.UTC(2028, 11, 31) / 86_400_000 })
    .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
  const trackFacts = fc.record({
    enrolmentId: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6'),
    enrolmentState: fc.constantFrom(...Object.values(EnrolmentState)),
    submittedOn: fc.option(day),
    admittedOn: fc.option(day),
    exitedOn: fc.option(day),
    state: fc.constantFrom(...Object.values(TrackState)),
    exitDecision: fc.option(fc.constantFrom(...Object.values(ExitDecision))),
    decidesEntry: fc.boolean(),
    exitReportIssuedOn: fc.option(day),
    plan: fc.option(
      fc.record({
        agreedOn: fc.option(day),
        endDay: fc.option(day),
        awaiting: fc.subarray([ME, 'mas']),
      }),
    ),
  });
  const world = fc.record({
    tracks: fc.uniqueArray(trackFacts, { selector: (t) => t.enrolmentId, maxLength: 6 }),
    reports: fc.uniqueArray(
      fc.record({ reportId: fc.constantFrom('r1', 'r2', 'r3', 'r4'), enrolmentId: fc.constantFrom('e1', 'e2') }),
      { selector: (r) => r.reportId },
    ),
    today: day,
  });

  it('is ordered most overdue first, then by the earliest due, those without a due day last', () => {
    fc.assert(
      fc.property(world, ({ tracks, reports, today }) => {
        const items = workItemsOf(ME, tracks, reports, today);
        for (let i = 1; i < items.length; i++) {
          const [a, b] = [items[i - 1], items[i]];
          expect(a.daysOverdue).toBeGreaterThanOrEqual(b.daysOverdue);
          if (a.due === null) expect(b.due).toBeNull();
          else if (b.due !== null && a.daysOverdue === b.daysOverdue) expect(a.due <= b.due).toBe(true);
          expect(compareWorkItems(a, b)).toBeLessThan(0);
        }
        for (const w of items) expect(w.overdue).toBe(w.due !== null && today > w.due);
      }),
    );
  });

  it('any page size walks every item exactly once', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 1, max: 5 }), ({ tracks, reports, today }, first) => {
        const items = workItemsOf(ME, tracks, reports, today);
        const seen: WorkItem[] = [];
        let after: string | null = null;
        for (let guard = 0; guard <= items.length; guard++) {
          const page = workQueuePage(items, { first, after });
          seen.push(...page.items);
          if (!page.hasNextPage) break;
          after = page.cursors[page.cursors.length - 1];
        }
        expect(seen).toEqual(items);
      }),
    );
  });
});
