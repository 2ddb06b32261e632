import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  applyLifecycle,
  CriterionOutcome,
  DomainError,
  EnrolmentAction,
  EnrolmentState,
  EntryDecision,
  ErrorCode,
  holdsPlace,
  type LifecycleCommand,
  TrackState,
  unmetMandatory,
} from '@sandbridge/domain';
import {
  type EnrolmentEntity,
  EnrolmentRepository,
  type EnrolmentTrackEntity,
  ProgrammeRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { AuditService } from '../cooperation/audit.service.js';
import { EventBus } from '../cooperation/event-bus.js';
import { EnrolmentEventType } from '../cooperation/events.js';
import { lifecycleActor } from './enrolment-access.js';
import {
  type DecisionCommand,
  type EntryDecisionCommand,
  type ExitDecisionCommand,
  requireApplicationWindow,
  requireVersion,
  staleEnrolment,
  type SuspendCommand,
} from './enrolment-commands.js';
import { EnrolmentService, type LoadedEnrolment } from './enrolment.service.js';
import { ExitDocumentService } from './exit-document.service.js';
import { TrackEvaluationService } from './track-evaluation.service.js';

/**
 * The lifecycle: every step from submission to exit (libs/domain decides each one; this service
 * loads, checks tenancy, the optimistic version and cohort capacity, and writes in one transaction).
 */
@Injectable()
export class EnrolmentLifecycleService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly enrolments: EnrolmentRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly reads: EnrolmentService,
    private readonly evaluations: TrackEvaluationService,
    private readonly exitDocuments: ExitDocumentService,
  ) {}

  submit(actor: Actor, c: DecisionCommand) {
    return this.act(actor, c, () => ({ action: EnrolmentAction.SUBMIT }));
  }

  startReview(actor: Actor, c: DecisionCommand) {
    return this.act(actor, c, () => ({ action: EnrolmentAction.START_REVIEW }));
  }

  requestExit(actor: Actor, c: DecisionCommand) {
    return this.act(actor, c, () => ({ action: EnrolmentAction.REQUEST_EXIT }));
  }

  withdraw(actor: Actor, c: DecisionCommand) {
    return this.act(actor, c, () => ({ action: EnrolmentAction.WITHDRAW }));
  }

  decideEntry(actor: Actor, c: EntryDecisionCommand) {
    return this.act(
      actor,
      c,
      (authorityId) => ({ action: EnrolmentAction.DECIDE_ENTRY, authorityId, decision: c.decision }),
      async (loaded, authorityId, changed) => {
        // The same evaluation the regulator read: recognised results count when the programme accepts them.
        const evaluation = await this.evaluations.entryEvaluation(loaded.enrolment, authorityId, {
          programme: loaded.programme,
        });
        const unmet = unmetMandatory(evaluation.criteria);
        // Admitting over an unmet mandatory criterion is a deliberate act: it needs a written reason.
        if (c.decision === EntryDecision.ADMIT && unmet.length && !c.justification?.trim()) {
          throw DomainError.badInput(
            [
              {
                path: 'input.justification',
                message: `is required: mandatory entry criteria not met (${unmet.map((u) => evaluation.criteria.find((e) => e.criterionId === u.criterionId)!.criterion.key).join(', ')})`,
              },
            ],
            'Admission over unmet mandatory criteria needs a justification',
          );
        }
        const now = this.clock.now();
        // Under LEAD_DECIDES the lead's decision is recorded on every track it applies to.
        for (const track of changed) {
          track.entryDecision = track.state === TrackState.ADMITTED ? EntryDecision.ADMIT : EntryDecision.DECLINE;
          track.entryReasons = c.reasons ?? null;
          track.entryJustification = c.justification?.trim() || null;
          track.entryDecidedBy = actor.accountId;
          track.entryDecidedAt = now;
          track.entryUnmetCriteria =
            track.authorityId === authorityId
              ? evaluation.criteria
                  .filter((e) => e.outcome !== CriterionOutcome.MET && e.outcome !== CriterionOutcome.NOT_APPLICABLE)
                  .map((e) => e.criterionId)
              : track.entryUnmetCriteria;
        }
      },
    );
  }

  decideExit(actor: Actor, c: ExitDecisionCommand) {
    return this.act(
      actor,
      c,
      (authorityId) => ({ action: EnrolmentAction.DECIDE_EXIT, authorityId, decision: c.decision }),
      async (loaded, authorityId, changed) => {
        const track = changed.find((t) => t.authorityId === authorityId)!;
        track.exitReasons = c.reasons ?? null;
        track.exitDecidedBy = actor.accountId;
        track.exitDecidedAt = this.clock.now();
        // A final decision (AUTHORISED, REJECTED) issues the track's signed written proof in this transaction.
        await this.exitDocuments.issueWrittenProof(actor, loaded, track);
      },
    );
  }

  /** Suspends the caller's own admitted track, on a ground and with reasons (both recorded on the track). */
  suspend(actor: Actor, c: SuspendCommand) {
    if (!c.reasons?.trim())
      throw DomainError.badInput([{ path: 'input.reasons', message: 'is required: say why the track is suspended' }]);
    return this.act(
      actor,
      c,
      (authorityId) => ({ action: EnrolmentAction.SUSPEND, authorityId }),
      async (_loaded, authorityId, changed) => {
        const track = changed.find((t) => t.authorityId === authorityId)!;
        track.suspensionGround = c.ground;
        track.suspensionReasons = c.reasons.trim();
        track.suspendedAt = this.clock.now();
      },
    );
  }

  /** Resumes the caller's own suspended track, whatever the enrolment's state (TESTING, EXIT_REVIEW, SUSPENDED). */
  resume(actor: Actor, c: DecisionCommand) {
    return this.act(
      actor,
      c,
      (authorityId) => ({ action: EnrolmentAction.RESUME, authorityId }),
      async (_loaded, authorityId, changed) => {
        const track = changed.find((t) => t.authorityId === authorityId)!;
        Object.assign(track, { suspensionGround: null, suspensionReasons: null, suspendedAt: null });
      },
    );
  }

  /**
   * One lifecycle step: load, check the version the caller saw, count the cohort when an ADMIT
   * would take a place, let the domain decide, write state and tracks — all or nothing.
   */
  private act(
    actor: Actor,
    command: DecisionCommand,
    build: (authorityId: string) => LifecycleCommand,
    record?: (loaded: LoadedEnrolment, authorityId: string, changed: EnrolmentTrackEntity[]) => Promise<void>,
  ): Promise<EnrolmentEntity> {
    return this.connection.withTransaction(async () => {
      const loaded = await this.reads.load(actor, command.enrolmentId);
      const { enrolment, programme, tracks } = loaded;
      requireVersion(enrolment, command.expectedVersion);
      const authorityId = actor.authorityId ?? '';
      const lifecycle = build(authorityId);
      const before = this.reads.snapshot(enrolment, programme, tracks);
      if (
        lifecycle.action === EnrolmentAction.DECIDE_ENTRY &&
        lifecycle.decision === EntryDecision.ADMIT &&
        !holdsPlace(before)
      ) {
        // This ADMIT would take a place: admissions into one programme are serialised (a row lock on
        // it) so two decisions cannot both take the last place, and the domain sees the count.
        await this.programmes.findByIdForUpdate(programme.id);
        // Waiting for the lock, another decision on this enrolment may have landed: that is a stale
        // version (CONFLICT), whatever the count now says.
        if ((await this.enrolments.findById(enrolment.id))?.version !== enrolment.version) throw staleEnrolment();
        before.cohort = {
          capacity: programme.cohortCapacity,
          heldByOthers: await this.enrolments.countInCohort(programme.id, enrolment.id),
        };
      }
      const outcome = applyLifecycle(before, lifecycleActor(actor, enrolment), lifecycle);
      if (!outcome.ok)
        throw new DomainError(
          outcome.veto.code === 'FORBIDDEN' ? ErrorCode.FORBIDDEN : ErrorCode.INVALID_TRANSITION,
          outcome.veto.reason,
          [],
          outcome.veto.reasonCode ? { reason: outcome.veto.reasonCode } : {},
        );
      if (lifecycle.action === EnrolmentAction.SUBMIT) requireApplicationWindow(programme, this.clock.now());
      const next = outcome.next;
      const changed = tracks.filter((t) => {
        const after = next.tracks.find((n) => n.authorityId === t.authorityId)!;
        const differs =
          after.state !== t.state || after.exitDecision !== t.exitDecision || after.suspendedBy !== t.suspendedBy;
        Object.assign(t, { state: after.state, exitDecision: after.exitDecision, suspendedBy: after.suspendedBy });
        return differs;
      });
      await record?.(loaded, authorityId, changed);
      const now = this.clock.now();
      const stateChanges: Parameters<EnrolmentRepository['updateIfVersion']>[2] = {
        state: next.state,
        resumeState: next.resumeState,
      };
      if (next.state !== before.state) {
        if (next.state === EnrolmentState.SUBMITTED) stateChanges.submittedAt = now;
        if (next.state === EnrolmentState.TESTING && !enrolment.testingStartedAt) stateChanges.testingStartedAt = now;
        if (next.state === EnrolmentState.EXITED) stateChanges.exitedAt = now;
      }
      if (!(await this.enrolments.updateIfVersion(enrolment.id, command.expectedVersion, stateChanges)))
        throw staleEnrolment();
      for (const track of changed) await this.enrolments.saveTrack(track);
      const { decision, reasons, justification } = command as Partial<EntryDecisionCommand>;
      const { ground } = command as Partial<SuspendCommand>;
      const trackAction = 'authorityId' in lifecycle;
      // The audit entry joins this transaction; the event waits for its commit.
      await this.audit.append(actor, {
        action: lifecycle.action,
        entityType: 'ENROLMENT',
        entityId: enrolment.id,
        enrolmentId: enrolment.id,
        programmeId: programme.id,
        data: {
          fromState: before.state,
          toState: next.state,
          version: command.expectedVersion + 1,
          authorityId: trackAction ? authorityId : null,
          decision: decision ?? null,
          reasons: reasons ?? null,
          justification: justification ?? null,
          ...(lifecycle.action === EnrolmentAction.SUSPEND ? { ground } : {}),
          tracks: changed.map((t) => ({ authorityId: t.authorityId, state: t.state, exitDecision: t.exitDecision })),
        },
      });
      this.events.publish({
        type: next.state !== before.state ? EnrolmentEventType.STATE_CHANGED : EnrolmentEventType.TRACK_DECIDED,
        programmeId: programme.id,
        enrolmentId: enrolment.id,
        organisationId: enrolment.organisationId,
        actorAccountId: actor.accountId,
        authorityId: trackAction ? authorityId : null,
        action: lifecycle.action,
        fromState: before.state,
        toState: next.state,
        summary: `${lifecycle.action}${decision ? ` ${decision}` : ''}${ground ? ` (${ground})` : ''}: ${before.state} → ${next.state}`,
      });
      return (await this.enrolments.findById(enrolment.id))!;
    });
  }
}
