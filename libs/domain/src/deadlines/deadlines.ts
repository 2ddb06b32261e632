import { EnrolmentState, EntryDecision, TrackState } from '../enrolments/enrolment-states.js';
import { compareIds } from '../recognition/recognition-engine.js';
import { addDays, addMonths, daysBetween } from '../time/day-arithmetic.js';

/**
 * The deadlines of the sandbox rules (docs/domain.md#deadlines), computed afresh from UTC days every
 * time they are read. A missed deadline is shown, never acted on: nothing here changes a state.
 */
export enum DeadlineKind {
  /** Per track: the authority decides entry within 3 calendar months of the submission. */
  ENTRY_DECISION = 'ENTRY_DECISION',
  /** The sandbox plan is agreed within 30 days of the enrolment's first admission. */
  PLAN_AGREED = 'PLAN_AGREED',
  /** An extension is requested no later than 30 days before the agreed plan's end day (a limit, never overdue). */
  EXTENSION_REQUEST = 'EXTENSION_REQUEST',
  /** Testing ends on the agreed plan's end day. */
  TESTING_ENDS = 'TESTING_ENDS',
  /** Per authority: its exit report is issued within 2 calendar months of the enrolment's exit. */
  EXIT_REPORT_ISSUED = 'EXIT_REPORT_ISSUED',
}

export const ENTRY_DECISION_MONTHS = 3;
export const PLAN_AGREED_DAYS = 30;
export const EXTENSION_NOTICE_DAYS = 30;
export const EXIT_REPORT_MONTHS = 2;

/** One deadline as it stands on `today`. */
export interface Deadline {
  kind: DeadlineKind;
  /** The authority it concerns (entry decision, exit report); null for the enrolment's own. */
  authorityId: string | null;
  due: string;
  /** The day it was met (null while open). */
  metOn: string | null;
  /** Open and past due (`today > due`); never for a met deadline or an extension limit. */
  overdue: boolean;
  /** `today − due` in days when overdue, else 0. */
  daysOverdue: number;
}

/** What is known of an enrolment's sandbox plan (PlanFacts in the application layer). */
export interface PlanFact {
  /** The day the plan was first agreed (null: never yet). */
  agreedOn: string | null;
  /** The end day of the plan in force (the agreed version); null when none is agreed. */
  endDay: string | null;
  /** Authorities whose approval a PROPOSED version waits for. */
  awaiting: string[];
}

export interface TrackDeadlineFacts {
  authorityId: string;
  state: TrackState;
  entryDecision: EntryDecision | null;
  /** The UTC day of its entry decision. */
  entryDecidedOn: string | null;
  /** The first day this authority issued an exit report on the enrolment (corrections do not move it). */
  exitReportIssuedOn: string | null;
}

export interface EnrolmentDeadlineFacts {
  state: EnrolmentState;
  submittedOn: string | null;
  exitedOn: string | null;
  tracks: TrackDeadlineFacts[];
  /** Null: no plan recorded. */
  plan: PlanFact | null;
}

export interface EnrolmentDeadlines {
  /** Plan agreed, extension request, testing ends. */
  enrolment: Deadline[];
  /** Entry decision and exit report issued, per track (every track, in the input order). */
  tracks: { authorityId: string; deadlines: Deadline[] }[];
}

/** An enrolment that ended without testing to the end owes nothing more: its open deadlines are dropped. */
const ENDED: readonly EnrolmentState[] = [EnrolmentState.DECLINED, EnrolmentState.WITHDRAWN];

const FINAL_TRACK_STATES: readonly TrackState[] = [TrackState.AUTHORISED, TrackState.REJECTED];

/**
 * A deadline on `today`: met when `metOn` is given; otherwise overdue when `today > due`, unless
 * `running` is false (its clock does not run against anyone now, e.g. an extension limit, or
 * testing's end while the enrolment is not testing).
 */
export function deadlineOn(
  kind: DeadlineKind,
  authorityId: string | null,
  due: string,
  metOn: string | null,
  today: string,
  running = true,
): Deadline {
  const late = metOn === null && running ? daysBetween(due, today) : 0;
  return { kind, authorityId, due, metOn, overdue: late > 0, daysOverdue: Math.max(late, 0) };
}

/** Entry decision due: the submission day + 3 calendar months (month ends clamp, see addMonths). */
export const entryDecisionDue = (submittedOn: string) => addMonths(submittedOn, ENTRY_DECISION_MONTHS);
/** Plan agreed due: the first admission's day + 30 days. */
export const planAgreedDue = (admittedOn: string) => addDays(admittedOn, PLAN_AGREED_DAYS);
/** The last day an extension may be requested: the agreed plan's end day − 30 days. */
export const extensionRequestLimit = (endDay: string) => addDays(endDay, -EXTENSION_NOTICE_DAYS);
/** Exit report issued due: the exit day + 2 calendar months. */
export const exitReportDue = (exitedOn: string) => addMonths(exitedOn, EXIT_REPORT_MONTHS);

/** The day of the enrolment's first accepted ADMIT (the earliest admitting track's decision), or null. */
export function admittedOn(tracks: readonly TrackDeadlineFacts[]): string | null {
  let first: string | null = null;
  for (const t of tracks)
    if (t.entryDecision === EntryDecision.ADMIT && t.entryDecidedOn && (first === null || t.entryDecidedOn < first))
      first = t.entryDecidedOn;
  return first;
}

/**
 * Every deadline of one enrolment on `today` (a UTC day):
 * - entry decision, per track with a submission: due submitted + 3 months, met on the track's decision;
 * - plan agreed, once a track is admitted (and, unmet, until the enrolment exits): due admitted + 30
 *   days, met on the plan's first agreement;
 * - extension request, while an agreed plan has an end day and the enrolment has not exited: the
 *   end day − 30 days, a limit (shown, never overdue);
 * - testing ends, while an agreed plan has an end day: due that day, overdue only while the
 *   enrolment is still TESTING after it, met on the exit day;
 * - exit report issued, per track with a final exit decision once the enrolment has EXITED: due
 *   exited + 2 months, met on the authority's first issued report.
 * A DECLINED or WITHDRAWN enrolment keeps only its met deadlines. Each list is in `compareDeadlines` order.
 */
export function deadlinesOf(facts: EnrolmentDeadlineFacts, today: string): EnrolmentDeadlines {
  const ended = ENDED.includes(facts.state);
  const keep = (d: Deadline) => !ended || d.metOn !== null;
  const enrolment: Deadline[] = [];
  const admitted = admittedOn(facts.tracks);
  const plan = facts.plan;
  // Once the enrolment has exited, a plan never agreed is owed no more (the testing it was for is over).
  if (admitted && (plan?.agreedOn || facts.state !== EnrolmentState.EXITED))
    enrolment.push(deadlineOn(DeadlineKind.PLAN_AGREED, null, planAgreedDue(admitted), plan?.agreedOn ?? null, today));
  if (plan?.endDay) {
    if (facts.state !== EnrolmentState.EXITED)
      enrolment.push(
        deadlineOn(DeadlineKind.EXTENSION_REQUEST, null, extensionRequestLimit(plan.endDay), null, today, false),
      );
    enrolment.push(
      deadlineOn(
        DeadlineKind.TESTING_ENDS,
        null,
        plan.endDay,
        facts.state === EnrolmentState.EXITED ? facts.exitedOn : null,
        today,
        facts.state === EnrolmentState.TESTING,
      ),
    );
  }
  const tracks = facts.tracks.map((t) => {
    const own: Deadline[] = [];
    if (facts.submittedOn)
      own.push(
        deadlineOn(
          DeadlineKind.ENTRY_DECISION,
          t.authorityId,
          entryDecisionDue(facts.submittedOn),
          t.entryDecision ? t.entryDecidedOn : null,
          today,
        ),
      );
    if (facts.state === EnrolmentState.EXITED && facts.exitedOn && FINAL_TRACK_STATES.includes(t.state))
      own.push(
        deadlineOn(
          DeadlineKind.EXIT_REPORT_ISSUED,
          t.authorityId,
          exitReportDue(facts.exitedOn),
          t.exitReportIssuedOn,
          today,
        ),
      );
    return { authorityId: t.authorityId, deadlines: own.filter(keep).sort(compareDeadlines) };
  });
  return { enrolment: enrolment.filter(keep).sort(compareDeadlines), tracks };
}

const KIND_ORDER: readonly DeadlineKind[] = [
  DeadlineKind.ENTRY_DECISION,
  DeadlineKind.PLAN_AGREED,
  DeadlineKind.EXTENSION_REQUEST,
  DeadlineKind.TESTING_ENDS,
  DeadlineKind.EXIT_REPORT_ISSUED,
];

/** Most overdue first, then the earliest due; ties by kind (lifecycle order), then authority id. */
export function compareDeadlines(a: Deadline, b: Deadline): number {
  return (
    b.daysOverdue - a.daysOverdue ||
    compareIds(a.due, b.due) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compareIds(a.authorityId ?? '', b.authorityId ?? '')
  );
}

/** The kinds that can be overdue (an extension request is a limit, never overdue). */
export const OVERDUE_KINDS: readonly DeadlineKind[] = KIND_ORDER.filter((k) => k !== DeadlineKind.EXTENSION_REQUEST);

/** How many of these deadlines are overdue, per kind that can be (every such kind listed, 0 included). */
export function countOverdue(deadlines: Iterable<Deadline>): { kind: DeadlineKind; count: number }[] {
  const counts = new Map<DeadlineKind, number>(OVERDUE_KINDS.map((k) => [k, 0]));
  for (const d of deadlines) if (d.overdue) counts.set(d.kind, counts.get(d.kind)! + 1);
  return OVERDUE_KINDS.map((kind) => ({ kind, count: counts.get(kind)! }));
}

/** Every deadline of an enrolment in one list (its own, then its tracks'). */
export function allDeadlines(d: EnrolmentDeadlines): Deadline[] {
  return [...d.enrolment, ...d.tracks.flatMap((t) => t.deadlines)];
}
