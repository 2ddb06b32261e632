import { ResolveField, Resolver } from '@nestjs/graphql';
import type { EvidenceEntity } from '@sandbridge/persistence';
import { WorkQueueItem } from '../deadlines/work-queue-item.model.js';
import { Enrolment } from '../enrolments/enrolment.model.js';
import { EntryResult, TestResult } from '../enrolments/result.model.js';
import { TestResultPreview } from '../enrolments/test-report-preview.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import {
  PlanPersonalData,
  PlanRealWorldTesting,
  PlanRequirements,
  PlanTextSection,
  PlanTimeline,
} from '../plans/sandbox-plan.model.js';
import { Evidence } from './evidence.model.js';

// The fields that resolve the evidence a result, a plan section or a work-queue item names
// (docs/domain.md#evidence), through the request's `evidence` loader: a page of results costs one
// statement for all their files. Whoever may read the record may read the file it names, so the
// loader checks nothing itself; a withheld section names nothing. Field resolvers take GraphQL's own
// signature (parent, args, context): see reference.resolver.ts.

const RESULT_EVIDENCE = 'The stored evidence file the result names (null for a bare reference, or none).';
const SECTION_EVIDENCE = 'The evidence files the section names (empty when the section is withheld from you).';

async function fileOf(id: string | null, ctx: GraphQLContext): Promise<Evidence | null> {
  const row = id ? await ctx.loaders.evidence.load(id) : null;
  return row ? Evidence.from(row) : null;
}

async function filesOf(section: { evidenceIds: string[] }, ctx: GraphQLContext): Promise<Evidence[]> {
  if (!section.evidenceIds.length) return [];
  return (await ctx.loaders.evidence.loadMany(section.evidenceIds))
    .filter((row): row is EvidenceEntity => !!row && !(row instanceof Error))
    .map(Evidence.from);
}

@Resolver(() => EntryResult)
export class EntryResultEvidenceResolver {
  @ResolveField(() => Evidence, { nullable: true, description: RESULT_EVIDENCE })
  evidence(result: EntryResult, _args: unknown, ctx: GraphQLContext) {
    return fileOf(result.evidenceId, ctx);
  }
}

@Resolver(() => TestResult)
export class TestResultEvidenceResolver {
  @ResolveField(() => Evidence, { nullable: true, description: RESULT_EVIDENCE })
  evidence(result: TestResult, _args: unknown, ctx: GraphQLContext) {
    return fileOf(result.evidenceId, ctx);
  }
}

@Resolver(() => TestResultPreview)
export class TestResultPreviewEvidenceResolver {
  @ResolveField(() => Evidence, { nullable: true, description: RESULT_EVIDENCE })
  evidence(result: TestResultPreview, _args: unknown, ctx: GraphQLContext) {
    return fileOf(result.evidenceId, ctx);
  }
}

@Resolver(() => PlanTimeline)
export class PlanTimelineEvidenceResolver {
  @ResolveField(() => [Evidence], { description: SECTION_EVIDENCE })
  evidence(section: PlanTimeline, _args: unknown, ctx: GraphQLContext) {
    return filesOf(section, ctx);
  }
}

@Resolver(() => PlanTextSection)
export class PlanTextSectionEvidenceResolver {
  @ResolveField(() => [Evidence], { description: SECTION_EVIDENCE })
  evidence(section: PlanTextSection, _args: unknown, ctx: GraphQLContext) {
    return filesOf(section, ctx);
  }
}

@Resolver(() => PlanRequirements)
export class PlanRequirementsEvidenceResolver {
  @ResolveField(() => [Evidence], { description: SECTION_EVIDENCE })
  evidence(section: PlanRequirements, _args: unknown, ctx: GraphQLContext) {
    return filesOf(section, ctx);
  }
}

@Resolver(() => PlanPersonalData)
export class PlanPersonalDataEvidenceResolver {
  @ResolveField(() => [Evidence], { description: SECTION_EVIDENCE })
  evidence(section: PlanPersonalData, _args: unknown, ctx: GraphQLContext) {
    return filesOf(section, ctx);
  }
}

@Resolver(() => PlanRealWorldTesting)
export class PlanRealWorldTestingEvidenceResolver {
  @ResolveField(() => [Evidence], { description: SECTION_EVIDENCE })
  evidence(section: PlanRealWorldTesting, _args: unknown, ctx: GraphQLContext) {
    return filesOf(section, ctx);
  }
}

@Resolver(() => WorkQueueItem)
export class WorkQueueItemEvidenceResolver {
  @ResolveField(() => Evidence, {
    nullable: true,
    description: 'The evidence expiring (EVIDENCE_EXPIRING only): named by a result of a report you may read.',
  })
  evidence(item: WorkQueueItem, _args: unknown, ctx: GraphQLContext) {
    return fileOf(item.evidenceId, ctx);
  }
}

@Resolver(() => Enrolment)
export class EnrolmentExpiringEvidenceResolver {
  @ResolveField(() => [Evidence], {
    description:
      'Evidence your results, entry results and plan sections name that has expired or expires within 30 days, ' +
      'soonest first: revise it before it stops counting. Only for the enrolling organisation (empty for other ' +
      'readers; regulators see it in their work queue).',
  })
  async expiringEvidence(enrolment: Enrolment, _args: unknown, ctx: GraphQLContext): Promise<Evidence[]> {
    return (await ctx.loaders.expiringEvidenceOfEnrolment.load(enrolment.id)).map(Evidence.from);
  }
}
