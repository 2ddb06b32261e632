import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SandboxPlanService } from '@sandbridge/application';
import type { Actor } from '@sandbridge/domain';
import { CurrentActor } from '../auth/auth.decorators.js';
import { utcDay } from '../graphql/scalars.js';
import {
  ApproveSandboxPlanInput,
  ProposeSandboxPlanInput,
  RequestExtensionInput,
  RequestPlanChangesInput,
} from './sandbox-plan.input.js';
import { SandboxPlan } from './sandbox-plan.model.js';

/** The sandbox plan query and mutations (docs/domain.md#sandbox-plans); its fields are in sandbox-plan-fields.resolver.ts. */
@Resolver(() => SandboxPlan)
export class SandboxPlanResolver {
  constructor(private readonly plans: SandboxPlanService) {}

  @Query(() => SandboxPlan, {
    nullable: true,
    description:
      'The newest version of the enrolment’s sandbox plan (null: none yet, or the enrolment is not yours to see). ' +
      'The version in force is `Enrolment.plan`.',
  })
  async sandboxPlan(
    @CurrentActor() actor: Actor,
    @Args('enrolmentId', { type: () => ID }) enrolmentId: string,
  ): Promise<SandboxPlan | null> {
    const plan = await this.plans.newest(actor, enrolmentId);
    return plan && SandboxPlan.from(plan);
  }

  @Mutation(() => SandboxPlan, {
    description:
      'The innovator proposes a new version (PROPOSED): the first once a track is admitted, or an amendment while the ' +
      'agreed version stays in force; a version still PROPOSED is replaced (SUPERSEDED). Moving the agreed end day ' +
      'later is an extension (refused later than 30 days before it, reason EXTENSION_TOO_LATE).',
  })
  async proposeSandboxPlan(
    @CurrentActor() actor: Actor,
    @Args('input') input: ProposeSandboxPlanInput,
  ): Promise<SandboxPlan> {
    return SandboxPlan.from(
      await this.plans.propose(actor, {
        ...input,
        timeline: {
          ...input.timeline,
          startDay: utcDay(input.timeline.startDay)!,
          endDay: utcDay(input.timeline.endDay)!,
          milestones: input.timeline.milestones?.map((m) => ({ day: utcDay(m.day)!, title: m.title })) ?? null,
        },
      }),
    );
  }

  @Mutation(() => SandboxPlan, {
    description:
      'A regulator of an admitting, unsuspended authority approves a PROPOSED version; once every such authority ' +
      'has, it is AGREED and the version it amends SUPERSEDED.',
  })
  async approveSandboxPlan(
    @CurrentActor() actor: Actor,
    @Args('input') input: ApproveSandboxPlanInput,
  ): Promise<SandboxPlan> {
    return SandboxPlan.from(await this.plans.approve(actor, input));
  }

  @Mutation(() => SandboxPlan, {
    description:
      'A regulator of an admitting, unsuspended authority asks for changes to a PROPOSED version, with its reasons: ' +
      'CHANGES_REQUESTED (the innovator proposes a new version).',
  })
  async requestPlanChanges(
    @CurrentActor() actor: Actor,
    @Args('input') input: RequestPlanChangesInput,
  ): Promise<SandboxPlan> {
    return SandboxPlan.from(await this.plans.requestChanges(actor, input));
  }

  @Mutation(() => SandboxPlan, {
    description:
      'The innovator asks for an extension: a new PROPOSED version copying the one in force with a later end day, ' +
      'approved like any amendment. Refused (INVALID_TRANSITION, reason EXTENSION_TOO_LATE) after the agreed end ' +
      'day − 30 days (UTC).',
  })
  async requestExtension(
    @CurrentActor() actor: Actor,
    @Args('input') input: RequestExtensionInput,
  ): Promise<SandboxPlan> {
    return SandboxPlan.from(await this.plans.requestExtension(actor, { ...input, endDay: utcDay(input.endDay)! }));
  }
}
