import { describe, expect, it } from '@jest/globals';
import { JointEntryRule } from '../programmes/programmes.js';
import {
  allowedActions,
  applyLifecycle,
  type EnrolmentSnapshot,
  holdsPlace,
  type LifecycleActor,
  type LifecycleCommand,
  type LifecycleOutcome,
  type TrackSnapshot,
} from './enrolment-lifecycle.js';
import { EnrolmentAction, EnrolmentState, EntryDecision, ExitDecision, TrackState } from './enrolment-states.js';

const S = EnrolmentState;
const T = TrackState;
const A = EnrolmentAction;

const INNOVATOR: LifecycleActor = { kind: 'INNOVATOR' };
const OTHER: LifecycleActor = { kind: 'OTHER' };
const reg = (authorityId: string): LifecycleActor => ({ kind: 'REGULATOR', authorityId });

function track(authorityId: string, state: TrackState, extra: Partial<TrackSnapshot> = {}): TrackSnapshot {
  return { authorityId, state, exitDecision: null, suspendedBy: state === T.SUSPENDED ? authorityId : null, ...extra };
}

function snap(
  state: EnrolmentState,
  tracks: TrackSnapshot[],
  opts: {
    rule?: JointEntryRule;
    lead?: string;
    resumeState?: EnrolmentState | null;
    cohort?: EnrolmentSnapshot['cohort'];
    /** The sandbox plan version in force: 1 unless a test says there is none. */
    planInForce?: number | null;
  } = {},
): EnrolmentSnapshot {
  return {
    state,
    resumeState: opts.resumeState ?? null,
    jointEntryRule: opts.rule ?? JointEntryRule.EACH_AUTHORITY,
    leadAuthorityId: opts.lead ?? 'a1',
    tracks,
    planInForce: opts.planInForce === undefined ? 1 : opts.planInForce,
    ...(opts.cohort ? { cohort: opts.cohort } : {}),
  };
}

/** Every call goes through here: the input snapshot must come out exactly as it went in. */
function run(snapshot: EnrolmentSnapshot, actor: LifecycleActor, command: LifecycleCommand): LifecycleOutcome {
  const before = structuredClone(snapshot);
  const outcome = applyLifecycle(snapshot, actor, command);
  expect(snapshot).toEqual(before);
  return outcome;
}

/** A step that must succeed; returns the next snapshot. */
function step(snapshot: EnrolmentSnapshot, actor: LifecycleActor, command: LifecycleCommand): EnrolmentSnapshot {
  const outcome = run(snapshot, actor, command);
  if (!outcome.ok)
    throw new Error(`expected ${command.action} to succeed, got ${outcome.veto.code}: ${outcome.veto.reason}`);
  return outcome.next;
}

function expectVeto(outcome: LifecycleOutcome, code: 'FORBIDDEN' | 'INVALID_TRANSITION'): void {
  expect(outcome).toEqual({ ok: false, veto: { code, reason: expect.any(String) } });
  if (!outcome.ok) expect(outcome.veto.reason.length).toBeGreaterThan(0);
}

const trackOf = (s: EnrolmentSnapshot, authorityId: string): TrackSnapshot =>
  s.tracks.find((t) => t.authorityId === authorityId)!;
const states = (s: EnrolmentSnapshot): Record<string, TrackState> =>
  Object.fromEntries(s.tracks.map((t) => [t.authorityId, t.state]));

const entry = (authorityId: string, decision: EntryDecision): LifecycleCommand => ({
  action: A.DECIDE_ENTRY,
  authorityId,
  decision,
});
const exit = (authorityId: string, decision: ExitDecision): LifecycleCommand => ({
  action: A.DECIDE_EXIT,
  authorityId,
  decision,
});
const suspend = (authorityId: string): LifecycleCommand => ({ action: A.SUSPEND, authorityId });
const resume = (authorityId: string): LifecycleCommand => ({ action: A.RESUME, authorityId });
const report = (authorityId: string): LifecycleCommand => ({ action: A.SUBMIT_TEST_REPORT, authorityId });
const REQUEST_EXIT: LifecycleCommand = { action: A.REQUEST_EXIT };
const WITHDRAW: LifecycleCommand = { action: A.WITHDRAW };

/** The right actor and a command for each action, always on a1's track. */
const PROBES: Record<EnrolmentAction, { actor: LifecycleActor; command: LifecycleCommand }> = {
  [A.SUBMIT]: { actor: INNOVATOR, command: { action: A.SUBMIT } },
  [A.START_REVIEW]: { actor: reg('a1'), command: { action: A.START_REVIEW } },
  [A.DECIDE_ENTRY]: { actor: reg('a1'), command: entry('a1', EntryDecision.ADMIT) },
  [A.SUBMIT_TEST_REPORT]: { actor: INNOVATOR, command: report('a1') },
  [A.REQUEST_EXIT]: { actor: INNOVATOR, command: REQUEST_EXIT },
  [A.DECIDE_EXIT]: { actor: reg('a1'), command: exit('a1', ExitDecision.AUTHORISED) },
  [A.SUSPEND]: { actor: reg('a1'), command: suspend('a1') },
  [A.RESUME]: { actor: reg('a1'), command: resume('a1') },
  [A.WITHDRAW]: { actor: INNOVATOR, command: WITHDRAW },
};

/** Tracks that let the action through if only the enrolment state allowed it (so the state is what refuses). */
function readyTracks(action: EnrolmentAction): { tracks: TrackSnapshot[]; resumeState: EnrolmentState | null } {
  switch (action) {
    case A.DECIDE_ENTRY:
      return { tracks: [track('a1', T.PENDING), track('a2', T.PENDING)], resumeState: null };
    case A.SUBMIT_TEST_REPORT:
    case A.DECIDE_EXIT:
    case A.SUSPEND:
      return { tracks: [track('a1', T.ADMITTED), track('a2', T.ADMITTED)], resumeState: null };
    case A.RESUME:
      return { tracks: [track('a1', T.SUSPENDED), track('a2', T.SUSPENDED)], resumeState: S.TESTING };
    case A.SUBMIT:
    case A.START_REVIEW:
    case A.REQUEST_EXIT:
    case A.WITHDRAW:
      return { tracks: [track('a1', T.PENDING), track('a2', T.PENDING)], resumeState: null };
  }
}

/** What each enrolment state usually looks like. */
const NATURAL: Record<EnrolmentState, EnrolmentSnapshot> = {
  [S.DRAFT]: snap(S.DRAFT, [track('a1', T.PENDING), track('a2', T.PENDING)]),
  [S.SUBMITTED]: snap(S.SUBMITTED, [track('a1', T.PENDING), track('a2', T.PENDING)]),
  [S.UNDER_REVIEW]: snap(S.UNDER_REVIEW, [track('a1', T.PENDING), track('a2', T.PENDING)]),
  [S.TESTING]: snap(S.TESTING, [track('a1', T.ADMITTED), track('a2', T.ADMITTED)]),
  [S.EXIT_REVIEW]: snap(S.EXIT_REVIEW, [track('a1', T.ADMITTED), track('a2', T.ADMITTED)]),
  [S.SUSPENDED]: snap(S.SUSPENDED, [track('a1', T.SUSPENDED), track('a2', T.SUSPENDED)], { resumeState: S.TESTING }),
  [S.EXITED]: snap(S.EXITED, [
    track('a1', T.AUTHORISED, { exitDecision: ExitDecision.AUTHORISED }),
    track('a2', T.REJECTED, { exitDecision: ExitDecision.REJECTED }),
  ]),
  [S.DECLINED]: snap(S.DECLINED, [track('a1', T.DECLINED), track('a2', T.DECLINED)]),
  [S.WITHDRAWN]: snap(S.WITHDRAWN, [track('a1', T.ADMITTED), track('a2', T.PENDING)]),
};

/**
 * docs/domain.md#programmes-and-the-enrolment-lifecycle, the transitions table, with the enrolment state each allowed step leads to on the
 * two-track snapshot of `readyTracks` (one track acting, the other not yet).
 */
const TABLE: Partial<Record<EnrolmentState, Partial<Record<EnrolmentAction, EnrolmentState>>>> = {
  [S.DRAFT]: { [A.SUBMIT]: S.SUBMITTED, [A.WITHDRAW]: S.WITHDRAWN },
  [S.SUBMITTED]: { [A.START_REVIEW]: S.UNDER_REVIEW, [A.WITHDRAW]: S.WITHDRAWN },
  [S.UNDER_REVIEW]: { [A.DECIDE_ENTRY]: S.UNDER_REVIEW, [A.WITHDRAW]: S.WITHDRAWN },
  [S.TESTING]: {
    [A.SUBMIT_TEST_REPORT]: S.TESTING,
    [A.REQUEST_EXIT]: S.EXIT_REVIEW,
    [A.SUSPEND]: S.TESTING,
    [A.RESUME]: S.TESTING,
    [A.WITHDRAW]: S.WITHDRAWN,
  },
  [S.EXIT_REVIEW]: {
    [A.DECIDE_EXIT]: S.EXIT_REVIEW,
    [A.SUSPEND]: S.EXIT_REVIEW,
    [A.RESUME]: S.EXIT_REVIEW,
    [A.WITHDRAW]: S.WITHDRAWN,
  },
  [S.SUSPENDED]: { [A.RESUME]: S.TESTING, [A.WITHDRAW]: S.WITHDRAWN },
};

const ALL_STATES = Object.values(EnrolmentState);
const ALL_ACTIONS = Object.values(EnrolmentAction);
const PAIRS = ALL_STATES.flatMap((state) => ALL_ACTIONS.map((action) => [state, action] as const));
const ALLOWED = PAIRS.filter(([state, action]) => TABLE[state]?.[action] !== undefined);
const REFUSED = PAIRS.filter(([state, action]) => TABLE[state]?.[action] === undefined);

describe('enrolment lifecycle: every action in every state (docs/domain.md#programmes-and-the-enrolment-lifecycle table)', () => {
  it('covers 9 states × 9 actions: 17 allowed pairs, 64 refused', () => {
    expect(PAIRS).toHaveLength(81);
    expect(ALLOWED).toHaveLength(17);
    expect(REFUSED).toHaveLength(64);
  });

  it.each(ALLOWED)('%s + %s is allowed', (state, action) => {
    const { actor, command } = PROBES[action];
    const { tracks, resumeState } = readyTracks(action);
    const snapshot = snap(state, tracks, { resumeState: state === S.SUSPENDED ? S.TESTING : resumeState });
    const outcome = run(snapshot, actor, command);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.next.state).toBe(TABLE[state]![action]);
      expect(outcome.admitted).toBe(false);
    }
  });

  it.each(REFUSED)('%s + %s is INVALID_TRANSITION and changes nothing', (state, action) => {
    const { actor, command } = PROBES[action];
    // Tracks ready for the action: only the enrolment state stands in the way.
    const { tracks, resumeState } = readyTracks(action);
    expectVeto(run(snap(state, tracks, { resumeState }), actor, command), 'INVALID_TRANSITION');
    // And on what that state normally looks like.
    expectVeto(run(NATURAL[state], actor, command), 'INVALID_TRANSITION');
  });

  it('refuses entry and exit decisions outside their state for every decision value', () => {
    for (const [state] of REFUSED.filter(([, action]) => action === A.DECIDE_ENTRY)) {
      for (const decision of Object.values(EntryDecision)) {
        expectVeto(
          run(snap(state, readyTracks(A.DECIDE_ENTRY).tracks), reg('a1'), entry('a1', decision)),
          'INVALID_TRANSITION',
        );
      }
    }
    for (const [state] of REFUSED.filter(([, action]) => action === A.DECIDE_EXIT)) {
      for (const decision of Object.values(ExitDecision)) {
        expectVeto(
          run(snap(state, readyTracks(A.DECIDE_EXIT).tracks), reg('a1'), exit('a1', decision)),
          'INVALID_TRANSITION',
        );
      }
    }
  });

  it('resumes a track suspended alone while the enrolment is TESTING or EXIT_REVIEW, which it stays', () => {
    for (const state of [S.TESTING, S.EXIT_REVIEW]) {
      const partly = snap(state, [track('a1', T.SUSPENDED), track('a2', T.ADMITTED)]);
      const o = run(partly, reg('a1'), resume('a1'));
      expect(o).toMatchObject({ ok: true, admitted: false, next: { state, resumeState: null } });
      if (o.ok) expect(o.next.tracks).toEqual([track('a1', T.ADMITTED), track('a2', T.ADMITTED)]);
      // Still only by the authority that suspended it, and only a suspended track.
      expectVeto(run(partly, reg('a2'), resume('a1')), 'FORBIDDEN');
      expectVeto(run(partly, reg('a2'), resume('a2')), 'INVALID_TRANSITION');
    }
  });
});

describe('enrolment lifecycle: who may act', () => {
  const regulatorActions = [A.START_REVIEW, A.DECIDE_ENTRY, A.DECIDE_EXIT, A.SUSPEND, A.RESUME];
  const innovatorActions = [A.SUBMIT, A.SUBMIT_TEST_REPORT, A.REQUEST_EXIT, A.WITHDRAW];
  /** A state in which the table allows the action. */
  const home = (action: EnrolmentAction): EnrolmentState => ALLOWED.find(([, a]) => a === action)![0];
  const readySnap = (action: EnrolmentAction): EnrolmentSnapshot => {
    const { tracks, resumeState } = readyTracks(action);
    const state = home(action);
    return snap(state, tracks, { resumeState: state === S.SUSPENDED ? S.TESTING : resumeState });
  };

  it('splits the actions between innovator and regulators', () => {
    expect([...regulatorActions, ...innovatorActions].sort()).toEqual([...ALL_ACTIONS].sort());
  });

  it.each(regulatorActions)('the innovator doing %s is FORBIDDEN', (action) => {
    expectVeto(run(readySnap(action), INNOVATOR, PROBES[action].command), 'FORBIDDEN');
  });

  it.each(innovatorActions)('a regulator doing %s is FORBIDDEN', (action) => {
    expectVeto(run(readySnap(action), reg('a1'), PROBES[action].command), 'FORBIDDEN');
  });

  it.each(ALL_ACTIONS)('kind OTHER doing %s is FORBIDDEN', (action) => {
    expectVeto(run(readySnap(action), OTHER, PROBES[action].command), 'FORBIDDEN');
  });

  it.each(regulatorActions)('a regulator of a non-targeted authority doing %s is FORBIDDEN', (action) => {
    const snapshot = readySnap(action);
    const command = PROBES[action].command;
    const onOwn = 'authorityId' in command ? ({ ...command, authorityId: 'a9' } as LifecycleCommand) : command;
    expectVeto(run(snapshot, reg('a9'), onOwn), 'FORBIDDEN');
    expectVeto(run(snapshot, reg('a9'), command), 'FORBIDDEN');
  });

  it.each([A.DECIDE_ENTRY, A.DECIDE_EXIT, A.SUSPEND, A.RESUME])(
    "a regulator acting on another authority's track (%s) is FORBIDDEN",
    (action) => {
      const snapshot = readySnap(action);
      // Make a2's track just as ready as a1's, so only the ownership check refuses.
      const a1 = trackOf(snapshot, 'a1');
      const ready = {
        ...snapshot,
        tracks: snapshot.tracks.map((t) => ({
          ...a1,
          authorityId: t.authorityId,
          suspendedBy: a1.suspendedBy ? t.authorityId : null,
        })),
      };
      expect(trackOf(ready, 'a2')).toEqual({ ...a1, authorityId: 'a2', suspendedBy: a1.suspendedBy ? 'a2' : null });
      expectVeto(run(ready, reg('a2'), PROBES[action].command), 'FORBIDDEN');
      expectVeto(
        run(ready, reg('a1'), { ...PROBES[action].command, authorityId: 'a2' } as LifecycleCommand),
        'FORBIDDEN',
      );
    },
  );

  it('the innovator submitting a report to a non-targeted authority is FORBIDDEN', () => {
    expectVeto(run(NATURAL[S.TESTING], INNOVATOR, report('a9')), 'FORBIDDEN');
  });
});

describe('enrolment lifecycle: joint-entry rules', () => {
  const three = (rule: JointEntryRule, lead = 'a1'): EnrolmentSnapshot =>
    snap(S.UNDER_REVIEW, [track('a1', T.PENDING), track('a2', T.PENDING), track('a3', T.PENDING)], { rule, lead });

  describe('EACH_AUTHORITY', () => {
    it('two admit, one declines: TESTING with the declined track DECLINED; admitted only on the deciding step', () => {
      let s = three(JointEntryRule.EACH_AUTHORITY);
      const o1 = run(s, reg('a1'), entry('a1', EntryDecision.ADMIT));
      expect(o1).toMatchObject({ ok: true, admitted: false, next: { state: S.UNDER_REVIEW } });
      s = step(s, reg('a1'), entry('a1', EntryDecision.ADMIT));
      const o2 = run(s, reg('a3'), entry('a3', EntryDecision.DECLINE));
      expect(o2).toMatchObject({ ok: true, admitted: false, next: { state: S.UNDER_REVIEW } });
      s = step(s, reg('a3'), entry('a3', EntryDecision.DECLINE));
      expect(states(s)).toEqual({ a1: T.ADMITTED, a2: T.PENDING, a3: T.DECLINED });
      const o3 = run(s, reg('a2'), entry('a2', EntryDecision.ADMIT));
      expect(o3).toMatchObject({ ok: true, admitted: true, next: { state: S.TESTING } });
      if (o3.ok) expect(states(o3.next)).toEqual({ a1: T.ADMITTED, a2: T.ADMITTED, a3: T.DECLINED });
    });

    it('one admission is enough, whatever the order', () => {
      let s = three(JointEntryRule.EACH_AUTHORITY);
      s = step(s, reg('a1'), entry('a1', EntryDecision.DECLINE));
      s = step(s, reg('a2'), entry('a2', EntryDecision.DECLINE));
      expect(s.state).toBe(S.UNDER_REVIEW);
      const last = run(s, reg('a3'), entry('a3', EntryDecision.ADMIT));
      expect(last).toMatchObject({ ok: true, admitted: true, next: { state: S.TESTING } });
    });

    it('all decline: DECLINED, admitted false', () => {
      let s = three(JointEntryRule.EACH_AUTHORITY);
      s = step(s, reg('a1'), entry('a1', EntryDecision.DECLINE));
      s = step(s, reg('a2'), entry('a2', EntryDecision.DECLINE));
      const last = run(s, reg('a3'), entry('a3', EntryDecision.DECLINE));
      expect(last).toMatchObject({ ok: true, admitted: false, next: { state: S.DECLINED } });
      if (last.ok) expect(states(last.next)).toEqual({ a1: T.DECLINED, a2: T.DECLINED, a3: T.DECLINED });
    });

    it('stays UNDER_REVIEW while any track is PENDING, even when all the others admitted', () => {
      let s = three(JointEntryRule.EACH_AUTHORITY);
      s = step(s, reg('a1'), entry('a1', EntryDecision.ADMIT));
      expect(s.state).toBe(S.UNDER_REVIEW);
      s = step(s, reg('a2'), entry('a2', EntryDecision.ADMIT));
      expect(s.state).toBe(S.UNDER_REVIEW);
      expect(trackOf(s, 'a3').state).toBe(T.PENDING);
    });

    it('deciding an already-decided track is INVALID_TRANSITION', () => {
      const s = step(three(JointEntryRule.EACH_AUTHORITY), reg('a1'), entry('a1', EntryDecision.ADMIT));
      expectVeto(run(s, reg('a1'), entry('a1', EntryDecision.ADMIT)), 'INVALID_TRANSITION');
      expectVeto(run(s, reg('a1'), entry('a1', EntryDecision.DECLINE)), 'INVALID_TRANSITION');
      const d = step(three(JointEntryRule.EACH_AUTHORITY), reg('a2'), entry('a2', EntryDecision.DECLINE));
      expectVeto(run(d, reg('a2'), entry('a2', EntryDecision.ADMIT)), 'INVALID_TRANSITION');
    });
  });

  describe('UNANIMOUS', () => {
    it('all admit: TESTING, admitted exactly on the last step', () => {
      let s = three(JointEntryRule.UNANIMOUS);
      for (const a of ['a1', 'a2']) {
        const o = run(s, reg(a), entry(a, EntryDecision.ADMIT));
        expect(o).toMatchObject({ ok: true, admitted: false, next: { state: S.UNDER_REVIEW } });
        s = step(s, reg(a), entry(a, EntryDecision.ADMIT));
      }
      const last = run(s, reg('a3'), entry('a3', EntryDecision.ADMIT));
      expect(last).toMatchObject({ ok: true, admitted: true, next: { state: S.TESTING } });
      if (last.ok) expect(states(last.next)).toEqual({ a1: T.ADMITTED, a2: T.ADMITTED, a3: T.ADMITTED });
    });

    it('one decline: DECLINED at once, the others undecided', () => {
      const first = run(three(JointEntryRule.UNANIMOUS), reg('a2'), entry('a2', EntryDecision.DECLINE));
      expect(first).toMatchObject({ ok: true, admitted: false, next: { state: S.DECLINED } });
      let s = step(three(JointEntryRule.UNANIMOUS), reg('a1'), entry('a1', EntryDecision.ADMIT));
      s = step(s, reg('a2'), entry('a2', EntryDecision.ADMIT));
      const last = run(s, reg('a3'), entry('a3', EntryDecision.DECLINE));
      expect(last).toMatchObject({ ok: true, admitted: false, next: { state: S.DECLINED } });
    });

    it('deciding an already-decided track is INVALID_TRANSITION', () => {
      const s = step(three(JointEntryRule.UNANIMOUS), reg('a1'), entry('a1', EntryDecision.ADMIT));
      expectVeto(run(s, reg('a1'), entry('a1', EntryDecision.DECLINE)), 'INVALID_TRANSITION');
    });
  });

  describe('LEAD_DECIDES', () => {
    it("the lead's ADMIT admits every track and starts testing", () => {
      const o = run(three(JointEntryRule.LEAD_DECIDES, 'a2'), reg('a2'), entry('a2', EntryDecision.ADMIT));
      expect(o).toMatchObject({ ok: true, admitted: true, next: { state: S.TESTING } });
      if (o.ok) expect(states(o.next)).toEqual({ a1: T.ADMITTED, a2: T.ADMITTED, a3: T.ADMITTED });
    });

    it("the lead's DECLINE declines every track and the enrolment", () => {
      const o = run(three(JointEntryRule.LEAD_DECIDES, 'a2'), reg('a2'), entry('a2', EntryDecision.DECLINE));
      expect(o).toMatchObject({ ok: true, admitted: false, next: { state: S.DECLINED } });
      if (o.ok) expect(states(o.next)).toEqual({ a1: T.DECLINED, a2: T.DECLINED, a3: T.DECLINED });
    });

    it('a non-lead deciding is INVALID_TRANSITION', () => {
      for (const a of ['a1', 'a3']) {
        for (const decision of Object.values(EntryDecision)) {
          expectVeto(run(three(JointEntryRule.LEAD_DECIDES, 'a2'), reg(a), entry(a, decision)), 'INVALID_TRANSITION');
        }
      }
    });

    it('once the lead has decided, nobody decides again', () => {
      const s = step(three(JointEntryRule.LEAD_DECIDES, 'a2'), reg('a2'), entry('a2', EntryDecision.ADMIT));
      expectVeto(run(s, reg('a2'), entry('a2', EntryDecision.DECLINE)), 'INVALID_TRANSITION');
    });
  });
});

describe('enrolment lifecycle: exit rounds', () => {
  const testing = (): EnrolmentSnapshot =>
    snap(S.TESTING, [track('a1', T.ADMITTED), track('a2', T.ADMITTED), track('a3', T.DECLINED)]);

  it('AUTHORISED + EXTENDED goes back to TESTING; the next round asks only the still-admitted track; its AUTHORISED exits', () => {
    let s = step(testing(), INNOVATOR, REQUEST_EXIT);
    expect(s.state).toBe(S.EXIT_REVIEW);
    s = step(s, reg('a1'), exit('a1', ExitDecision.AUTHORISED));
    expect(s.state).toBe(S.EXIT_REVIEW);
    expect(trackOf(s, 'a1')).toMatchObject({ state: T.AUTHORISED, exitDecision: ExitDecision.AUTHORISED });
    const back = run(s, reg('a2'), exit('a2', ExitDecision.EXTENDED));
    expect(back).toMatchObject({ ok: true, admitted: false, next: { state: S.TESTING } });
    s = step(s, reg('a2'), exit('a2', ExitDecision.EXTENDED));
    expect(states(s)).toEqual({ a1: T.AUTHORISED, a2: T.ADMITTED, a3: T.DECLINED });
    expect(trackOf(s, 'a2').exitDecision).toBe(ExitDecision.EXTENDED);

    // Testing goes on with a2 only.
    expectVeto(run(s, INNOVATOR, report('a1')), 'INVALID_TRANSITION');
    expect(run(s, INNOVATOR, report('a2')).ok).toBe(true);

    s = step(s, INNOVATOR, REQUEST_EXIT);
    expect(s.state).toBe(S.EXIT_REVIEW);
    expect(trackOf(s, 'a2').exitDecision).toBeNull();
    expect(trackOf(s, 'a1')).toMatchObject({ state: T.AUTHORISED, exitDecision: ExitDecision.AUTHORISED });
    // a1 decided for good in the first round.
    expectVeto(run(s, reg('a1'), exit('a1', ExitDecision.AUTHORISED)), 'INVALID_TRANSITION');
    const last = run(s, reg('a2'), exit('a2', ExitDecision.AUTHORISED));
    expect(last).toMatchObject({ ok: true, admitted: false, next: { state: S.EXITED } });
    if (last.ok) expect(states(last.next)).toEqual({ a1: T.AUTHORISED, a2: T.AUTHORISED, a3: T.DECLINED });
  });

  it('all REJECTED: EXITED', () => {
    let s = step(testing(), INNOVATOR, REQUEST_EXIT);
    s = step(s, reg('a1'), exit('a1', ExitDecision.REJECTED));
    expect(s.state).toBe(S.EXIT_REVIEW);
    s = step(s, reg('a2'), exit('a2', ExitDecision.REJECTED));
    expect(s.state).toBe(S.EXITED);
    expect(states(s)).toEqual({ a1: T.REJECTED, a2: T.REJECTED, a3: T.DECLINED });
  });

  it('AUTHORISED + REJECTED: EXITED (every decision final)', () => {
    let s = step(testing(), INNOVATOR, REQUEST_EXIT);
    s = step(s, reg('a2'), exit('a2', ExitDecision.REJECTED));
    s = step(s, reg('a1'), exit('a1', ExitDecision.AUTHORISED));
    expect(s.state).toBe(S.EXITED);
  });

  it.each([ExitDecision.EXTENDED, ExitDecision.REFINEMENT_REQUIRED])(
    '%s sends the track back to testing, with the decision recorded',
    (decision) => {
      let s = step(testing(), INNOVATOR, REQUEST_EXIT);
      s = step(s, reg('a1'), exit('a1', ExitDecision.REJECTED));
      s = step(s, reg('a2'), exit('a2', decision));
      expect(s.state).toBe(S.TESTING);
      expect(trackOf(s, 'a2')).toMatchObject({ state: T.ADMITTED, exitDecision: decision });
      expect(trackOf(s, 'a1').state).toBe(T.REJECTED);
    },
  );

  it('both non-final: back to TESTING with both tracks admitted', () => {
    let s = step(testing(), INNOVATOR, REQUEST_EXIT);
    s = step(s, reg('a1'), exit('a1', ExitDecision.REFINEMENT_REQUIRED));
    expect(s.state).toBe(S.EXIT_REVIEW);
    s = step(s, reg('a2'), exit('a2', ExitDecision.EXTENDED));
    expect(s.state).toBe(S.TESTING);
    expect(states(s)).toMatchObject({ a1: T.ADMITTED, a2: T.ADMITTED });
  });

  it.each(Object.values(ExitDecision))('deciding exit twice in a round is INVALID_TRANSITION (first %s)', (first) => {
    let s = step(testing(), INNOVATOR, REQUEST_EXIT);
    s = step(s, reg('a1'), exit('a1', first));
    expect(s.state).toBe(S.EXIT_REVIEW);
    for (const again of Object.values(ExitDecision))
      expectVeto(run(s, reg('a1'), exit('a1', again)), 'INVALID_TRANSITION');
  });

  it('a declined track takes no exit decision', () => {
    const s = step(testing(), INNOVATOR, REQUEST_EXIT);
    expectVeto(run(s, reg('a3'), exit('a3', ExitDecision.AUTHORISED)), 'INVALID_TRANSITION');
  });

  it('a SUSPENDED track takes no exit decision and holds the enrolment in EXIT_REVIEW until it is resumed and decided', () => {
    let s = step(testing(), INNOVATOR, REQUEST_EXIT);
    s = step(s, reg('a2'), suspend('a2'));
    expect(s.state).toBe(S.EXIT_REVIEW);
    expectVeto(run(s, reg('a2'), exit('a2', ExitDecision.AUTHORISED)), 'INVALID_TRANSITION');
    s = step(s, reg('a1'), exit('a1', ExitDecision.AUTHORISED));
    // Never EXITED while an admitted track is still suspended.
    expect(s.state).toBe(S.EXIT_REVIEW);
    expect(states(s)).toEqual({ a1: T.AUTHORISED, a2: T.SUSPENDED, a3: T.DECLINED });
    s = step(s, reg('a2'), resume('a2'));
    expect(s.state).toBe(S.EXIT_REVIEW);
    s = step(s, reg('a2'), exit('a2', ExitDecision.REJECTED));
    expect(s.state).toBe(S.EXITED);
    expect(states(s)).toEqual({ a1: T.AUTHORISED, a2: T.REJECTED, a3: T.DECLINED });
  });

  it('a track suspended in TESTING holds the next exit round too', () => {
    let s = step(testing(), reg('a2'), suspend('a2'));
    s = step(s, INNOVATOR, REQUEST_EXIT);
    s = step(s, reg('a1'), exit('a1', ExitDecision.EXTENDED));
    expect(s.state).toBe(S.EXIT_REVIEW);
    s = step(s, reg('a2'), resume('a2'));
    expect(s.state).toBe(S.EXIT_REVIEW);
    s = step(s, reg('a2'), exit('a2', ExitDecision.AUTHORISED));
    expect(s.state).toBe(S.TESTING);
    expect(states(s)).toEqual({ a1: T.ADMITTED, a2: T.AUTHORISED, a3: T.DECLINED });
  });

  it('a track that decided in this round and is then suspended loses that decision: it decides again once resumed', () => {
    let s = step(testing(), INNOVATOR, REQUEST_EXIT);
    s = step(s, reg('a1'), exit('a1', ExitDecision.EXTENDED));
    s = step(s, reg('a1'), suspend('a1'));
    expect(trackOf(s, 'a1')).toMatchObject({ state: T.SUSPENDED, exitDecision: null });
    s = step(s, reg('a2'), exit('a2', ExitDecision.AUTHORISED));
    // Held in EXIT_REVIEW by the suspended track (not SUSPENDED: that follows a suspension only).
    expect(s).toMatchObject({ state: S.EXIT_REVIEW, resumeState: null });
    s = step(s, reg('a1'), resume('a1'));
    expect(s.state).toBe(S.EXIT_REVIEW);
    expect(trackOf(s, 'a1')).toMatchObject({ state: T.ADMITTED, exitDecision: null });
    s = step(s, reg('a1'), exit('a1', ExitDecision.REJECTED));
    expect(s.state).toBe(S.EXITED);
  });

  it("an earlier round's decision never counts in a later one, even for a track suspended in between", () => {
    // Round 1: both extended.
    let s = step(testing(), INNOVATOR, REQUEST_EXIT);
    s = step(s, reg('a1'), exit('a1', ExitDecision.EXTENDED));
    s = step(s, reg('a2'), exit('a2', ExitDecision.EXTENDED));
    expect(s.state).toBe(S.TESTING);
    // a2 suspended while testing; round 2 requested; a1 suspended too → the enrolment is suspended.
    s = step(s, reg('a2'), suspend('a2'));
    s = step(s, INNOVATOR, REQUEST_EXIT);
    expect(s.tracks.map((t) => t.exitDecision)).toEqual([null, null, null]);
    s = step(s, reg('a1'), suspend('a1'));
    expect(s).toMatchObject({ state: S.SUSPENDED, resumeState: S.EXIT_REVIEW });
    // a2 comes back and must decide in this round.
    s = step(s, reg('a2'), resume('a2'));
    expect(s.state).toBe(S.EXIT_REVIEW);
    expect(trackOf(s, 'a2')).toMatchObject({ state: T.ADMITTED, exitDecision: null });
    s = step(s, reg('a2'), exit('a2', ExitDecision.AUTHORISED));
    // a1 is still suspended: the round waits for it.
    expect(s.state).toBe(S.EXIT_REVIEW);
    s = step(s, reg('a1'), resume('a1'));
    expect(trackOf(s, 'a1')).toMatchObject({ state: T.ADMITTED, exitDecision: null });
    s = step(s, reg('a1'), exit('a1', ExitDecision.AUTHORISED));
    expect(s.state).toBe(S.EXITED);
  });
});

describe('enrolment lifecycle: suspension', () => {
  const testing = (): EnrolmentSnapshot => snap(S.TESTING, [track('a1', T.ADMITTED), track('a2', T.ADMITTED)]);

  it('suspending one of two admitted tracks keeps the enrolment TESTING', () => {
    const o = run(testing(), reg('a1'), suspend('a1'));
    expect(o).toMatchObject({ ok: true, admitted: false, next: { state: S.TESTING, resumeState: null } });
    if (o.ok) expect(o.next.tracks).toEqual([track('a1', T.SUSPENDED, { suspendedBy: 'a1' }), track('a2', T.ADMITTED)]);
  });

  it('suspending both makes the enrolment SUSPENDED (resumeState TESTING); the suspending authority resumes it to TESTING', () => {
    let s = step(testing(), reg('a1'), suspend('a1'));
    s = step(s, reg('a2'), suspend('a2'));
    expect(s).toMatchObject({ state: S.SUSPENDED, resumeState: S.TESTING });
    expect(states(s)).toEqual({ a1: T.SUSPENDED, a2: T.SUSPENDED });
    const o = run(s, reg('a2'), resume('a2'));
    expect(o).toMatchObject({ ok: true, admitted: false, next: { state: S.TESTING, resumeState: null } });
    if (o.ok) {
      expect(trackOf(o.next, 'a2')).toEqual(track('a2', T.ADMITTED));
      expect(trackOf(o.next, 'a1')).toEqual(track('a1', T.SUSPENDED));
    }
  });

  it('suspended during exit review: SUSPENDED with resumeState EXIT_REVIEW, and resume returns there', () => {
    let s = step(testing(), INNOVATOR, REQUEST_EXIT);
    s = step(s, reg('a1'), suspend('a1'));
    expect(s.state).toBe(S.EXIT_REVIEW);
    s = step(s, reg('a2'), suspend('a2'));
    expect(s).toMatchObject({ state: S.SUSPENDED, resumeState: S.EXIT_REVIEW });
    s = step(s, reg('a1'), resume('a1'));
    expect(s).toMatchObject({ state: S.EXIT_REVIEW, resumeState: null });
    // The round goes on, but the still-suspended a2 holds it open.
    s = step(s, reg('a1'), exit('a1', ExitDecision.AUTHORISED));
    expect(s.state).toBe(S.EXIT_REVIEW);
    s = step(s, reg('a2'), resume('a2'));
    s = step(s, reg('a2'), exit('a2', ExitDecision.AUTHORISED));
    expect(s.state).toBe(S.EXITED);
  });

  it('the only admitted track left being suspended suspends the enrolment (a final or declined track does not count)', () => {
    let s = snap(S.EXIT_REVIEW, [track('a1', T.ADMITTED), track('a2', T.ADMITTED), track('a3', T.DECLINED)]);
    s = step(s, reg('a1'), exit('a1', ExitDecision.AUTHORISED));
    s = step(s, reg('a2'), suspend('a2'));
    expect(s).toMatchObject({ state: S.SUSPENDED, resumeState: S.EXIT_REVIEW });
    s = step(s, reg('a2'), resume('a2'));
    expect(s.state).toBe(S.EXIT_REVIEW);
    s = step(s, reg('a2'), exit('a2', ExitDecision.EXTENDED));
    expect(s.state).toBe(S.TESTING);
  });

  it('resume by another authority is FORBIDDEN', () => {
    const s = snap(S.SUSPENDED, [track('a1', T.SUSPENDED), track('a2', T.SUSPENDED)], { resumeState: S.TESTING });
    expectVeto(run(s, reg('a2'), resume('a1')), 'FORBIDDEN');
    // A track whose record says another authority suspended it.
    const foreign = snap(S.SUSPENDED, [track('a1', T.SUSPENDED, { suspendedBy: 'a2' }), track('a2', T.SUSPENDED)], {
      resumeState: S.TESTING,
    });
    expectVeto(run(foreign, reg('a1'), resume('a1')), 'FORBIDDEN');
  });

  it('resuming a track that is not suspended is INVALID_TRANSITION', () => {
    const s = snap(S.SUSPENDED, [track('a1', T.SUSPENDED), track('a2', T.DECLINED), track('a3', T.AUTHORISED)], {
      resumeState: S.EXIT_REVIEW,
    });
    expectVeto(run(s, reg('a2'), resume('a2')), 'INVALID_TRANSITION');
    expectVeto(run(s, reg('a3'), resume('a3')), 'INVALID_TRANSITION');
  });

  it.each([T.PENDING, T.DECLINED, T.SUSPENDED, T.AUTHORISED, T.REJECTED])(
    'suspending a %s track is INVALID_TRANSITION',
    (state) => {
      for (const enrolment of [S.TESTING, S.EXIT_REVIEW]) {
        const s = snap(enrolment, [track('a1', state), track('a2', T.ADMITTED)]);
        expectVeto(run(s, reg('a1'), suspend('a1')), 'INVALID_TRANSITION');
      }
    },
  );

  it('no test report goes to a suspended track, and no exit can be requested while SUSPENDED', () => {
    const s = step(step(testing(), reg('a1'), suspend('a1')), reg('a2'), suspend('a2'));
    expectVeto(run(s, INNOVATOR, report('a1')), 'INVALID_TRANSITION');
    expectVeto(run(s, INNOVATOR, REQUEST_EXIT), 'INVALID_TRANSITION');
  });
});

describe('enrolment lifecycle: withdraw', () => {
  const nonTerminal = [S.DRAFT, S.SUBMITTED, S.UNDER_REVIEW, S.TESTING, S.EXIT_REVIEW, S.SUSPENDED];

  it.each(nonTerminal)('WITHDRAW from %s → WITHDRAWN', (state) => {
    const o = run(NATURAL[state], INNOVATOR, WITHDRAW);
    expect(o).toMatchObject({ ok: true, admitted: false, next: { state: S.WITHDRAWN, resumeState: null } });
  });

  it.each([S.EXITED, S.DECLINED, S.WITHDRAWN])('WITHDRAW from %s → INVALID_TRANSITION', (state) => {
    expectVeto(run(NATURAL[state], INNOVATOR, WITHDRAW), 'INVALID_TRANSITION');
  });

  it('covers every state', () => {
    expect(nonTerminal.length + 3).toBe(ALL_STATES.length);
  });
});

describe('enrolment lifecycle: test reports', () => {
  const s = snap(S.TESTING, [track('a1', T.ADMITTED), track('a2', T.DECLINED), track('a3', T.SUSPENDED)]);

  it('go to an ADMITTED track in TESTING and return the same snapshot', () => {
    const o = run(s, INNOVATOR, report('a1'));
    expect(o.ok).toBe(true);
    if (o.ok) {
      expect(o.next).toBe(s);
      expect(o.admitted).toBe(false);
    }
  });

  it.each(['a2', 'a3'])('to a non-admitted track (%s) → INVALID_TRANSITION', (authorityId) => {
    expectVeto(run(s, INNOVATOR, report(authorityId)), 'INVALID_TRANSITION');
  });

  it.each(ALL_STATES.filter((state) => state !== S.TESTING))(
    'not while the enrolment is %s, even to an admitted track',
    (state) => {
      expectVeto(run({ ...s, state }, INNOVATOR, report('a1')), 'INVALID_TRANSITION');
    },
  );

  it.each([null, undefined])(
    'not before a sandbox plan is agreed (plan in force: %s) → INVALID_TRANSITION, reason PLAN_NOT_AGREED',
    (planInForce) => {
      const o = run({ ...s, planInForce }, INNOVATOR, report('a1'));
      expect(o).toEqual({
        ok: false,
        veto: {
          code: 'INVALID_TRANSITION',
          reason: expect.stringMatching(/sandbox plan/),
          reasonCode: 'PLAN_NOT_AGREED',
        },
      });
      // allowedTransitions says so too, with the token.
      expect(
        allowedActions({ ...s, planInForce }, INNOVATOR).find((r) => r.action === A.SUBMIT_TEST_REPORT),
      ).toMatchObject({ allowed: false, reasonCode: 'PLAN_NOT_AGREED' });
    },
  );
});

describe('allowedActions', () => {
  const allowedOf = (rows: ReturnType<typeof allowedActions>): EnrolmentAction[] =>
    rows.filter((r) => r.allowed).map((r) => r.action);

  it('an innovator in DRAFT may only SUBMIT and WITHDRAW', () => {
    const rows = allowedActions(NATURAL[S.DRAFT], INNOVATOR);
    expect(rows.map((r) => r.action).sort()).toEqual([...ALL_ACTIONS].sort());
    expect(allowedOf(rows).sort()).toEqual([A.SUBMIT, A.WITHDRAW].sort());
  });

  it('a targeted regulator in UNDER_REVIEW may DECIDE_ENTRY on its own track', () => {
    const rows = allowedActions(NATURAL[S.UNDER_REVIEW], reg('a2'));
    expect(rows.find((r) => r.action === A.DECIDE_ENTRY)).toEqual({
      action: A.DECIDE_ENTRY,
      authorityId: 'a2',
      allowed: true,
      reason: null,
      reasonCode: null,
    });
    expect(allowedOf(rows)).toEqual([A.DECIDE_ENTRY]);
  });

  it('a regulator of a non-targeted authority may do nothing', () => {
    expect(allowedOf(allowedActions(NATURAL[S.UNDER_REVIEW], reg('a9')))).toEqual([]);
  });

  it('an innovator in TESTING may report, request exit and withdraw', () => {
    expect(allowedOf(allowedActions(NATURAL[S.TESTING], INNOVATOR)).sort()).toEqual(
      [A.SUBMIT_TEST_REPORT, A.REQUEST_EXIT, A.WITHDRAW].sort(),
    );
  });

  it('in every state, for every actor, each disallowed entry carries a non-empty reason and each allowed one none', () => {
    for (const state of ALL_STATES) {
      for (const actor of [INNOVATOR, reg('a1'), reg('a2'), reg('a9'), OTHER]) {
        const snapshot = NATURAL[state];
        const before = structuredClone(snapshot);
        const rows = allowedActions(snapshot, actor);
        expect(snapshot).toEqual(before);
        expect(rows).toHaveLength(ALL_ACTIONS.length);
        for (const row of rows) {
          if (row.allowed) expect(row.reason).toBeNull();
          else expect(row.reason).toEqual(expect.stringMatching(/\S/));
        }
        // Nothing is allowed for someone who is neither the innovator nor a targeted regulator, nor in a final state.
        if (
          actor.kind === 'OTHER' ||
          (actor.kind === 'REGULATOR' && actor.authorityId === 'a9') ||
          [S.EXITED, S.DECLINED, S.WITHDRAWN].includes(state)
        ) {
          expect(allowedOf(rows)).toEqual([]);
        }
      }
    }
  });
});

describe('enrolment lifecycle: suspension during exit review', () => {
  it('suspending the last undecided track does not close the exit round: it waits for that track', () => {
    const round = snap(S.EXIT_REVIEW, [track('a1', T.ADMITTED), track('a2', T.ADMITTED)]);
    const extended = run(round, reg('a1'), exit('a1', ExitDecision.EXTENDED));
    expect(extended.ok && extended.next.state).toBe(S.EXIT_REVIEW);
    let s = (extended as { next: EnrolmentSnapshot }).next;
    const suspended = run(s, reg('a2'), suspend('a2'));
    expect(suspended.ok && suspended.next.state).toBe(S.EXIT_REVIEW);
    s = step(s, reg('a2'), suspend('a2'));
    s = step(s, reg('a2'), resume('a2'));
    expect(s.state).toBe(S.EXIT_REVIEW);
    s = step(s, reg('a2'), exit('a2', ExitDecision.AUTHORISED));
    expect(s.state).toBe(S.TESTING);
  });

  it('is never EXITED while an admitted track is SUSPENDED, whatever the others decided', () => {
    for (const decision of Object.values(ExitDecision)) {
      let s = snap(S.EXIT_REVIEW, [track('a1', T.ADMITTED), track('a2', T.SUSPENDED), track('a3', T.ADMITTED)]);
      s = step(s, reg('a1'), exit('a1', decision));
      s = step(s, reg('a3'), exit('a3', ExitDecision.AUTHORISED));
      expect(s.state).toBe(S.EXIT_REVIEW);
      expect(trackOf(s, 'a2').state).toBe(T.SUSPENDED);
    }
  });
});

describe('enrolment lifecycle: cohort places', () => {
  /** Every place held by other enrolments, or one left. */
  const FULL = { capacity: 1, heldByOthers: 1 };
  const ROOM = { capacity: 2, heldByOthers: 1 };
  const RULES = Object.values(JointEntryRule);
  const review = (
    rule: JointEntryRule,
    cohort: EnrolmentSnapshot['cohort'],
    tracks = [track('a1', T.PENDING), track('a2', T.PENDING)],
  ) => snap(S.UNDER_REVIEW, tracks, { rule, lead: 'a1', cohort });

  function expectCohortFull(outcome: LifecycleOutcome): void {
    expect(outcome).toEqual({
      ok: false,
      veto: { code: 'INVALID_TRANSITION', reason: expect.stringMatching(/cohort is full/), reasonCode: 'COHORT_FULL' },
    });
  }

  it('a place is held from the first accepted ADMIT until the enrolment is DECLINED, WITHDRAWN or EXITED', () => {
    const held = (s: EnrolmentSnapshot) => holdsPlace(s);
    for (const state of [S.DRAFT, S.SUBMITTED, S.UNDER_REVIEW]) expect(held(NATURAL[state])).toBe(false);
    for (const state of [S.TESTING, S.EXIT_REVIEW, S.SUSPENDED]) expect(held(NATURAL[state])).toBe(true);
    // EXITED and WITHDRAWN have admitted tracks, DECLINED may have one (UNANIMOUS): none holds a place.
    for (const state of [S.EXITED, S.DECLINED, S.WITHDRAWN]) expect(held(NATURAL[state])).toBe(false);
    expect(held(snap(S.DECLINED, [track('a1', T.ADMITTED), track('a2', T.DECLINED)]))).toBe(false);
    // Taken at the first ADMIT, while other tracks are still pending.
    const once = step(review(JointEntryRule.EACH_AUTHORITY, ROOM), reg('a1'), entry('a1', EntryDecision.ADMIT));
    expect(once.state).toBe(S.UNDER_REVIEW);
    expect(held(once)).toBe(true);
    // A decline alone takes none.
    const declined = step(review(JointEntryRule.EACH_AUTHORITY, FULL), reg('a1'), entry('a1', EntryDecision.DECLINE));
    expect(held(declined)).toBe(false);
    // Still held in TESTING with a final track beside a running one.
    expect(held(snap(S.TESTING, [track('a1', T.AUTHORISED), track('a2', T.ADMITTED)]))).toBe(true);
  });

  it.each(RULES)(
    '%s: an ADMIT of an enrolment without a place is refused at once when every place is held (COHORT_FULL)',
    (rule) => {
      expectCohortFull(run(review(rule, FULL), reg('a1'), entry('a1', EntryDecision.ADMIT)));
      expectCohortFull(
        run(review(rule, { capacity: 3, heldByOthers: 4 }), reg('a1'), entry('a1', EntryDecision.ADMIT)),
      );
      // With a place free it is accepted and takes it.
      const o = run(review(rule, ROOM), reg('a1'), entry('a1', EntryDecision.ADMIT));
      expect(o.ok).toBe(true);
      if (o.ok) expect(holdsPlace(o.next)).toBe(true);
    },
  );

  it.each(RULES)('%s: a DECLINE is never refused for capacity', (rule) => {
    const o = run(review(rule, FULL), reg('a1'), entry('a1', EntryDecision.DECLINE));
    expect(o.ok).toBe(true);
  });

  it('the reported case: the only place held elsewhere, the FCA cannot admit and MAS can still decline: the enrolment is decided', () => {
    let s = review(JointEntryRule.EACH_AUTHORITY, FULL);
    expectCohortFull(run(s, reg('a1'), entry('a1', EntryDecision.ADMIT)));
    s = step(s, reg('a2'), entry('a2', EntryDecision.DECLINE));
    expect(s.state).toBe(S.UNDER_REVIEW);
    s = step(s, reg('a1'), entry('a1', EntryDecision.DECLINE));
    expect(s.state).toBe(S.DECLINED);
  });

  it('an enrolment that took a place keeps it: its further ADMITs and DECLINEs go through when every other place is held', () => {
    // EACH_AUTHORITY: a1 admitted (the place taken), then the cohort filled up.
    const admitted = [track('a1', T.ADMITTED), track('a2', T.PENDING)];
    const full = { capacity: 2, heldByOthers: 1 };
    for (const decision of Object.values(EntryDecision)) {
      const o = run(review(JointEntryRule.EACH_AUTHORITY, full, admitted), reg('a2'), entry('a2', decision));
      expect(o).toMatchObject({ ok: true, admitted: true, next: { state: S.TESTING } });
    }
    // UNANIMOUS: the last ADMIT starts testing; a DECLINE declines the enrolment and frees its place.
    const last = run(review(JointEntryRule.UNANIMOUS, full, admitted), reg('a2'), entry('a2', EntryDecision.ADMIT));
    expect(last).toMatchObject({ ok: true, next: { state: S.TESTING } });
    const no = run(review(JointEntryRule.UNANIMOUS, full, admitted), reg('a2'), entry('a2', EntryDecision.DECLINE));
    expect(no).toMatchObject({ ok: true, next: { state: S.DECLINED } });
    if (no.ok) expect(holdsPlace(no.next)).toBe(false);
  });

  it('who may act and the state are checked before capacity', () => {
    // A non-lead under LEAD_DECIDES, an authority deciding twice, another authority's track.
    expectVeto(
      run(review(JointEntryRule.LEAD_DECIDES, FULL), reg('a2'), entry('a2', EntryDecision.ADMIT)),
      'INVALID_TRANSITION',
    );
    expect(
      run(review(JointEntryRule.LEAD_DECIDES, FULL), reg('a2'), entry('a2', EntryDecision.ADMIT)),
    ).not.toMatchObject({
      veto: { reasonCode: 'COHORT_FULL' },
    });
    expectVeto(
      run(review(JointEntryRule.EACH_AUTHORITY, FULL), reg('a2'), entry('a1', EntryDecision.ADMIT)),
      'FORBIDDEN',
    );
    expectVeto(
      run(review(JointEntryRule.EACH_AUTHORITY, FULL), INNOVATOR, entry('a1', EntryDecision.ADMIT)),
      'FORBIDDEN',
    );
    const declined = snap(S.UNDER_REVIEW, [track('a1', T.DECLINED), track('a2', T.PENDING)], { cohort: FULL });
    const again = run(declined, reg('a1'), entry('a1', EntryDecision.ADMIT));
    expectVeto(again, 'INVALID_TRANSITION');
    expect(again).not.toMatchObject({ veto: { reasonCode: 'COHORT_FULL' } });
  });

  it('allowedActions tells the regulator its ADMIT is refused for capacity, with the reason code', () => {
    const rows = allowedActions(review(JointEntryRule.EACH_AUTHORITY, FULL), reg('a1'));
    expect(rows.find((r) => r.action === A.DECIDE_ENTRY)).toEqual({
      action: A.DECIDE_ENTRY,
      authorityId: 'a1',
      allowed: false,
      reason: expect.stringMatching(/cohort is full/),
      reasonCode: 'COHORT_FULL',
    });
    for (const row of rows.filter((r) => r.action !== A.DECIDE_ENTRY)) expect(row.reasonCode).toBeNull();
    expect(
      allowedActions(review(JointEntryRule.EACH_AUTHORITY, ROOM), reg('a1')).find((r) => r.action === A.DECIDE_ENTRY),
    ).toMatchObject({ allowed: true, reason: null, reasonCode: null });
  });
});
