import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  ADMITTED_TRACK_STATES,
  allowedPlanActions,
  applyPlanAction,
  awaitingApproval,
  Confidentiality,
  CriterionStatus,
  DomainError,
  ErrorCode,
  type FieldProblem,
  isUuid,
  PlanAction,
  type PlanCommand,
  type PlanContentContext,
  planContentProblems,
  planAsRead,
  planEvidenceReferences,
  planInForce,
  PLAN_SECTIONS,
  type PlanReader,
  type PlanSectionMeta,
  type PlanSnapshot,
  Role,
  type SandboxPlanContent,
  SandboxPlanStatus,
  type ShownPlanContent,
  Stage,
  toUtcDay,
  TrackState,
} from '@sandbridge/domain';
import {
  AuthorityRepository,
  CriterionRepository,
  type EnrolmentEntity,
  EvidenceReferenceRepository,
  EnrolmentRepository,
  type EnrolmentTrackEntity,
  ProgrammeRepository,
  type SandboxPlanApprovalEntity,
  type SandboxPlanEntity,
  SandboxPlanRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { AuditService } from '../cooperation/audit.service.js';
import { EventBus } from '../cooperation/event-bus.js';
import { EnrolmentEventType } from '../cooperation/events.js';
import { lifecycleActor } from '../enrolments/enrolment-access.js';
import { requireVersion } from '../enrolments/enrolment-commands.js';
import { EnrolmentService, type LoadedEnrolment } from '../enrolments/enrolment.service.js';
import { participantIdsOf } from '../programmes/programme-rows.js';

/** How a section is marked: its confidentiality (PUBLIC when not given) and the authority it belongs to. */
export interface PlanSectionCommand {
  confidentiality?: Confidentiality | null;
  authorityId?: string | null;
  /** Evidence files of the enrolling organisation the section names (at most 20). */
  evidenceIds?: string[] | null;
}

export interface ProposePlanCommand {
  enrolmentId: string;
  /** The enrolment's version as read: every plan write raises it (a stale one is a CONFLICT). */
  expectedVersion: number;
  /** Why this version is proposed (what changed, or why the end day moves). */
  reasons?: string | null;
  timeline: PlanSectionCommand & {
    startDay: string;
    endDay: string;
    milestones?: { day: string; title: string }[] | null;
  };
  objectives: PlanSectionCommand & { text: string };
  scope: PlanSectionCommand & { text: string };
  /** Absent, or without ids: the TESTING and EXIT criteria attached for the admitting authorities. */
  requirements?: (PlanSectionCommand & { criterionIds?: string[] | null }) | null;
  personalData: PlanSectionCommand & {
    processed: boolean;
    dataProtectionAuthorityId?: string | null;
    description?: string | null;
  };
  safeguards: PlanSectionCommand & { text: string };
  seriousIncidentProcedure: PlanSectionCommand & { text: string };
  realWorldTesting?:
    (PlanSectionCommand & { location: string; subjects: number; informedConsent: string; durationDays: number }) | null;
}

export interface ApprovePlanCommand {
  planId: string;
  expectedVersion: number;
  reasons?: string | null;
}

export interface RequestPlanChangesCommand {
  planId: string;
  reasons: string;
  /** Optional here: when given, a stale one is a CONFLICT. */
  expectedVersion?: number | null;
}

export interface RequestExtensionCommand {
  enrolmentId: string;
  endDay: string;
  reasons: string;
  expectedVersion?: number | null;
}

/** One version of a plan as one reader is shown it. */
export interface ShownPlan {
  row: SandboxPlanEntity;
  content: ShownPlanContent;
  /** How many sections were withheld from the reader. */
  withheld: number;
  /** The version in force (the latest AGREED). */
  inForce: boolean;
  approvals: SandboxPlanApprovalEntity[];
  /** Authorities whose approval a PROPOSED version still needs. */
  awaiting: string[];
}

/** What showing an enrolment's plan needs, as a DataLoader may already hold it. */
export interface PlanReading {
  enrolment: EnrolmentEntity;
  tracks: EnrolmentTrackEntity[];
  participants: string[];
}

/**
 * Sandbox plans (docs/domain.md#sandbox-plans): the innovator proposes versions (amendments and
 * extensions too), each admitting, unsuspended authority approves or asks for changes; libs/domain
 * decides every step. Each write locks the enrolment, checks and raises its version, and is audited
 * in the enrolment's trail and published as an enrolment event.
 */
@Injectable()
export class SandboxPlanService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly plans: SandboxPlanRepository,
    private readonly enrolmentRepo: EnrolmentRepository,
    private readonly enrolments: EnrolmentService,
    private readonly programmes: ProgrammeRepository,
    private readonly criteria: CriterionRepository,
    private readonly authorities: AuthorityRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly evidence: EvidenceReferenceRepository,
  ) {}

  // ── writing ──

  /** A new version, PROPOSED: the first, an amendment of the one in force, or a replacement of one still open. */
  propose(actor: Actor, c: ProposePlanCommand): Promise<ShownPlan> {
    return this.write(actor, c.enrolmentId, c.expectedVersion, async (ctx) => {
      const content = await this.contentOf(ctx, c);
      return { command: { action: PlanAction.PROPOSE, endDay: content.timeline.endDay }, content, reasons: c.reasons };
    });
  }

  /** An amendment that only moves the end day of the version in force later (asked no later than 30 days before it). */
  requestExtension(actor: Actor, c: RequestExtensionCommand): Promise<ShownPlan> {
    if (!c.reasons?.trim())
      throw DomainError.badInput([{ path: 'input.reasons', message: 'is required: say why testing needs longer' }]);
    return this.write(actor, c.enrolmentId, c.expectedVersion ?? null, async (ctx) => ({
      command: { action: PlanAction.REQUEST_EXTENSION, endDay: c.endDay },
      content: () => {
        const agreed = planInForce(ctx.versions)!;
        return { ...agreed.content, timeline: { ...agreed.content.timeline, endDay: c.endDay } };
      },
      extensionOf: true,
      reasons: c.reasons.trim(),
    }));
  }

  /** The caller's authority approves a PROPOSED version; the last approval needed makes it AGREED. */
  async approve(actor: Actor, c: ApprovePlanCommand): Promise<ShownPlan> {
    const plan = await this.visiblePlan(actor, c.planId);
    return this.write(actor, plan.enrolmentId, c.expectedVersion, async () => ({
      command: { action: PlanAction.APPROVE, version: plan.version },
      reasons: c.reasons?.trim() || null,
      decided: plan,
    }));
  }

  /** The caller's authority asks for changes to a PROPOSED version, with its reasons: it is CHANGES_REQUESTED. */
  async requestChanges(actor: Actor, c: RequestPlanChangesCommand): Promise<ShownPlan> {
    if (!c.reasons?.trim())
      throw DomainError.badInput([{ path: 'input.reasons', message: 'is required: say what must change' }]);
    const plan = await this.visiblePlan(actor, c.planId);
    return this.write(actor, plan.enrolmentId, c.expectedVersion ?? null, async () => ({
      command: { action: PlanAction.REQUEST_CHANGES, version: plan.version },
      reasons: c.reasons.trim(),
      decided: plan,
    }));
  }

  /**
   * One plan write: lock the enrolment (plan writes and report submissions of one enrolment are
   * serialised), check the version read, let the domain decide, write, raise the enrolment's
   * version, audit and publish — all or nothing.
   */
  private write(
    actor: Actor,
    enrolmentId: string,
    expectedVersion: number | null,
    build: (ctx: WriteContext) => Promise<{
      command: PlanCommand;
      content?: SandboxPlanContent | (() => SandboxPlanContent);
      extensionOf?: boolean;
      reasons?: string | null;
      decided?: SandboxPlanEntity;
    }>,
  ): Promise<ShownPlan> {
    return this.connection.withTransaction(async () => {
      await this.enrolmentRepo.findByIdForUpdate(enrolmentId);
      const loaded = await this.enrolments.load(actor, enrolmentId);
      const { enrolment, programme, tracks } = loaded;
      if (expectedVersion !== null) requireVersion(enrolment, expectedVersion);
      const versions = await this.plans.versionsOf([enrolment.id]);
      const approvals = await this.plans.approvalsOf(versions.map((v) => v.id));
      const snapshot = planSnapshot(enrolment, tracks, versions, approvals);
      const today = toUtcDay(this.clock.now());
      const ctx: WriteContext = { loaded, versions };
      const { command, content, extensionOf, reasons, decided } = await build(ctx);
      const outcome = applyPlanAction(snapshot, lifecycleActor(actor, enrolment), command, today);
      if (!outcome.ok)
        throw new DomainError(
          outcome.veto.code === 'FORBIDDEN' ? ErrorCode.FORBIDDEN : ErrorCode.INVALID_TRANSITION,
          outcome.veto.reason,
          [],
          outcome.veto.reasonCode ? { reason: outcome.veto.reasonCode } : {},
        );
      const now = this.clock.now();
      // A replaced proposal, or the agreement in force, is superseded before the new one takes its place
      // (one PROPOSED and one AGREED version at a time).
      const agreedNow = outcome.statusChanges.find((s) => s.to === SandboxPlanStatus.AGREED)?.version ?? null;
      let full: SandboxPlanContent | null = null;
      if (outcome.created) {
        full = typeof content === 'function' ? content() : content!;
        const problems = planContentProblems(full, {
          ...(await this.contentContext(loaded, full.requirements.criterionIds)),
          extensionOf: extensionOf ? { endDay: planInForce(versions)!.endDay } : null,
        });
        problems.push(...(await this.evidenceProblems(enrolment, full)));
        if (problems.length) throw DomainError.badInput(problems, 'The sandbox plan was not proposed');
      }
      for (const change of outcome.statusChanges) {
        const row = versions.find((v) => v.version === change.version)!;
        const changes =
          change.to === SandboxPlanStatus.SUPERSEDED
            ? { status: change.to, supersededAt: now, supersededBy: outcome.created?.version ?? agreedNow }
            : { status: change.to, decidedAt: now };
        await this.plans.updateStatus(row.id, changes);
        Object.assign(row, changes);
      }
      let created: SandboxPlanEntity | null = null;
      if (outcome.created && full)
        created = await this.plans.insert({
          enrolmentId: enrolment.id,
          version: outcome.created.version,
          status: SandboxPlanStatus.PROPOSED,
          amends: outcome.created.amends,
          extension: outcome.created.extension,
          reasons: reasons ?? null,
          startDay: full.timeline.startDay,
          endDay: full.timeline.endDay,
          content: full,
          proposedBy: actor.accountId,
          decidedAt: null,
          supersededAt: null,
          supersededBy: null,
        });
      if (created) await this.evidence.insertPlanEvidence(created.id, planEvidenceReferences(created.content));
      if (outcome.decision)
        await this.plans.insertApproval({
          planId: decided!.id,
          authorityId: outcome.decision.authorityId,
          decision: outcome.decision.decision,
          reasons: reasons ?? null,
          decidedBy: actor.accountId,
          decidedAt: now,
        });
      if (!(await this.enrolmentRepo.updateIfVersion(enrolment.id, enrolment.version, {})))
        throw DomainError.conflict('The enrolment has changed since you read it: reload and try again');
      const subject = created ?? versions.find((v) => v.id === decided!.id)!;
      const status = created?.status ?? subject.status;
      const action = AUDIT_ACTIONS[command.action];
      await this.audit.append(actor, {
        action,
        entityType: 'SANDBOX_PLAN',
        entityId: subject.id,
        enrolmentId: enrolment.id,
        programmeId: programme.id,
        data: {
          planVersion: subject.version,
          status,
          enrolmentVersion: enrolment.version + 1,
          authorityId: outcome.decision?.authorityId ?? null,
          decision: outcome.decision?.decision ?? null,
          reasons: reasons ?? null,
          ...(created
            ? {
                amends: created.amends,
                extension: created.extension,
                startDay: created.startDay,
                endDay: created.endDay,
                // The markings only: what the sections say stays under their confidentiality.
                sections: sectionMarkings(created.content),
              }
            : {}),
          statusChanges: outcome.statusChanges,
        },
      });
      this.events.publish({
        type: EnrolmentEventType.PLAN_CHANGED,
        programmeId: programme.id,
        enrolmentId: enrolment.id,
        organisationId: enrolment.organisationId,
        actorAccountId: actor.accountId,
        authorityId: outcome.decision?.authorityId ?? null,
        action,
        fromState: null,
        toState: status,
        summary: summaryOf(command.action, subject.version, status),
      });
      const [shown] = await this.showAll(actor, [{ enrolment, tracks, participants: loaded.participants }]);
      return shown.find((p) => p.row.id === subject.id)!;
    });
  }

  // ── reading ──

  /** The newest version of an enrolment's plan, as the caller may see it (null: none, or the enrolment is not visible). */
  async newest(actor: Actor, enrolmentId: string): Promise<ShownPlan | null> {
    const [versions] = await this.versionsOf(actor, [enrolmentId]);
    return versions[0] ?? null;
  }

  /** Each enrolment's versions, newest first, as the caller may see them (none for an enrolment it may not see). */
  async versionsOf(actor: Actor, enrolmentIds: readonly string[]): Promise<ShownPlan[][]> {
    const visible = (await this.enrolments.findByIds(actor, enrolmentIds)).filter(
      (e): e is EnrolmentEntity => e !== null,
    );
    const tracks = await this.enrolments.tracksOf(visible.map((e) => e.id));
    const programmeIds = [...new Set(visible.map((e) => e.programmeId))];
    const participants = new Map(
      (await participantIdsOf(this.programmes, programmeIds)).map((p, i) => [programmeIds[i], p]),
    );
    const shown = await this.showAll(
      actor,
      visible.map((enrolment, i) => ({
        enrolment,
        tracks: tracks[i],
        participants: participants.get(enrolment.programmeId) ?? [],
      })),
    );
    const byId = new Map(visible.map((e, i) => [e.id, shown[i]]));
    return enrolmentIds.map((id) => byId.get(id) ?? []);
  }

  /**
   * For a DataLoader that already holds the enrolments (visible to the caller), their tracks and
   * their programmes' participants: every version of each, newest first, as the caller may see it —
   * two statements for any number of enrolments.
   */
  async showAll(actor: Actor, readings: readonly PlanReading[]): Promise<ShownPlan[][]> {
    const versions = await this.plans.versionsOf(readings.map((r) => r.enrolment.id));
    const approvals = await this.plans.approvalsOf(versions.map((v) => v.id));
    return readings.map(({ enrolment, tracks, participants }) => {
      const own = versions.filter((v) => v.enrolmentId === enrolment.id);
      const inForce = planInForce(own);
      const reader = readerOf(actor, participants);
      return own.map((row) => {
        const decisions = approvals.filter((a) => a.planId === row.id);
        const { content, withheld } = planAsRead(row.content, reader);
        return {
          row,
          content,
          withheld,
          inForce: inForce?.id === row.id,
          approvals: decisions,
          awaiting: awaitingApproval(
            { status: row.status, decisions },
            tracks.map((t) => ({ authorityId: t.authorityId, state: t.state })),
          ),
        };
      });
    });
  }

  /** What the caller may do to the enrolment's plan now, and why the rest is blocked. */
  allowedActions(actor: Actor, reading: PlanReading, versions: ShownPlan[]) {
    const snapshot = planSnapshot(
      reading.enrolment,
      reading.tracks,
      versions.map((v) => v.row),
      versions.flatMap((v) => v.approvals),
    );
    return allowedPlanActions(snapshot, lifecycleActor(actor, reading.enrolment), toUtcDay(this.clock.now()));
  }

  // ── helpers ──

  /** A plan version the caller may see (its enrolment visible); NOT_FOUND otherwise, as if it did not exist. */
  private async visiblePlan(actor: Actor, planId: string): Promise<SandboxPlanEntity> {
    const plan = await this.plans.findById(planId);
    if (!plan || !(await this.enrolments.findById(actor, plan.enrolmentId)))
      throw DomainError.notFound('Sandbox plan', planId);
    return plan;
  }

  /** The content a proposal stands for, its defaults filled in (PUBLIC sections; the attached TESTING and EXIT criteria). */
  private async contentOf(ctx: WriteContext, c: ProposePlanCommand): Promise<SandboxPlanContent> {
    const meta = (s: PlanSectionCommand): PlanSectionMeta => ({
      confidentiality: s.confidentiality ?? Confidentiality.PUBLIC,
      authorityId: s.authorityId ?? null,
      ...(s.evidenceIds?.length ? { evidenceIds: [...s.evidenceIds] } : {}),
    });
    const text = (s: PlanSectionCommand & { text: string }) => ({ ...meta(s), text: s.text });
    const requirements = c.requirements ?? {};
    const criterionIds = requirements.criterionIds?.length
      ? [...new Set(requirements.criterionIds)]
      : (await this.requiredCriteria(ctx.loaded)).map((a) => a.criterionId);
    const problems: FieldProblem[] = [];
    const dpa = c.personalData.dataProtectionAuthorityId;
    if (dpa && !(await this.authorities.findById(dpa)))
      problems.push({ path: 'input.personalData.dataProtectionAuthorityId', message: 'is not a known authority' });
    if (problems.length) throw DomainError.badInput(problems, 'The sandbox plan was not proposed');
    const rwt = c.realWorldTesting;
    return {
      timeline: {
        ...meta(c.timeline),
        startDay: c.timeline.startDay,
        endDay: c.timeline.endDay,
        milestones: [...(c.timeline.milestones ?? [])]
          .map((m) => ({ day: m.day, title: m.title }))
          .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)),
      },
      objectives: text(c.objectives),
      scope: text(c.scope),
      requirements: { ...meta(requirements), criterionIds },
      personalData: {
        ...meta(c.personalData),
        processed: c.personalData.processed,
        dataProtectionAuthorityId: dpa ?? null,
        description: c.personalData.description ?? null,
      },
      safeguards: text(c.safeguards),
      seriousIncidentProcedure: text(c.seriousIncidentProcedure),
      realWorldTesting: rwt
        ? {
            ...meta(rwt),
            location: rwt.location,
            subjects: rwt.subjects,
            informedConsent: rwt.informedConsent,
            durationDays: rwt.durationDays,
          }
        : null,
    };
  }

  /**
   * The evidence the sections name must be the enrolling organisation's: any other id is answered as
   * if it did not exist ("no such evidence"), at its path. One statement for every section.
   */
  private async evidenceProblems(enrolment: EnrolmentEntity, content: SandboxPlanContent): Promise<FieldProblem[]> {
    const named = planEvidenceReferences(content);
    if (!named.length) return [];
    const owned = new Set(
      (await this.evidence.findByIds(named.map((r) => r.evidenceId)))
        .filter((e) => e.organisationId === enrolment.organisationId)
        .map((e) => e.id),
    );
    return PLAN_SECTIONS.flatMap((name) =>
      (content[name]?.evidenceIds ?? []).flatMap((id, i) =>
        owned.has(id) ? [] : [{ path: `input.${name}.evidenceIds.${i}`, message: 'no such evidence' }],
      ),
    );
  }

  /** The TESTING and EXIT criteria attached to the programme for the admitting authorities. */
  private async requiredCriteria(loaded: LoadedEnrolment) {
    const admitting = admittingAuthorities(loaded.tracks);
    return (await this.programmes.criteriaOf([loaded.programme.id])).filter(
      (a) => admitting.includes(a.authorityId) && (a.stage === Stage.TESTING || a.stage === Stage.EXIT),
    );
  }

  /** What the content is checked against; `named`: the criteria its requirements name. */
  private async contentContext(
    loaded: LoadedEnrolment,
    named: string[],
  ): Promise<Omit<PlanContentContext, 'extensionOf'>> {
    const admitting = admittingAuthorities(loaded.tracks);
    const required = (await this.requiredCriteria(loaded)).map((a) => a.criterionId);
    const found = await this.criteria.findByIds(named.filter(isUuid));
    return {
      maxTestingDays: loaded.programme.maxTestingDays,
      admittingAuthorityIds: admitting,
      requiredCriterionIds: required,
      allowedCriterionIds: new Set(
        found
          .filter(
            (criterion) => criterion.status !== CriterionStatus.DRAFT && admitting.includes(criterion.authorityId),
          )
          .map((criterion) => criterion.id),
      ),
    };
  }
}

interface WriteContext {
  loaded: LoadedEnrolment;
  versions: SandboxPlanEntity[];
}

const AUDIT_ACTIONS: Record<PlanAction, string> = {
  [PlanAction.PROPOSE]: 'PROPOSE_SANDBOX_PLAN',
  [PlanAction.APPROVE]: 'APPROVE_SANDBOX_PLAN',
  [PlanAction.REQUEST_CHANGES]: 'REQUEST_PLAN_CHANGES',
  [PlanAction.REQUEST_EXTENSION]: 'REQUEST_EXTENSION',
};

function summaryOf(action: PlanAction, version: number, status: SandboxPlanStatus): string {
  switch (action) {
    case PlanAction.PROPOSE:
      return `Sandbox plan version ${version} proposed`;
    case PlanAction.REQUEST_EXTENSION:
      return `Extension proposed as sandbox plan version ${version}`;
    case PlanAction.APPROVE:
      return status === SandboxPlanStatus.AGREED
        ? `Sandbox plan version ${version} agreed`
        : `Sandbox plan version ${version} approved by an authority`;
    case PlanAction.REQUEST_CHANGES:
      return `Changes requested to sandbox plan version ${version}`;
  }
}

/** Authorities whose tracks were admitted: the plan is theirs to agree (when unsuspended) and its sections may be marked as theirs. */
function admittingAuthorities(tracks: EnrolmentTrackEntity[]): string[] {
  return tracks.filter((t) => ADMITTED_TRACK_STATES.includes(t.state)).map((t) => t.authorityId);
}

function planSnapshot(
  enrolment: EnrolmentEntity,
  tracks: EnrolmentTrackEntity[],
  versions: SandboxPlanEntity[],
  approvals: SandboxPlanApprovalEntity[],
): PlanSnapshot {
  return {
    enrolmentState: enrolment.state,
    tracks: tracks.map((t) => ({ authorityId: t.authorityId, state: t.state as TrackState })),
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      endDay: v.endDay,
      decisions: approvals
        .filter((a) => a.planId === v.id)
        .map((a) => ({ authorityId: a.authorityId, decision: a.decision })),
    })),
  };
}

/** Innovators (who only ever see their own enrolments) and administrators read everything; a regulator as its authority. */
function readerOf(actor: Actor, participants: string[]): PlanReader {
  return actor.role === Role.REGULATOR && actor.authorityId
    ? { kind: 'AUTHORITY', authorityId: actor.authorityId, participant: participants.includes(actor.authorityId) }
    : { kind: 'ALL' };
}

function sectionMarkings(content: SandboxPlanContent): Record<string, PlanSectionMeta | null> {
  return Object.fromEntries(
    Object.entries(content).map(([name, section]: [string, PlanSectionMeta | null]) => [
      name,
      section ? { confidentiality: section.confidentiality, authorityId: section.authorityId } : null,
    ]),
  );
}
