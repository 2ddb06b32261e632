import { Injectable } from '@nestjs/common';
import { isUuid, type Page, type PageRequest } from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { AgreementApprovalEntity } from '../entities/agreement-approval.entity.js';
import { AgreementRuleEntity } from '../entities/agreement-rule.entity.js';
import { AgreementEntity } from '../entities/agreement.entity.js';
import { paginate } from './paginate.js';

export interface AgreementFilter {
  status?: string | null;
  /** Agreements this jurisdiction is a party to. */
  party?: string | null;
}

/** Agreements with their rules and approvals: one aggregate. */
@Injectable()
export class AgreementRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(AgreementEntity);
  }

  private get rules() {
    return this.connection.getRepository(AgreementRuleEntity);
  }

  private get approvals() {
    return this.connection.getRepository(AgreementApprovalEntity);
  }

  findById(id: string): Promise<AgreementEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  /** Locks the agreement row for the rest of the transaction (edits and status changes serialise). */
  findByIdForUpdate(id: string): Promise<AgreementEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.repo.createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
  }

  /** By name, ignoring case (names are not unique: the first by id). */
  findByName(name: string): Promise<AgreementEntity | null> {
    return this.repo
      .createQueryBuilder('a')
      .where('lower(a.name) = lower(:name)', { name })
      .orderBy('a.id', 'ASC')
      .getOne();
  }

  page(filter: AgreementFilter, request: PageRequest): Promise<Page<AgreementEntity>> {
    const query = this.repo.createQueryBuilder('a');
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.party) query.andWhere(':party = ANY(a.parties)', { party: filter.party });
    return paginate(
      query,
      [
        { expression: 'a.name', value: (a) => a.name },
        { expression: 'a.id', value: (a) => a.id, accepts: (id) => typeof id === 'string' && isUuid(id) },
      ],
      request,
    );
  }

  insert(values: Omit<AgreementEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<AgreementEntity> {
    return this.repo.save(this.repo.create(values));
  }

  save(entity: AgreementEntity): Promise<AgreementEntity> {
    return this.repo.save(entity);
  }

  /** Every agreement, whatever its status (the recognition engine reads them all), by id. */
  all(): Promise<AgreementEntity[]> {
    return this.repo.find({ order: { id: 'ASC' } });
  }

  findRule(id: string): Promise<AgreementRuleEntity | null> {
    return isUuid(id) ? this.rules.findOneBy({ id }) : Promise.resolve(null);
  }

  /** Rules of each agreement, in the order they were added. */
  rulesOf(agreementIds: readonly string[]): Promise<AgreementRuleEntity[]> {
    const valid = agreementIds.filter(isUuid);
    return valid.length
      ? rowsWhereAny(this.connection.manager, AgreementRuleEntity, 'agreementId', valid, [
          ['createdAt', 'ASC'],
          ['id', 'ASC'],
        ])
      : Promise.resolve([]);
  }

  saveRule(rule: Partial<AgreementRuleEntity>): Promise<AgreementRuleEntity> {
    return this.rules.save(this.rules.create(rule));
  }

  async removeRule(id: string): Promise<void> {
    await this.rules.delete({ id });
  }

  approvalsOf(agreementIds: readonly string[]): Promise<AgreementApprovalEntity[]> {
    const valid = agreementIds.filter(isUuid);
    return valid.length
      ? rowsWhereAny(this.connection.manager, AgreementApprovalEntity, 'agreementId', valid, [
          ['approvedAt', 'ASC'],
          ['jurisdictionCode', 'ASC'],
        ])
      : Promise.resolve([]);
  }

  async addApproval(values: AgreementApprovalEntity): Promise<void> {
    await this.approvals.insert(values);
  }
}
