import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { EnrolmentApplicationService, EnrolmentLifecycleService, EnrolmentService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { CreateEnrolmentInput } from './create-enrolment.input.js';
import {
  DecideEntryInput,
  DecideExitInput,
  EnrolmentActionInput,
  SuspendTrackInput,
} from './enrolment-action.input.js';
import { EnrolmentFilterInput } from './enrolment-filter.input.js';
import { Enrolment, EnrolmentConnection } from './enrolment.model.js';
import { UpdateEnrolmentApplicationInput } from './update-enrolment-application.input.js';

/** Enrolment queries and the lifecycle mutations; its fields are in enrolment-fields.resolver.ts. */
@Resolver(() => Enrolment)
export class EnrolmentResolver {
  constructor(
    private readonly enrolmentService: EnrolmentService,
    private readonly applications: EnrolmentApplicationService,
    private readonly lifecycle: EnrolmentLifecycleService,
  ) {}

  @Query(() => EnrolmentConnection, {
    description: 'Innovators: their own; regulators: submitted ones in their programmes; admins: all.',
  })
  async enrolments(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Context() ctx: GraphQLContext,
    @Args('filter', { type: () => EnrolmentFilterInput, nullable: true }) filter?: EnrolmentFilterInput,
  ): Promise<EnrolmentConnection> {
    const found = await this.enrolmentService.list(actor, filter ?? {}, page);
    // The page holds exactly what the caller may see: the fields that read an enrolment afresh
    // (allowedTransitions, track evaluations) take these rows instead of reading them again.
    for (const entity of found.items) ctx.loaders.enrolment.prime(entity.id, entity);
    return toConnection(found, Enrolment.from);
  }

  @Query(() => Enrolment, { nullable: true })
  async enrolment(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Enrolment | null> {
    const entity = await this.enrolmentService.findById(actor, id);
    return entity && Enrolment.from(entity);
  }

  @Roles(Role.INNOVATOR)
  @Mutation(() => Enrolment, {
    description: 'Applies an AI system to an OPEN programme (as DRAFT), targeting some of its authorities.',
  })
  async createEnrolment(@CurrentActor() actor: Actor, @Args('input') input: CreateEnrolmentInput): Promise<Enrolment> {
    return Enrolment.from(await this.applications.create(actor, input));
  }

  @Roles(Role.INNOVATOR)
  @Mutation(() => Enrolment, {
    description: 'Changes the targeted authorities or the entry evidence of a DRAFT application.',
  })
  async updateEnrolmentApplication(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateEnrolmentApplicationInput,
  ): Promise<Enrolment> {
    return Enrolment.from(await this.applications.updateApplication(actor, input));
  }

  @Mutation(() => Enrolment, { description: 'DRAFT → SUBMITTED (the innovator).' })
  async submitEnrolment(@CurrentActor() actor: Actor, @Args('input') input: EnrolmentActionInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.submit(actor, input));
  }

  @Mutation(() => Enrolment, { description: 'SUBMITTED → UNDER_REVIEW (a regulator of a targeted authority).' })
  async startReview(@CurrentActor() actor: Actor, @Args('input') input: EnrolmentActionInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.startReview(actor, input));
  }

  @Mutation(() => Enrolment, {
    description: 'Your authority admits or declines its own track; the joint-entry rule then decides the enrolment.',
  })
  async decideEntry(@CurrentActor() actor: Actor, @Args('input') input: DecideEntryInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.decideEntry(actor, input));
  }

  @Mutation(() => Enrolment, { description: 'TESTING → EXIT_REVIEW (the innovator).' })
  async requestExit(@CurrentActor() actor: Actor, @Args('input') input: EnrolmentActionInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.requestExit(actor, input));
  }

  @Mutation(() => Enrolment, { description: 'Your authority decides exit for its own admitted track.' })
  async decideExit(@CurrentActor() actor: Actor, @Args('input') input: DecideExitInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.decideExit(actor, input));
  }

  @Mutation(() => Enrolment, {
    description:
      'Your authority suspends its own admitted track (TESTING or EXIT_REVIEW), on a ground and with reasons.',
  })
  async suspendTrack(@CurrentActor() actor: Actor, @Args('input') input: SuspendTrackInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.suspend(actor, input));
  }

  @Mutation(() => Enrolment, {
    description:
      'The suspending authority resumes its track, whether the enrolment is TESTING, EXIT_REVIEW or SUSPENDED.',
  })
  async resumeTrack(@CurrentActor() actor: Actor, @Args('input') input: EnrolmentActionInput): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.resume(actor, input));
  }

  @Mutation(() => Enrolment, { description: 'The innovator withdraws (any state but EXITED, DECLINED, WITHDRAWN).' })
  async withdrawEnrolment(
    @CurrentActor() actor: Actor,
    @Args('input') input: EnrolmentActionInput,
  ): Promise<Enrolment> {
    return Enrolment.from(await this.lifecycle.withdraw(actor, input));
  }
}
