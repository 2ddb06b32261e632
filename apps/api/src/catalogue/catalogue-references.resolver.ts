import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Authority } from '../reference/authority.model.js';
import { Criterion } from './criterion.model.js';

// The fields of the catalogue's types that resolve a stored id to the object it names.

@Resolver(() => Criterion)
export class CriterionReferencesResolver {
  @ResolveField(() => Authority, { description: 'The authority that owns the criterion.' })
  async authority(@Parent() criterion: Criterion, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(criterion.authorityId))!);
  }
}
