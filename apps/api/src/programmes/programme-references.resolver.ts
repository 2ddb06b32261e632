import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Criterion } from '../catalogue/criterion.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Authority } from '../reference/authority.model.js';
import { ProgrammeParticipant } from './programme-participant.model.js';
import { Programme } from './programme.model.js';
import { StageCriterion } from './stage-criterion.model.js';

// The fields of the programme area's types that resolve a stored id to the object it names.

@Resolver(() => Programme)
export class ProgrammeReferencesResolver {
  @ResolveField(() => Authority)
  async leadAuthority(@Parent() programme: Programme, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(programme.leadAuthorityId))!);
  }
}

@Resolver(() => ProgrammeParticipant)
export class ProgrammeParticipantReferencesResolver {
  @ResolveField(() => Authority)
  async authority(@Parent() participant: ProgrammeParticipant, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(participant.authorityId))!);
  }
}

@Resolver(() => StageCriterion)
export class StageCriterionResolver {
  @ResolveField(() => Criterion)
  async criterion(@Parent() attached: StageCriterion, @Context() ctx: GraphQLContext): Promise<Criterion> {
    // Attached criteria are ACTIVE or RETIRED, so every caller may see them.
    return Criterion.from((await ctx.loaders.criterion.load(attached.criterionId))!);
  }

  @ResolveField(() => Authority)
  async authority(@Parent() attached: StageCriterion, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(attached.authorityId))!);
  }
}
