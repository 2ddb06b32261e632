import type { FieldProblem } from '../errors/domain-error.js';
import type { LifecycleActor } from '../enrolments/enrolment-lifecycle.js';
import { EnrolmentState, TrackState } from '../enrolments/enrolment-states.js';
import { Confidentiality } from '../reports/test-reports.js';
import { EXTENSION_NOTICE_DAYS, extensionRequestLimit } from '../deadlines/deadlines.js';
import { addDays } from '../time/day-arithmetic.js';

/**
 * Sandbox plans (docs/domain.md#sandbox-plans): one per enrolment, agreed between the innovator and
 * every admitting, unsuspended authority, versioned. This module holds the versions' state machine,
 * the plan's content with its per-section confidentiality, and what a reader is shown of it. Like the
 * enrolment lifecycle it never reads the clock: `today` (a UTC day) comes in as an argument.
 */

/**
 * Where one version of a plan stands. A version is proposed whole (DRAFT is the state of a version
 * not yet proposed: clients keep it until they propose it); PROPOSED until every admitting,
 * unsuspended authority approved it (AGREED) or one asked for changes (CHANGES_REQUESTED, closed);
 * an AGREED version is in force until a later one is agreed (then SUPERSEDED). A PROPOSED version
 * that a new proposal replaces before it was agreed is SUPERSEDED as well.
 */
export enum SandboxPlanStatus {
  DRAFT = 'DRAFT',
  PROPOSED = 'PROPOSED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  AGREED = 'AGREED',
  SUPERSEDED = 'SUPERSEDED',
}

/** The transitions of one version: anything else never happens. */
export const PLAN_TRANSITIONS: Readonly<Record<SandboxPlanStatus, readonly SandboxPlanStatus[]>> = {
  [SandboxPlanStatus.DRAFT]: [SandboxPlanStatus.PROPOSED],
  [SandboxPlanStatus.PROPOSED]: [
    SandboxPlanStatus.AGREED,
    SandboxPlanStatus.CHANGES_REQUESTED,
    SandboxPlanStatus.SUPERSEDED,
  ],
  [SandboxPlanStatus.CHANGES_REQUESTED]: [],
  [SandboxPlanStatus.AGREED]: [SandboxPlanStatus.SUPERSEDED],
  [SandboxPlanStatus.SUPERSEDED]: [],
};

/** An authority's decision on a proposed version. */
export enum PlanDecision {
  APPROVED = 'APPROVED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
}

/** What can be done to an enrolment's plan (the API's `allowedPlanActions`). */
export enum PlanAction {
  PROPOSE = 'PROPOSE',
  APPROVE = 'APPROVE',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  REQUEST_EXTENSION = 'REQUEST_EXTENSION',
}

/** The stable `reason`s a plan action (or a report without an agreed plan) is refused with, under INVALID_TRANSITION. */
export enum PlanRefusal {
  /** No version is AGREED: test reports and extensions wait for one. */
  PLAN_NOT_AGREED = 'PLAN_NOT_AGREED',
  /** The extension comes later than the agreed end day − 30 days. */
  EXTENSION_TOO_LATE = 'EXTENSION_TOO_LATE',
  /** The version named is no longer the one in force. */
  PLAN_SUPERSEDED = 'PLAN_SUPERSEDED',
  /** No track is ADMITTED (and unsuspended), or the enrolment has ended: there is no one to agree a plan with. */
  NO_ADMITTED_TRACK = 'NO_ADMITTED_TRACK',
  /** The version is not PROPOSED (any more): nothing is left to decide on it. */
  PLAN_NOT_PROPOSED = 'PLAN_NOT_PROPOSED',
  /** The caller's track is not ADMITTED (e.g. SUSPENDED): its approval is not needed and not taken. */
  TRACK_NOT_ADMITTED = 'TRACK_NOT_ADMITTED',
  /** The caller's authority has decided on this version already. */
  ALREADY_DECIDED = 'ALREADY_DECIDED',
}

/** Enrolment states in which the plan can no longer change. */
const ENDED: readonly EnrolmentState[] = [EnrolmentState.EXITED, EnrolmentState.DECLINED, EnrolmentState.WITHDRAWN];

// ── content ──

/** Who may read a section, and which admitting authority it belongs to (an authority's own items are marked as its). */
export interface PlanSectionMeta {
  /** Unmarked sections are presumed disclosable: PUBLIC. */
  confidentiality: Confidentiality;
  /** Required for HOME_AUTHORITY: the only authority that reads it. */
  authorityId: string | null;
  /**
   * Evidence files (of the enrolling organisation) the section names: read as the section is read.
   * Absent in versions written before evidence existed.
   */
  evidenceIds?: string[];
}

/** How many evidence files one section may name. */
export const MAX_SECTION_EVIDENCE = 20;

export interface PlanMilestone {
  day: string;
  title: string;
}

export interface PlanTimeline extends PlanSectionMeta {
  startDay: string;
  /** No later than startDay + the programme's maximum testing period. */
  endDay: string;
  milestones: PlanMilestone[];
}

export interface PlanText extends PlanSectionMeta {
  text: string;
}

export interface PlanRequirements extends PlanSectionMeta {
  /** Criteria (versions) of the admitting authorities: at least their attached TESTING and EXIT criteria. */
  criterionIds: string[];
}

export interface PlanPersonalData extends PlanSectionMeta {
  processed: boolean;
  /** The data protection authority involved (required when personal data is processed). */
  dataProtectionAuthorityId: string | null;
  description: string | null;
}

export interface PlanRealWorldTesting extends PlanSectionMeta {
  location: string;
  subjects: number;
  informedConsent: string;
  durationDays: number;
}

/** A version's content (IA 5(2)(a)–(g)); the participant and the AI system come from the enrolment. */
export interface SandboxPlanContent {
  timeline: PlanTimeline;
  objectives: PlanText;
  scope: PlanText;
  requirements: PlanRequirements;
  personalData: PlanPersonalData;
  safeguards: PlanText;
  seriousIncidentProcedure: PlanText;
  realWorldTesting: PlanRealWorldTesting | null;
}

/** The sections of a plan, in the order they are shown. */
export const PLAN_SECTIONS = [
  'timeline',
  'objectives',
  'scope',
  'requirements',
  'personalData',
  'safeguards',
  'seriousIncidentProcedure',
  'realWorldTesting',
] as const satisfies readonly (keyof SandboxPlanContent)[];
export type PlanSectionName = (typeof PLAN_SECTIONS)[number];

/** What the content is checked against. */
export interface PlanContentContext {
  maxTestingDays: number;
  /** Authorities whose tracks were admitted (ADMITTED or SUSPENDED): a section may be marked as theirs. */
  admittingAuthorityIds: readonly string[];
  /** The TESTING and EXIT criteria attached to the programme for the admitting authorities. */
  requiredCriterionIds: readonly string[];
  /** Every criterion the requirements may name: published criteria of the admitting authorities. */
  allowedCriterionIds: ReadonlySet<string>;
  /** For an amendment of an agreed version: an extension must move its end day later. */
  extensionOf?: { endDay: string } | null;
}

/** Every problem with a version's content, as BAD_USER_INPUT field problems under `input.`. */
export function planContentProblems(content: SandboxPlanContent, ctx: PlanContentContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { timeline } = content;
  if (timeline.endDay < timeline.startDay)
    problems.push({ path: 'input.timeline.endDay', message: 'must not be before startDay' });
  const latest = addDays(timeline.startDay, ctx.maxTestingDays);
  if (timeline.endDay > latest)
    problems.push({
      path: 'input.timeline.endDay',
      message: `must be no later than ${latest} (startDay + the programme's maximum testing period of ${ctx.maxTestingDays} days)`,
    });
  if (ctx.extensionOf && timeline.endDay <= ctx.extensionOf.endDay)
    problems.push({
      path: 'input.endDay',
      message: `must be later than the agreed end day ${ctx.extensionOf.endDay}`,
    });
  for (const [i, m] of timeline.milestones.entries())
    if (m.day < timeline.startDay || m.day > timeline.endDay)
      problems.push({ path: `input.timeline.milestones.${i}.day`, message: 'must lie between startDay and endDay' });
  for (const name of PLAN_SECTIONS) {
    const section = content[name];
    if (!section) continue;
    if (section.confidentiality === Confidentiality.HOME_AUTHORITY && !section.authorityId)
      problems.push({
        path: `input.${name}.authorityId`,
        message: 'is required for a HOME_AUTHORITY section: the authority that alone may read it',
      });
    if (section.authorityId && !ctx.admittingAuthorityIds.includes(section.authorityId))
      problems.push({ path: `input.${name}.authorityId`, message: 'must be an admitting authority of this enrolment' });
    if ((section.evidenceIds?.length ?? 0) > MAX_SECTION_EVIDENCE)
      problems.push({
        path: `input.${name}.evidenceIds`,
        message: `must name at most ${MAX_SECTION_EVIDENCE} evidence files`,
      });
  }
  const named = new Set(content.requirements.criterionIds);
  for (const [i, id] of content.requirements.criterionIds.entries())
    if (!ctx.allowedCriterionIds.has(id))
      problems.push({
        path: `input.requirements.criterionIds.${i}`,
        message: 'is not a published criterion of an admitting authority',
      });
  const missing = ctx.requiredCriterionIds.filter((id) => !named.has(id));
  if (missing.length)
    problems.push({
      path: 'input.requirements.criterionIds',
      message: `must include every TESTING and EXIT criterion attached for the admitting authorities (missing: ${missing.join(', ')})`,
    });
  if (content.personalData.processed && !content.personalData.dataProtectionAuthorityId)
    problems.push({
      path: 'input.personalData.dataProtectionAuthorityId',
      message: 'is required when personal data is processed',
    });
  return problems;
}

// ── reading ──

/** Who reads a plan: everything (its innovator, an administrator), or as one authority does. */
export type PlanReader = { kind: 'ALL' } | { kind: 'AUTHORITY'; authorityId: string; participant: boolean };

/**
 * The confidentiality rules of test reports, for a section: PUBLIC every authority, PARTICIPANTS
 * the programme's authorities, HOME_AUTHORITY only the authority the section is marked as its.
 */
export function readsPlanSection(reader: PlanReader, section: PlanSectionMeta): boolean {
  if (reader.kind === 'ALL') return true;
  switch (section.confidentiality) {
    case Confidentiality.PUBLIC:
      return true;
    case Confidentiality.PARTICIPANTS:
      return reader.participant;
    case Confidentiality.HOME_AUTHORITY:
      return section.authorityId === reader.authorityId;
  }
}

/** A section as a reader is shown it: its content, or only its marking when withheld. */
export type ShownSection<S extends PlanSectionMeta> =
  (S & { withheld: false }) | (PlanSectionMeta & { withheld: true });

export type ShownPlanContent = {
  [K in PlanSectionName]: SandboxPlanContent[K] extends infer S
    ? S extends PlanSectionMeta
      ? ShownSection<S>
      : null
    : never;
};

/** Every (section, evidence id) the content names, in section order: what `sandbox_plan_evidence` mirrors. */
export function planEvidenceReferences(
  content: SandboxPlanContent,
): { section: PlanSectionName; evidenceId: string }[] {
  return PLAN_SECTIONS.flatMap((section) =>
    [...new Set(content[section]?.evidenceIds ?? [])].map((evidenceId) => ({ section, evidenceId })),
  );
}

/** The content as `reader` may read it, and how many sections were withheld. */
export function planAsRead(
  content: SandboxPlanContent,
  reader: PlanReader,
): { content: ShownPlanContent; withheld: number } {
  let withheld = 0;
  const shown = {} as Record<PlanSectionName, unknown>;
  for (const name of PLAN_SECTIONS) {
    const section = content[name];
    if (!section) shown[name] = null;
    else if (readsPlanSection(reader, section)) shown[name] = { ...section, withheld: false };
    else {
      withheld++;
      shown[name] = { confidentiality: section.confidentiality, authorityId: section.authorityId, withheld: true };
    }
  }
  return { content: shown as ShownPlanContent, withheld };
}

// ── the state machine ──

export interface PlanVersionSnapshot {
  version: number;
  status: SandboxPlanStatus;
  endDay: string;
  /** Decisions recorded on this version, one per authority. */
  decisions: { authorityId: string; decision: PlanDecision }[];
}

/** The enrolment as the plan sees it: its state, its tracks and every version of its plan. */
export interface PlanSnapshot {
  enrolmentState: EnrolmentState;
  tracks: { authorityId: string; state: TrackState }[];
  versions: PlanVersionSnapshot[];
}

export type PlanCommand =
  /** `endDay` null: only asks whether a proposal could be made (allowedPlanActions). */
  | { action: PlanAction.PROPOSE; endDay: string | null }
  | { action: PlanAction.REQUEST_EXTENSION; endDay: string | null }
  | { action: PlanAction.APPROVE; version: number }
  | { action: PlanAction.REQUEST_CHANGES; version: number };

export interface PlanVeto {
  code: 'FORBIDDEN' | 'INVALID_TRANSITION';
  reason: string;
  reasonCode?: PlanRefusal;
}

export interface PlanChange {
  /** The version created (a proposal or an extension). */
  created: { version: number; amends: number | null; extension: boolean } | null;
  /** Versions whose status changes, in the order they change. */
  statusChanges: { version: number; from: SandboxPlanStatus; to: SandboxPlanStatus }[];
  /** The decision recorded (approve, request changes). */
  decision: { version: number; authorityId: string; decision: PlanDecision } | null;
}

export type PlanOutcome = ({ ok: true } & PlanChange) | { ok: false; veto: PlanVeto };

const refuse = (reason: string, reasonCode?: PlanRefusal): PlanOutcome => ({
  ok: false,
  veto: { code: 'INVALID_TRANSITION', reason, ...(reasonCode ? { reasonCode } : {}) },
});
const forbid = (reason: string): PlanOutcome => ({ ok: false, veto: { code: 'FORBIDDEN', reason } });

/** The version in force: the latest AGREED (null when none is). */
export function planInForce<V extends Pick<PlanVersionSnapshot, 'version' | 'status'>>(
  versions: readonly V[],
): V | null {
  return latest(versions.filter((v) => v.status === SandboxPlanStatus.AGREED));
}

/** The version that speaks for the enrolment: the one in force, else the newest. */
export function currentPlan<V extends Pick<PlanVersionSnapshot, 'version' | 'status'>>(
  versions: readonly V[],
): V | null {
  return planInForce(versions) ?? latest(versions);
}

/** Authorities whose approval a PROPOSED version still needs: admitted, unsuspended, not yet approved. */
export function awaitingApproval(
  version: Pick<PlanVersionSnapshot, 'status' | 'decisions'>,
  tracks: PlanSnapshot['tracks'],
): string[] {
  if (version.status !== SandboxPlanStatus.PROPOSED) return [];
  const approved = new Set(
    version.decisions.filter((d) => d.decision === PlanDecision.APPROVED).map((d) => d.authorityId),
  );
  return tracks
    .filter((t) => t.state === TrackState.ADMITTED && !approved.has(t.authorityId))
    .map((t) => t.authorityId);
}

/**
 * The plan's state machine as a pure function: what `actor` asks of the plan in `snapshot` on `today`
 * (a UTC day), either the change to make or a veto with its reason.
 */
export function applyPlanAction(
  snapshot: PlanSnapshot,
  actor: LifecycleActor,
  command: PlanCommand,
  today: string,
): PlanOutcome {
  const byInnovator = command.action === PlanAction.PROPOSE || command.action === PlanAction.REQUEST_EXTENSION;
  if (byInnovator && actor.kind !== 'INNOVATOR')
    return forbid('Only the enrolling organisation proposes its sandbox plan and asks for extensions');
  if (!byInnovator) {
    if (actor.kind !== 'REGULATOR')
      return forbid('Only a regulator of an admitting authority approves a sandbox plan or asks for changes');
    if (!snapshot.tracks.some((t) => t.authorityId === actor.authorityId))
      return forbid('Your authority is not targeted by this enrolment');
  }
  if (ENDED.includes(snapshot.enrolmentState))
    return refuse(
      `The enrolment is ${snapshot.enrolmentState}: its sandbox plan no longer changes`,
      PlanRefusal.NO_ADMITTED_TRACK,
    );
  if (!snapshot.tracks.some((t) => t.state === TrackState.ADMITTED))
    return refuse(
      'A sandbox plan is agreed with the admitting authorities: no track is admitted (and unsuspended)',
      PlanRefusal.NO_ADMITTED_TRACK,
    );
  const newest = latest(snapshot.versions);
  const inForce = planInForce(snapshot.versions);
  const open = snapshot.versions.filter((v) => v.status === SandboxPlanStatus.PROPOSED);
  switch (command.action) {
    case PlanAction.PROPOSE:
    case PlanAction.REQUEST_EXTENSION: {
      const extension =
        command.action === PlanAction.REQUEST_EXTENSION ||
        (inForce !== null && command.endDay !== null && command.endDay > inForce.endDay);
      if (command.action === PlanAction.REQUEST_EXTENSION && !inForce)
        return refuse(
          'An extension moves the end day of the agreed plan: none is agreed yet',
          PlanRefusal.PLAN_NOT_AGREED,
        );
      if (extension && inForce) {
        const deadline = extensionRequestLimit(inForce.endDay);
        if (today > deadline)
          return refuse(
            `Extensions are asked for no later than ${EXTENSION_NOTICE_DAYS} days before the agreed end day ${inForce.endDay} (the last day was ${deadline})`,
            PlanRefusal.EXTENSION_TOO_LATE,
          );
      }
      return {
        ok: true,
        created: { version: (newest?.version ?? 0) + 1, amends: inForce?.version ?? null, extension },
        // A proposal still open is replaced: its approvals were for content that is no longer proposed.
        statusChanges: open.map((v) => ({
          version: v.version,
          from: SandboxPlanStatus.PROPOSED,
          to: SandboxPlanStatus.SUPERSEDED,
        })),
        decision: null,
      };
    }
    case PlanAction.APPROVE:
    case PlanAction.REQUEST_CHANGES: {
      const target = snapshot.versions.find((v) => v.version === command.version);
      if (!target || target.status !== SandboxPlanStatus.PROPOSED)
        return refuse(
          `Version ${command.version} of the plan is ${target?.status ?? 'unknown'}: only a PROPOSED version is decided on`,
          PlanRefusal.PLAN_NOT_PROPOSED,
        );
      const authorityId = actor.kind === 'REGULATOR' ? actor.authorityId : '';
      const own = snapshot.tracks.find((t) => t.authorityId === authorityId)!;
      if (own.state !== TrackState.ADMITTED)
        return refuse(
          `Your authority's track is ${own.state}: only admitted, unsuspended authorities agree the plan`,
          PlanRefusal.TRACK_NOT_ADMITTED,
        );
      const earlier = target.decisions.find((d) => d.authorityId === own.authorityId);
      if (earlier)
        return refuse(
          `Your authority has decided on version ${target.version} already (${earlier.decision})`,
          PlanRefusal.ALREADY_DECIDED,
        );
      const decision = command.action === PlanAction.APPROVE ? PlanDecision.APPROVED : PlanDecision.CHANGES_REQUESTED;
      const recorded = { version: target.version, authorityId: own.authorityId, decision };
      if (decision === PlanDecision.CHANGES_REQUESTED)
        return {
          ok: true,
          created: null,
          statusChanges: [
            { version: target.version, from: SandboxPlanStatus.PROPOSED, to: SandboxPlanStatus.CHANGES_REQUESTED },
          ],
          decision: recorded,
        };
      const after = { ...target, decisions: [...target.decisions, { authorityId: own.authorityId, decision }] };
      if (awaitingApproval(after, snapshot.tracks).length)
        return { ok: true, created: null, statusChanges: [], decision: recorded };
      // Agreed by every admitting, unsuspended authority: in force from now, the previous one superseded.
      return {
        ok: true,
        created: null,
        statusChanges: [
          ...(inForce
            ? [{ version: inForce.version, from: SandboxPlanStatus.AGREED, to: SandboxPlanStatus.SUPERSEDED }]
            : []),
          { version: target.version, from: SandboxPlanStatus.PROPOSED, to: SandboxPlanStatus.AGREED },
        ],
        decision: recorded,
      };
    }
  }
}

/** What `actor` may do to the plan now, and why the rest is blocked (an extension's end day and the version decided on are probed). */
export function allowedPlanActions(
  snapshot: PlanSnapshot,
  actor: LifecycleActor,
  today: string,
): { action: PlanAction; allowed: boolean; reason: string | null; reasonCode: PlanRefusal | null }[] {
  const target =
    latest(snapshot.versions.filter((v) => v.status === SandboxPlanStatus.PROPOSED)) ?? latest(snapshot.versions);
  const version = target?.version ?? 1;
  const probes: PlanCommand[] = [
    { action: PlanAction.PROPOSE, endDay: null },
    { action: PlanAction.APPROVE, version },
    { action: PlanAction.REQUEST_CHANGES, version },
    { action: PlanAction.REQUEST_EXTENSION, endDay: null },
  ];
  return probes.map((command) => {
    const outcome = applyPlanAction(snapshot, actor, command, today);
    return {
      action: command.action,
      allowed: outcome.ok,
      reason: outcome.ok ? null : outcome.veto.reason,
      reasonCode: outcome.ok ? null : (outcome.veto.reasonCode ?? null),
    };
  });
}

function latest<V extends { version: number }>(versions: readonly V[]): V | null {
  return versions.reduce<V | null>((best, v) => (!best || v.version > best.version ? v : best), null);
}
