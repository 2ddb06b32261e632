import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Clause, Standard } from './standard.model.js';

@Resolver(() => Standard)
export class StandardFieldsResolver {
  // GraphQL's own signature (parent, args, context), no parameter decorators: Nest then hands each
  // method to GraphQL unwrapped instead of running its parameter factories and pipes once per item
  // (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so).
  @ResolveField(() => [Clause], { description: 'Its clauses, by id.' })
  async clauses(standard: Standard, _args: unknown, ctx: GraphQLContext): Promise<Clause[]> {
    return (await ctx.loaders.clausesOfStandard.load(standard.id)).map(Clause.from);
  }
}
