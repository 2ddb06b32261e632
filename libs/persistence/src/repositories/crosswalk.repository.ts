import { Injectable } from '@nestjs/common';
import { isUuid, type Page, type PageRequest } from '@sandbridge/domain';
import { In } from 'typeorm';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { CrosswalkEntity } from '../entities/crosswalk.entity.js';
import { paginate } from './paginate.js';

export interface CrosswalkFilter {
  /** Crosswalks with this criterion at either end. */
  criterionId?: string | null;
  /** Crosswalks with a criterion of this authority at either end. */
  authorityId?: string | null;
  relation?: string | null;
}

@Injectable()
export class CrosswalkRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(CrosswalkEntity);
  }

  findById(id: string): Promise<CrosswalkEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  findPair(fromCriterionId: string, toCriterionId: string): Promise<CrosswalkEntity | null> {
    return this.repo.findOneBy({ fromCriterionId, toCriterionId });
  }

  /** Crosswalks touching any of these criteria (either end). */
  touching(criterionIds: readonly string[]): Promise<CrosswalkEntity[]> {
    if (!criterionIds.length) return Promise.resolve([]);
    const ids = [...criterionIds];
    return this.repo.find({
      where: [{ fromCriterionId: In(ids) }, { toCriterionId: In(ids) }],
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  page(filter: CrosswalkFilter, request: PageRequest): Promise<Page<CrosswalkEntity>> {
    const query = this.repo.createQueryBuilder('x');
    if (filter.criterionId) {
      query.andWhere('(x.from_criterion_id = :cid OR x.to_criterion_id = :cid)', {
        cid: isUuid(filter.criterionId) ? filter.criterionId : null,
      });
    }
    if (filter.authorityId) {
      query.andWhere(
        '(x.from_criterion_id IN (SELECT c.id FROM criterion c WHERE c.authority_id = :aid) OR x.to_criterion_id IN (SELECT c.id FROM criterion c WHERE c.authority_id = :aid))',
        { aid: isUuid(filter.authorityId) ? filter.authorityId : null },
      );
    }
    if (filter.relation) query.andWhere('x.relation = :relation', { relation: filter.relation });
    return paginate(
      query,
      [{ expression: 'x.id', value: (x) => x.id, accepts: (id) => typeof id === 'string' && isUuid(id) }],
      request,
    );
  }

  insert(
    values: Pick<CrosswalkEntity, 'fromCriterionId' | 'toCriterionId' | 'relation' | 'note'>,
  ): Promise<CrosswalkEntity> {
    return this.repo.save(this.repo.create(values));
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }
}
