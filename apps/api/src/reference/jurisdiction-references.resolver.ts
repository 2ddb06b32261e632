import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Authority } from './authority.model.js';
import { Jurisdiction } from './jurisdiction.model.js';
import { Organisation } from './organisation.model.js';

// The fields of the reference types that resolve a stored code to the object it names.

@Resolver(() => Authority)
export class AuthorityReferencesResolver {
  @ResolveField(() => Jurisdiction)
  async jurisdiction(@Parent() authority: Authority, @Context() ctx: GraphQLContext): Promise<Jurisdiction> {
    const entity = await ctx.loaders.jurisdiction.load(authority.jurisdictionCode);
    return Jurisdiction.from(entity!);
  }
}

@Resolver(() => Organisation)
export class OrganisationReferencesResolver {
  @ResolveField(() => Jurisdiction)
  async homeJurisdiction(@Parent() organisation: Organisation, @Context() ctx: GraphQLContext): Promise<Jurisdiction> {
    const entity = await ctx.loaders.jurisdiction.load(organisation.homeJurisdictionCode);
    return Jurisdiction.from(entity!);
  }
}
