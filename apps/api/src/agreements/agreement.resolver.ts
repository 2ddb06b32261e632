import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgreementService, type RuleFields } from '@sandbridge/application';
import { type Actor, AgreementAction, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { utcDay } from '../graphql/scalars.js';
import { AgreementFilterInput } from './agreement-filter.input.js';
import { AddAgreementRuleInput, AgreementRuleIdInput, UpdateAgreementRuleInput } from './agreement-rule.input.js';
import { AgreementIdInput, CreateAgreementInput, UpdateAgreementInput } from './agreement.input.js';
import { Agreement, AgreementConnection } from './agreement.model.js';

/** GraphQL rule input → the service's rule fields (days as `YYYY-MM-DD`). */
function ruleFields(input: AddAgreementRuleInput | UpdateAgreementRuleInput): RuleFields {
  return {
    ...input,
    effectiveFrom: utcDay(input.effectiveFrom),
    effectiveTo: utcDay(input.effectiveTo),
    conditions: input.conditions ? { ...input.conditions } : null,
  };
}

@Resolver(() => Agreement)
export class AgreementResolver {
  constructor(private readonly agreementService: AgreementService) {}

  @Query(() => AgreementConnection, { description: 'Every agreement (public instruments), by name.' })
  async agreements(
    @Args() page: PageArgs,
    @Args('filter', { type: () => AgreementFilterInput, nullable: true }) filter?: AgreementFilterInput,
  ): Promise<AgreementConnection> {
    return toConnection(await this.agreementService.list(filter ?? {}, page), Agreement.from);
  }

  @Query(() => Agreement, { nullable: true })
  async agreement(@Args('id', { type: () => ID }) id: string): Promise<Agreement | null> {
    const entity = await this.agreementService.findById(id);
    return entity && Agreement.from(entity);
  }

  @Roles(Role.NEGOTIATOR)
  @Mutation(() => Agreement, { description: 'A negotiator drafts an agreement its jurisdiction is party to.' })
  async createAgreement(@CurrentActor() actor: Actor, @Args('input') input: CreateAgreementInput): Promise<Agreement> {
    return Agreement.from(
      await this.agreementService.create(actor, {
        ...input,
        effectiveFrom: utcDay(input.effectiveFrom),
        effectiveTo: utcDay(input.effectiveTo),
      }),
    );
  }

  @Roles(Role.NEGOTIATOR)
  @Mutation(() => Agreement, { description: 'A party’s negotiator edits a DRAFT agreement.' })
  async updateAgreement(@CurrentActor() actor: Actor, @Args('input') input: UpdateAgreementInput): Promise<Agreement> {
    return Agreement.from(
      await this.agreementService.update(actor, {
        ...input,
        effectiveFrom: utcDay(input.effectiveFrom),
        effectiveTo: utcDay(input.effectiveTo),
      }),
    );
  }

  @Roles(Role.NEGOTIATOR)
  @Mutation(() => Agreement, { description: 'Adds a rule to a DRAFT agreement; returns the agreement.' })
  async addAgreementRule(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddAgreementRuleInput,
  ): Promise<Agreement> {
    return Agreement.from(
      await this.agreementService.addRule(actor, { ...ruleFields(input), agreementId: input.agreementId }),
    );
  }

  @Roles(Role.NEGOTIATOR)
  @Mutation(() => Agreement, { description: 'Replaces a rule of a DRAFT agreement; returns the agreement.' })
  async updateAgreementRule(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateAgreementRuleInput,
  ): Promise<Agreement> {
    return Agreement.from(await this.agreementService.updateRule(actor, { ...ruleFields(input), id: input.id }));
  }

  @Roles(Role.NEGOTIATOR)
  @Mutation(() => Agreement, { description: 'Removes a rule of a DRAFT agreement; returns the agreement.' })
  async removeAgreementRule(
    @CurrentActor() actor: Actor,
    @Args('input') input: AgreementRuleIdInput,
  ): Promise<Agreement> {
    return Agreement.from(await this.agreementService.removeRule(actor, input.id));
  }

  @Roles(Role.NEGOTIATOR)
  @Mutation(() => Agreement, { description: 'DRAFT → PROPOSED (needs at least one rule).' })
  async proposeAgreement(@CurrentActor() actor: Actor, @Args('input') input: AgreementIdInput): Promise<Agreement> {
    return Agreement.from(await this.agreementService.transition(actor, input.id, AgreementAction.PROPOSE));
  }

  @Roles(Role.NEGOTIATOR)
  @Mutation(() => Agreement, {
    description: 'Records your party’s approval of a PROPOSED agreement; the last party’s puts it IN_FORCE.',
  })
  async approveAgreement(@CurrentActor() actor: Actor, @Args('input') input: AgreementIdInput): Promise<Agreement> {
    return Agreement.from(await this.agreementService.transition(actor, input.id, AgreementAction.APPROVE));
  }

  @Roles(Role.NEGOTIATOR)
  @Mutation(() => Agreement, { description: 'IN_FORCE → SUSPENDED.' })
  async suspendAgreement(@CurrentActor() actor: Actor, @Args('input') input: AgreementIdInput): Promise<Agreement> {
    return Agreement.from(await this.agreementService.transition(actor, input.id, AgreementAction.SUSPEND));
  }

  @Roles(Role.NEGOTIATOR)
  @Mutation(() => Agreement, { description: 'SUSPENDED → IN_FORCE.' })
  async resumeAgreement(@CurrentActor() actor: Actor, @Args('input') input: AgreementIdInput): Promise<Agreement> {
    return Agreement.from(await this.agreementService.transition(actor, input.id, AgreementAction.RESUME));
  }

  @Roles(Role.NEGOTIATOR)
  @Mutation(() => Agreement, { description: 'IN_FORCE or SUSPENDED → TERMINATED (final).' })
  async terminateAgreement(@CurrentActor() actor: Actor, @Args('input') input: AgreementIdInput): Promise<Agreement> {
    return Agreement.from(await this.agreementService.transition(actor, input.id, AgreementAction.TERMINATE));
  }
}
