import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, type Page, type PageRequest, Role, requiredTenant } from '@sandbridge/domain';
import {
  type AccountEntity,
  type AccountFilter,
  AccountRepository,
  AuthorityRepository,
  JurisdictionRepository,
  OrganisationRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { requireRole } from './access.js';
import { PasswordHasher } from './password-hasher.js';

export interface CreateAccountCommand {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  authorityId?: string | null;
  organisationId?: string | null;
  jurisdictionCode?: string | null;
}

const TENANT_FIELDS = ['authorityId', 'organisationId', 'jurisdictionCode'] as const;

@Injectable()
export class AccountService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly accounts: AccountRepository,
    private readonly authorities: AuthorityRepository,
    private readonly organisations: OrganisationRepository,
    private readonly jurisdictions: JurisdictionRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async me(actor: Actor): Promise<AccountEntity> {
    const account = await this.accounts.findById(actor.accountId);
    if (!account) throw DomainError.unauthenticated('This account no longer exists: sign in again');
    return account;
  }

  list(actor: Actor, filter: AccountFilter, page: PageRequest): Promise<Page<AccountEntity>> {
    requireRole(actor, Role.ADMIN);
    return this.accounts.page(filter, page);
  }

  async create(actor: Actor, command: CreateAccountCommand): Promise<AccountEntity> {
    requireRole(actor, Role.ADMIN);
    // Each role is bound to exactly one tenant of its own kind (DESIGN.md §1).
    const needed = requiredTenant(command.role);
    const problems = TENANT_FIELDS.flatMap((field) => {
      const given = command[field] != null;
      if (field === needed && !given) return [{ path: `input.${field}`, message: `is required for the role ${command.role}` }];
      if (field !== needed && given) return [{ path: `input.${field}`, message: `must be empty for the role ${command.role}` }];
      return [];
    });
    if (problems.length) throw DomainError.badInput(problems);
    const passwordHash = await this.hasher.hash(command.password);
    return this.connection.withTransaction(async () => {
      if (command.authorityId && !(await this.authorities.findById(command.authorityId))) {
        throw DomainError.notFound('Authority', command.authorityId);
      }
      if (command.organisationId && !(await this.organisations.findById(command.organisationId))) {
        throw DomainError.notFound('Organisation', command.organisationId);
      }
      if (command.jurisdictionCode && !(await this.jurisdictions.findByCode(command.jurisdictionCode))) {
        throw DomainError.notFound('Jurisdiction', command.jurisdictionCode);
      }
      if (await this.accounts.findByEmail(command.email)) {
        throw DomainError.conflict(`An account with the e-mail ${command.email.toLowerCase()} already exists`);
      }
      return this.accounts.insert({
        email: command.email,
        displayName: command.displayName,
        passwordHash,
        role: command.role,
        authorityId: command.authorityId ?? null,
        organisationId: command.organisationId ?? null,
        jurisdictionCode: command.jurisdictionCode ?? null,
      });
    });
  }
}
