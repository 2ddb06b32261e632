import { ResolveField, Resolver } from '@nestjs/graphql';
import { SandboxPlanService } from '@sandbridge/application';
import { Criterion } from '../catalogue/criterion.model.js';
import { Enrolment } from '../enrolments/enrolment.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { ReferenceResolver } from '../graphql/reference.resolver.js';
import { Authority } from '../reference/authority.model.js';
import {
  AllowedPlanAction,
  PlanApproval,
  PlanPersonalData,
  PlanRealWorldTesting,
  PlanRequirements,
  PlanTextSection,
  PlanTimeline,
  SandboxPlan,
} from './sandbox-plan.model.js';

// Field resolvers take GraphQL's own signature (parent, args, context): see reference.resolver.ts.

/** The sandbox plan of an enrolment: the version in force, every version, and what the caller may do. */
@Resolver(() => Enrolment)
export class EnrolmentPlanResolver {
  constructor(private readonly plans: SandboxPlanService) {}

  @ResolveField(() => SandboxPlan, {
    nullable: true,
    description: 'The sandbox plan version in force (the latest AGREED), else the newest; null when none was proposed.',
  })
  async plan(enrolment: Enrolment, _args: unknown, ctx: GraphQLContext): Promise<SandboxPlan | null> {
    const versions = await ctx.loaders.plansOfEnrolment.load(enrolment.id);
    const shown = versions.find((v) => v.inForce) ?? versions[0];
    return shown ? SandboxPlan.from(shown) : null;
  }

  @ResolveField(() => [SandboxPlan], { description: 'Every version of the sandbox plan, newest first.' })
  async planVersions(enrolment: Enrolment, _args: unknown, ctx: GraphQLContext): Promise<SandboxPlan[]> {
    return (await ctx.loaders.plansOfEnrolment.load(enrolment.id)).map(SandboxPlan.from);
  }

  @ResolveField(() => [AllowedPlanAction], {
    description: 'What you may do to the sandbox plan now (propose, approve, request changes, extend), and why not.',
  })
  async allowedPlanActions(enrolment: Enrolment, _args: unknown, ctx: GraphQLContext): Promise<AllowedPlanAction[]> {
    const actor = ctx.actor;
    if (!actor) throw new Error('Enrolment.allowedPlanActions resolved without authentication');
    const [entity, tracks, versions] = await Promise.all([
      ctx.loaders.enrolment.load(enrolment.id),
      ctx.loaders.tracksOfEnrolment.load(enrolment.id),
      ctx.loaders.plansOfEnrolment.load(enrolment.id),
    ]);
    if (!entity) return [];
    return this.plans
      .allowedActions(actor, { enrolment: entity, tracks, participants: [] }, versions)
      .map((row) => Object.assign(new AllowedPlanAction(), row));
  }
}

@Resolver(() => SandboxPlan)
export class SandboxPlanFieldsResolver {
  @ResolveField(() => [Authority], {
    description: 'The admitted, unsuspended authorities whose approval a PROPOSED version still needs.',
  })
  async awaitingApprovalFrom(plan: SandboxPlan, _args: unknown, ctx: GraphQLContext): Promise<Authority[]> {
    return Promise.all(plan.awaitingIds.map(async (id) => Authority.from(await ctx.loaders.one('authority', id))));
  }
}

export const SandboxPlanReferencesResolver = ReferenceResolver(SandboxPlan, {
  enrolment: { type: () => Enrolment, loader: 'enrolment', id: (p) => p.enrolmentId },
});

export const PlanApprovalReferencesResolver = ReferenceResolver(PlanApproval, {
  authority: { type: () => Authority, loader: 'authority', id: (a) => a.authorityId },
});

const SECTION_AUTHORITY =
  'The admitting authority the section belongs to (the only reader of a HOME_AUTHORITY section); null: the whole plan’s.';

/** A section's optional `authority`, resolved through the request's loader. */
async function sectionAuthority(
  section: { authorityId: string | null },
  ctx: GraphQLContext,
): Promise<Authority | null> {
  return section.authorityId ? Authority.from(await ctx.loaders.one('authority', section.authorityId)) : null;
}

@Resolver(() => PlanTimeline)
export class PlanTimelineResolver {
  @ResolveField(() => Authority, { nullable: true, description: SECTION_AUTHORITY })
  authority(section: PlanTimeline, _args: unknown, ctx: GraphQLContext) {
    return sectionAuthority(section, ctx);
  }
}

@Resolver(() => PlanTextSection)
export class PlanTextSectionResolver {
  @ResolveField(() => Authority, { nullable: true, description: SECTION_AUTHORITY })
  authority(section: PlanTextSection, _args: unknown, ctx: GraphQLContext) {
    return sectionAuthority(section, ctx);
  }
}

@Resolver(() => PlanRequirements)
export class PlanRequirementsResolver {
  @ResolveField(() => Authority, { nullable: true, description: SECTION_AUTHORITY })
  authority(section: PlanRequirements, _args: unknown, ctx: GraphQLContext) {
    return sectionAuthority(section, ctx);
  }

  @ResolveField(() => [Criterion], { nullable: true, description: 'Null when the section is withheld.' })
  async criteria(section: PlanRequirements, _args: unknown, ctx: GraphQLContext): Promise<Criterion[] | null> {
    if (!section.criterionIds) return null;
    return Promise.all(section.criterionIds.map(async (id) => Criterion.from(await ctx.loaders.one('criterion', id))));
  }
}

@Resolver(() => PlanPersonalData)
export class PlanPersonalDataResolver {
  @ResolveField(() => Authority, { nullable: true, description: SECTION_AUTHORITY })
  authority(section: PlanPersonalData, _args: unknown, ctx: GraphQLContext) {
    return sectionAuthority(section, ctx);
  }

  @ResolveField(() => Authority, {
    nullable: true,
    description: 'The data protection authority involved (null when none, or the section is withheld).',
  })
  async dataProtectionAuthority(section: PlanPersonalData, _args: unknown, ctx: GraphQLContext) {
    return section.dataProtectionAuthorityId
      ? Authority.from(await ctx.loaders.one('authority', section.dataProtectionAuthorityId))
      : null;
  }
}

@Resolver(() => PlanRealWorldTesting)
export class PlanRealWorldTestingResolver {
  @ResolveField(() => Authority, { nullable: true, description: SECTION_AUTHORITY })
  authority(section: PlanRealWorldTesting, _args: unknown, ctx: GraphQLContext) {
    return sectionAuthority(section, ctx);
  }
}
