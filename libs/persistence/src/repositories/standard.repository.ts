import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { ClauseEntity } from '../entities/clause.entity.js';
import { StandardEntity } from '../entities/standard.entity.js';
import { likePattern, paginate } from './paginate.js';

@Injectable()
export class StandardRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get standards() {
    return this.connection.getRepository(StandardEntity);
  }

  private get clauses() {
    return this.connection.getRepository(ClauseEntity);
  }

  findByCode(code: string): Promise<StandardEntity | null> {
    return this.standards.findOneBy({ code });
  }

  page(filter: { search?: string | null }, request: PageRequest): Promise<Page<StandardEntity>> {
    const query = this.standards.createQueryBuilder('s');
    if (filter.search)
      query.andWhere('(s.code ILIKE :search OR s.title ILIKE :search)', { search: likePattern(filter.search) });
    return paginate(query, [{ expression: 's.code', value: (s) => s.code }], request);
  }

  /** Clauses of these standards, in clause-id order. */
  clausesOfStandards(standardIds: readonly string[]): Promise<ClauseEntity[]> {
    return rowsWhereAny(this.connection.manager, ClauseEntity, 'standardId', standardIds, [['id', 'ASC']]);
  }

  findClausesByIds(ids: readonly string[]): Promise<ClauseEntity[]> {
    return rowsWhereAny(this.connection.manager, ClauseEntity, 'id', ids);
  }

  insertStandard(values: Pick<StandardEntity, 'code' | 'title' | 'publisher'>): Promise<StandardEntity> {
    return this.standards.save(this.standards.create(values));
  }

  insertClause(values: Pick<ClauseEntity, 'id' | 'standardId' | 'ref' | 'title'>): Promise<ClauseEntity> {
    return this.clauses.save(this.clauses.create(values));
  }
}
