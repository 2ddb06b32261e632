import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { ExitReportService } from '@sandbridge/application';
import { type Actor, renderExitReportMarkdown, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ExitReportModel } from './exit-report.model.js';
import { ProgrammeFunnelModel } from './programme-funnel.model.js';

@Resolver()
export class ExitReportResolver {
  constructor(private readonly exitReports: ExitReportService) {}

  @Query(() => ExitReportModel, {
    description: 'Per authority: exit criteria, evidence, outcomes, decisions and reasons — with a Markdown rendering.',
  })
  async exitReport(
    @CurrentActor() actor: Actor,
    @Args('enrolmentId', { type: () => ID }) enrolmentId: string,
  ): Promise<ExitReportModel> {
    const report = await this.exitReports.exitReport(actor, enrolmentId);
    return {
      ...report,
      // Each authority's section resolves its exit documents by enrolment (exit-document.resolver.ts).
      authorities: report.authorities.map((a) => ({ ...a, enrolmentId: report.enrolmentId })),
      markdown: renderExitReportMarkdown(report),
    };
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
}
