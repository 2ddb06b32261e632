import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DeadlineService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { TestReport } from '../enrolments/test-report.model.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { ReferenceResolver } from '../graphql/reference.resolver.js';
import { Enrolment } from '../enrolments/enrolment.model.js';
import { Authority } from '../reference/authority.model.js';
import { WorkQueueItem, WorkQueueItemConnection } from './work-queue-item.model.js';

/** A regulator's work queue (docs/domain.md#the-work-queue). */
@Resolver(() => WorkQueueItem)
export class WorkQueueResolver {
  constructor(private readonly deadlines: DeadlineService) {}

  @Roles(Role.REGULATOR)
  @Query(() => WorkQueueItemConnection, {
    description:
      'What waits for your authority — entry decisions, plans to approve, reports to review, exit decisions, exit ' +
      'reports to issue — most overdue first, then the earliest due; items without a due day last.',
  })
  async workQueue(@CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<WorkQueueItemConnection> {
    return toConnection(await this.deadlines.workQueue(actor, page), WorkQueueItem.from);
  }

  // GraphQL's own signature, no parameter decorators (reference.resolver.ts).
  @ResolveField(() => TestReport, { nullable: true, description: 'The report to review (TEST_REPORT_REVIEW only).' })
  async testReport(item: WorkQueueItem, _args: unknown, ctx: GraphQLContext): Promise<TestReport | null> {
    if (!item.reportId) return null;
    const report = (await ctx.loaders.reportsOfEnrolment.load(item.enrolmentId)).find((r) => r.id === item.reportId);
    return report ? TestReport.from(report) : null;
  }
}

export const WorkQueueItemReferencesResolver = ReferenceResolver(WorkQueueItem, {
  enrolment: { type: () => Enrolment, loader: 'enrolment', id: (w) => w.enrolmentId },
  authority: { type: () => Authority, loader: 'authority', id: (w) => w.authorityId, description: 'Yours.' },
});
