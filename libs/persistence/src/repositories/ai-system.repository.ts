import { Injectable } from '@nestjs/common';
import { isUuid, type Page, type PageRequest } from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { AiSystemEntity } from '../entities/ai-system.entity.js';
import { likePattern, paginate } from './paginate.js';

export interface AiSystemFilter {
  organisationId?: string | null;
  sector?: string | null;
  riskClass?: string | null;
  search?: string | null;
}

@Injectable()
export class AiSystemRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(AiSystemEntity);
  }

  findById(id: string): Promise<AiSystemEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  findByIds(ids: readonly string[]): Promise<AiSystemEntity[]> {
    const valid = ids.filter(isUuid);
    return rowsWhereAny(this.connection.manager, AiSystemEntity, 'id', valid);
  }

  findByName(organisationId: string, name: string): Promise<AiSystemEntity | null> {
    return this.repo.findOneBy({ organisationId, name });
  }

  page(filter: AiSystemFilter, request: PageRequest): Promise<Page<AiSystemEntity>> {
    const query = this.repo.createQueryBuilder('s');
    if (filter.organisationId)
      query.andWhere('s.organisation_id = :org', { org: isUuid(filter.organisationId) ? filter.organisationId : null });
    if (filter.sector) query.andWhere('s.sector = :sector', { sector: filter.sector });
    if (filter.riskClass) query.andWhere('s.risk_class = :riskClass', { riskClass: filter.riskClass });
    if (filter.search) query.andWhere('s.name ILIKE :search', { search: likePattern(filter.search) });
    return paginate(
      query,
      [
        { expression: 's.name', value: (s) => s.name },
        { expression: 's.id', value: (s) => s.id, accepts: (id) => typeof id === 'string' && isUuid(id) },
      ],
      request,
    );
  }

  insert(
    values: Pick<AiSystemEntity, 'organisationId' | 'name' | 'sector' | 'intendedPurpose' | 'riskClass'>,
  ): Promise<AiSystemEntity> {
    return this.repo.save(this.repo.create(values));
  }

  save(entity: AiSystemEntity): Promise<AiSystemEntity> {
    return this.repo.save(entity);
  }
}
