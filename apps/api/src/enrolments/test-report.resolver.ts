import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { TestReportService, TestReportSubmissionService } from '@sandbridge/application';
import type { Actor } from '@sandbridge/domain';
import { CurrentActor } from '../auth/auth.decorators.js';
import { utcDay } from '../graphql/scalars.js';
import { ReviewTestReportInput } from './review-test-report.input.js';
import { PreviewTestReportInput, SubmitTestReportInput } from './submit-test-report.input.js';
import { TestReportPreview } from './test-report-preview.model.js';
import { TestReport } from './test-report.model.js';

/** Test report query and mutations; its fields are in test-report-fields.resolver.ts. */
@Resolver(() => TestReport)
export class TestReportResolver {
  constructor(
    private readonly reportService: TestReportService,
    private readonly submissions: TestReportSubmissionService,
  ) {}

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

  @Query(() => TestReportPreview, {
    description:
      'What submitTestReport would do with this report, saving nothing: the same checks and errors, each ' +
      'result evaluated as submission evaluates it, and each testing track’s criteria now and with the report.',
  })
  async previewTestReport(
    @CurrentActor() actor: Actor,
    @Args('input') input: PreviewTestReportInput,
  ): Promise<TestReportPreview> {
    return TestReportPreview.from(
      await this.submissions.preview(actor, {
        ...input,
        periodStart: utcDay(input.periodStart)!,
        periodEnd: utcDay(input.periodEnd)!,
      }),
    );
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
      await this.submissions.submit(actor, {
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
    return TestReport.from(await this.submissions.review(actor, input));
  }
}
