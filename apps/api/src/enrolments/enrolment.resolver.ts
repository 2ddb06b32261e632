import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  EnrolmentApplicationService,
  EnrolmentLifecycleService,
  EnrolmentService,
  ExitReportService,
  TestReportService,
  TestReportSubmissionService,
} from '@sandbridge/application';
import { type Actor, renderExitReportMarkdown, Role, Stage } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { Criterion } from '../catalogue/criterion.model.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { utcDay } from '../graphql/scalars.js';
import { Programme } from '../programmes/programme.model.js';
import { Authority } from '../reference/authority.model.js';
import { Organisation } from '../reference/organisation.model.js';
import { AiSystem } from '../systems/ai-system.model.js';
import {
  AllowedTransition,
  CreateEnrolmentInput,
  CriterionEvaluationModel,
  DecideEntryInput,
  DecideExitInput,
  Enrolment,
  EnrolmentActionInput,
  EnrolmentConnection,
  EnrolmentFilterInput,
  EnrolmentTrack,
  EntryResult,
  ReviewTestReportInput,
  SubmitTestReportInput,
  TestReport,
  TestResult,
  UpdateEnrolmentApplicationInput,
} from './enrolment.model.js';
import { CriterionCount, ExitReportModel, FunnelAuthority, ProgrammeFunnelModel } from './exit-report.model.js';

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  constructor(
    private readonly enrolmentService: EnrolmentService,
    private readonly applications: EnrolmentApplicationService,
    private readonly lifecycle: EnrolmentLifecycleService,
    private readonly reportService: TestReportSubmissionService,
    private readonly exitReports: ExitReportService,
  ) {}

  @Query(() => EnrolmentConnection, {
    description: 'Innovators: their own; regulators: submitted ones in their programmes; admins: all.',
  })
  async enrolments(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => EnrolmentFilterInput, nullable: true }) filter?: EnrolmentFilterInput,
  ): Promise<EnrolmentConnection> {
    return toConnection(await this.enrolmentService.list(actor, filter ?? {}, page), Enrolment.from);
  }

  @Query(() => Enrolment, { nullable: true })
  async enrolment(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Enrolment | null> {
    const entity = await this.enrolmentService.findById(actor, id);
    return entity && Enrolment.from(entity);
  }

  @Query(() => ExitReportModel, {
    description: 'Per authority: exit criteria, evidence, outcomes, decisions and reasons — with a Markdown rendering.',
  })
  async exitReport(
    @CurrentActor() actor: Actor,
    @Args('enrolmentId', { type: () => ID }) enrolmentId: string,
  ): Promise<ExitReportModel> {
    const report = await this.exitReports.exitReport(actor, enrolmentId);
    return { ...report, markdown: renderExitReportMarkdown(report) };
  }

  @Roles(Role.ADMIN, Role.REGULATOR, Role.NEGOTIATOR)
  @Query(() => ProgrammeFunnelModel)
  async programmeFunnel(
    @CurrentActor() actor: Actor,
    @Args('programmeId', { type: () => ID }) programmeId: string,
  ): Promise<ProgrammeFunnelModel> {
    const funnel = await this.exitReports.funnel(actor, programmeId);
    return { ...funnel, exitOutcomes: funnel.exitOutcomes.map((o) => ({ state: o.outcome, count: o.count })) };
  }

  @Roles(Role.INNOVATOR)
  @Mutation(() => Enrolment, {
    description: 'Applies an AI system to an OPEN programme (as DRAFT), targeting some of its authorities.',
  })
  async createEnrolment(@CurrentActor() actor: Actor, @Args('input') input: CreateEnrolmentInput): Promise<Enrolment> {
    return Enrolment.from(await this.applications.create(actor, input));
  }

  @Roles(Role.INNOVATOR)
  @Mutation(() => Enrolment, {
    description: 'Changes the targeted authorities or the entry evidence of a DRAFT application.',
  })
  async updateEnrolmentApplication(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateEnrolmentApplicationInput,
  ): Promise<Enrolment> {
    return Enrolment.from(await this.applications.updateApplication(actor, input));
  }

  @Mutation(() => Enrolment, { description: 'DRAFT → SUBMITTED (the innovator).' })
  async submitEnrolment(@CurrentActor() actor: Actor, @Args('input') input: EnrolmentActionInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.submit(actor, input));
  }

  @Mutation(() => Enrolment, { description: 'SUBMITTED → UNDER_REVIEW (a regulator of a targeted authority).' })
  async startReview(@CurrentActor() actor: Actor, @Args('input') input: EnrolmentActionInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.startReview(actor, input));
  }

  @Mutation(() => Enrolment, {
    description: 'Your authority admits or declines its own track; the joint-entry rule then decides the enrolment.',
  })
  async decideEntry(@CurrentActor() actor: Actor, @Args('input') input: DecideEntryInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.decideEntry(actor, input));
  }

  @Mutation(() => Enrolment, { description: 'TESTING → EXIT_REVIEW (the innovator).' })
  async requestExit(@CurrentActor() actor: Actor, @Args('input') input: EnrolmentActionInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.requestExit(actor, input));
  }

  @Mutation(() => Enrolment, { description: 'Your authority decides exit for its own admitted track.' })
  async decideExit(@CurrentActor() actor: Actor, @Args('input') input: DecideExitInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.decideExit(actor, input));
  }

  @Mutation(() => Enrolment, {
    description: 'Your authority suspends its own admitted track (TESTING or EXIT_REVIEW).',
  })
  async suspendTrack(@CurrentActor() actor: Actor, @Args('input') input: EnrolmentActionInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.suspend(actor, input));
  }

  @Mutation(() => Enrolment, { description: 'The suspending authority resumes its track.' })
  async resumeTrack(@CurrentActor() actor: Actor, @Args('input') input: EnrolmentActionInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.resume(actor, input));
  }

  @Mutation(() => Enrolment, { description: 'The innovator withdraws (any state but EXITED, DECLINED, WITHDRAWN).' })
  async withdrawEnrolment(
    @CurrentActor() actor: Actor,
    @Args('input') input: EnrolmentActionInput,
  ): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.withdraw(actor, input));
  }

  @Mutation(() => TestReport, {
    description:
      'Submits a test report in one transaction; a retry with the same idempotency key returns the first report.',
  })
  async submitTestReport(
    @CurrentActor() actor: Actor,
    @Args('input') input: SubmitTestReportInput,
  ): Promise<TestReport> {
    return TestReport.from(
      await this.reportService.submit(actor, {
        ...input,
        periodStart: utcDay(input.periodStart)!,
        periodEnd: utcDay(input.periodEnd)!,
      }),
    );
  }

  @Mutation(() => TestReport, {
    description: 'The authority a report was submitted to accepts or rejects it, with reasons.',
  })
  async reviewTestReport(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReviewTestReportInput,
  ): Promise<TestReport> {
    return TestReport.from(await this.reportService.review(actor, input));
  }

  @ResolveField(() => Programme)
  async programme(@Parent() enrolment: Enrolment, @Context() ctx: GraphQLContext): Promise<Programme> {
    return Programme.from((await ctx.loaders.programme.load(enrolment.programmeId))!);
  }

  @ResolveField(() => AiSystem)
  async aiSystem(@Parent() enrolment: Enrolment, @Context() ctx: GraphQLContext): Promise<AiSystem> {
    return AiSystem.from((await ctx.loaders.aiSystem.load(enrolment.aiSystemId))!);
  }

  @ResolveField(() => Organisation)
  async organisation(@Parent() enrolment: Enrolment, @Context() ctx: GraphQLContext): Promise<Organisation> {
    return Organisation.from((await ctx.loaders.organisation.load(enrolment.organisationId))!);
  }

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
      ctx.loaders.programme.load(enrolment.programmeId),
    ]);
    return entity ? this.enrolmentService.allowedTransitions(actor, entity, tracks, programme!) : [];
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

@Resolver(() => EnrolmentTrack)
export class EnrolmentTrackResolver {
  @ResolveField(() => Authority)
  async authority(@Parent() track: EnrolmentTrack, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(track.authorityId))!);
  }

  @ResolveField(() => Boolean)
  suspended(@Parent() track: EnrolmentTrack): boolean {
    return track.suspendedBy !== null;
  }

  @ResolveField(() => [CriterionEvaluationModel], {
    description:
      'This authority’s entry criteria evaluated against the application (and, when the programme accepts them, results recognised through agreements).',
  })
  async entryEvaluation(
    @Parent() track: EnrolmentTrack,
    @Context() ctx: GraphQLContext,
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
      'This authority’s criteria of a stage (default EXIT) evaluated against the reports not rejected (and, when the programme accepts them, results recognised through agreements).',
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

@Resolver(() => CriterionEvaluationModel)
export class CriterionEvaluationResolver {
  @ResolveField(() => Criterion)
  async criterion(@Parent() evaluation: CriterionEvaluationModel, @Context() ctx: GraphQLContext): Promise<Criterion> {
    return Criterion.from((await ctx.loaders.criterion.load(evaluation.criterionId))!);
  }
}

@Resolver(() => TestReport)
export class TestReportResolver {
  constructor(private readonly reportService: TestReportService) {}

  @Query(() => TestReport, {
    nullable: true,
    description: 'Null when it does not exist or its confidentiality hides it from you.',
  })
  async testReport(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<TestReport | null> {
    const entity = await this.reportService.findById(actor, id);
    return entity && TestReport.from(entity);
  }

  @ResolveField(() => Authority)
  async submittedTo(@Parent() report: TestReport, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(report.submittedTo))!);
  }

  @ResolveField(() => [TestResult], { description: 'In submission order.' })
  async results(@Parent() report: TestReport, @Context() ctx: GraphQLContext): Promise<TestResult[]> {
    return (await ctx.loaders.resultsOfReport.load(report.id)).map(TestResult.fromResult);
  }
}

@Resolver(() => FunnelAuthority)
export class FunnelAuthorityResolver {
  @ResolveField(() => Authority)
  async authority(@Parent() row: FunnelAuthority, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(row.authorityId))!);
  }
}

@Resolver(() => CriterionCount)
export class CriterionCountResolver {
  @ResolveField(() => Criterion)
  async criterion(@Parent() row: CriterionCount, @Context() ctx: GraphQLContext): Promise<Criterion> {
    return Criterion.from((await ctx.loaders.criterion.load(row.criterionId))!);
  }
}

@Resolver(() => EntryResult)
export class EntryResultResolver {
  @ResolveField(() => Criterion, { description: 'The criterion (version) the result is for.' })
  async criterion(@Parent() result: EntryResult, @Context() ctx: GraphQLContext): Promise<Criterion> {
    return Criterion.from((await ctx.loaders.criterion.load(result.criterionId))!);
  }
}

@Resolver(() => TestResult)
export class TestResultResolver {
  @ResolveField(() => Criterion, { description: 'The criterion (version) the result is for.' })
  async criterion(@Parent() result: TestResult, @Context() ctx: GraphQLContext): Promise<Criterion> {
    return Criterion.from((await ctx.loaders.criterion.load(result.criterionId))!);
  }
}
