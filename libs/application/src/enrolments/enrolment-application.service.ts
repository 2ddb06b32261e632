import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  CriterionStatus,
  DomainError,
  EnrolmentState,
  evaluateResult,
  type FieldProblem,
  toUtcDay,
  JointEntryRule,
  ProgrammeStatus,
  Role,
  Stage,
} from '@sandbridge/domain';
import {
  AiSystemRepository,
  CriterionRepository,
  type EnrolmentEntity,
  EnrolmentRepository,
  type ProgrammeEntity,
  ProgrammeRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { AuditService } from '../cooperation/audit.service.js';
import { EventBus } from '../cooperation/event-bus.js';
import { EnrolmentEventType } from '../cooperation/events.js';
import { EvidenceReferences, resolveClaim } from '../evidence/evidence-references.js';
import { attachmentsOf, participantIdsOf } from '../programmes/programme-rows.js';
import { toCriterionSpec } from './criterion-spec.js';
import { lifecycleActor } from './enrolment-access.js';
import {
  type CreateEnrolmentCommand,
  requireApplicationWindow,
  requireVersion,
  type ResultCommand,
  staleEnrolment,
  type UpdateApplicationCommand,
} from './enrolment-commands.js';
import { EnrolmentService } from './enrolment.service.js';

/**
 * The application: an innovator applies an AI system to a programme (DRAFT), chooses the authorities
 * it targets and supplies entry results, until it submits (EnrolmentLifecycleService).
 */
@Injectable()
export class EnrolmentApplicationService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly enrolments: EnrolmentRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly systems: AiSystemRepository,
    private readonly criteria: CriterionRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly reads: EnrolmentService,
    private readonly evidence: EvidenceReferences,
  ) {}

  create(actor: Actor, command: CreateEnrolmentCommand): Promise<EnrolmentEntity> {
    if (actor.role !== Role.INNOVATOR)
      throw DomainError.forbidden(`Only innovators apply to programmes; you are ${actor.role}`);
    return this.connection.withTransaction(async () => {
      const system = await this.systems.findById(command.aiSystemId);
      if (!system || system.organisationId !== actor.organisationId)
        throw DomainError.notFound('AI system', command.aiSystemId);
      const programme = await this.programmes.findById(command.programmeId);
      if (!programme || programme.status === ProgrammeStatus.DRAFT)
        throw DomainError.notFound('Programme', command.programmeId);
      requireApplicationWindow(programme, this.clock.now());
      const [participants] = await this.participantsOf([programme.id]);
      const targets = this.checkTargets(programme, participants, command.targetAuthorityIds);
      if (await this.enrolments.findActive(programme.id, system.id)) {
        throw DomainError.conflict('This AI system already has an application in this programme: withdraw it first');
      }
      const enrolment = await this.enrolments.insert({
        programmeId: programme.id,
        aiSystemId: system.id,
        organisationId: system.organisationId,
        state: EnrolmentState.DRAFT,
      });
      await this.enrolments.insertTracks(enrolment.id, targets);
      if (command.entryResults?.length) await this.saveEntryResults(enrolment, programme, command.entryResults);
      await this.audit.append(actor, {
        action: 'CREATE_APPLICATION',
        entityType: 'ENROLMENT',
        entityId: enrolment.id,
        enrolmentId: enrolment.id,
        programmeId: programme.id,
        data: { aiSystemId: system.id, targetAuthorityIds: targets, entryResults: command.entryResults?.length ?? 0 },
      });
      this.events.publish({
        type: EnrolmentEventType.APPLICATION_CREATED,
        programmeId: programme.id,
        enrolmentId: enrolment.id,
        organisationId: enrolment.organisationId,
        actorAccountId: actor.accountId,
        action: 'CREATE_APPLICATION',
        toState: EnrolmentState.DRAFT,
        summary: 'Application created (DRAFT)',
      });
      return enrolment;
    });
  }

  updateApplication(actor: Actor, command: UpdateApplicationCommand): Promise<EnrolmentEntity> {
    return this.connection.withTransaction(async () => {
      const { enrolment, programme, participants } = await this.reads.load(actor, command.enrolmentId);
      if (lifecycleActor(actor, enrolment).kind !== 'INNOVATOR')
        throw DomainError.forbidden('Only the enrolling organisation edits its application');
      requireVersion(enrolment, command.expectedVersion);
      if (enrolment.state !== EnrolmentState.DRAFT)
        throw DomainError.invalidTransition(`The application can change only while DRAFT; it is ${enrolment.state}`);
      if (command.targetAuthorityIds)
        await this.enrolments.replaceTracks(
          enrolment.id,
          this.checkTargets(programme, participants, command.targetAuthorityIds),
        );
      if (command.entryResults?.length) await this.saveEntryResults(enrolment, programme, command.entryResults);
      if (!(await this.enrolments.updateIfVersion(enrolment.id, command.expectedVersion, {}))) throw staleEnrolment();
      await this.audit.append(actor, {
        action: 'UPDATE_APPLICATION',
        entityType: 'ENROLMENT',
        entityId: enrolment.id,
        enrolmentId: enrolment.id,
        programmeId: programme.id,
        data: {
          version: command.expectedVersion + 1,
          targetAuthorityIds: command.targetAuthorityIds ?? null,
          entryResults: command.entryResults?.length ?? 0,
        },
      });
      return (await this.enrolments.findById(enrolment.id))!;
    });
  }

  private checkTargets(programme: ProgrammeEntity, participants: string[], targets: string[]): string[] {
    const unique = [...new Set(targets)];
    const problems: FieldProblem[] = [];
    if (!unique.length)
      problems.push({ path: 'input.targetAuthorityIds', message: 'must name at least one participating authority' });
    unique.forEach((id) => {
      if (!participants.includes(id))
        problems.push({
          path: `input.targetAuthorityIds.${targets.indexOf(id)}`,
          message: 'is not an authority of this programme',
        });
    });
    if (programme.jointEntryRule === JointEntryRule.LEAD_DECIDES && !unique.includes(programme.leadAuthorityId)) {
      problems.push({
        path: 'input.targetAuthorityIds',
        message: 'must include the lead authority under LEAD_DECIDES',
      });
    }
    if (problems.length) throw DomainError.badInput(problems);
    return unique;
  }

  /** Evaluates and stores the applicant's entry results; each must name an ENTRY criterion of the programme. */
  private async saveEntryResults(
    enrolment: EnrolmentEntity,
    programme: ProgrammeEntity,
    results: ResultCommand[],
  ): Promise<void> {
    const [attached] = await attachmentsOf(this.programmes, [programme.id]);
    const entry = new Set(attached.filter((a) => a.stage === Stage.ENTRY).map((a) => a.criterionId));
    const criteria = new Map((await this.criteria.findByIds([...entry])).map((c) => [c.id, c]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    const owned = await this.evidence.ownedBy(
      enrolment.organisationId,
      results.map((r) => r.evidenceId),
    );
    // Entry evidence must hold on the day it is evaluated: today.
    const validity = { day: toUtcDay(this.clock.now()), of: 'EVALUATION' as const };
    const rows = results.flatMap((r, i) => {
      const criterion = criteria.get(r.criterionId);
      if (!criterion || criterion.status === CriterionStatus.DRAFT) {
        problems.push({
          path: `input.entryResults.${i}.criterionId`,
          message: 'is not an entry criterion of this programme',
        });
        return [];
      }
      if (seen.has(r.criterionId))
        problems.push({ path: `input.entryResults.${i}.criterionId`, message: 'appears twice' });
      seen.add(r.criterionId);
      const evidence = resolveClaim(r, owned, `input.entryResults.${i}`, problems);
      const { outcome, detail } = evaluateResult(toCriterionSpec(criterion), { ...r, ...evidence }, validity);
      return [
        {
          enrolmentId: enrolment.id,
          criterionId: r.criterionId,
          value: r.value ?? null,
          evidenceReference: evidence.evidenceReference,
          evidenceSha256: evidence.evidenceSha256,
          evidenceId: evidence.evidenceId,
          attested: r.attested ?? null,
          outcome,
          detail,
        },
      ];
    });
    if (problems.length) throw DomainError.badInput(problems);
    await this.enrolments.upsertEntryResults(rows);
  }

  private participantsOf(programmeIds: string[]): Promise<string[][]> {
    return participantIdsOf(this.programmes, programmeIds);
  }
}
