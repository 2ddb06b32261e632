import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CrosswalkService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import {
  CreateCrosswalkInput,
  Criterion,
  Crosswalk,
  CrosswalkConnection,
  CrosswalkFilterInput,
  DeleteCrosswalkInput,
} from './criterion.model.js';

@Resolver(() => Crosswalk)
export class CrosswalkResolver {
  constructor(private readonly crosswalkService: CrosswalkService) {}

  @Query(() => CrosswalkConnection)
  async crosswalks(
    @Args() page: PageArgs,
    @Args('filter', { type: () => CrosswalkFilterInput, nullable: true }) filter?: CrosswalkFilterInput,
  ): Promise<CrosswalkConnection> {
    return toConnection(await this.crosswalkService.list(filter ?? {}, page), Crosswalk.from);
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => Crosswalk, { description: 'A regulator of either authority declares a correspondence.' })
  async createCrosswalk(@CurrentActor() actor: Actor, @Args('input') input: CreateCrosswalkInput): Promise<Crosswalk> {
    return Crosswalk.from(await this.crosswalkService.create(actor, input));
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => Crosswalk, { description: 'Removes a crosswalk; returns it as it was.' })
  async deleteCrosswalk(@CurrentActor() actor: Actor, @Args('input') input: DeleteCrosswalkInput): Promise<Crosswalk> {
    return Crosswalk.from(await this.crosswalkService.delete(actor, input.id));
  }

  @ResolveField(() => Criterion, { nullable: true, description: 'Null when that version is a draft you may not see.' })
  async from(@Parent() crosswalk: Crosswalk, @Context() ctx: GraphQLContext): Promise<Criterion | null> {
    const entity = await ctx.loaders.criterion.load(crosswalk.fromCriterionId);
    return entity && Criterion.from(entity);
  }

  @ResolveField(() => Criterion, { nullable: true, description: 'Null when that version is a draft you may not see.' })
  async to(@Parent() crosswalk: Crosswalk, @Context() ctx: GraphQLContext): Promise<Criterion | null> {
    const entity = await ctx.loaders.criterion.load(crosswalk.toCriterionId);
    return entity && Criterion.from(entity);
  }
}
