import { Injectable } from '@nestjs/common';
import { isUuid, type Page, type PageRequest } from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { OrganisationEntity } from '../entities/organisation.entity.js';
import { likePattern, paginate } from './paginate.js';

export interface OrganisationFilter {
  homeJurisdictionCode?: string | null;
  search?: string | null;
  /** Restricts the list to these ids (an innovator sees only its own organisation). */
  ids?: string[] | null;
}

@Injectable()
export class OrganisationRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(OrganisationEntity);
  }

  findById(id: string): Promise<OrganisationEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  findByIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    const valid = ids.filter(isUuid);
    return rowsWhereAny(this.connection.manager, OrganisationEntity, 'id', valid);
  }

  findByName(name: string): Promise<OrganisationEntity | null> {
    return this.repo.createQueryBuilder('o').where('lower(o.name) = lower(:name)', { name }).getOne();
  }

  page(filter: OrganisationFilter, request: PageRequest): Promise<Page<OrganisationEntity>> {
    const query = this.repo.createQueryBuilder('o');
    if (filter.homeJurisdictionCode)
      query.andWhere('o.home_jurisdiction_code = :code', { code: filter.homeJurisdictionCode });
    if (filter.ids)
      query.andWhere('o.id IN (:...ids)', {
        ids: filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000'],
      });
    if (filter.search) query.andWhere('o.name ILIKE :search', { search: likePattern(filter.search) });
    return paginate(
      query,
      [
        { expression: 'o.name', value: (o) => o.name },
        { expression: 'o.id', value: (o) => o.id, accepts: (id) => typeof id === 'string' && isUuid(id) },
      ],
      request,
    );
  }

  insert(values: Pick<OrganisationEntity, 'name' | 'homeJurisdictionCode'>): Promise<OrganisationEntity> {
    return this.repo.save(this.repo.create(values));
  }

  save(entity: OrganisationEntity): Promise<OrganisationEntity> {
    return this.repo.save(entity);
  }
}
