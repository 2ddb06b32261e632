import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { StandardService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { AddClauseInput, CreateStandardInput, StandardFilterInput } from './standard.input.js';
import { Clause, Standard, StandardConnection } from './standard.model.js';

@Resolver(() => Standard)
export class StandardResolver {
  constructor(private readonly standardService: StandardService) {}

  @Query(() => StandardConnection, { description: 'Standards and catalogues criteria reference, by code.' })
  async standards(
    @Args() page: PageArgs,
    @Args('filter', { type: () => StandardFilterInput, nullable: true }) filter?: StandardFilterInput,
  ): Promise<StandardConnection> {
    return toConnection(await this.standardService.list(filter ?? {}, page), Standard.from);
  }

  @Query(() => Standard, { nullable: true })
  async standard(@Args('code', { type: () => String }) code: string): Promise<Standard | null> {
    const entity = await this.standardService.findByCode(code);
    return entity && Standard.from(entity);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Standard)
  async createStandard(@CurrentActor() actor: Actor, @Args('input') input: CreateStandardInput): Promise<Standard> {
    return Standard.from(await this.standardService.create(actor, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Clause)
  async addClause(@CurrentActor() actor: Actor, @Args('input') input: AddClauseInput): Promise<Clause> {
    return Clause.from(await this.standardService.addClause(actor, input));
  }
}
