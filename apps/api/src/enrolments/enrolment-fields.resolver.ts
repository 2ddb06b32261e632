import { ResolveField, Resolver } from '@nestjs/graphql';
import { EnrolmentService } from '@sandbridge/application';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { AllowedTransition } from './allowed-transition.model.js';
import { EnrolmentTrack } from './enrolment-track.model.js';
import { Enrolment } from './enrolment.model.js';
import { EntryResult } from './result.model.js';
import { TestReport } from './test-report.model.js';

/** The fields of an Enrolment read through loaders (its references: enrolment-references.resolver.ts). */
@Resolver(() => Enrolment)
export class EnrolmentFieldsResolver {
  // GraphQL's own signature (parent, args, context), no parameter decorators: Nest then hands each
  // method to GraphQL unwrapped instead of running its parameter factories and pipes once per item
  // (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so).
  constructor(private readonly enrolmentService: EnrolmentService) {}

  @ResolveField(() => [EnrolmentTrack], { description: 'One per targeted authority.' })
  async tracks(enrolment: Enrolment, _args: unknown, ctx: GraphQLContext): Promise<EnrolmentTrack[]> {
    return (await ctx.loaders.tracksOfEnrolment.load(enrolment.id)).map(EnrolmentTrack.from);
  }

  @ResolveField(() => [AllowedTransition], { description: 'What you may do next, and why the rest is blocked.' })
  async allowedTransitions(enrolment: Enrolment, _args: unknown, ctx: GraphQLContext): Promise<AllowedTransition[]> {
    // What @CurrentActor() checked: the guard has made sure of a caller before any field is resolved.
    const actor = ctx.actor;
    if (!actor) throw new Error('Enrolment.allowedTransitions resolved without authentication');
    const [entity, tracks, programme, plans] = await Promise.all([
      ctx.loaders.enrolment.load(enrolment.id),
      ctx.loaders.tracksOfEnrolment.load(enrolment.id),
      ctx.loaders.one('programme', enrolment.programmeId),
      ctx.loaders.plansOfEnrolment.load(enrolment.id),
    ]);
    return entity
      ? this.enrolmentService.allowedTransitions(
          actor,
          entity,
          tracks,
          programme,
          (id) => ctx.loaders.placesHeldInProgramme.load(id),
          plans.find((p) => p.inForce)?.row.version ?? null,
        )
      : [];
  }

  @ResolveField(() => [EntryResult], { description: 'What the applicant supplied for entry criteria.' })
  async entryResults(enrolment: Enrolment, _args: unknown, ctx: GraphQLContext): Promise<EntryResult[]> {
    return (await ctx.loaders.entryResultsOfEnrolment.load(enrolment.id)).map(EntryResult.from);
  }

  @ResolveField(() => [TestReport], { description: 'The reports you may see (confidentiality applied), oldest first.' })
  async testReports(enrolment: Enrolment, _args: unknown, ctx: GraphQLContext): Promise<TestReport[]> {
    return (await ctx.loaders.reportsOfEnrolment.load(enrolment.id)).map(TestReport.from);
  }
}
