import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AiSystemService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { AiSystemFilterInput, RegisterAiSystemInput, UpdateAiSystemInput } from './ai-system.input.js';
import { AiSystem, AiSystemConnection } from './ai-system.model.js';

@Resolver(() => AiSystem)
export class AiSystemResolver {
  constructor(private readonly aiSystemService: AiSystemService) {}

  @Roles(Role.INNOVATOR, Role.ADMIN)
  @Query(() => AiSystemConnection, { description: 'Your organisation’s AI systems (administrators: all).' })
  async aiSystems(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => AiSystemFilterInput, nullable: true }) filter?: AiSystemFilterInput,
  ): Promise<AiSystemConnection> {
    return toConnection(await this.aiSystemService.list(actor, filter ?? {}, page), AiSystem.from);
  }

  @Query(() => AiSystem, { nullable: true })
  async aiSystem(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<AiSystem | null> {
    const entity = await this.aiSystemService.findById(actor, id);
    return entity && AiSystem.from(entity);
  }

  @Roles(Role.INNOVATOR, Role.ADMIN)
  @Mutation(() => AiSystem)
  async registerAiSystem(@CurrentActor() actor: Actor, @Args('input') input: RegisterAiSystemInput): Promise<AiSystem> {
    return AiSystem.from(await this.aiSystemService.register(actor, input));
  }

  @Roles(Role.INNOVATOR, Role.ADMIN)
  @Mutation(() => AiSystem)
  async updateAiSystem(@CurrentActor() actor: Actor, @Args('input') input: UpdateAiSystemInput): Promise<AiSystem> {
    return AiSystem.from(await this.aiSystemService.update(actor, input));
  }
}
