import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Criterion } from '../catalogue/criterion.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { PassportEntry } from './recognition-passport.model.js';

/** What a passport page still needs tested (its authority: recognition-references.resolver.ts). */
@Resolver(() => PassportEntry)
export class PassportEntryResolver {
  @ResolveField(() => [Criterion], {
    description:
      'Criteria still to be tested for this authority (gaps, and recognitions with supplementary conditions).',
  })
  async testsNeeded(@Parent() entry: PassportEntry, @Context() ctx: GraphQLContext): Promise<Criterion[]> {
    const criteria = await ctx.loaders.criterion.loadMany(entry.testsNeededIds);
    return criteria.flatMap((c) => (c && !(c instanceof Error) ? [Criterion.from(c)] : []));
  }
}
