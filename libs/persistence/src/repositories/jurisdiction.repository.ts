import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { JurisdictionEntity } from '../entities/jurisdiction.entity.js';
import { likePattern, paginate } from './paginate.js';

export interface JurisdictionFilter {
  approach?: string | null;
  /** Matches the code or the name, case-insensitively. */
  search?: string | null;
  codes?: string[] | null;
}

@Injectable()
export class JurisdictionRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(JurisdictionEntity);
  }

  findByCode(code: string): Promise<JurisdictionEntity | null> {
    return this.repo.findOneBy({ code });
  }

  findByCodes(codes: readonly string[]): Promise<JurisdictionEntity[]> {
    return rowsWhereAny(this.connection.manager, JurisdictionEntity, 'code', codes);
  }

  page(filter: JurisdictionFilter, request: PageRequest): Promise<Page<JurisdictionEntity>> {
    const query = this.repo.createQueryBuilder('j');
    if (filter.approach) query.andWhere('j.approach = :approach', { approach: filter.approach });
    if (filter.codes) query.andWhere('j.code IN (:...codes)', { codes: filter.codes.length ? filter.codes : [''] });
    if (filter.search)
      query.andWhere('(j.code ILIKE :search OR j.name ILIKE :search)', { search: likePattern(filter.search) });
    return paginate(query, [{ expression: 'j.code', value: (j) => j.code }], request);
  }

  insert(values: Pick<JurisdictionEntity, 'code' | 'name' | 'approach'>): Promise<JurisdictionEntity> {
    return this.repo.save(this.repo.create(values));
  }

  save(entity: JurisdictionEntity): Promise<JurisdictionEntity> {
    return this.repo.save(entity);
  }
}
