import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ProgrammeService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { utcDay } from '../graphql/scalars.js';
import { AttachCriterionInput, DetachCriterionInput } from './programme-criterion.input.js';
import { ProgrammeFilterInput } from './programme-filter.input.js';
import { ProgrammeParticipantInput } from './programme-participant.input.js';
import { CreateProgrammeInput, UpdateProgrammeInput } from './programme.input.js';
import { Programme, ProgrammeConnection } from './programme.model.js';
import { StageCriterion } from './stage-criterion.model.js';
import { TransitionProgrammeInput } from './transition-programme.input.js';

/** Programme queries and mutations; its fields are in programme-fields.resolver.ts. */
@Resolver(() => Programme)
export class ProgrammeResolver {
  constructor(private readonly programmeService: ProgrammeService) {}

  @Query(() => ProgrammeConnection, {
    description: 'OPEN, RUNNING and CLOSED programmes; DRAFT ones only for their participants.',
  })
  async programmes(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => ProgrammeFilterInput, nullable: true }) filter?: ProgrammeFilterInput,
  ): Promise<ProgrammeConnection> {
    return toConnection(await this.programmeService.list(actor, filter ?? {}, page), Programme.from);
  }

  @Query(() => Programme, { nullable: true })
  async programme(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Programme | null> {
    const entity = await this.programmeService.findById(actor, id);
    return entity && Programme.from(entity);
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => Programme, { description: 'Creates a DRAFT programme led by your authority.' })
  async createProgramme(@CurrentActor() actor: Actor, @Args('input') input: CreateProgrammeInput): Promise<Programme> {
    return Programme.from(
      await this.programmeService.create(actor, {
        ...input,
        applicationOpens: utcDay(input.applicationOpens),
        applicationCloses: utcDay(input.applicationCloses),
      }),
    );
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => Programme, { description: 'The lead edits a DRAFT or OPEN programme.' })
  async updateProgramme(@CurrentActor() actor: Actor, @Args('input') input: UpdateProgrammeInput): Promise<Programme> {
    return Programme.from(
      await this.programmeService.update(actor, {
        ...input,
        applicationOpens: utcDay(input.applicationOpens),
        applicationCloses: utcDay(input.applicationCloses),
      }),
    );
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => Programme, { description: 'The lead adds an authority (DRAFT or OPEN).' })
  async addProgrammeParticipant(
    @CurrentActor() actor: Actor,
    @Args('input') input: ProgrammeParticipantInput,
  ): Promise<Programme> {
    return Programme.from(await this.programmeService.addParticipant(actor, input.programmeId, input.authorityId));
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => Programme, {
    description: 'The lead removes an authority (DRAFT only) with the criteria it attached.',
  })
  async removeProgrammeParticipant(
    @CurrentActor() actor: Actor,
    @Args('input') input: ProgrammeParticipantInput,
  ): Promise<Programme> {
    return Programme.from(await this.programmeService.removeParticipant(actor, input.programmeId, input.authorityId));
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => StageCriterion, {
    description: 'A participating authority attaches one of its ACTIVE criteria to the stage of that criterion.',
  })
  async attachCriterion(
    @CurrentActor() actor: Actor,
    @Args('input') input: AttachCriterionInput,
  ): Promise<StageCriterion> {
    return StageCriterion.from(await this.programmeService.attachCriterion(actor, input));
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => StageCriterion, {
    description: 'Detaches a criterion (DRAFT or OPEN programmes); returns it as it was.',
  })
  async detachCriterion(
    @CurrentActor() actor: Actor,
    @Args('input') input: DetachCriterionInput,
  ): Promise<StageCriterion> {
    return StageCriterion.from(
      await this.programmeService.detachCriterion(actor, input.programmeId, input.criterionId),
    );
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => Programme, {
    description: 'DRAFT → OPEN → RUNNING → CLOSED, by the lead; anything else is INVALID_TRANSITION.',
  })
  async transitionProgramme(
    @CurrentActor() actor: Actor,
    @Args('input') input: TransitionProgrammeInput,
  ): Promise<Programme> {
    return Programme.from(await this.programmeService.transition(actor, input.id, input.action));
  }
}
