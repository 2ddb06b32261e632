import { ResolveField, Resolver } from '@nestjs/graphql';
import { Criterion } from '../catalogue/criterion.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { PassportEntry } from './recognition-passport.model.js';

/** What a passport page still needs tested (its authority: recognition-references.resolver.ts). */
@Resolver(() => PassportEntry)
export class PassportEntryResolver {
  // GraphQL's own signature (parent, args, context), no parameter decorators: Nest then hands each
  // method to GraphQL unwrapped instead of running its parameter factories and pipes once per item
  // (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so).
  @ResolveField(() => [Criterion], {
    description:
      'Criteria still to be tested for this authority (gaps, and recognitions with supplementary conditions).',
  })
  async testsNeeded(entry: PassportEntry, _args: unknown, ctx: GraphQLContext): Promise<Criterion[]> {
    const criteria = await ctx.loaders.criterion.loadMany(entry.testsNeededIds);
    return criteria.flatMap((c) => (c && !(c instanceof Error) ? [Criterion.from(c)] : []));
  }
}
