import { Injectable } from '@nestjs/common';
import { isUuid, type Page, type PageRequest } from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { AuthorityEntity } from '../entities/authority.entity.js';
import { likePattern, paginate } from './paginate.js';

export interface AuthorityFilter {
  jurisdictionCode?: string | null;
  sector?: string | null;
  search?: string | null;
}

@Injectable()
export class AuthorityRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(AuthorityEntity);
  }

  findById(id: string): Promise<AuthorityEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  findByIds(ids: readonly string[]): Promise<AuthorityEntity[]> {
    const valid = ids.filter(isUuid);
    return rowsWhereAny(this.connection.manager, AuthorityEntity, 'id', valid);
  }

  /** Authorities of these jurisdictions, in the same order as the `authorities` list (name, id). */
  findByJurisdictionCodes(codes: readonly string[]): Promise<AuthorityEntity[]> {
    return rowsWhereAny(this.connection.manager, AuthorityEntity, 'jurisdictionCode', codes, [
      ['name', 'ASC'],
      ['id', 'ASC'],
    ]);
  }

  findByName(jurisdictionCode: string, name: string): Promise<AuthorityEntity | null> {
    return this.repo.findOneBy({ jurisdictionCode, name });
  }

  page(filter: AuthorityFilter, request: PageRequest): Promise<Page<AuthorityEntity>> {
    const query = this.repo.createQueryBuilder('a');
    if (filter.jurisdictionCode) query.andWhere('a.jurisdiction_code = :code', { code: filter.jurisdictionCode });
    if (filter.sector) query.andWhere(':sector = ANY(a.sectors)', { sector: filter.sector });
    if (filter.search)
      query.andWhere('(a.name ILIKE :search OR a.acronym ILIKE :search)', { search: likePattern(filter.search) });
    return paginate(
      query,
      [
        { expression: 'a.name', value: (a) => a.name },
        { expression: 'a.id', value: (a) => a.id, accepts: (id) => typeof id === 'string' && isUuid(id) },
      ],
      request,
    );
  }

  insert(
    values: Pick<AuthorityEntity, 'jurisdictionCode' | 'name' | 'acronym' | 'sectors' | 'website'>,
  ): Promise<AuthorityEntity> {
    return this.repo.save(this.repo.create(values));
  }

  save(entity: AuthorityEntity): Promise<AuthorityEntity> {
    return this.repo.save(entity);
  }
}
