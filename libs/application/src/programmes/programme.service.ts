import { Injectable } from '@nestjs/common';
import {
  type Actor,
  CriterionStatus,
  decideProgrammeTransition,
  DomainError,
  type Page,
  type PageRequest,
  ProgrammeAction,
  ProgrammeStatus,
  Role,
  Stage,
} from '@sandbridge/domain';
import {
  AuthorityRepository,
  CriterionRepository,
  type ProgrammeCriterionEntity,
  type ProgrammeEntity,
  type ProgrammeFilter,
  ProgrammeRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import {
  type AttachCriterionCommand,
  checkProgrammeFields,
  type CreateProgrammeCommand,
  leadFor,
  programmeColumns,
  type ProgrammeFields,
  programmeFieldsOf,
  PROGRAMME_REQUIRED_FIELDS,
  requireRegulatorOf,
  requireStatus,
  type UpdateProgrammeCommand,
} from './programme-fields.js';
import { attachmentsOf, participantIdsOf } from './programme-rows.js';

const NOT_LEAD = 'Only the lead authority’s regulators may do this';

/** The authorities that attached at least one ENTRY criterion. */
const entryAuthorities = (attached: Pick<ProgrammeCriterionEntity, 'stage' | 'authorityId'>[]): string[] => [
  ...new Set(attached.filter((a) => a.stage === Stage.ENTRY).map((a) => a.authorityId)),
];

/** Programmes run jointly: the lead authority steers, each participant attaches its own criteria. */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly programmes: ProgrammeRepository,
    private readonly authorities: AuthorityRepository,
    private readonly criteria: CriterionRepository,
  ) {}

  async findById(actor: Actor, id: string): Promise<ProgrammeEntity | null> {
    const programme = await this.programmes.findById(id);
    if (!programme) return null;
    return (await this.canSee(actor, programme)) ? programme : null;
  }

  /** For DataLoader under a record the caller may already see (an enrolment): no visibility check. */
  async findByIdsUnchecked(ids: readonly string[]): Promise<(ProgrammeEntity | null)[]> {
    const found = new Map((await this.programmes.findByIds(ids)).map((p) => [p.id, p]));
    return ids.map((id) => found.get(id) ?? null);
  }

  list(
    actor: Actor,
    filter: Omit<ProgrammeFilter, 'draftsVisibleTo'>,
    page: PageRequest,
  ): Promise<Page<ProgrammeEntity>> {
    const draftsVisibleTo =
      actor.role === Role.ADMIN ? null : { authorityId: actor.role === Role.REGULATOR ? actor.authorityId : null };
    return this.programmes.page({ ...filter, draftsVisibleTo }, page);
  }

  /** For DataLoader: participating authority ids of each programme, in the order they joined. */
  participantIdsOf(programmeIds: readonly string[]): Promise<string[][]> {
    return participantIdsOf(this.programmes, programmeIds);
  }

  /** For DataLoader: the criteria attached to each programme. */
  attachmentsOf(programmeIds: readonly string[]): Promise<ProgrammeCriterionEntity[][]> {
    return attachmentsOf(this.programmes, programmeIds);
  }

  create(actor: Actor, command: CreateProgrammeCommand): Promise<ProgrammeEntity> {
    const leadAuthorityId = leadFor(actor, command.leadAuthorityId);
    return this.connection.withTransaction(async () => {
      checkProgrammeFields(command);
      const participantIds = [...new Set([leadAuthorityId, ...(command.participantAuthorityIds ?? [])])];
      const found = new Set((await this.authorities.findByIds(participantIds)).map((a) => a.id));
      const missing = participantIds.find((id) => !found.has(id));
      if (missing) throw DomainError.notFound('Authority', missing);
      await this.requireFreeName(command.name, leadAuthorityId);
      const programme = await this.programmes.insert({
        leadAuthorityId,
        status: ProgrammeStatus.DRAFT,
        ...programmeColumns(command),
      });
      for (const authorityId of participantIds) await this.programmes.addParticipant(programme.id, authorityId);
      return programme;
    });
  }

  update(actor: Actor, command: UpdateProgrammeCommand): Promise<ProgrammeEntity> {
    return this.connection.withTransaction(async () => {
      const programme = await this.asLead(actor, command.id);
      if (programme.status === ProgrammeStatus.RUNNING || programme.status === ProgrammeStatus.CLOSED) {
        throw DomainError.invalidTransition(`A ${programme.status} programme can no longer be edited`);
      }
      if (
        programme.status === ProgrammeStatus.OPEN &&
        command.jointEntryRule != null &&
        command.jointEntryRule !== programme.jointEntryRule
      ) {
        // Applicants applied under the published rule: it cannot change under them.
        throw DomainError.invalidTransition('The joint-entry rule cannot change once the programme is OPEN');
      }
      const changes = Object.entries(command).filter(
        ([k, v]) => v !== undefined && k !== 'id' && !(v === null && PROGRAMME_REQUIRED_FIELDS.has(k)),
      );
      const merged: ProgrammeFields = { ...programmeFieldsOf(programme), ...Object.fromEntries(changes) };
      checkProgrammeFields(merged);
      if (merged.name !== programme.name)
        await this.requireFreeName(merged.name, programme.leadAuthorityId, programme.id);
      Object.assign(programme, programmeColumns(merged));
      return this.programmes.save(programme);
    });
  }

  addParticipant(actor: Actor, programmeId: string, authorityId: string): Promise<ProgrammeEntity> {
    return this.connection.withTransaction(async () => {
      const programme = await this.asLead(actor, programmeId);
      requireStatus(programme, [ProgrammeStatus.DRAFT, ProgrammeStatus.OPEN], 'add a participant to');
      if (!(await this.authorities.findById(authorityId))) throw DomainError.notFound('Authority', authorityId);
      const [participants] = await this.participantIdsOf([programme.id]);
      if (participants.includes(authorityId))
        throw DomainError.conflict('This authority already takes part in the programme');
      await this.programmes.addParticipant(programme.id, authorityId);
      return programme;
    });
  }

  removeParticipant(actor: Actor, programmeId: string, authorityId: string): Promise<ProgrammeEntity> {
    return this.connection.withTransaction(async () => {
      const programme = await this.asLead(actor, programmeId);
      requireStatus(programme, [ProgrammeStatus.DRAFT], 'remove a participant from');
      if (authorityId === programme.leadAuthorityId)
        throw DomainError.badInput([
          { path: 'input.authorityId', message: 'is the lead authority, which cannot leave its programme' },
        ]);
      const [participants] = await this.participantIdsOf([programme.id]);
      if (!participants.includes(authorityId)) throw DomainError.notFound('Participant', authorityId);
      await this.programmes.removeParticipant(programme.id, authorityId);
      return programme;
    });
  }

  /** A participating authority attaches one of its ACTIVE criteria; the stage is the criterion's. */
  attachCriterion(actor: Actor, command: AttachCriterionCommand): Promise<ProgrammeCriterionEntity> {
    return this.connection.withTransaction(async () => {
      const programme = await this.visible(actor, command.programmeId);
      const criterion = await this.criteria.findById(command.criterionId);
      // Another authority's DRAFT criterion is invisible: answered as missing, like an unknown id.
      const visible =
        criterion &&
        (criterion.status !== CriterionStatus.DRAFT ||
          actor.role === Role.ADMIN ||
          actor.authorityId === criterion.authorityId);
      if (!criterion || !visible) throw DomainError.notFound('Criterion', command.criterionId);
      requireRegulatorOf(actor, criterion.authorityId, 'attach this authority’s criteria');
      requireStatus(
        programme,
        [ProgrammeStatus.DRAFT, ProgrammeStatus.OPEN, ProgrammeStatus.RUNNING],
        'attach criteria to',
      );
      const [participants] = await this.participantIdsOf([programme.id]);
      if (!participants.includes(criterion.authorityId))
        throw DomainError.forbidden('Only a participating authority attaches criteria to this programme');
      if (criterion.status !== CriterionStatus.ACTIVE) {
        throw DomainError.invalidTransition(
          `Only an ACTIVE criterion can be attached; version ${criterion.version} of ${criterion.key} is ${criterion.status}`,
        );
      }
      const [attached] = await this.attachmentsOf([programme.id]);
      const sameKey = attached.length
        ? (await this.criteria.findByIds(attached.map((a) => a.criterionId))).find(
            (c) => c.authorityId === criterion.authorityId && c.key === criterion.key && c.id !== criterion.id,
          )
        : undefined;
      if (sameKey)
        throw DomainError.conflict(
          `Version ${sameKey.version} of ${criterion.key} is already attached: detach it first`,
        );
      return this.programmes.saveAttachment({
        programmeId: programme.id,
        criterionId: criterion.id,
        authorityId: criterion.authorityId,
        stage: criterion.stage,
        mandatory: command.mandatory ?? true,
      });
    });
  }

  detachCriterion(actor: Actor, programmeId: string, criterionId: string): Promise<ProgrammeCriterionEntity> {
    return this.connection.withTransaction(async () => {
      const programme = await this.visible(actor, programmeId);
      const attachment = await this.programmes.findAttachment(programme.id, criterionId);
      if (!attachment) throw DomainError.notFound('Attached criterion', criterionId);
      requireRegulatorOf(actor, attachment.authorityId, 'detach this authority’s criteria');
      requireStatus(programme, [ProgrammeStatus.DRAFT, ProgrammeStatus.OPEN], 'detach criteria from');
      await this.programmes.detach(programme.id, criterionId);
      return attachment;
    });
  }

  /**
   * What the caller may do to the programme next, each action with the reason it may not (the same
   * verdicts `transition` reaches, from rows the caller's loaders already hold): only the lead's
   * regulators (and administrators) steer a programme.
   */
  allowedTransitions(
    actor: Actor,
    programme: Pick<ProgrammeEntity, 'status' | 'leadAuthorityId'>,
    participants: string[],
    attached: Pick<ProgrammeCriterionEntity, 'stage' | 'authorityId'>[],
    authorityNames: Readonly<Record<string, string>>,
  ): { action: ProgrammeAction; allowed: boolean; reason: string | null }[] {
    const lead =
      actor.role === Role.ADMIN || (actor.role === Role.REGULATOR && actor.authorityId === programme.leadAuthorityId);
    const snapshot = {
      status: programme.status,
      participants,
      authoritiesWithEntryCriteria: entryAuthorities(attached),
      authorityNames,
    };
    return Object.values(ProgrammeAction).map((action) => {
      if (!lead) return { action, allowed: false, reason: NOT_LEAD };
      const verdict = decideProgrammeTransition(snapshot, action);
      return verdict.allowed
        ? { action, allowed: true, reason: null }
        : { action, allowed: false, reason: verdict.reason };
    });
  }

  /** DRAFT → OPEN → RUNNING → CLOSED, by the lead only (libs/domain decides). */
  transition(actor: Actor, programmeId: string, action: ProgrammeAction): Promise<ProgrammeEntity> {
    return this.connection.withTransaction(async () => {
      await this.asLead(actor, programmeId);
      const programme = (await this.programmes.findByIdForUpdate(programmeId))!;
      const [[participants], [attached]] = await Promise.all([
        this.participantIdsOf([programme.id]),
        this.attachmentsOf([programme.id]),
      ]);
      const authorities = await this.authorities.findByIds(participants);
      const verdict = decideProgrammeTransition(
        {
          status: programme.status,
          participants,
          authoritiesWithEntryCriteria: entryAuthorities(attached),
          authorityNames: Object.fromEntries(authorities.map((a) => [a.id, a.acronym])),
        },
        action,
      );
      if (!verdict.allowed) throw DomainError.invalidTransition(verdict.reason);
      if (
        programme.status === ProgrammeStatus.DRAFT &&
        (await this.programmes.findNameClash(programme.name, programme.leadAuthorityId, {
          exceptId: programme.id,
          publishedOnly: true,
        }))
      ) {
        // Another authority published a programme of this name while this one was a draft.
        throw DomainError.conflict(
          `A published programme is already named ${JSON.stringify(programme.name)}: rename this draft before opening it`,
        );
      }
      programme.status = verdict.to;
      return this.programmes.save(programme);
    });
  }

  /**
   * Names are unique among published programmes and among one lead's programmes: the names its
   * regulators can see. Another authority's DRAFT may bear the same name — a conflict with it would
   * reveal a programme the caller may not see.
   */
  private async requireFreeName(name: string, leadAuthorityId: string, exceptId?: string): Promise<void> {
    if (await this.programmes.findNameClash(name, leadAuthorityId, { exceptId }))
      throw DomainError.conflict(`A programme named ${JSON.stringify(name)} already exists`);
  }

  private async canSee(actor: Actor, programme: ProgrammeEntity): Promise<boolean> {
    if (programme.status !== ProgrammeStatus.DRAFT || actor.role === Role.ADMIN) return true;
    if (actor.role !== Role.REGULATOR) return false;
    const [participants] = await this.participantIdsOf([programme.id]);
    return participants.includes(actor.authorityId!);
  }

  private async visible(actor: Actor, id: string): Promise<ProgrammeEntity> {
    const programme = await this.findById(actor, id);
    if (!programme) throw DomainError.notFound('Programme', id);
    return programme;
  }

  /** Only a regulator of the lead authority (or an administrator) steers the programme. */
  private async asLead(actor: Actor, id: string): Promise<ProgrammeEntity> {
    const programme = await this.visible(actor, id);
    if (actor.role === Role.ADMIN) return programme;
    if (actor.role === Role.REGULATOR && actor.authorityId === programme.leadAuthorityId) return programme;
    throw DomainError.forbidden(NOT_LEAD);
  }
}
