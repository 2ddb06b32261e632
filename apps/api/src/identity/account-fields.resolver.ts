import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Authority } from '../reference/authority.model.js';
import { Jurisdiction } from '../reference/jurisdiction.model.js';
import { Organisation } from '../reference/organisation.model.js';
import { Account } from './account.model.js';

/** The tenant an account acts for: at most one of the three, by its role. */
@Resolver(() => Account)
export class AccountFieldsResolver {
  // GraphQL's own signature (parent, args, context), no parameter decorators: Nest then hands each
  // method to GraphQL unwrapped instead of running its parameter factories and pipes once per item
  // (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so).
  @ResolveField(() => Authority, { nullable: true, description: 'The authority a REGULATOR acts for.' })
  async authority(account: Account, _args: unknown, ctx: GraphQLContext): Promise<Authority | null> {
    if (!account.authorityId) return null;
    const entity = await ctx.loaders.authority.load(account.authorityId);
    return entity && Authority.from(entity);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The organisation an INNOVATOR acts for.' })
  async organisation(account: Account, _args: unknown, ctx: GraphQLContext): Promise<Organisation | null> {
    if (!account.organisationId) return null;
    const entity = await ctx.loaders.organisation.load(account.organisationId);
    return entity && Organisation.from(entity);
  }

  @ResolveField(() => Jurisdiction, { nullable: true, description: 'The jurisdiction a NEGOTIATOR acts for.' })
  async jurisdiction(account: Account, _args: unknown, ctx: GraphQLContext): Promise<Jurisdiction | null> {
    if (!account.jurisdictionCode) return null;
    const entity = await ctx.loaders.jurisdiction.load(account.jurisdictionCode);
    return entity && Jurisdiction.from(entity);
  }
}
