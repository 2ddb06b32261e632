import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganisationService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { CreateOrganisationInput, OrganisationFilterInput, UpdateOrganisationInput } from './organisation.input.js';
import { Organisation, OrganisationConnection } from './organisation.model.js';

@Resolver(() => Organisation)
export class OrganisationResolver {
  constructor(private readonly organisationsService: OrganisationService) {}

  @Query(() => OrganisationConnection, { description: 'Organisations by name; an innovator sees only its own.' })
  async organisations(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    // No `| null` here: TypeScript records `X | null` as Object, and the validation pipe would skip the filter.
    @Args('filter', { type: () => OrganisationFilterInput, nullable: true }) filter?: OrganisationFilterInput,
  ): Promise<OrganisationConnection> {
    return toConnection(await this.organisationsService.list(actor, filter ?? {}, page), Organisation.from);
  }

  @Query(() => Organisation, { nullable: true })
  async organisation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Organisation | null> {
    const entity = await this.organisationsService.findById(actor, id);
    return entity && Organisation.from(entity);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Organisation)
  async createOrganisation(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateOrganisationInput,
  ): Promise<Organisation> {
    return Organisation.from(await this.organisationsService.create(actor, input));
  }

  @Roles(Role.ADMIN, Role.INNOVATOR)
  @Mutation(() => Organisation, { description: 'An administrator, or an innovator of this organisation.' })
  async updateOrganisation(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateOrganisationInput,
  ): Promise<Organisation> {
    return Organisation.from(await this.organisationsService.update(actor, input));
  }
}
