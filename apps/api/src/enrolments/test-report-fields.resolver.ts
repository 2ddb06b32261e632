import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { TestResult } from './result.model.js';
import { TestReport } from './test-report.model.js';

/** The results of a report (the authority it was submitted to: enrolment-references.resolver.ts). */
@Resolver(() => TestReport)
export class TestReportFieldsResolver {
  @ResolveField(() => [TestResult], { description: 'In submission order.' })
  async results(@Parent() report: TestReport, @Context() ctx: GraphQLContext): Promise<TestResult[]> {
    return (await ctx.loaders.resultsOfReport.load(report.id)).map(TestResult.fromResult);
  }
}
