import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  checkCriterionDefinition,
  CriterionStatus,
  DomainError,
  type Page,
  type PageRequest,
  Role,
} from '@sandbridge/domain';
import {
  AuthorityRepository,
  type ClauseEntity,
  type CriterionEntity,
  type CriterionFilter,
  CriterionRepository,
  StandardRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import {
  criterionColumns,
  type CreateCriterionCommand,
  type CriterionFields,
  criterionFieldsOf,
  definedOnly,
  type UpdateCriterionCommand,
} from './criterion-fields.js';

/**
 * Criteria are versioned: version 1 starts as DRAFT; only a DRAFT is edited; publishing makes it
 * ACTIVE and retires the previously active version of the same key without touching its content;
 * `revise` copies the newest version into n+1 as DRAFT. An evaluation that used version n therefore
 * stays explainable for ever (docs/domain.md#reference-data).
 */
@Injectable()
export class CriterionService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly criteria: CriterionRepository,
    private readonly authorities: AuthorityRepository,
    private readonly standards: StandardRepository,
    private readonly clock: Clock,
  ) {}

  /** DRAFT versions are shown only to their own authority's regulators (and administrators). */
  async findById(actor: Actor, id: string): Promise<CriterionEntity | null> {
    const criterion = await this.criteria.findById(id);
    return criterion && this.canSee(actor, criterion) ? criterion : null;
  }

  async findByIds(actor: Actor, ids: readonly string[]): Promise<(CriterionEntity | null)[]> {
    const found = new Map((await this.criteria.findByIds(ids)).map((c) => [c.id, c]));
    return ids.map((id) => {
      const criterion = found.get(id);
      return criterion && this.canSee(actor, criterion) ? criterion : null;
    });
  }

  list(
    actor: Actor,
    filter: Omit<CriterionFilter, 'draftsVisibleTo'>,
    page: PageRequest,
  ): Promise<Page<CriterionEntity>> {
    const draftsVisibleTo =
      actor.role === Role.ADMIN ? null : { authorityId: actor.role === Role.REGULATOR ? actor.authorityId : null };
    return this.criteria.page({ ...filter, draftsVisibleTo }, page);
  }

  /** For DataLoader: every version of each criterion's key the actor may see, oldest first. */
  async versionsOf(
    actor: Actor,
    criteria: readonly { authorityId: string; key: string }[],
  ): Promise<CriterionEntity[][]> {
    const all = (await this.criteria.versionsOfKeys(criteria)).filter((c) => this.canSee(actor, c));
    return criteria.map((k) => all.filter((c) => c.authorityId === k.authorityId && c.key === k.key));
  }

  /** For DataLoader: the clauses of each criterion, in clause-id order. */
  async clausesOf(criterionIds: readonly string[]): Promise<ClauseEntity[][]> {
    const byCriterion = new Map<string, ClauseEntity[]>(criterionIds.map((id) => [id, []]));
    for (const { criterionId, clause } of await this.criteria.clausesOf(criterionIds))
      byCriterion.get(criterionId)?.push(clause);
    return criterionIds.map((id) => byCriterion.get(id)!);
  }

  /** Clause ids of each criterion. */
  async clauseIdsOf(criterionIds: readonly string[]): Promise<string[][]> {
    const links = await this.criteria.clauseLinks(criterionIds);
    return criterionIds.map((id) => links.filter((l) => l.criterionId === id).map((l) => l.clauseId));
  }

  create(actor: Actor, command: CreateCriterionCommand): Promise<CriterionEntity> {
    const authorityId = this.owningAuthority(actor, command.authorityId);
    return this.connection.withTransaction(async () => {
      if (!(await this.authorities.findById(authorityId))) throw DomainError.notFound('Authority', authorityId);
      this.checkDefinition(command);
      await this.criteria.lockKey(authorityId, command.key);
      if ((await this.criteria.versions(authorityId, command.key)).length) {
        throw DomainError.conflict(
          `This authority already has a criterion with key ${JSON.stringify(command.key)}: revise it instead`,
        );
      }
      const clauseIds = await this.checkClauses(command.clauseIds ?? []);
      const criterion = await this.criteria.insert({
        authorityId,
        key: command.key,
        version: 1,
        revision: 1,
        status: CriterionStatus.DRAFT,
        publishedAt: null,
        retiredAt: null,
        ...criterionColumns(command),
      });
      await this.criteria.setClauses(criterion.id, clauseIds);
      return criterion;
    });
  }

  update(actor: Actor, command: UpdateCriterionCommand): Promise<CriterionEntity> {
    return this.connection.withTransaction(async () => {
      const found = await this.editable(actor, command.id);
      // Two colleagues saving the same draft: the second waits here, then reads the first's edit.
      await this.criteria.lockKey(found.authorityId, found.key);
      const criterion = (await this.criteria.findById(found.id))!;
      if (criterion.status !== CriterionStatus.DRAFT) {
        throw DomainError.invalidTransition(
          `Version ${criterion.version} is ${criterion.status} and can no longer change: revise it to make version ${criterion.version + 1}`,
        );
      }
      if (command.expectedRevision != null && command.expectedRevision !== criterion.revision) {
        throw DomainError.conflict(
          `This draft has been edited since you read it (it is at revision ${criterion.revision}): reload it and edit again`,
        );
      }
      const merged: CriterionFields = { ...criterionFieldsOf(criterion), ...definedOnly(command) };
      // Switching kind clears the fields of the old kind unless the caller gave them again.
      if (command.kind && command.kind !== criterion.kind) {
        for (const field of [
          'metricKey',
          'unit',
          'comparator',
          'threshold',
          'thresholdHigh',
          'evidenceType',
          'statement',
        ] as const) {
          if (command[field] === undefined) merged[field] = null;
        }
      }
      this.checkDefinition(merged);
      Object.assign(criterion, criterionColumns(merged));
      criterion.revision += 1;
      const saved = await this.criteria.save(criterion);
      if (command.clauseIds) await this.criteria.setClauses(criterion.id, await this.checkClauses(command.clauseIds));
      return saved;
    });
  }

  publish(actor: Actor, id: string): Promise<CriterionEntity> {
    return this.connection.withTransaction(async () => {
      const criterion = await this.editable(actor, id);
      await this.criteria.lockKey(criterion.authorityId, criterion.key);
      if (criterion.status !== CriterionStatus.DRAFT) {
        throw DomainError.invalidTransition(
          `Only a DRAFT can be published; version ${criterion.version} is ${criterion.status}`,
        );
      }
      const now = this.clock.now();
      for (const other of await this.criteria.versions(criterion.authorityId, criterion.key)) {
        if (other.id !== criterion.id && other.status === CriterionStatus.ACTIVE) {
          other.status = CriterionStatus.RETIRED;
          other.retiredAt = now;
          await this.criteria.save(other);
        }
      }
      criterion.status = CriterionStatus.ACTIVE;
      criterion.publishedAt = now;
      return this.criteria.save(criterion);
    });
  }

  revise(actor: Actor, id: string): Promise<CriterionEntity> {
    return this.connection.withTransaction(async () => {
      const source = await this.editable(actor, id);
      await this.criteria.lockKey(source.authorityId, source.key);
      const versions = await this.criteria.versions(source.authorityId, source.key);
      const draft = versions.find((v) => v.status === CriterionStatus.DRAFT);
      if (draft)
        throw DomainError.conflict(`Version ${draft.version} of ${source.key} is already a draft: edit it instead`);
      const newest = versions[versions.length - 1];
      const revision = await this.criteria.insert({
        authorityId: newest.authorityId,
        key: newest.key,
        version: newest.version + 1,
        revision: 1,
        status: CriterionStatus.DRAFT,
        publishedAt: null,
        retiredAt: null,
        ...criterionColumns(criterionFieldsOf(newest)),
      });
      const [clauseIds] = await this.clauseIdsOf([newest.id]);
      await this.criteria.setClauses(revision.id, clauseIds);
      return revision;
    });
  }

  retire(actor: Actor, id: string): Promise<CriterionEntity> {
    return this.connection.withTransaction(async () => {
      const criterion = await this.editable(actor, id);
      if (criterion.status !== CriterionStatus.ACTIVE) {
        throw DomainError.invalidTransition(
          `Only an ACTIVE criterion can be retired; version ${criterion.version} is ${criterion.status}`,
        );
      }
      criterion.status = CriterionStatus.RETIRED;
      criterion.retiredAt = this.clock.now();
      return this.criteria.save(criterion);
    });
  }

  private canSee(actor: Actor, criterion: CriterionEntity): boolean {
    return (
      criterion.status !== CriterionStatus.DRAFT ||
      actor.role === Role.ADMIN ||
      (actor.role === Role.REGULATOR && actor.authorityId === criterion.authorityId)
    );
  }

  /** Only a regulator of the owning authority edits its criteria (an administrator may act for one). */
  private owningAuthority(actor: Actor, requested: string | null | undefined): string {
    if (actor.role === Role.REGULATOR) {
      if (requested && requested !== actor.authorityId)
        throw DomainError.forbidden('A regulator edits only its own authority’s criteria');
      return actor.authorityId!;
    }
    if (actor.role === Role.ADMIN) {
      if (!requested)
        throw DomainError.badInput([
          { path: 'input.authorityId', message: 'is required when an administrator creates a criterion' },
        ]);
      return requested;
    }
    throw DomainError.forbidden(`Only regulators define criteria; you are ${actor.role}`);
  }

  private async editable(actor: Actor, id: string): Promise<CriterionEntity> {
    const criterion = await this.criteria.findById(id);
    if (!criterion || !this.canSee(actor, criterion)) throw DomainError.notFound('Criterion', id);
    this.owningAuthority(actor, criterion.authorityId);
    return criterion;
  }

  private checkDefinition(fields: CriterionFields): void {
    const problems = checkCriterionDefinition(fields);
    if (problems.length) throw DomainError.badInput(problems);
  }

  private async checkClauses(clauseIds: string[]): Promise<string[]> {
    const unique = [...new Set(clauseIds)];
    const known = new Set((await this.standards.findClausesByIds(unique)).map((c) => c.id));
    const unknown = unique.findIndex((id) => !known.has(id));
    if (unknown >= 0)
      throw DomainError.badInput([
        {
          path: `input.clauseIds.${clauseIds.indexOf(unique[unknown])}`,
          message: `names no known clause (${unique[unknown]})`,
        },
      ]);
    return unique;
  }
}
