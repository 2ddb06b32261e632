import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EnrolmentService } from '@sandbridge/application';
import type { Actor } from '@sandbridge/domain';
import { CurrentActor } from '../auth/auth.decorators.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { AllowedTransition } from './allowed-transition.model.js';
import { EnrolmentTrack } from './enrolment-track.model.js';
import { Enrolment } from './enrolment.model.js';
import { EntryResult } from './result.model.js';
import { TestReport } from './test-report.model.js';

/** The fields of an Enrolment read through loaders (its references: enrolment-references.resolver.ts). */
@Resolver(() => Enrolment)
export class EnrolmentFieldsResolver {
  constructor(private readonly enrolmentService: EnrolmentService) {}

  @ResolveField(() => [EnrolmentTrack], { description: 'One per targeted authority.' })
  async tracks(@Parent() enrolment: Enrolment, @Context() ctx: GraphQLContext): Promise<EnrolmentTrack[]> {
    return (await ctx.loaders.tracksOfEnrolment.load(enrolment.id)).map(EnrolmentTrack.from);
  }

  @ResolveField(() => [AllowedTransition], { description: 'What you may do next, and why the rest is blocked.' })
  async allowedTransitions(
    @CurrentActor() actor: Actor,
    @Parent() enrolment: Enrolment,
    @Context() ctx: GraphQLContext,
  ): Promise<AllowedTransition[]> {
    const [entity, tracks, programme] = await Promise.all([
      ctx.loaders.enrolment.load(enrolment.id),
      ctx.loaders.tracksOfEnrolment.load(enrolment.id),
      ctx.loaders.one('programme', enrolment.programmeId),
    ]);
    return entity ? this.enrolmentService.allowedTransitions(actor, entity, tracks, programme) : [];
  }

  @ResolveField(() => [EntryResult], { description: 'What the applicant supplied for entry criteria.' })
  async entryResults(@Parent() enrolment: Enrolment, @Context() ctx: GraphQLContext): Promise<EntryResult[]> {
    return (await ctx.loaders.entryResultsOfEnrolment.load(enrolment.id)).map(EntryResult.from);
  }

  @ResolveField(() => [TestReport], { description: 'The reports you may see (confidentiality applied), oldest first.' })
  async testReports(@Parent() enrolment: Enrolment, @Context() ctx: GraphQLContext): Promise<TestReport[]> {
    return (await ctx.loaders.reportsOfEnrolment.load(enrolment.id)).map(TestReport.from);
  }
}
