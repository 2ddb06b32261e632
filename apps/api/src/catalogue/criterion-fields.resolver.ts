import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Criterion } from './criterion.model.js';
import { Clause } from './standard.model.js';

/** The clauses and versions of a criterion (its authority: catalogue-references.resolver.ts). */
@Resolver(() => Criterion)
export class CriterionFieldsResolver {
  // GraphQL's own signature (parent, args, context), no parameter decorators: Nest then hands each
  // method to GraphQL unwrapped instead of running its parameter factories and pipes once per item
  // (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so).
  @ResolveField(() => [Clause], { description: 'Clauses it references.' })
  async clauses(criterion: Criterion, _args: unknown, ctx: GraphQLContext): Promise<Clause[]> {
    return (await ctx.loaders.clausesOfCriterion.load(criterion.id)).map(Clause.from);
  }

  @ResolveField(() => [Criterion], { description: 'Every version of this key you may see, oldest first.' })
  async versions(criterion: Criterion, _args: unknown, ctx: GraphQLContext): Promise<Criterion[]> {
    return (await ctx.loaders.versionsOfCriterion.load({ authorityId: criterion.authorityId, key: criterion.key })).map(
      Criterion.from,
    );
  }
}
