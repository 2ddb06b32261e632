import { PlanRefusal } from '../plans/sandbox-plans.js';
import { JointEntryRule } from '../programmes/programmes.js';
import {
  EnrolmentAction,
  EnrolmentState,
  EntryDecision,
  ExitDecision,
  FINAL_EXIT_DECISIONS,
  TrackState,
} from './enrolment-states.js';

/** One targeted authority's track, as the lifecycle sees it. */
export interface TrackSnapshot {
  authorityId: string;
  state: TrackState;
  /** The exit decision of the current exit round (null until decided, cleared when exit is requested again). */
  exitDecision: ExitDecision | null;
  /** The authority that suspended the track (only it may resume). */
  suspendedBy: string | null;
}

export interface EnrolmentSnapshot {
  state: EnrolmentState;
  /** The state a SUSPENDED enrolment returns to on resume. */
  resumeState: EnrolmentState | null;
  jointEntryRule: JointEntryRule;
  leadAuthorityId: string;
  tracks: TrackSnapshot[];
  /**
   * The programme's cohort as it stands: needed only by an ADMIT of an enrolment that holds no place
   * yet (without it, capacity is not checked — the caller supplies it whenever an ADMIT may need it).
   */
  cohort?: CohortPlaces | null;
  /**
   * The version of the sandbox plan in force (the latest AGREED), needed by SUBMIT_TEST_REPORT: a
   * report is made under an agreed plan only. Absent or null: no plan is agreed.
   */
  planInForce?: number | null;
}

/** How many places the programme has, and how many other enrolments hold one. */
export interface CohortPlaces {
  capacity: number;
  heldByOthers: number;
}

/** Who acts: the enrolment's own innovator, or a regulator of one authority. */
export type LifecycleActor = { kind: 'INNOVATOR' } | { kind: 'REGULATOR'; authorityId: string } | { kind: 'OTHER' };

export type LifecycleCommand =
  | { action: EnrolmentAction.SUBMIT }
  | { action: EnrolmentAction.START_REVIEW }
  | { action: EnrolmentAction.DECIDE_ENTRY; authorityId: string; decision: EntryDecision }
  | { action: EnrolmentAction.SUBMIT_TEST_REPORT; authorityId: string }
  | { action: EnrolmentAction.REQUEST_EXIT }
  | { action: EnrolmentAction.DECIDE_EXIT; authorityId: string; decision: ExitDecision }
  | { action: EnrolmentAction.SUSPEND; authorityId: string }
  | { action: EnrolmentAction.RESUME; authorityId: string }
  | { action: EnrolmentAction.WITHDRAW };

/** Stable tokens refining a veto where a client must branch on it (the API's `extensions.reason`). */
export const COHORT_FULL = 'COHORT_FULL';
export type VetoReasonCode = typeof COHORT_FULL | PlanRefusal.PLAN_NOT_AGREED;

/**
 * A veto: `FORBIDDEN` when the actor may never do this, `INVALID_TRANSITION` when the state forbids
 * it; `reason` says why in words, `reasonCode` (when there is one) as a stable token.
 */
export interface Veto {
  code: 'FORBIDDEN' | 'INVALID_TRANSITION';
  reason: string;
  reasonCode?: VetoReasonCode;
}

export type LifecycleOutcome = { ok: true; next: EnrolmentSnapshot; admitted: boolean } | { ok: false; veto: Veto };

const invalid = (reason: string, reasonCode?: VetoReasonCode): LifecycleOutcome => ({
  ok: false,
  veto: { code: 'INVALID_TRANSITION', reason, ...(reasonCode ? { reasonCode } : {}) },
});
const forbidden = (reason: string): LifecycleOutcome => ({ ok: false, veto: { code: 'FORBIDDEN', reason } });

const TERMINAL = [EnrolmentState.EXITED, EnrolmentState.DECLINED, EnrolmentState.WITHDRAWN];

/** Enrolment states in which no cohort place is held, whatever the tracks say. */
export const PLACE_FREEING_STATES: readonly EnrolmentState[] = TERMINAL;
/** Track states that show an accepted ADMIT (the enrolment took a place then). */
export const ADMITTED_TRACK_STATES: readonly TrackState[] = [
  TrackState.ADMITTED,
  TrackState.SUSPENDED,
  TrackState.AUTHORISED,
  TrackState.REJECTED,
];

/**
 * Whether the enrolment holds one of its programme's cohort places: it takes one at its first
 * accepted ADMIT (a track admitted, whatever the others) and holds it until it is DECLINED,
 * WITHDRAWN or EXITED. EnrolmentRepository counts places by the same rule.
 */
export function holdsPlace(snapshot: Pick<EnrolmentSnapshot, 'state' | 'tracks'>): boolean {
  return (
    !PLACE_FREEING_STATES.includes(snapshot.state) &&
    snapshot.tracks.some((t) => ADMITTED_TRACK_STATES.includes(t.state))
  );
}

/** Which actor each action needs, and in which enrolment states the table allows it (docs/domain.md#programmes-and-the-enrolment-lifecycle). */
const TABLE: Record<EnrolmentAction, { by: 'INNOVATOR' | 'REGULATOR'; from: EnrolmentState[] }> = {
  [EnrolmentAction.SUBMIT]: { by: 'INNOVATOR', from: [EnrolmentState.DRAFT] },
  [EnrolmentAction.START_REVIEW]: { by: 'REGULATOR', from: [EnrolmentState.SUBMITTED] },
  [EnrolmentAction.DECIDE_ENTRY]: { by: 'REGULATOR', from: [EnrolmentState.UNDER_REVIEW] },
  [EnrolmentAction.SUBMIT_TEST_REPORT]: { by: 'INNOVATOR', from: [EnrolmentState.TESTING] },
  [EnrolmentAction.REQUEST_EXIT]: { by: 'INNOVATOR', from: [EnrolmentState.TESTING] },
  [EnrolmentAction.DECIDE_EXIT]: { by: 'REGULATOR', from: [EnrolmentState.EXIT_REVIEW] },
  [EnrolmentAction.SUSPEND]: { by: 'REGULATOR', from: [EnrolmentState.TESTING, EnrolmentState.EXIT_REVIEW] },
  [EnrolmentAction.RESUME]: {
    by: 'REGULATOR',
    from: [EnrolmentState.TESTING, EnrolmentState.EXIT_REVIEW, EnrolmentState.SUSPENDED],
  },
  [EnrolmentAction.WITHDRAW]: {
    by: 'INNOVATOR',
    from: Object.values(EnrolmentState).filter((s) => !TERMINAL.includes(s)),
  },
};

/**
 * The enrolment lifecycle as a pure function: given the current snapshot, who acts and what they
 * ask, either the next snapshot or a veto with its reason. Nothing else decides a state change.
 */
export function applyLifecycle(
  snapshot: EnrolmentSnapshot,
  actor: LifecycleActor,
  command: LifecycleCommand,
): LifecycleOutcome {
  const rule = TABLE[command.action];
  if (actor.kind !== rule.by) {
    return forbidden(
      rule.by === 'INNOVATOR'
        ? 'Only the enrolling organisation may do this'
        : 'Only a regulator of a targeted authority may do this',
    );
  }
  const ownTrack =
    'authorityId' in command ? snapshot.tracks.find((t) => t.authorityId === command.authorityId) : undefined;
  if (actor.kind === 'REGULATOR') {
    if (!snapshot.tracks.some((t) => t.authorityId === actor.authorityId))
      return forbidden('Your authority is not targeted by this enrolment');
    if ('authorityId' in command && command.authorityId !== actor.authorityId)
      return forbidden('An authority decides only its own track');
  }
  if ('authorityId' in command && !ownTrack) return forbidden('This authority is not targeted by this enrolment');
  if (!rule.from.includes(snapshot.state)) {
    return invalid(`Cannot ${describe(command.action)} an enrolment that is ${snapshot.state}`);
  }
  const next: EnrolmentSnapshot = { ...snapshot, tracks: snapshot.tracks.map((t) => ({ ...t })) };
  const track = ownTrack ? next.tracks.find((t) => t.authorityId === ownTrack.authorityId)! : undefined;

  switch (command.action) {
    case EnrolmentAction.SUBMIT:
      return done(next, EnrolmentState.SUBMITTED);
    case EnrolmentAction.START_REVIEW:
      return done(next, EnrolmentState.UNDER_REVIEW);
    case EnrolmentAction.WITHDRAW:
      return done({ ...next, resumeState: null }, EnrolmentState.WITHDRAWN);
    case EnrolmentAction.DECIDE_ENTRY:
      return decideEntry(snapshot, next, track!, command.decision);
    case EnrolmentAction.SUBMIT_TEST_REPORT:
      if (track!.state !== TrackState.ADMITTED)
        return invalid(`Reports go to an admitted, unsuspended track; this one is ${track!.state}`);
      // Testing runs under the agreed sandbox plan: no report before one is agreed.
      if (snapshot.planInForce == null)
        return invalid(
          'Test reports are submitted under an agreed sandbox plan: none is agreed yet',
          PlanRefusal.PLAN_NOT_AGREED,
        );
      return { ok: true, next: snapshot, admitted: false };
    case EnrolmentAction.REQUEST_EXIT:
      // A new exit round: every track without a final decision is asked again (a suspended one too,
      // so that a decision from an earlier round never counts in this one once it is resumed).
      for (const t of next.tracks)
        if (t.state === TrackState.ADMITTED || t.state === TrackState.SUSPENDED) t.exitDecision = null;
      return done(next, EnrolmentState.EXIT_REVIEW);
    case EnrolmentAction.DECIDE_EXIT:
      return decideExit(next, track!, command.decision);
    case EnrolmentAction.SUSPEND: {
      if (track!.state !== TrackState.ADMITTED)
        return invalid(`Only an admitted track can be suspended; this one is ${track!.state}`);
      track!.state = TrackState.SUSPENDED;
      track!.suspendedBy = command.authorityId;
      // A suspended track has no exit decision in this round: once resumed, it decides (again).
      if (next.state === EnrolmentState.EXIT_REVIEW) track!.exitDecision = null;
      // The enrolment is SUSPENDED once no admitted track remains running.
      if (!next.tracks.some((t) => t.state === TrackState.ADMITTED))
        return done({ ...next, resumeState: snapshot.state }, EnrolmentState.SUSPENDED);
      // Otherwise it stays where it is: a suspended track holds an exit round open, never closes it.
      return { ok: true, next, admitted: false };
    }
    case EnrolmentAction.RESUME: {
      if (track!.state !== TrackState.SUSPENDED)
        return invalid(`Only a suspended track can be resumed; this one is ${track!.state}`);
      if (track!.suspendedBy !== command.authorityId) return forbidden('Only the suspending authority may resume');
      track!.state = TrackState.ADMITTED;
      track!.suspendedBy = null;
      if (next.state === EnrolmentState.SUSPENDED)
        return done({ ...next, resumeState: null }, snapshot.resumeState ?? EnrolmentState.TESTING);
      // A track suspended alone: the enrolment stays TESTING or EXIT_REVIEW (in an exit round the
      // resumed track has no decision yet, so the round stays open for it).
      return { ok: true, next, admitted: false };
    }
  }
}

function decideEntry(
  before: EnrolmentSnapshot,
  next: EnrolmentSnapshot,
  track: TrackSnapshot,
  decision: EntryDecision,
): LifecycleOutcome {
  if (track.state !== TrackState.PENDING)
    return invalid(`This authority has already decided its track (${track.state})`);
  if (next.jointEntryRule === JointEntryRule.LEAD_DECIDES && track.authorityId !== next.leadAuthorityId)
    return invalid('Under LEAD_DECIDES only the lead authority decides entry, for every track');
  const admit = decision === EntryDecision.ADMIT;
  // An ADMIT of an enrolment without a place takes one: refused now when every place is held. A
  // DECLINE never is, so an enrolment can always be decided.
  const cohort = before.cohort;
  if (admit && cohort && !holdsPlace(before) && cohort.heldByOthers >= cohort.capacity)
    return invalid(
      `The programme's cohort is full: all ${cohort.capacity} place${cohort.capacity === 1 ? ' is' : 's are'} held by other enrolments`,
      COHORT_FULL,
    );
  switch (next.jointEntryRule) {
    case JointEntryRule.LEAD_DECIDES: {
      for (const t of next.tracks) t.state = admit ? TrackState.ADMITTED : TrackState.DECLINED;
      return admit ? done(next, EnrolmentState.TESTING, true) : done(next, EnrolmentState.DECLINED);
    }
    case JointEntryRule.UNANIMOUS: {
      track.state = admit ? TrackState.ADMITTED : TrackState.DECLINED;
      // One refusal settles a unanimous decision.
      if (!admit) return done(next, EnrolmentState.DECLINED);
      if (next.tracks.every((t) => t.state === TrackState.ADMITTED)) return done(next, EnrolmentState.TESTING, true);
      return { ok: true, next, admitted: false };
    }
    case JointEntryRule.EACH_AUTHORITY: {
      track.state = admit ? TrackState.ADMITTED : TrackState.DECLINED;
      if (next.tracks.some((t) => t.state === TrackState.PENDING)) return { ok: true, next, admitted: false };
      // Declined tracks stay declined; testing goes ahead with the admitting authorities.
      return next.tracks.some((t) => t.state === TrackState.ADMITTED)
        ? done(next, EnrolmentState.TESTING, true)
        : done(next, EnrolmentState.DECLINED);
    }
  }
}

function decideExit(next: EnrolmentSnapshot, track: TrackSnapshot, decision: ExitDecision): LifecycleOutcome {
  if (track.state !== TrackState.ADMITTED)
    return invalid(`Only an admitted, unsuspended track takes an exit decision; this one is ${track.state}`);
  if (track.exitDecision)
    return invalid(`This authority has already decided exit in this round (${track.exitDecision})`);
  track.exitDecision = decision;
  if (FINAL_EXIT_DECISIONS.includes(decision))
    track.state = decision === ExitDecision.AUTHORISED ? TrackState.AUTHORISED : TrackState.REJECTED;
  return closeExitRoundIfDecided(next);
}

/**
 * Once every admitted track of the round has decided: EXITED if all were final, else TESTING. A
 * suspended track has no decision until it is resumed and decides, so it holds the round open.
 */
function closeExitRoundIfDecided(next: EnrolmentSnapshot): LifecycleOutcome {
  const round = next.tracks.filter(
    (t) =>
      t.state === TrackState.ADMITTED ||
      t.state === TrackState.SUSPENDED ||
      ((t.state === TrackState.AUTHORISED || t.state === TrackState.REJECTED) && t.exitDecision),
  );
  if (round.some((t) => t.state === TrackState.SUSPENDED || !t.exitDecision))
    return { ok: true, next, admitted: false };
  return done(
    next,
    round.every((t) => t.state !== TrackState.ADMITTED) ? EnrolmentState.EXITED : EnrolmentState.TESTING,
  );
}

function done(next: EnrolmentSnapshot, state: EnrolmentState, admitted = false): LifecycleOutcome {
  return { ok: true, next: { ...next, state }, admitted };
}

function describe(action: EnrolmentAction): string {
  return action.toLowerCase().replace(/_/g, ' ');
}

/** What `actor` may do next, and why the rest is blocked (the API's `allowedTransitions`). */
export function allowedActions(
  snapshot: EnrolmentSnapshot,
  actor: LifecycleActor,
): {
  action: EnrolmentAction;
  authorityId: string | null;
  allowed: boolean;
  reason: string | null;
  reasonCode: VetoReasonCode | null;
}[] {
  const authorityId = actor.kind === 'REGULATOR' ? actor.authorityId : null;
  const probes: LifecycleCommand[] = [
    { action: EnrolmentAction.SUBMIT },
    { action: EnrolmentAction.START_REVIEW },
    { action: EnrolmentAction.DECIDE_ENTRY, authorityId: authorityId ?? '', decision: EntryDecision.ADMIT },
    { action: EnrolmentAction.SUBMIT_TEST_REPORT, authorityId: authorityId ?? firstAdmitted(snapshot) ?? '' },
    { action: EnrolmentAction.REQUEST_EXIT },
    { action: EnrolmentAction.DECIDE_EXIT, authorityId: authorityId ?? '', decision: ExitDecision.AUTHORISED },
    { action: EnrolmentAction.SUSPEND, authorityId: authorityId ?? '' },
    { action: EnrolmentAction.RESUME, authorityId: authorityId ?? '' },
    { action: EnrolmentAction.WITHDRAW },
  ];
  return probes.map((command) => {
    const outcome = applyLifecycle(snapshot, actor, command);
    const tracked = 'authorityId' in command && command.authorityId ? command.authorityId : null;
    return {
      action: command.action,
      authorityId: tracked,
      allowed: outcome.ok,
      reason: outcome.ok ? null : outcome.veto.reason,
      reasonCode: outcome.ok ? null : (outcome.veto.reasonCode ?? null),
    };
  });
}

function firstAdmitted(snapshot: EnrolmentSnapshot): string | null {
  return snapshot.tracks.find((t) => t.state === TrackState.ADMITTED)?.authorityId ?? null;
}
