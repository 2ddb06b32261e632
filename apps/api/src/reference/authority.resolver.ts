import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthorityService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { AuthorityFilterInput, CreateAuthorityInput, UpdateAuthorityInput } from './authority.input.js';
import { Authority, AuthorityConnection } from './authority.model.js';

@Resolver(() => Authority)
export class AuthorityResolver {
  constructor(private readonly authoritiesService: AuthorityService) {}

  @Query(() => AuthorityConnection, { description: 'Authorities by name.' })
  async authorities(
    @Args() page: PageArgs,
    // No `| null` here: TypeScript records `X | null` as Object, and the validation pipe would skip the filter.
    @Args('filter', { type: () => AuthorityFilterInput, nullable: true }) filter?: AuthorityFilterInput,
  ): Promise<AuthorityConnection> {
    return toConnection(await this.authoritiesService.list(filter ?? {}, page), Authority.from);
  }

  @Query(() => Authority, { nullable: true })
  async authority(@Args('id', { type: () => ID }) id: string): Promise<Authority | null> {
    const entity = await this.authoritiesService.findById(id);
    return entity && Authority.from(entity);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Authority)
  async createAuthority(@CurrentActor() actor: Actor, @Args('input') input: CreateAuthorityInput): Promise<Authority> {
    return Authority.from(await this.authoritiesService.create(actor, input));
  }

  @Roles(Role.ADMIN, Role.REGULATOR)
  @Mutation(() => Authority, { description: 'An administrator, or a regulator of this authority.' })
  async updateAuthority(@CurrentActor() actor: Actor, @Args('input') input: UpdateAuthorityInput): Promise<Authority> {
    return Authority.from(await this.authoritiesService.update(actor, input));
  }
}
