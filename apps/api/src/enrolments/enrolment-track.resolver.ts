import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Stage } from '@sandbridge/domain';
import '../catalogue/catalogue.enums.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { CriterionEvaluationModel } from './criterion-evaluation.model.js';
import { EnrolmentTrack } from './enrolment-track.model.js';

/** The computed fields of a track (its authority: enrolment-references.resolver.ts). */
@Resolver(() => EnrolmentTrack)
export class EnrolmentTrackResolver {
  // GraphQL's own signature (parent, args, context), no parameter decorators: Nest then hands each
  // method to GraphQL unwrapped instead of running its parameter factories and pipes once per item
  // (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so). A field that takes arguments
  // keeps its decorators: `@Args` is what declares the argument in the schema.
  @ResolveField(() => Boolean)
  suspended(track: EnrolmentTrack): boolean {
    return track.suspendedBy !== null;
  }

  @ResolveField(() => [CriterionEvaluationModel], {
    description:
      'This authority’s entry criteria evaluated against the application (and, when the programme accepts them, results recognised through agreements).',
  })
  async entryEvaluation(
    track: EnrolmentTrack,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<CriterionEvaluationModel[]> {
    return (
      (
        await ctx.loaders.trackEvaluation.load({
          enrolmentId: track.enrolmentId,
          authorityId: track.authorityId,
          stage: Stage.ENTRY,
        })
      )?.criteria ?? []
    );
  }

  @ResolveField(() => [CriterionEvaluationModel], {
    description:
      'This authority’s criteria of a stage (default EXIT) evaluated against the reports not rejected ' +
      '(and, when the programme accepts them, results recognised through agreements).',
  })
  async evaluation(
    @Parent() track: EnrolmentTrack,
    @Context() ctx: GraphQLContext,
    @Args('stage', { type: () => Stage, nullable: true }) stage?: Stage,
  ): Promise<CriterionEvaluationModel[]> {
    return (
      (
        await ctx.loaders.trackEvaluation.load({
          enrolmentId: track.enrolmentId,
          authorityId: track.authorityId,
          stage: stage ?? Stage.EXIT,
        })
      )?.criteria ?? []
    );
  }
}
