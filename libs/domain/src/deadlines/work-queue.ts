import { DomainError } from '../errors/domain-error.js';
import { EnrolmentState, type ExitDecision, TrackState } from '../enrolments/enrolment-states.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest, pageSize } from '../pagination/cursor.js';
import { compareIds } from '../recognition/recognition-engine.js';
import { addDays, daysBetween } from '../time/day-arithmetic.js';
import { entryDecisionDue, exitReportDue, type PlanFact, planAgreedDue } from './deadlines.js';

/** What waits for an authority (docs/domain.md#the-work-queue). */
export enum WorkItemKind {
  /** Its track of a submitted enrolment waits for its entry decision (the review included). */
  ENTRY_DECISION = 'ENTRY_DECISION',
  /** A proposed version of the sandbox plan waits for its approval. */
  PLAN_APPROVAL = 'PLAN_APPROVAL',
  /** A test report submitted to it waits for its review. */
  TEST_REPORT_REVIEW = 'TEST_REPORT_REVIEW',
  /** Its track of an enrolment in exit review waits for its exit decision. */
  EXIT_DECISION = 'EXIT_DECISION',
  /** Its track ended with a final exit decision and its exit report is not issued yet. */
  EXIT_REPORT_ISSUE = 'EXIT_REPORT_ISSUE',
  /**
   * Evidence named by a result of an enrolment in testing with it expires soon (within
   * EVIDENCE_EXPIRY_NOTICE_DAYS) or before the agreed plan's end day, or has expired.
   */
  EVIDENCE_EXPIRING = 'EVIDENCE_EXPIRING',
}

/** Evidence expiring within this many days (inclusive) is shown as expiring. */
export const EVIDENCE_EXPIRY_NOTICE_DAYS = 30;

/**
 * Does evidence with `expiryDay` need attention on `today`: expired already, expiring within
 * EVIDENCE_EXPIRY_NOTICE_DAYS, or (when the agreed plan's end day is known) expiring before it, so
 * that it would no longer hold when testing ends?
 */
export function evidenceExpiring(expiryDay: string | null, today: string, planEndDay: string | null = null): boolean {
  if (expiryDay === null) return false;
  return expiryDay <= addDays(today, EVIDENCE_EXPIRY_NOTICE_DAYS) || (planEndDay !== null && expiryDay < planEndDay);
}

const KIND_ORDER: readonly WorkItemKind[] = Object.values(WorkItemKind);

export interface WorkItem {
  kind: WorkItemKind;
  enrolmentId: string;
  authorityId: string;
  /** The report to review (TEST_REPORT_REVIEW only). */
  reportId: string | null;
  /** The evidence expiring (EVIDENCE_EXPIRING only). */
  evidenceId: string | null;
  /** The deadline it answers to; null when the rules set none (report reviews, exit decisions). */
  due: string | null;
  overdue: boolean;
  daysOverdue: number;
}

/** One of the authority's tracks, with what the queue needs of its enrolment. */
export interface QueueTrackFacts {
  enrolmentId: string;
  enrolmentState: EnrolmentState;
  submittedOn: string | null;
  /** The enrolment's first accepted ADMIT (any track's). */
  admittedOn: string | null;
  exitedOn: string | null;
  state: TrackState;
  exitDecision: ExitDecision | null;
  /** False when another authority decides entry for this track (the lead, under LEAD_DECIDES). */
  decidesEntry: boolean;
  exitReportIssuedOn: string | null;
  plan: PlanFact | null;
}

export interface QueueReportFacts {
  reportId: string;
  enrolmentId: string;
}

/** Evidence a result of an enrolment names, with its expiry day (only evidence that expires). */
export interface QueueEvidenceFacts {
  evidenceId: string;
  enrolmentId: string;
  expiryDay: string;
}

const AWAITING_ENTRY: readonly EnrolmentState[] = [EnrolmentState.SUBMITTED, EnrolmentState.UNDER_REVIEW];
const ENDED: readonly EnrolmentState[] = [EnrolmentState.DECLINED, EnrolmentState.WITHDRAWN, EnrolmentState.EXITED];

function item(
  kind: WorkItemKind,
  authorityId: string,
  enrolmentId: string,
  due: string | null,
  today: string,
  reportId: string | null = null,
  evidenceId: string | null = null,
): WorkItem {
  const late = due === null ? 0 : daysBetween(due, today);
  return {
    kind,
    enrolmentId,
    authorityId,
    reportId,
    evidenceId,
    due,
    overdue: late > 0,
    daysOverdue: Math.max(late, 0),
  };
}

/** Enrolment states in which its testing tracks are open: evidence its results name still matters. */
const TESTING_STATES: readonly EnrolmentState[] = [
  EnrolmentState.TESTING,
  EnrolmentState.SUSPENDED,
  EnrolmentState.EXIT_REVIEW,
];

/**
 * What waits for `authorityId` on `today`, in queue order (`compareWorkItems`):
 * - ENTRY_DECISION: its PENDING track of a SUBMITTED or UNDER_REVIEW enrolment, when it decides
 *   that track itself; due with the entry decision (submitted + 3 months);
 * - PLAN_APPROVAL: a proposed plan version waits for its approval; due with the plan agreement
 *   (admitted + 30 days) while none was agreed yet, else by the agreed plan's end day (an amendment
 *   agreed later would come after the plan it amends ran out);
 * - TEST_REPORT_REVIEW: a report submitted to it, still SUBMITTED; no due day;
 * - EXIT_DECISION: its admitted (or suspended) track of an enrolment in EXIT_REVIEW without an exit
 *   decision this round; no due day;
 * - EXIT_REPORT_ISSUE: its track with a final exit decision of an EXITED enrolment, without an
 *   issued exit report; due with the exit report (exited + 2 months);
 * - EVIDENCE_EXPIRING: evidence named by a result (of a report it may read) of an enrolment in
 *   testing whose track of the authority is admitted or suspended, expiring within 30 days or
 *   before the agreed plan's end day (or expired already): due on its expiry day, one item per
 *   enrolment and evidence.
 */
export function workItemsOf(
  authorityId: string,
  tracks: readonly QueueTrackFacts[],
  reports: readonly QueueReportFacts[],
  today: string,
  evidence: readonly QueueEvidenceFacts[] = [],
): WorkItem[] {
  const items: WorkItem[] = [];
  const testing = new Map(
    tracks
      .filter(
        (t) =>
          TESTING_STATES.includes(t.enrolmentState) &&
          (t.state === TrackState.ADMITTED || t.state === TrackState.SUSPENDED),
      )
      .map((t) => [t.enrolmentId, t.plan?.endDay ?? null]),
  );
  const seen = new Set<string>();
  for (const e of evidence) {
    const key = `${e.enrolmentId}\u0000${e.evidenceId}`;
    if (!testing.has(e.enrolmentId) || seen.has(key)) continue;
    seen.add(key);
    if (evidenceExpiring(e.expiryDay, today, testing.get(e.enrolmentId)!))
      items.push(
        item(WorkItemKind.EVIDENCE_EXPIRING, authorityId, e.enrolmentId, e.expiryDay, today, null, e.evidenceId),
      );
  }
  for (const t of tracks) {
    if (AWAITING_ENTRY.includes(t.enrolmentState) && t.state === TrackState.PENDING && t.decidesEntry && t.submittedOn)
      items.push(item(WorkItemKind.ENTRY_DECISION, authorityId, t.enrolmentId, entryDecisionDue(t.submittedOn), today));
    if (t.plan?.awaiting.includes(authorityId) && !ENDED.includes(t.enrolmentState)) {
      const due = t.plan.agreedOn === null ? t.admittedOn && planAgreedDue(t.admittedOn) : t.plan.endDay;
      items.push(item(WorkItemKind.PLAN_APPROVAL, authorityId, t.enrolmentId, due ?? null, today));
    }
    if (
      t.enrolmentState === EnrolmentState.EXIT_REVIEW &&
      (t.state === TrackState.ADMITTED || t.state === TrackState.SUSPENDED) &&
      t.exitDecision === null
    )
      items.push(item(WorkItemKind.EXIT_DECISION, authorityId, t.enrolmentId, null, today));
    if (
      t.enrolmentState === EnrolmentState.EXITED &&
      t.exitedOn &&
      (t.state === TrackState.AUTHORISED || t.state === TrackState.REJECTED) &&
      t.exitReportIssuedOn === null
    )
      items.push(item(WorkItemKind.EXIT_REPORT_ISSUE, authorityId, t.enrolmentId, exitReportDue(t.exitedOn), today));
  }
  for (const r of reports)
    items.push(item(WorkItemKind.TEST_REPORT_REVIEW, authorityId, r.enrolmentId, null, today, r.reportId));
  return items.sort(compareWorkItems);
}

/**
 * The queue's order as a key that does not depend on the day it is read: items with a due day by
 * that day, then those without; then kind, enrolment id, report (or evidence) id. Since an item is overdue by
 * `today − due`, ordering by due day *is* "most overdue first, then the earliest due" on any day —
 * which is what lets a cursor (this key, encoded) stay valid from one day to the next.
 */
export function workItemKey(w: WorkItem): [number, string, number, string, string] {
  return [
    w.due === null ? 1 : 0,
    w.due ?? '',
    KIND_ORDER.indexOf(w.kind),
    w.enrolmentId,
    w.reportId ?? w.evidenceId ?? '',
  ];
}

function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : compareIds(String(x), String(y));
    if (c !== 0) return c;
  }
  return 0;
}

/** Most overdue first, then the earliest due, then the items without a due day (workItemKey). */
export function compareWorkItems(a: WorkItem, b: WorkItem): number {
  return compareKeys(workItemKey(a), workItemKey(b));
}

/**
 * One page of a sorted queue: the items after the cursor `after` (a key, so an item done meanwhile
 * does not shift the page), `first` of them (default 20, at most 100), with `totalCount` the whole
 * queue.
 */
export function workQueuePage(sorted: readonly WorkItem[], request: PageRequest): Page<WorkItem> {
  const size = pageSize(request);
  let start = 0;
  if (request.after) {
    const after = decodeCursor(request.after, 5);
    if (after.some((k, i) => typeof k !== (i === 0 || i === 2 ? 'number' : 'string')))
      throw DomainError.badInput([{ path: 'after', message: 'is not a cursor this list returned' }]);
    start = sorted.findIndex((w) => compareKeys(workItemKey(w), after) > 0);
    if (start < 0) start = sorted.length;
  }
  const items = sorted.slice(start, start + size);
  return {
    items,
    cursors: items.map((w) => encodeCursor(workItemKey(w))),
    hasNextPage: start + size < sorted.length,
    hasPreviousPage: start > 0,
    totalCount: sorted.length,
  };
}
