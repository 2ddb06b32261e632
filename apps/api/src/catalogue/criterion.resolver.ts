import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CriterionService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { CriterionFilterInput } from './criterion-filter.input.js';
import { CreateCriterionInput, CriterionIdInput, UpdateCriterionInput } from './criterion.input.js';
import { Criterion, CriterionConnection } from './criterion.model.js';

@Resolver(() => Criterion)
export class CriterionResolver {
  constructor(private readonly criterionService: CriterionService) {}

  @Query(() => CriterionConnection, {
    description: 'Criteria by key and version; drafts only for their own authority.',
  })
  async criteria(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => CriterionFilterInput, nullable: true }) filter?: CriterionFilterInput,
  ): Promise<CriterionConnection> {
    return toConnection(await this.criterionService.list(actor, filter ?? {}, page), Criterion.from);
  }

  @Query(() => Criterion, { nullable: true })
  async criterion(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Criterion | null> {
    const entity = await this.criterionService.findById(actor, id);
    return entity && Criterion.from(entity);
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => Criterion, { description: 'Creates version 1 of a new criterion, as DRAFT.' })
  async createCriterion(@CurrentActor() actor: Actor, @Args('input') input: CreateCriterionInput): Promise<Criterion> {
    return Criterion.from(await this.criterionService.create(actor, input));
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => Criterion, {
    description: 'Edits a DRAFT version (a published one is refused with INVALID_TRANSITION).',
  })
  async updateCriterion(@CurrentActor() actor: Actor, @Args('input') input: UpdateCriterionInput): Promise<Criterion> {
    return Criterion.from(await this.criterionService.update(actor, input));
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => Criterion, {
    description: 'DRAFT → ACTIVE; the previously active version of the key is retired, unchanged.',
  })
  async publishCriterion(@CurrentActor() actor: Actor, @Args('input') input: CriterionIdInput): Promise<Criterion> {
    return Criterion.from(await this.criterionService.publish(actor, input.id));
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => Criterion, { description: 'Copies the newest version of the key into version n+1, as DRAFT.' })
  async reviseCriterion(@CurrentActor() actor: Actor, @Args('input') input: CriterionIdInput): Promise<Criterion> {
    return Criterion.from(await this.criterionService.revise(actor, input.id));
  }

  @Roles(Role.REGULATOR, Role.ADMIN)
  @Mutation(() => Criterion, { description: 'ACTIVE → RETIRED.' })
  async retireCriterion(@CurrentActor() actor: Actor, @Args('input') input: CriterionIdInput): Promise<Criterion> {
    return Criterion.from(await this.criterionService.retire(actor, input.id));
  }
}
