import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Criterion } from '../catalogue/criterion.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Authority } from '../reference/authority.model.js';
import { PassportEntry } from './recognition-passport.model.js';
import { CriterionRecognition } from './recognition-status.model.js';

// The fields of the recognition types that resolve a stored id to the object it names.

@Resolver(() => PassportEntry)
export class PassportEntryReferencesResolver {
  @ResolveField(() => Authority)
  async authority(@Parent() entry: PassportEntry, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(entry.authorityId))!);
  }
}

@Resolver(() => CriterionRecognition)
export class CriterionRecognitionResolver {
  @ResolveField(() => Criterion)
  async criterion(@Parent() row: CriterionRecognition, @Context() ctx: GraphQLContext): Promise<Criterion> {
    return Criterion.from((await ctx.loaders.criterion.load(row.criterionId))!);
  }
}
