import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Criterion } from '../catalogue/criterion.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Programme } from '../programmes/programme.model.js';
import { Authority } from '../reference/authority.model.js';
import { Organisation } from '../reference/organisation.model.js';
import { AiSystem } from '../systems/ai-system.model.js';
import { CriterionEvaluationModel } from './criterion-evaluation.model.js';
import { EnrolmentTrack } from './enrolment-track.model.js';
import { Enrolment } from './enrolment.model.js';
import { CriterionCount, FunnelAuthority } from './programme-funnel.model.js';
import { EntryResult, TestResult } from './result.model.js';
import { TestReport } from './test-report.model.js';

// The fields of the enrolment area's types that resolve a stored id to the object it names.

@Resolver(() => Enrolment)
export class EnrolmentReferencesResolver {
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
}

@Resolver(() => EnrolmentTrack)
export class EnrolmentTrackReferencesResolver {
  @ResolveField(() => Authority)
  async authority(@Parent() track: EnrolmentTrack, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(track.authorityId))!);
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
export class TestReportReferencesResolver {
  @ResolveField(() => Authority)
  async submittedTo(@Parent() report: TestReport, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(report.submittedTo))!);
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
