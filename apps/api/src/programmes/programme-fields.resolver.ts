import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ProgrammeService } from '@sandbridge/application';
import { Stage } from '@sandbridge/domain';
import '../catalogue/catalogue.enums.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { ProgrammeParticipant } from './programme-participant.model.js';
import { AllowedProgrammeTransition } from './programme-transition.model.js';
import { Programme } from './programme.model.js';
import { StageCriterion } from './stage-criterion.model.js';

/** The participants and criteria of a programme (its lead authority: programme-references.resolver.ts). */
@Resolver(() => Programme)
export class ProgrammeFieldsResolver {
  // GraphQL's own signature (parent, args, context), no parameter decorators: Nest then hands each
  // method to GraphQL unwrapped instead of running its parameter factories and pipes once per item
  // (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so). A field that takes arguments
  // keeps its decorators: `@Args` is what declares the argument in the schema.
  constructor(private readonly programmeService: ProgrammeService) {}

  @ResolveField(() => [ProgrammeParticipant], { description: 'Participating authorities, the lead first.' })
  async participants(programme: Programme, _args: unknown, ctx: GraphQLContext): Promise<ProgrammeParticipant[]> {
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

  @ResolveField(() => [AllowedProgrammeTransition], {
    description:
      'OPEN, START and CLOSE: whether you may take each now (you lead the programme, its state and guards allow it), and why not.',
  })
  async allowedTransitions(
    programme: Programme,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<AllowedProgrammeTransition[]> {
    // What @CurrentActor() checked: the guard has made sure of a caller before any field is resolved.
    const actor = ctx.actor;
    if (!actor) throw new Error('Programme.allowedTransitions resolved without authentication');
    const [participants, attached] = await Promise.all([
      ctx.loaders.participantsOfProgramme.load(programme.id),
      ctx.loaders.criteriaOfProgramme.load(programme.id),
    ]);
    const authorities = await ctx.loaders.authority.loadMany(participants);
    const names = Object.fromEntries(
      authorities.flatMap((a) => (a && !(a instanceof Error) ? [[a.id, a.acronym] as const] : [])),
    );
    return this.programmeService
      .allowedTransitions(actor, programme, participants, attached, names)
      .map((t) => Object.assign(new AllowedProgrammeTransition(), t));
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
