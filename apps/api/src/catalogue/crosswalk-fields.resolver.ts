import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Criterion } from './criterion.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Crosswalk } from './crosswalk.model.js';

/** The two ends of a crosswalk, each null when it is a draft the caller may not see. */
@Resolver(() => Crosswalk)
export class CrosswalkFieldsResolver {
  @ResolveField(() => Criterion, { nullable: true, description: 'Null when that version is a draft you may not see.' })
  async from(@Parent() crosswalk: Crosswalk, @Context() ctx: GraphQLContext): Promise<Criterion | null> {
    const entity = await ctx.loaders.criterion.load(crosswalk.fromCriterionId);
    return entity && Criterion.from(entity);
  }

  @ResolveField(() => Criterion, { nullable: true, description: 'Null when that version is a draft you may not see.' })
  async to(@Parent() crosswalk: Crosswalk, @Context() ctx: GraphQLContext): Promise<Criterion | null> {
    const entity = await ctx.loaders.criterion.load(crosswalk.toCriterionId);
    return entity && Criterion.from(entity);
  }
}
