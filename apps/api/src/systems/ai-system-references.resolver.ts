import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Organisation } from '../reference/organisation.model.js';
import { AiSystem } from './ai-system.model.js';

// The fields of an AI system that resolve a stored id to the object it names.

@Resolver(() => AiSystem)
export class AiSystemReferencesResolver {
  @ResolveField(() => Organisation)
  async organisation(@Parent() system: AiSystem, @Context() ctx: GraphQLContext): Promise<Organisation> {
    return Organisation.from((await ctx.loaders.organisation.load(system.organisationId))!);
  }
}
