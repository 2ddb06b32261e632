import { Injectable } from '@nestjs/common';
import { isUuid, type Page, type PageRequest } from '@sandbridge/domain';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { AccountEntity } from '../entities/account.entity.js';
import { likePattern, paginate } from './paginate.js';

export interface AccountFilter {
  role?: string | null;
  authorityId?: string | null;
  organisationId?: string | null;
  jurisdictionCode?: string | null;
  search?: string | null;
}

@Injectable()
export class AccountRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(AccountEntity);
  }

  findById(id: string): Promise<AccountEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  findByEmail(email: string): Promise<AccountEntity | null> {
    return this.repo.findOneBy({ email: email.toLowerCase() });
  }

  page(filter: AccountFilter, request: PageRequest): Promise<Page<AccountEntity>> {
    const query = this.repo.createQueryBuilder('acc');
    if (filter.role) query.andWhere('acc.role = :role', { role: filter.role });
    if (filter.authorityId) query.andWhere('acc.authority_id = :authorityId', { authorityId: filter.authorityId });
    if (filter.organisationId) query.andWhere('acc.organisation_id = :organisationId', { organisationId: filter.organisationId });
    if (filter.jurisdictionCode) query.andWhere('acc.jurisdiction_code = :code', { code: filter.jurisdictionCode });
    if (filter.search) query.andWhere('(acc.email ILIKE :search OR acc.display_name ILIKE :search)', { search: likePattern(filter.search) });
    return paginate(
      query,
      [
        { expression: 'acc.email', value: (a) => a.email },
        { expression: 'acc.id', value: (a) => a.id, accepts: (id) => typeof id === 'string' && isUuid(id) },
      ],
      request,
    );
  }

  insert(
    values: Pick<AccountEntity, 'email' | 'displayName' | 'passwordHash' | 'role' | 'authorityId' | 'organisationId' | 'jurisdictionCode'>,
  ): Promise<AccountEntity> {
    return this.repo.save(this.repo.create({ ...values, email: values.email.toLowerCase() }));
  }

  save(entity: AccountEntity): Promise<AccountEntity> {
    return this.repo.save(entity);
  }
}
