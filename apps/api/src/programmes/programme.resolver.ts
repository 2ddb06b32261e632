import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ProgrammeService } from '@sandbridge/application';
import { type Actor, Role, Stage } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { Criterion } from '../catalogue/criterion.model.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { utcDay } from '../graphql/scalars.js';
import { Authority } from '../reference/authority.model.js';
import {
  AttachCriterionInput,
  CreateProgrammeInput,
  DetachCriterionInput,
  Programme,
  ProgrammeConnection,
  ProgrammeFilterInput,
  ProgrammeParticipant,
  ProgrammeParticipantInput,
  StageCriterion,
  TransitionProgrammeInput,
  UpdateProgrammeInput,
} from './programme.model.js';

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

  @ResolveField(() => Authority)
  async leadAuthority(@Parent() programme: Programme, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(programme.leadAuthorityId))!);
  }

  @ResolveField(() => [ProgrammeParticipant], { description: 'Participating authorities, the lead first.' })
  async participants(@Parent() programme: Programme, @Context() ctx: GraphQLContext): Promise<ProgrammeParticipant[]> {
    const joined = await ctx.loaders.participantsOfProgramme.load(programme.id);
    const ids = [programme.leadAuthorityId, ...joined.filter((id) => id !== programme.leadAuthorityId)];
    return ids.map((authorityId) =>
      Object.assign(new ProgrammeParticipant(), {
        authorityId,
        programmeId: programme.id,
        isLead: authorityId === programme.leadAuthorityId,
      }),
    );
  }

  @ResolveField(() => [StageCriterion], { description: 'Every attached criterion, optionally of one stage.' })
  async criteria(
    @Parent() programme: Programme,
    @Context() ctx: GraphQLContext,
    @Args('stage', { type: () => Stage, nullable: true }) stage?: Stage | null,
  ): Promise<StageCriterion[]> {
    const rows = await ctx.loaders.criteriaOfProgramme.load(programme.id);
    return rows.filter((r) => !stage || r.stage === stage).map(StageCriterion.from);
  }
}

@Resolver(() => ProgrammeParticipant)
export class ProgrammeParticipantResolver {
  @ResolveField(() => Authority)
  async authority(@Parent() participant: ProgrammeParticipant, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(participant.authorityId))!);
  }

  @ResolveField(() => [StageCriterion], {
    description: 'The criteria this authority attached, optionally of one stage.',
  })
  async criteria(
    @Parent() participant: ProgrammeParticipant,
    @Context() ctx: GraphQLContext,
    @Args('stage', { type: () => Stage, nullable: true }) stage?: Stage | null,
  ): Promise<StageCriterion[]> {
    const rows = await ctx.loaders.criteriaOfProgramme.load(participant.programmeId);
    return rows
      .filter((r) => r.authorityId === participant.authorityId && (!stage || r.stage === stage))
      .map(StageCriterion.from);
  }
}

@Resolver(() => StageCriterion)
export class StageCriterionResolver {
  @ResolveField(() => Criterion)
  async criterion(@Parent() attached: StageCriterion, @Context() ctx: GraphQLContext): Promise<Criterion> {
    // Attached criteria are ACTIVE or RETIRED, so every caller may see them.
    return Criterion.from((await ctx.loaders.criterion.load(attached.criterionId))!);
  }

  @ResolveField(() => Authority)
  async authority(@Parent() attached: StageCriterion, @Context() ctx: GraphQLContext): Promise<Authority> {
    return Authority.from((await ctx.loaders.authority.load(attached.authorityId))!);
  }
}
