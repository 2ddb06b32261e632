import { ResolveField, Resolver } from '@nestjs/graphql';
import { type Deadline as DeadlineRow, DeadlineKind } from '@sandbridge/domain';
import { EnrolmentTrack } from '../enrolments/enrolment-track.model.js';
import { Enrolment } from '../enrolments/enrolment.model.js';
import { ExitReportVersion } from '../enrolments/exit-document.model.js';
import { ExitReportAuthorityModel } from '../enrolments/exit-report.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Authority } from '../reference/authority.model.js';
import { Deadline } from './deadline.model.js';

// The deadlines shown on the objects they concern (docs/domain.md#deadlines), each enrolment's read
// once per request through `loaders.deadlinesOfEnrolment`, a page of enrolments together. Field
// resolvers take GraphQL's own signature (parent, args, context), no parameter decorators
// (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so).

/** One track's deadlines (entry decision, exit report issued), most overdue first. */
async function trackDeadlines(ctx: GraphQLContext, enrolmentId: string, authorityId: string): Promise<DeadlineRow[]> {
  const all = await ctx.loaders.deadlinesOfEnrolment.load(enrolmentId);
  return all?.tracks.find((t) => t.authorityId === authorityId)?.deadlines ?? [];
}

async function exitReportDeadline(ctx: GraphQLContext, enrolmentId: string, authorityId: string) {
  const found = (await trackDeadlines(ctx, enrolmentId, authorityId)).find(
    (d) => d.kind === DeadlineKind.EXIT_REPORT_ISSUED,
  );
  return found ? Deadline.from(found) : null;
}

@Resolver(() => Enrolment)
export class EnrolmentDeadlinesResolver {
  @ResolveField(() => [Deadline], {
    description:
      'The enrolment’s own deadlines — the plan agreed, the extension request limit, the end of testing — most overdue first (each track holds its own).',
  })
  async deadlines(enrolment: Enrolment, _args: unknown, ctx: GraphQLContext): Promise<Deadline[]> {
    return ((await ctx.loaders.deadlinesOfEnrolment.load(enrolment.id))?.enrolment ?? []).map(Deadline.from);
  }
}

@Resolver(() => EnrolmentTrack)
export class EnrolmentTrackDeadlinesResolver {
  @ResolveField(() => [Deadline], {
    description: 'This authority’s deadlines on the enrolment — the entry decision, the exit report issued.',
  })
  async deadlines(track: EnrolmentTrack, _args: unknown, ctx: GraphQLContext): Promise<Deadline[]> {
    return (await trackDeadlines(ctx, track.enrolmentId, track.authorityId)).map(Deadline.from);
  }
}

@Resolver(() => ExitReportAuthorityModel)
export class ExitReportAuthorityDeadlineResolver {
  @ResolveField(() => Deadline, {
    nullable: true,
    description: 'When this authority’s exit report is due: 2 months after the exit (null before the enrolment exits).',
  })
  async deadline(a: ExitReportAuthorityModel, _args: unknown, ctx: GraphQLContext): Promise<Deadline | null> {
    if (!a.enrolmentId) throw new Error('ExitReportAuthorityModel resolved without its enrolment');
    return exitReportDeadline(ctx, a.enrolmentId, a.authorityId);
  }
}

@Resolver(() => ExitReportVersion)
export class ExitReportVersionDeadlineResolver {
  @ResolveField(() => Deadline, {
    nullable: true,
    description: 'When the authority’s exit report is due, met by its first issued version (null before the exit).',
  })
  async deadline(r: ExitReportVersion, _args: unknown, ctx: GraphQLContext): Promise<Deadline | null> {
    return exitReportDeadline(ctx, r.enrolmentId, r.authorityId);
  }
}

@Resolver(() => Deadline)
export class DeadlineFieldsResolver {
  @ResolveField(() => Authority, {
    nullable: true,
    description: 'The authority it concerns (null: the enrolment’s own).',
  })
  async authority(d: Deadline, _args: unknown, ctx: GraphQLContext): Promise<Authority | null> {
    return d.authorityId ? Authority.from(await ctx.loaders.one('authority', d.authorityId)) : null;
  }
}
