import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Authority } from './authority.model.js';
import { Jurisdiction } from './jurisdiction.model.js';

@Resolver(() => Jurisdiction)
export class JurisdictionFieldsResolver {
  // GraphQL's own signature (parent, args, context), no parameter decorators: Nest then hands each
  // method to GraphQL unwrapped instead of running its parameter factories and pipes once per item
  // (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so).
  @ResolveField(() => [Authority], { description: 'Its authorities, by name.' })
  async authorities(jurisdiction: Jurisdiction, _args: unknown, ctx: GraphQLContext): Promise<Authority[]> {
    return (await ctx.loaders.authoritiesOfJurisdiction.load(jurisdiction.code)).map(Authority.from);
  }
}
