import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { TestResult } from './result.model.js';
import { TestReport } from './test-report.model.js';

/** The results of a report (the authority it was submitted to: enrolment-references.resolver.ts). */
@Resolver(() => TestReport)
export class TestReportFieldsResolver {
  // GraphQL's own signature (parent, args, context), no parameter decorators: Nest then hands each
  // method to GraphQL unwrapped instead of running its parameter factories and pipes once per item
  // (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so).
  @ResolveField(() => [TestResult], { description: 'In submission order.' })
  async results(report: TestReport, _args: unknown, ctx: GraphQLContext): Promise<TestResult[]> {
    return (await ctx.loaders.resultsOfReport.load(report.id)).map(TestResult.fromResult);
  }
}
