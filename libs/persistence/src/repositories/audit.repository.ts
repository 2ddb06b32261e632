import { Injectable } from '@nestjs/common';
import { isUuid, type Page, type PageRequest } from '@sandbridge/domain';
import { MoreThan } from 'typeorm';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { AuditCheckpointEntity } from '../entities/audit-checkpoint.entity.js';
import { AuditEntryEntity } from '../entities/audit-entry.entity.js';
import { paginate } from './paginate.js';

/** Any fixed number: the key of the advisory lock that serialises appends to the chain. */
const AUDIT_CHAIN_LOCK = 742_021_001;

export interface AuditFilter {
  enrolmentId?: string | null;
  actorAccountId?: string | null;
  /** Any of these actions (audit_entry_action_idx). */
  actions?: readonly string[] | null;
  /** With or without `entityId` (audit_entry_entity_idx). */
  entityType?: string | null;
  entityId?: string | null;
  /** `from` ≤ occurredAt < `to` (audit_entry_occurred_idx). */
  from?: Date | null;
  to?: Date | null;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(AuditEntryEntity);
  }

  /** Takes the chain's lock until the current transaction ends: one writer at a time, no fork. */
  async lockChain(): Promise<void> {
    await this.connection.manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  }

  last(): Promise<AuditEntryEntity | null> {
    return this.repo.findOne({ where: {}, order: { seq: 'DESC' } });
  }

  insert(entry: AuditEntryEntity): Promise<AuditEntryEntity> {
    return this.repo.save(this.repo.create(entry));
  }

  /** The next `size` entries after `afterSeq`, in chain order. */
  batch(afterSeq: number, size: number): Promise<AuditEntryEntity[]> {
    return this.repo.find({ where: { seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: size });
  }

  /** The latest signed head, if any append has stored one. */
  checkpoint(): Promise<AuditCheckpointEntity | null> {
    return this.connection.getRepository(AuditCheckpointEntity).findOneBy({ id: 1 });
  }

  /** Replaces the stored head: call under the chain's lock, in the append's transaction. */
  async saveCheckpoint(checkpoint: Omit<AuditCheckpointEntity, 'id'>): Promise<void> {
    await this.connection.getRepository(AuditCheckpointEntity).upsert({ id: 1, ...checkpoint }, ['id']);
  }

  /** Every entry about one enrolment, in chain order. */
  ofEnrolment(enrolmentId: string): Promise<AuditEntryEntity[]> {
    return isUuid(enrolmentId)
      ? this.repo.find({ where: { enrolmentId }, order: { seq: 'ASC' } })
      : Promise.resolve([]);
  }

  /**
   * The entries about these entities of one type with one of `actions`, in chain order: one
   * statement for them all (audit_entry_entity_idx), for DataLoaders.
   */
  ofEntities(
    entityType: string,
    entityIds: readonly string[],
    actions: readonly string[],
  ): Promise<AuditEntryEntity[]> {
    if (!entityIds.length || !actions.length) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('a')
      .where('a.entity_type = :entityType', { entityType })
      .andWhere('a.entity_id IN (:...ids)', { ids: [...entityIds] })
      .andWhere('a.action IN (:...actions)', { actions: [...actions] })
      .orderBy('a.seq', 'ASC')
      .getMany();
  }

  /** `hiddenEntityIds`: entries about these entities are left out (confidential to the caller). */
  page(
    filter: AuditFilter,
    request: PageRequest,
    hiddenEntityIds: readonly string[] = [],
  ): Promise<Page<AuditEntryEntity>> {
    const query = this.repo.createQueryBuilder('a');
    if (hiddenEntityIds.length) query.andWhere('a.entity_id NOT IN (:...hidden)', { hidden: [...hiddenEntityIds] });
    if (filter.enrolmentId)
      query.andWhere('a.enrolment_id = :enrolmentId', {
        enrolmentId: isUuid(filter.enrolmentId) ? filter.enrolmentId : null,
      });
    if (filter.actorAccountId) query.andWhere('a.actor_account_id = :actor', { actor: filter.actorAccountId });
    if (filter.actions?.length) query.andWhere('a.action IN (:...actions)', { actions: [...filter.actions] });
    if (filter.entityType) query.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.from) query.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.occurred_at < :to', { to: filter.to });
    return paginate(
      query,
      [{ expression: 'a.seq', value: (a) => a.seq, accepts: (v) => Number.isInteger(v) }],
      request,
    );
  }
}
