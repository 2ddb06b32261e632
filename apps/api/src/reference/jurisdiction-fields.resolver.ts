import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Authority } from './authority.model.js';
import { Jurisdiction } from './jurisdiction.model.js';

@Resolver(() => Jurisdiction)
export class JurisdictionFieldsResolver {
  @ResolveField(() => [Authority], { description: 'Its authorities, by name.' })
  async authorities(@Parent() jurisdiction: Jurisdiction, @Context() ctx: GraphQLContext): Promise<Authority[]> {
    return (await ctx.loaders.authoritiesOfJurisdiction.load(jurisdiction.code)).map(Authority.from);
  }
}
