import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { PublicRegistryService } from '@sandbridge/application';
import { Public } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import {
  PublicExitReport,
  PublicExitReportConnection,
  PublicProgramme,
  PublicProgrammeConnection,
} from './public-registry.model.js';

/** The public registry: read without signing in (docs/domain.md#public-registry). */
@Resolver()
export class PublicRegistryResolver {
  constructor(private readonly registry: PublicRegistryService) {}

  @Public()
  @Query(() => PublicProgrammeConnection, {
    description:
      'Without signing in: the programmes that are OPEN, RUNNING or CLOSED, by name, with their authorities, ' +
      'criteria (keys and titles) and funnel (counts of 1 to 4 enrolments suppressed).',
  })
  async publicProgrammes(@Args() page: PageArgs): Promise<PublicProgrammeConnection> {
    return toConnection(await this.registry.programmesPage(page), PublicProgramme.from);
  }

  @Public()
  @Query(() => PublicExitReportConnection, {
    description:
      'Without signing in: the published exit reports (issued, consented to by the participant and not withdrawn), ' +
      'oldest first — each the signed public copy, with no confidential section, report or value.',
  })
  async publicExitReports(
    @Args() page: PageArgs,
    @Args('programmeId', { type: () => ID, nullable: true, description: 'Only this programme’s.' })
    programmeId?: string | null,
  ): Promise<PublicExitReportConnection> {
    return toConnection(await this.registry.exitReportsPage({ programmeId }, page), PublicExitReport.from);
  }
}
