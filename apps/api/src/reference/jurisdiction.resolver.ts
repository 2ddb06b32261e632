import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { JurisdictionService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { CreateJurisdictionInput, JurisdictionFilterInput, UpdateJurisdictionInput } from './jurisdiction.input.js';
import { Jurisdiction, JurisdictionConnection } from './jurisdiction.model.js';

@Resolver(() => Jurisdiction)
export class JurisdictionResolver {
  constructor(private readonly jurisdictionsService: JurisdictionService) {}

  @Query(() => JurisdictionConnection, { description: 'Jurisdictions by code.' })
  async jurisdictions(
    @Args() page: PageArgs,
    // No `| null` here: TypeScript records `X | null` as Object, and the validation pipe would skip the filter.
    @Args('filter', { type: () => JurisdictionFilterInput, nullable: true }) filter?: JurisdictionFilterInput,
  ): Promise<JurisdictionConnection> {
    return toConnection(await this.jurisdictionsService.list(filter ?? {}, page), Jurisdiction.from);
  }

  @Query(() => Jurisdiction, { nullable: true })
  async jurisdiction(@Args('code', { type: () => String }) code: string): Promise<Jurisdiction | null> {
    const entity = await this.jurisdictionsService.findByCode(code);
    return entity && Jurisdiction.from(entity);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Jurisdiction)
  async createJurisdiction(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateJurisdictionInput,
  ): Promise<Jurisdiction> {
    return Jurisdiction.from(await this.jurisdictionsService.create(actor, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Jurisdiction)
  async updateJurisdiction(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateJurisdictionInput,
  ): Promise<Jurisdiction> {
    return Jurisdiction.from(await this.jurisdictionsService.update(actor, input));
  }
}
