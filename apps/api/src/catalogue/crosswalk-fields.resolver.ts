import { ResolveField, Resolver } from '@nestjs/graphql';
import { Criterion } from './criterion.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Crosswalk } from './crosswalk.model.js';

/** The two ends of a crosswalk, each null when it is a draft the caller may not see. */
@Resolver(() => Crosswalk)
export class CrosswalkFieldsResolver {
  // GraphQL's own signature (parent, args, context), no parameter decorators: Nest then hands each
  // method to GraphQL unwrapped instead of running its parameter factories and pipes once per item
  // (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so).
  @ResolveField(() => Criterion, { nullable: true, description: 'Null when that version is a draft you may not see.' })
  async from(crosswalk: Crosswalk, _args: unknown, ctx: GraphQLContext): Promise<Criterion | null> {
    const entity = await ctx.loaders.criterion.load(crosswalk.fromCriterionId);
    return entity && Criterion.from(entity);
  }

  @ResolveField(() => Criterion, { nullable: true, description: 'Null when that version is a draft you may not see.' })
  async to(crosswalk: Crosswalk, _args: unknown, ctx: GraphQLContext): Promise<Criterion | null> {
    const entity = await ctx.loaders.criterion.load(crosswalk.toCriterionId);
    return entity && Criterion.from(entity);
  }
}
