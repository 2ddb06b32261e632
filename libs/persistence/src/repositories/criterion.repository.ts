import { Injectable } from '@nestjs/common';
import { CriterionStatus, isUuid, type Page, type PageRequest } from '@sandbridge/domain';
import { hydrateRows, rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { ClauseEntity } from '../entities/clause.entity.js';
import { CriterionClauseEntity } from '../entities/criterion-clause.entity.js';
import { CriterionEntity } from '../entities/criterion.entity.js';
import { likePattern, paginate } from './paginate.js';

export interface CriterionFilter {
  authorityId?: string | null;
  jurisdictionCode?: string | null;
  stage?: string | null;
  category?: string | null;
  kind?: string | null;
  status?: string | null;
  key?: string | null;
  clauseId?: string | null;
  search?: string | null;
  /** DRAFT versions are visible only to their own authority: null = every authority's drafts. */
  draftsVisibleTo?: { authorityId: string | null } | null;
}

@Injectable()
export class CriterionRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(CriterionEntity);
  }

  private get links() {
    return this.connection.getRepository(CriterionClauseEntity);
  }

  findById(id: string): Promise<CriterionEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  findByIds(ids: readonly string[]): Promise<CriterionEntity[]> {
    const valid = ids.filter(isUuid);
    return rowsWhereAny(this.connection.manager, CriterionEntity, 'id', valid);
  }

  /** The ACTIVE criterion versions of one authority, by key. */
  activeOf(authorityId: string): Promise<CriterionEntity[]> {
    return isUuid(authorityId)
      ? this.repo.find({
          where: { authorityId, status: CriterionStatus.ACTIVE },
          order: { key: 'ASC', version: 'ASC' },
        })
      : Promise.resolve([]);
  }

  /** Every version of one criterion key, oldest first. */
  versions(authorityId: string, key: string): Promise<CriterionEntity[]> {
    return this.repo.find({ where: { authorityId, key }, order: { version: 'ASC' } });
  }

  /** Every version of each (authority, key), oldest first, in one query. */
  versionsOfKeys(keys: readonly { authorityId: string; key: string }[]): Promise<CriterionEntity[]> {
    if (!keys.length) return Promise.resolve([]);
    const query = this.repo.createQueryBuilder('c');
    const params: Record<string, string> = {};
    const clauses = keys.map((k, i) => {
      params[`a${i}`] = k.authorityId;
      params[`k${i}`] = k.key;
      return `(c.authority_id = :a${i} AND c.key = :k${i})`;
    });
    return query.where(clauses.join(' OR '), params).orderBy('c.version', 'ASC').getMany();
  }

  /** Locks the versions of a key (FOR UPDATE) so two revisions never both become n+1. */
  async lockKey(authorityId: string, key: string): Promise<void> {
    await this.repo
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.authority_id = :authorityId AND c.key = :key', { authorityId, key })
      .getMany();
  }

  page(filter: CriterionFilter, request: PageRequest): Promise<Page<CriterionEntity>> {
    const query = this.repo.createQueryBuilder('c');
    if (filter.authorityId)
      query.andWhere('c.authority_id = :authorityId', {
        authorityId: isUuid(filter.authorityId) ? filter.authorityId : null,
      });
    if (filter.jurisdictionCode) {
      query.andWhere('c.authority_id IN (SELECT a.id FROM authority a WHERE a.jurisdiction_code = :code)', {
        code: filter.jurisdictionCode,
      });
    }
    if (filter.stage) query.andWhere('c.stage = :stage', { stage: filter.stage });
    if (filter.category) query.andWhere('c.category = :category', { category: filter.category });
    if (filter.kind) query.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.key) query.andWhere('c.key = :key', { key: filter.key });
    if (filter.clauseId) {
      query.andWhere('c.id IN (SELECT cc.criterion_id FROM criterion_clause cc WHERE cc.clause_id = :clauseId)', {
        clauseId: filter.clauseId,
      });
    }
    if (filter.search)
      query.andWhere('(c.key ILIKE :search OR c.title ILIKE :search)', { search: likePattern(filter.search) });
    if (filter.draftsVisibleTo) {
      query.andWhere(`(c.status <> 'DRAFT' OR c.authority_id = :draftAuthority)`, {
        draftAuthority: filter.draftsVisibleTo.authorityId,
      });
    }
    return paginate(
      query,
      [
        { expression: 'c.key', value: (c) => c.key, accepts: (key) => typeof key === 'string' },
        {
          expression: 'c.version',
          value: (c) => c.version,
          accepts: (version) => Number.isInteger(version) && Math.abs(version as number) <= 2_147_483_647,
        },
        { expression: 'c.id', value: (c) => c.id, accepts: (id) => typeof id === 'string' && isUuid(id) },
      ],
      request,
    );
  }

  /** Clause ids of these criteria, as (criterion, clause) pairs in clause order. */
  clauseLinks(criterionIds: readonly string[]): Promise<CriterionClauseEntity[]> {
    return rowsWhereAny(this.connection.manager, CriterionClauseEntity, 'criterionId', criterionIds, [
      ['clauseId', 'ASC'],
    ]);
  }

  /** The clauses of these criteria, each with the criterion it belongs to, in clause-id order: one statement. */
  async clausesOf(criterionIds: readonly string[]): Promise<{ criterionId: string; clause: ClauseEntity }[]> {
    if (!criterionIds.length) return [];
    const manager = this.connection.manager;
    const raw = (await manager.query(
      'SELECT cc.criterion_id AS link_criterion_id, c.* FROM criterion_clause cc JOIN clause c ON c.id = cc.clause_id ' +
        'WHERE cc.criterion_id = ANY($1) ORDER BY cc.clause_id',
      [criterionIds],
    )) as Record<string, unknown>[];
    const clauses = hydrateRows(manager, ClauseEntity, raw);
    return raw.map((row, i) => ({ criterionId: row.link_criterion_id as string, clause: clauses[i] }));
  }

  insert(values: Omit<CriterionEntity, 'id' | 'createdAt' | 'updatedAt' | 'authority'>): Promise<CriterionEntity> {
    return this.repo.save(this.repo.create(values));
  }

  save(entity: CriterionEntity): Promise<CriterionEntity> {
    return this.repo.save(entity);
  }

  async setClauses(criterionId: string, clauseIds: string[]): Promise<void> {
    await this.links.delete({ criterionId });
    if (clauseIds.length) await this.links.insert(clauseIds.map((clauseId) => ({ criterionId, clauseId })));
  }
}
