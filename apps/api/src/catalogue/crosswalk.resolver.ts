import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CrosswalkService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { CreateCrosswalkInput, CrosswalkFilterInput, DeleteCrosswalkInput } from './crosswalk.input.js';
import { Crosswalk, CrosswalkConnection } from './crosswalk.model.js';

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
}
