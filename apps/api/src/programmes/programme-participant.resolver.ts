import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Stage } from '@sandbridge/domain';
import '../catalogue/catalogue.enums.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { ProgrammeParticipant } from './programme-participant.model.js';
import { StageCriterion } from './stage-criterion.model.js';

/** The criteria a participating authority attached (the authority: programme-references.resolver.ts). */
@Resolver(() => ProgrammeParticipant)
export class ProgrammeParticipantResolver {
  @ResolveField(() => [StageCriterion], {
    description: 'The criteria this authority attached, optionally of one stage.',
  })
  async criteria(
    @Parent() participant: ProgrammeParticipant,
    @Context() ctx: GraphQLContext,
    @Args('stage', { type: () => Stage, nullable: true }) stage?: Stage | null,
  ): Promise<StageCriterion[]> {
    const rows = await ctx.loaders.criteriaOfProgramme.load(participant.programmeId);
    return rows
      .filter((r) => r.authorityId === participant.authorityId && (!stage || r.stage === stage))
      .map(StageCriterion.from);
  }
}
