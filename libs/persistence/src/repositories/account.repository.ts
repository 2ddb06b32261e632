import { Injectable } from '@nestjs/common';
import { isUuid, type Page, type PageRequest } from '@sandbridge/domain';
import { In } from 'typeorm';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { AccountEntity } from '../entities/account.entity.js';
import { likePattern, paginate } from './paginate.js';

/** Marks the per-request session check's SQL (`/* session-check *\/ SELECT …`). */
export const SESSION_CHECK_COMMENT = 'session-check';

/** The columns a token is checked against. */
export type AccountSessionState = Pick<
  AccountEntity,
  'id' | 'role' | 'authorityId' | 'organisationId' | 'jurisdictionCode' | 'sessionEpoch' | 'disabledAt'
>;

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

  /**
   * What a token is checked against on every request: one primary-key read of a few columns. Its
   * SQL starts with the comment SESSION_CHECK_COMMENT, so statement counts can tell it apart.
   */
  async findSessionState(id: string): Promise<AccountSessionState | null> {
    if (!isUuid(id)) return null;
    // Hand-written and fixed: this runs on every signed-in request, where building it through the
    // query builder cost more than the statement.
    const [row] = (await this.connection.manager.query(
      `/* ${SESSION_CHECK_COMMENT} */ SELECT id, role, authority_id, organisation_id, jurisdiction_code, session_epoch, disabled_at ` +
        'FROM account WHERE id = $1',
      [id],
    )) as Record<string, unknown>[];
    if (!row) return null;
    return {
      id: row.id as string,
      role: row.role as AccountEntity['role'],
      authorityId: row.authority_id as string | null,
      organisationId: row.organisation_id as string | null,
      jurisdictionCode: row.jurisdiction_code as string | null,
      sessionEpoch: row.session_epoch as number,
      disabledAt: row.disabled_at as Date | null,
    };
  }

  findByEmail(email: string): Promise<AccountEntity | null> {
    return this.repo.findOneBy({ email: email.toLowerCase() });
  }

  /** The accounts with these e-mails (any case), in no particular order. */
  findByEmails(emails: readonly string[]): Promise<AccountEntity[]> {
    if (!emails.length) return Promise.resolve([]);
    return this.repo.findBy({ email: In(emails.map((email) => email.toLowerCase())) });
  }

  page(filter: AccountFilter, request: PageRequest): Promise<Page<AccountEntity>> {
    const query = this.repo.createQueryBuilder('acc');
    if (filter.role) query.andWhere('acc.role = :role', { role: filter.role });
    if (filter.authorityId) query.andWhere('acc.authority_id = :authorityId', { authorityId: filter.authorityId });
    if (filter.organisationId)
      query.andWhere('acc.organisation_id = :organisationId', { organisationId: filter.organisationId });
    if (filter.jurisdictionCode) query.andWhere('acc.jurisdiction_code = :code', { code: filter.jurisdictionCode });
    if (filter.search)
      query.andWhere('(acc.email ILIKE :search OR acc.display_name ILIKE :search)', {
        search: likePattern(filter.search),
      });
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
    values: Pick<
      AccountEntity,
      'email' | 'displayName' | 'passwordHash' | 'role' | 'authorityId' | 'organisationId' | 'jurisdictionCode'
    >,
  ): Promise<AccountEntity> {
    return this.repo.save(this.repo.create({ ...values, email: values.email.toLowerCase() }));
  }

  /**
   * Raises the session epoch (ending every token issued before) and applies `changes` in the same
   * statement; null when there is no such account.
   */
  async endSessions(
    id: string,
    changes: Partial<Pick<AccountEntity, 'passwordHash' | 'disabledAt'>> = {},
  ): Promise<AccountEntity | null> {
    if (!isUuid(id)) return null;
    const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const result = await this.repo
      .createQueryBuilder()
      .update(AccountEntity)
      .set({ ...set, sessionEpoch: () => 'session_epoch + 1' })
      .where('id = :id', { id })
      .execute();
    return result.affected ? this.findById(id) : null;
  }

  /** Lets a disabled account sign in again; its old tokens stay ended (the epoch is not lowered). */
  async enable(id: string): Promise<AccountEntity | null> {
    if (!isUuid(id)) return null;
    const result = await this.repo
      .createQueryBuilder()
      .update(AccountEntity)
      .set({ disabledAt: null })
      .where('id = :id', { id })
      .execute();
    return result.affected ? this.findById(id) : null;
  }

  save(entity: AccountEntity): Promise<AccountEntity> {
    return this.repo.save(entity);
  }
}
