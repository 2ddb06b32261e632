import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { EvidenceService } from '@sandbridge/application';
import { type Actor, Role, toUtcDay } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { EvidenceFilterInput, ReviseEvidenceInput, UpdateEvidenceMetadataInput } from './evidence.input.js';
import { Evidence, EvidenceConnection } from './evidence.model.js';

@Resolver(() => Evidence)
export class EvidenceResolver {
  constructor(private readonly evidenceService: EvidenceService) {}

  @Query(() => Evidence, {
    description: 'An evidence file you may read (yours, or named by something you may read); NOT_FOUND otherwise.',
  })
  async evidence(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Evidence> {
    return Evidence.from(await this.evidenceService.findReadable(actor, id));
  }

  @Roles(Role.INNOVATOR, Role.REGULATOR)
  @Query(() => EvidenceConnection, {
    description: 'Your organisation’s (innovators) or your authority’s (regulators) evidence, newest first.',
  })
  async evidenceList(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => EvidenceFilterInput, nullable: true }) filter?: EvidenceFilterInput,
  ): Promise<EvidenceConnection> {
    return toConnection(await this.evidenceService.list(actor, filter ?? {}, page), Evidence.from);
  }

  @Roles(Role.INNOVATOR, Role.REGULATOR)
  @Mutation(() => Evidence, { description: 'Changes the title and days of your own evidence (never its bytes).' })
  async updateEvidenceMetadata(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateEvidenceMetadataInput,
  ): Promise<Evidence> {
    return Evidence.from(
      await this.evidenceService.updateMetadata(actor, {
        ...input,
        effectiveDay: input.effectiveDay ? toUtcDay(input.effectiveDay) : null,
        expiryDay: input.expiryDay ? toUtcDay(input.expiryDay) : null,
      }),
    );
  }

  @Roles(Role.INNOVATOR, Role.REGULATOR)
  @Mutation(() => Evidence, {
    description: 'Makes an uploaded file the revision of an earlier one of yours; returns the revision.',
  })
  async reviseEvidence(@CurrentActor() actor: Actor, @Args('input') input: ReviseEvidenceInput): Promise<Evidence> {
    return Evidence.from(await this.evidenceService.revise(actor, input));
  }
}
