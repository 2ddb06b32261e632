import { Args, Mutation, Parent, Query, ResolveField, Resolver, Context } from '@nestjs/graphql';
import { AccountService, AuthService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Authority } from '../reference/authority.model.js';
import { Jurisdiction } from '../reference/jurisdiction.model.js';
import { Organisation } from '../reference/organisation.model.js';
import {
  Account,
  AccountConnection,
  AccountFilterInput,
  AccountIdInput,
  AuthPayload,
  ChangePasswordInput,
  CreateAccountInput,
  RevokeSessionsInput,
} from './account.model.js';

@Resolver(() => Account)
export class AccountResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accountsService: AccountService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Signs in; the token expires (JWT_TTL_SECONDS). Failed attempts are limited per e-mail and per client address: over the limit, TOO_MANY_REQUESTS with extensions.retryAfterSeconds.',
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

  @ResolveField(() => Authority, { nullable: true, description: 'The authority a REGULATOR acts for.' })
  async authority(@Parent() account: Account, @Context() ctx: GraphQLContext): Promise<Authority | null> {
    if (!account.authorityId) return null;
    const entity = await ctx.loaders.authority.load(account.authorityId);
    return entity && Authority.from(entity);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The organisation an INNOVATOR acts for.' })
  async organisation(@Parent() account: Account, @Context() ctx: GraphQLContext): Promise<Organisation | null> {
    if (!account.organisationId) return null;
    const entity = await ctx.loaders.organisation.load(account.organisationId);
    return entity && Organisation.from(entity);
  }

  @ResolveField(() => Jurisdiction, { nullable: true, description: 'The jurisdiction a NEGOTIATOR acts for.' })
  async jurisdiction(@Parent() account: Account, @Context() ctx: GraphQLContext): Promise<Jurisdiction | null> {
    if (!account.jurisdictionCode) return null;
    const entity = await ctx.loaders.jurisdiction.load(account.jurisdictionCode);
    return entity && Jurisdiction.from(entity);
  }
}
