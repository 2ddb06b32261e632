import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccountService, AuthService, DemoAccountDirectory } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { AccountFilterInput } from './account-filter.input.js';
import { AccountIdInput, RevokeSessionsInput } from './account-id.input.js';
import { Account, AccountConnection, AuthPayload } from './account.model.js';
import { ChangePasswordInput } from './change-password.input.js';
import { CreateAccountInput } from './create-account.input.js';
import { DemoAccount } from './demo-account.model.js';

/** Sign-in, sessions and accounts; an account's tenant fields are in account-fields.resolver.ts. */
@Resolver(() => Account)
export class AccountResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accountsService: AccountService,
    private readonly demoAccountDirectory: DemoAccountDirectory,
  ) {}

  @Public()
  @Query(() => [DemoAccount], {
    description:
      'Outside production, the demo accounts this database holds (the console lists them on its sign-in page); empty in production.',
  })
  async demoAccounts(): Promise<DemoAccount[]> {
    return (await this.demoAccountDirectory.list()).map(DemoAccount.from);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Signs in; the token expires (JWT_TTL_SECONDS). Failed attempts are limited per e-mail and per ' +
      'client address: over the limit, TOO_MANY_REQUESTS with extensions.retryAfterSeconds.',
  })
  async login(
    @Args('email', { type: () => String }) email: string,
    @Args('password', { type: () => String }) password: string,
    @Context() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    return AuthPayload.from(await this.auth.login(email, password, ctx.clientAddress));
  }

  @Mutation(() => AuthPayload, {
    description:
      'Changes your password and ends every session of your account, this token included: the payload carries a fresh token for this client.',
  })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Args('input') input: ChangePasswordInput,
    @Context() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    return AuthPayload.from(await this.auth.changePassword(actor, input, ctx.clientAddress));
  }

  @Mutation(() => Account, {
    description: 'Signs out everywhere: ends every session of your account (administrators: of any account).',
  })
  async revokeSessions(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => RevokeSessionsInput, nullable: true }) input?: RevokeSessionsInput,
  ): Promise<Account> {
    return Account.from(await this.accountsService.revokeSessions(actor, input?.accountId ?? undefined));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Account, {
    description:
      'The account can no longer sign in, and its sessions end at once (open subscriptions close). Not your own.',
  })
  async disableAccount(@CurrentActor() actor: Actor, @Args('input') input: AccountIdInput): Promise<Account> {
    return Account.from(await this.accountsService.disable(actor, input.id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Account, { description: 'Lets a disabled account sign in again (the sessions it had stay ended).' })
  async enableAccount(@CurrentActor() actor: Actor, @Args('input') input: AccountIdInput): Promise<Account> {
    return Account.from(await this.accountsService.enable(actor, input.id));
  }

  @Query(() => Account, { description: 'The signed-in caller.' })
  async me(@CurrentActor() actor: Actor): Promise<Account> {
    return Account.from(await this.accountsService.me(actor));
  }

  @Roles(Role.ADMIN)
  @Query(() => AccountConnection)
  async accounts(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    // No `| null` here: TypeScript records `X | null` as Object, and the validation pipe would skip the filter.
    @Args('filter', { type: () => AccountFilterInput, nullable: true }) filter?: AccountFilterInput,
  ): Promise<AccountConnection> {
    return toConnection(await this.accountsService.list(actor, filter ?? {}, page), Account.from);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Account, { description: 'Creates an account bound to the tenant its role needs.' })
  async createAccount(@CurrentActor() actor: Actor, @Args('input') input: CreateAccountInput): Promise<Account> {
    return Account.from(await this.accountsService.create(actor, input));
  }
}
