import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Clause, Standard } from './standard.model.js';

@Resolver(() => Standard)
export class StandardFieldsResolver {
  @ResolveField(() => [Clause], { description: 'Its clauses, by id.' })
  async clauses(@Parent() standard: Standard, @Context() ctx: GraphQLContext): Promise<Clause[]> {
    return (await ctx.loaders.clausesOfStandard.load(standard.id)).map(Clause.from);
  }
}
