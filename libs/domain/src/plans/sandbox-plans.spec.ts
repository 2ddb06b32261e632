import { describe, expect, it } from '@jest/globals';
import type { LifecycleActor } from '../enrolments/enrolment-lifecycle.js';
import { EnrolmentState, TrackState } from '../enrolments/enrolment-states.js';
import { Confidentiality } from '../reports/test-reports.js';
import { extensionRequestLimit } from '../deadlines/deadlines.js';
import {
  allowedPlanActions,
  applyPlanAction,
  awaitingApproval,
  currentPlan,
  PLAN_TRANSITIONS,
  PlanAction,
  type PlanCommand,
  type PlanContentContext,
  planContentProblems,
  planAsRead,
  planEvidenceReferences,
  PlanDecision,
  planInForce,
  type PlanOutcome,
  PlanRefusal,
  type PlanSnapshot,
  type PlanVersionSnapshot,
  type SandboxPlanContent,
  SandboxPlanStatus,
} from './sandbox-plans.js';

const P = SandboxPlanStatus;
const INNOVATOR: LifecycleActor = { kind: 'INNOVATOR' };
const reg = (authorityId: string): LifecycleActor => ({ kind: 'REGULATOR', authorityId });
const TODAY = '2027-03-01';

function version(
  n: number,
  status: SandboxPlanStatus,
  decisions: PlanVersionSnapshot['decisions'] = [],
  endDay = '2027-06-30',
): PlanVersionSnapshot {
  return { version: n, status, endDay, decisions };
}

function snap(
  versions: PlanVersionSnapshot[],
  tracks: [string, TrackState][] = [
    ['fca', TrackState.ADMITTED],
    ['mas', TrackState.ADMITTED],
  ],
  state = EnrolmentState.TESTING,
): PlanSnapshot {
  return { enrolmentState: state, tracks: tracks.map(([authorityId, s]) => ({ authorityId, state: s })), versions };
}

/** Every call goes through here: the snapshot must come out exactly as it went in. */
function run(snapshot: PlanSnapshot, actor: LifecycleActor, command: PlanCommand, today = TODAY): PlanOutcome {
  const before = structuredClone(snapshot);
  const outcome = applyPlanAction(snapshot, actor, command, today);
  expect(snapshot).toEqual(before);
  return outcome;
}

function vetoOf(outcome: PlanOutcome) {
  if (outcome.ok) throw new Error('expected a veto');
  return outcome.veto;
}

const propose = (endDay: string | null = '2027-06-30'): PlanCommand => ({ action: PlanAction.PROPOSE, endDay });
const approve = (v: number): PlanCommand => ({ action: PlanAction.APPROVE, version: v });
const changes = (v: number): PlanCommand => ({ action: PlanAction.REQUEST_CHANGES, version: v });
const extend = (endDay: string | null = '2027-08-31'): PlanCommand => ({
  action: PlanAction.REQUEST_EXTENSION,
  endDay,
});
const approved = (authorityId: string) => ({ authorityId, decision: PlanDecision.APPROVED });

/** Applies a successful outcome to the snapshot, as the service does. */
function applied(snapshot: PlanSnapshot, outcome: PlanOutcome, endDay = '2027-06-30'): PlanSnapshot {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.veto.reason}`);
  const versions = snapshot.versions.map((v) => {
    const change = outcome.statusChanges.find((c) => c.version === v.version);
    const decided = outcome.decision?.version === v.version;
    return {
      ...v,
      status: change?.to ?? v.status,
      decisions: decided
        ? [...v.decisions, { authorityId: outcome.decision!.authorityId, decision: outcome.decision!.decision }]
        : v.decisions,
    };
  });
  if (outcome.created) versions.push(version(outcome.created.version, P.PROPOSED, [], endDay));
  return { ...snapshot, versions };
}

describe('sandbox plan versions: the state machine', () => {
  it('allows exactly DRAFT → PROPOSED → AGREED | CHANGES_REQUESTED | SUPERSEDED and AGREED → SUPERSEDED', () => {
    expect(PLAN_TRANSITIONS).toEqual({
      DRAFT: ['PROPOSED'],
      PROPOSED: ['AGREED', 'CHANGES_REQUESTED', 'SUPERSEDED'],
      CHANGES_REQUESTED: [],
      AGREED: ['SUPERSEDED'],
      SUPERSEDED: [],
    });
  });

  it('every status change an action makes is a transition of the table', () => {
    const journeys: [PlanSnapshot, LifecycleActor, PlanCommand][] = [
      [snap([]), INNOVATOR, propose()],
      [snap([version(1, P.PROPOSED)]), INNOVATOR, propose()],
      [snap([version(1, P.PROPOSED, [approved('fca')])]), reg('mas'), approve(1)],
      [snap([version(1, P.PROPOSED)]), reg('fca'), changes(1)],
      [snap([version(1, P.AGREED), version(2, P.PROPOSED, [approved('fca')])]), reg('mas'), approve(2)],
      [snap([version(1, P.AGREED)]), INNOVATOR, extend()],
    ];
    for (const [snapshot, actor, command] of journeys) {
      const outcome = run(snapshot, actor, command);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) for (const c of outcome.statusChanges) expect(PLAN_TRANSITIONS[c.from]).toContain(c.to);
    }
  });

  it('the first proposal is version 1, PROPOSED, amending nothing', () => {
    expect(run(snap([]), INNOVATOR, propose())).toEqual({
      ok: true,
      created: { version: 1, amends: null, extension: false },
      statusChanges: [],
      decision: null,
    });
  });

  it('is agreed once every admitted, unsuspended authority approved, in any order; until then it stays PROPOSED', () => {
    for (const order of [
      ['fca', 'mas'],
      ['mas', 'fca'],
    ]) {
      let s = applied(snap([]), run(snap([]), INNOVATOR, propose()));
      const first = run(s, reg(order[0]), approve(1));
      expect(first).toMatchObject({ ok: true, statusChanges: [], decision: { authorityId: order[0] } });
      s = applied(s, first);
      expect(awaitingApproval(s.versions[0], s.tracks)).toEqual([order[1]]);
      const last = run(s, reg(order[1]), approve(1));
      expect(last).toMatchObject({ ok: true, statusChanges: [{ version: 1, from: P.PROPOSED, to: P.AGREED }] });
      s = applied(s, last);
      expect(planInForce(s.versions)?.version).toBe(1);
      expect(awaitingApproval(s.versions[0], s.tracks)).toEqual([]);
    }
  });

  it('a request for changes closes the version (CHANGES_REQUESTED); the next proposal is a new version, the old one kept', () => {
    let s = applied(snap([]), run(snap([]), INNOVATOR, propose()));
    s = applied(s, run(s, reg('fca'), approve(1)));
    const asked = run(s, reg('mas'), changes(1));
    expect(asked).toMatchObject({
      ok: true,
      statusChanges: [{ version: 1, from: P.PROPOSED, to: P.CHANGES_REQUESTED }],
      decision: { version: 1, authorityId: 'mas', decision: PlanDecision.CHANGES_REQUESTED },
    });
    s = applied(s, asked);
    // Nothing more is decided on a closed version.
    expect(vetoOf(run(s, reg('fca'), approve(1)))).toMatchObject({ reasonCode: PlanRefusal.PLAN_NOT_PROPOSED });
    const again = run(s, INNOVATOR, propose());
    expect(again).toMatchObject({ ok: true, created: { version: 2, amends: null }, statusChanges: [] });
    s = applied(s, again);
    expect(s.versions.map((v) => v.status)).toEqual([P.CHANGES_REQUESTED, P.PROPOSED]);
    // Version 2 needs both approvals again.
    expect(awaitingApproval(s.versions[1], s.tracks)).toEqual(['fca', 'mas']);
  });

  it('proposing while a version is PROPOSED replaces it: the open one is SUPERSEDED (its approvals lapse)', () => {
    const s = snap([version(1, P.PROPOSED, [approved('fca')])]);
    expect(run(s, INNOVATOR, propose())).toMatchObject({
      ok: true,
      created: { version: 2 },
      statusChanges: [{ version: 1, from: P.PROPOSED, to: P.SUPERSEDED }],
    });
  });

  it('an amendment leaves the agreed version in force until it is agreed, then supersedes it', () => {
    let s = snap([version(1, P.AGREED, [approved('fca'), approved('mas')])]);
    const amendment = run(s, INNOVATOR, propose('2027-06-15'));
    expect(amendment).toMatchObject({
      ok: true,
      created: { version: 2, amends: 1, extension: false },
      statusChanges: [],
    });
    s = applied(s, amendment, '2027-06-15');
    expect(planInForce(s.versions)?.version).toBe(1);
    expect(currentPlan(s.versions)?.version).toBe(1);
    s = applied(s, run(s, reg('fca'), approve(2)));
    expect(planInForce(s.versions)?.version).toBe(1);
    const last = run(s, reg('mas'), approve(2));
    expect(last).toMatchObject({
      ok: true,
      statusChanges: [
        { version: 1, from: P.AGREED, to: P.SUPERSEDED },
        { version: 2, from: P.PROPOSED, to: P.AGREED },
      ],
    });
    s = applied(s, last);
    expect(planInForce(s.versions)?.version).toBe(2);
  });

  it('a suspended authority’s approval is neither needed nor taken', () => {
    const s = snap(
      [version(1, P.PROPOSED)],
      [
        ['fca', TrackState.ADMITTED],
        ['mas', TrackState.SUSPENDED],
      ],
    );
    expect(awaitingApproval(s.versions[0], s.tracks)).toEqual(['fca']);
    expect(vetoOf(run(s, reg('mas'), approve(1)))).toMatchObject({
      code: 'INVALID_TRANSITION',
      reasonCode: PlanRefusal.TRACK_NOT_ADMITTED,
    });
    expect(vetoOf(run(s, reg('mas'), changes(1)))).toMatchObject({ reasonCode: PlanRefusal.TRACK_NOT_ADMITTED });
    expect(run(s, reg('fca'), approve(1))).toMatchObject({ ok: true, statusChanges: [{ to: P.AGREED }] });
  });

  it('a declined authority is not asked either; its regulator is refused for its track’s state', () => {
    const s = snap(
      [version(1, P.PROPOSED)],
      [
        ['fca', TrackState.ADMITTED],
        ['mas', TrackState.DECLINED],
      ],
    );
    expect(awaitingApproval(s.versions[0], s.tracks)).toEqual(['fca']);
    expect(vetoOf(run(s, reg('mas'), approve(1))).reasonCode).toBe(PlanRefusal.TRACK_NOT_ADMITTED);
  });

  it('an authority decides once per version', () => {
    const s = snap([version(1, P.PROPOSED, [approved('fca')])]);
    expect(vetoOf(run(s, reg('fca'), approve(1))).reasonCode).toBe(PlanRefusal.ALREADY_DECIDED);
    expect(vetoOf(run(s, reg('fca'), changes(1))).reasonCode).toBe(PlanRefusal.ALREADY_DECIDED);
  });

  it('only the innovator proposes and extends; only a targeted regulator decides (FORBIDDEN otherwise)', () => {
    const s = snap([version(1, P.PROPOSED)]);
    expect(vetoOf(run(s, reg('fca'), propose())).code).toBe('FORBIDDEN');
    expect(vetoOf(run(s, reg('fca'), extend())).code).toBe('FORBIDDEN');
    expect(vetoOf(run(s, INNOVATOR, approve(1))).code).toBe('FORBIDDEN');
    expect(vetoOf(run(s, { kind: 'OTHER' }, changes(1))).code).toBe('FORBIDDEN');
    expect(vetoOf(run(s, reg('ico'), approve(1))).code).toBe('FORBIDDEN');
  });

  it('exists only once a track is admitted, and no longer changes once the enrolment ended', () => {
    const pending = snap(
      [],
      [
        ['fca', TrackState.PENDING],
        ['mas', TrackState.PENDING],
      ],
      EnrolmentState.UNDER_REVIEW,
    );
    expect(vetoOf(run(pending, INNOVATOR, propose()))).toMatchObject({
      code: 'INVALID_TRANSITION',
      reasonCode: PlanRefusal.NO_ADMITTED_TRACK,
    });
    // Under EACH_AUTHORITY one admission is enough, even while another authority is still deciding.
    const onePending = snap(
      [],
      [
        ['fca', TrackState.ADMITTED],
        ['mas', TrackState.PENDING],
      ],
      EnrolmentState.UNDER_REVIEW,
    );
    expect(run(onePending, INNOVATOR, propose()).ok).toBe(true);
    for (const state of [EnrolmentState.EXITED, EnrolmentState.WITHDRAWN, EnrolmentState.DECLINED])
      expect(vetoOf(run(snap([version(1, P.PROPOSED)], undefined, state), reg('fca'), approve(1))).code).toBe(
        'INVALID_TRANSITION',
      );
    const allSuspended = snap([version(1, P.AGREED)], [['fca', TrackState.SUSPENDED]], EnrolmentState.SUSPENDED);
    expect(vetoOf(run(allSuspended, INNOVATOR, propose())).reasonCode).toBe(PlanRefusal.NO_ADMITTED_TRACK);
  });
});

describe('sandbox plan extensions (no later than the agreed end day − 30 days, UTC)', () => {
  const agreed = snap([version(1, P.AGREED, [], '2027-06-30')]);

  it('the deadline is exactly 30 days before the end day', () => {
    expect(extensionRequestLimit('2027-06-30')).toBe('2027-05-31');
    expect(extensionRequestLimit('2028-03-30')).toBe('2028-02-29');
  });

  it('is accepted on the day end − 30 and refused on end − 29 with EXTENSION_TOO_LATE', () => {
    expect(run(agreed, INNOVATOR, extend(), '2027-05-31')).toMatchObject({
      ok: true,
      created: { version: 2, amends: 1, extension: true },
    });
    expect(run(agreed, INNOVATOR, extend(), '2027-05-01').ok).toBe(true);
    expect(vetoOf(run(agreed, INNOVATOR, extend(), '2027-06-01'))).toMatchObject({
      code: 'INVALID_TRANSITION',
      reasonCode: PlanRefusal.EXTENSION_TOO_LATE,
    });
  });

  it('an amendment that moves the end day later is an extension, under the same deadline; an earlier end is not', () => {
    expect(run(agreed, INNOVATOR, propose('2027-07-31'), '2027-05-31')).toMatchObject({ created: { extension: true } });
    expect(vetoOf(run(agreed, INNOVATOR, propose('2027-07-31'), '2027-06-01')).reasonCode).toBe(
      PlanRefusal.EXTENSION_TOO_LATE,
    );
    expect(run(agreed, INNOVATOR, propose('2027-06-20'), '2027-06-10')).toMatchObject({
      ok: true,
      created: { extension: false },
    });
  });

  it('needs an agreed version to extend', () => {
    expect(vetoOf(run(snap([version(1, P.PROPOSED)]), INNOVATOR, extend()))).toMatchObject({
      reasonCode: PlanRefusal.PLAN_NOT_AGREED,
    });
  });
});

describe('allowedPlanActions', () => {
  const allowed = (s: PlanSnapshot, actor: LifecycleActor, today = TODAY) =>
    allowedPlanActions(s, actor, today)
      .filter((r) => r.allowed)
      .map((r) => r.action)
      .sort();

  it('says what each party may do now, with a reason for each refusal', () => {
    const open = snap([version(1, P.AGREED), version(2, P.PROPOSED, [approved('fca')])]);
    expect(allowed(open, INNOVATOR)).toEqual([PlanAction.PROPOSE, PlanAction.REQUEST_EXTENSION]);
    expect(allowed(open, reg('mas'))).toEqual([PlanAction.APPROVE, PlanAction.REQUEST_CHANGES]);
    expect(allowed(open, reg('fca'))).toEqual([]);
    for (const row of allowedPlanActions(open, reg('fca'), TODAY))
      expect(row.allowed ? row.reason : row.reason?.trim()).toEqual(row.allowed ? null : expect.any(String));
    expect(allowed(open, INNOVATOR, '2027-06-01')).toEqual([PlanAction.PROPOSE]);
    expect(
      allowedPlanActions(open, INNOVATOR, '2027-06-01').find((r) => r.action === PlanAction.REQUEST_EXTENSION),
    ).toMatchObject({ allowed: false, reasonCode: PlanRefusal.EXTENSION_TOO_LATE });
    expect(allowed(snap([]), INNOVATOR)).toEqual([PlanAction.PROPOSE]);
  });
});

// ── content ──

function content(overrides: Partial<SandboxPlanContent> = {}): SandboxPlanContent {
  const pub = { confidentiality: Confidentiality.PUBLIC, authorityId: null };
  return {
    timeline: {
      ...pub,
      startDay: '2027-01-01',
      endDay: '2027-06-30',
      milestones: [{ day: '2027-03-01', title: 'Review' }],
    },
    objectives: { ...pub, text: 'Objectives' },
    scope: { ...pub, text: 'Scope' },
    requirements: { ...pub, criterionIds: ['t1', 'e1'] },
    personalData: { ...pub, processed: false, dataProtectionAuthorityId: null, description: null },
    safeguards: { ...pub, text: 'Safeguards' },
    seriousIncidentProcedure: { ...pub, text: 'Procedure' },
    realWorldTesting: null,
    ...overrides,
  };
}

const CTX: PlanContentContext = {
  maxTestingDays: 180,
  admittingAuthorityIds: ['fca', 'mas'],
  requiredCriterionIds: ['t1', 'e1'],
  allowedCriterionIds: new Set(['t1', 'e1', 'x1']),
};

describe('sandbox plan content', () => {
  const paths = (c: SandboxPlanContent, ctx = CTX) => planContentProblems(c, ctx).map((p) => p.path);

  it('accepts a plan within the programme’s maximum testing period, ending on its last day at the latest', () => {
    expect(paths(content())).toEqual([]);
    const last = content({ timeline: { ...content().timeline, endDay: '2027-06-30' } });
    expect(paths(last, { ...CTX, maxTestingDays: 180 })).toEqual([]);
    expect(paths(last, { ...CTX, maxTestingDays: 179 })).toEqual(['input.timeline.endDay']);
  });

  it('refuses an end before the start and milestones outside the timeline', () => {
    const t = content().timeline;
    expect(paths(content({ timeline: { ...t, endDay: '2026-12-31' } }))).toContain('input.timeline.endDay');
    expect(paths(content({ timeline: { ...t, milestones: [{ day: '2027-07-01', title: 'Late' }] } }))).toEqual([
      'input.timeline.milestones.0.day',
    ]);
  });

  it('needs every attached TESTING and EXIT criterion, and names only admitting authorities’ criteria', () => {
    const r = content().requirements;
    expect(paths(content({ requirements: { ...r, criterionIds: ['t1'] } }))).toEqual([
      'input.requirements.criterionIds',
    ]);
    expect(paths(content({ requirements: { ...r, criterionIds: ['t1', 'e1', 'x1'] } }))).toEqual([]);
    expect(paths(content({ requirements: { ...r, criterionIds: ['t1', 'e1', 'zz'] } }))).toEqual([
      'input.requirements.criterionIds.2',
    ]);
  });

  it('needs an authority for a HOME_AUTHORITY section, and only an admitting one', () => {
    const home = { confidentiality: Confidentiality.HOME_AUTHORITY };
    expect(paths(content({ safeguards: { ...content().safeguards, ...home, authorityId: null } }))).toEqual([
      'input.safeguards.authorityId',
    ]);
    expect(paths(content({ safeguards: { ...content().safeguards, ...home, authorityId: 'ico' } }))).toEqual([
      'input.safeguards.authorityId',
    ]);
    expect(paths(content({ safeguards: { ...content().safeguards, ...home, authorityId: 'mas' } }))).toEqual([]);
  });

  it('needs the data protection authority when personal data is processed', () => {
    const d = content().personalData;
    expect(paths(content({ personalData: { ...d, processed: true } }))).toEqual([
      'input.personalData.dataProtectionAuthorityId',
    ]);
    expect(paths(content({ personalData: { ...d, processed: true, dataProtectionAuthorityId: 'ico' } }))).toEqual([]);
  });

  it('a section names at most 20 evidence files', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `ev${i}`);
    expect(paths(content({ scope: { ...content().scope, evidenceIds: ids(20) } }))).toEqual([]);
    expect(paths(content({ scope: { ...content().scope, evidenceIds: ids(21) } }))).toEqual([
      'input.scope.evidenceIds',
    ]);
  });

  it('an extension must move the agreed end day later', () => {
    expect(paths(content(), { ...CTX, extensionOf: { endDay: '2027-06-30' } })).toEqual(['input.endDay']);
    expect(paths(content(), { ...CTX, extensionOf: { endDay: '2027-06-29' } })).toEqual([]);
  });
});

describe('reading a plan: each section under its confidentiality', () => {
  const marked = content({
    objectives: { confidentiality: Confidentiality.PARTICIPANTS, authorityId: null, text: 'For participants' },
    safeguards: { confidentiality: Confidentiality.HOME_AUTHORITY, authorityId: 'fca', text: 'For FCA alone' },
    realWorldTesting: {
      confidentiality: Confidentiality.HOME_AUTHORITY,
      authorityId: 'mas',
      location: 'Singapore',
      subjects: 200,
      informedConsent: 'Written',
      durationDays: 60,
    },
  });

  it('the innovator and administrators read everything', () => {
    const { content: shown, withheld } = planAsRead(marked, { kind: 'ALL' });
    expect(withheld).toBe(0);
    expect(shown.safeguards).toEqual({ ...marked.safeguards, withheld: false });
  });

  it('an authority reads PUBLIC, PARTICIPANTS when it takes part, and only its own HOME_AUTHORITY sections', () => {
    const fca = planAsRead(marked, { kind: 'AUTHORITY', authorityId: 'fca', participant: true });
    expect(fca.withheld).toBe(1);
    expect(fca.content.safeguards).toEqual({ ...marked.safeguards, withheld: false });
    expect(fca.content.realWorldTesting).toEqual({
      confidentiality: Confidentiality.HOME_AUTHORITY,
      authorityId: 'mas',
      withheld: true,
    });
    const mas = planAsRead(marked, { kind: 'AUTHORITY', authorityId: 'mas', participant: true });
    expect(mas.content.safeguards).toEqual({
      confidentiality: Confidentiality.HOME_AUTHORITY,
      authorityId: 'fca',
      withheld: true,
    });
    expect(mas.content.realWorldTesting).toMatchObject({ withheld: false, location: 'Singapore' });
    const outsider = planAsRead(marked, { kind: 'AUTHORITY', authorityId: 'ico', participant: false });
    expect(outsider.withheld).toBe(3);
    expect(outsider.content.objectives).toMatchObject({ withheld: true });
    expect(JSON.stringify(outsider.content)).not.toMatch(/For participants|For FCA alone|Singapore/);
    expect(outsider.content.scope).toMatchObject({ withheld: false, text: 'Scope' });
  });

  it('the evidence a section names is shown with it, and withheld with it', () => {
    const named = content({
      scope: { ...content().scope, evidenceIds: ['ev-public'] },
      safeguards: { ...marked.safeguards, evidenceIds: ['ev-fca', 'ev-fca-2'] },
    });
    expect(planEvidenceReferences(named)).toEqual([
      { section: 'scope', evidenceId: 'ev-public' },
      { section: 'safeguards', evidenceId: 'ev-fca' },
      { section: 'safeguards', evidenceId: 'ev-fca-2' },
    ]);
    const fca = planAsRead(named, { kind: 'AUTHORITY', authorityId: 'fca', participant: true });
    expect(fca.content.safeguards).toMatchObject({ withheld: false, evidenceIds: ['ev-fca', 'ev-fca-2'] });
    const mas = planAsRead(named, { kind: 'AUTHORITY', authorityId: 'mas', participant: true });
    expect(mas.content.scope).toMatchObject({ withheld: false, evidenceIds: ['ev-public'] });
    expect(JSON.stringify(mas.content)).not.toContain('ev-fca');
  });

  it('a plan without a real-world-testing section shows none', () => {
    expect(planAsRead(content(), { kind: 'ALL' }).content.realWorldTesting).toBeNull();
  });
});
