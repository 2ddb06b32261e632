import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  DomainError,
  type Page,
  type PageRequest,
  passwordProblem,
  Role,
  requiredTenant,
} from '@sandbridge/domain';
import {
  type AccountEntity,
  type AccountFilter,
  AccountRepository,
  AuthorityRepository,
  JurisdictionRepository,
  OrganisationRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { EventBus } from '../cooperation/event-bus.js';
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
    private readonly events: EventBus,
    private readonly clock: Clock,
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
    // Each role is bound to exactly one tenant of its own kind (docs/domain.md#roles-and-visibility).
    const needed = requiredTenant(command.role);
    const problems = TENANT_FIELDS.flatMap((field) => {
      const given = command[field] != null;
      if (field === needed && !given)
        return [{ path: `input.${field}`, message: `is required for the role ${command.role}` }];
      if (field !== needed && given)
        return [{ path: `input.${field}`, message: `must be empty for the role ${command.role}` }];
      return [];
    });
    const weak = passwordProblem(command.password);
    if (weak) problems.push({ path: 'input.password', message: weak });
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

  /**
   * An administrator disables another account: it can no longer sign in, and every token it holds
   * stops working at once, open subscriptions included. Disabling a disabled account changes nothing.
   */
  async disable(actor: Actor, id: string): Promise<AccountEntity> {
    requireRole(actor, Role.ADMIN);
    if (id === actor.accountId)
      throw DomainError.forbidden('You cannot disable your own account: ask another administrator');
    return this.connection.withTransaction(async () => {
      const account = await this.accounts.findById(id);
      if (!account) throw DomainError.notFound('Account', id);
      if (account.disabledAt) return account;
      const disabled = (await this.accounts.endSessions(id, { disabledAt: this.clock.now() }))!;
      this.events.publishAccountChange(id);
      return disabled;
    });
  }

  /** An administrator lets a disabled account sign in again; the tokens it held stay ended. */
  async enable(actor: Actor, id: string): Promise<AccountEntity> {
    requireRole(actor, Role.ADMIN);
    return this.connection.withTransaction(async () => {
      const account = await this.accounts.findById(id);
      if (!account) throw DomainError.notFound('Account', id);
      if (!account.disabledAt) return account;
      const enabled = (await this.accounts.enable(id))!;
      this.events.publishAccountChange(id);
      return enabled;
    });
  }

  /**
   * Ends every session of an account ("sign out everywhere"), the caller's own token included when
   * it is the caller's account. Anyone may end their own sessions; administrators anyone's.
   */
  async revokeSessions(actor: Actor, accountId: string = actor.accountId): Promise<AccountEntity> {
    // Refused before any lookup: a non-administrator learns nothing about other accounts.
    if (accountId !== actor.accountId) requireRole(actor, Role.ADMIN);
    return this.connection.withTransaction(async () => {
      const revoked = await this.accounts.endSessions(accountId);
      if (!revoked) {
        if (accountId === actor.accountId)
          throw DomainError.unauthenticated('This account no longer exists: sign in again');
        throw DomainError.notFound('Account', accountId);
      }
      this.events.publishAccountChange(accountId);
      return revoked;
    });
  }
}
