import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { RecognitionService } from '@sandbridge/application';
import type { Actor } from '@sandbridge/domain';
import { GraphQLJSON } from 'graphql-scalars';
import { CurrentActor } from '../auth/auth.decorators.js';
import { DateScalar, utcDay } from '../graphql/scalars.js';
import { PassportEntry, RecognitionPassport } from './recognition-passport.model.js';
import { CriterionRecognition, RecognitionStatus } from './recognition-status.model.js';

@Resolver(() => RecognitionStatus)
export class RecognitionResolver {
  constructor(private readonly recognitionService: RecognitionService) {}

  @Query(() => GraphQLJSON, {
    description:
      'The sandbridge/recognition-case@1 document for this system and authority (asOf defaults to today, ' +
      'UTC): replayable with the CLI. It carries only results both the caller and the authority may read ' +
      '(a file cannot carry WITHHELD), so a criterion recognitionStatus shows the caller as WITHHELD ' +
      'appears here as the caller’s own evidence resolves it.',
  })
  async recognitionCase(
    @CurrentActor() actor: Actor,
    @Args('aiSystemId', { type: () => ID }) aiSystemId: string,
    @Args('authorityId', { type: () => ID }) authorityId: string,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: Date | null,
  ): Promise<unknown> {
    return this.recognitionService.buildCase(actor, aiSystemId, authorityId, utcDay(asOf));
  }

  @Query(() => RecognitionStatus, {
    description:
      'Per active criterion of the authority: met locally, recognised through an agreement, or a gap (with ' +
      'the checks) — resolved with the results that authority may read; WITHHELD where the caller may not ' +
      'read the result that decided it.',
  })
  async recognitionStatus(
    @CurrentActor() actor: Actor,
    @Args('aiSystemId', { type: () => ID }) aiSystemId: string,
    @Args('authorityId', { type: () => ID }) authorityId: string,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: Date | null,
  ): Promise<RecognitionStatus> {
    const { asOf: day, resolution } = await this.recognitionService.status(
      actor,
      aiSystemId,
      authorityId,
      utcDay(asOf),
    );
    return Object.assign(new RecognitionStatus(), {
      aiSystemId: resolution.system,
      authorityId: resolution.authority,
      asOf: day,
      criteria: resolution.criteria.map(CriterionRecognition.from),
    });
  }

  @Query(() => RecognitionPassport, {
    description:
      'For every authority of every jurisdiction: criteria met locally, recognised, recognised with ' +
      'conditions, gaps, withheld (decided by a result the caller may not read) — and which tests are ' +
      'still needed where.',
  })
  async recognitionPassport(
    @CurrentActor() actor: Actor,
    @Args('aiSystemId', { type: () => ID }) aiSystemId: string,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: Date | null,
  ): Promise<RecognitionPassport> {
    const passport = await this.recognitionService.passport(actor, aiSystemId, utcDay(asOf));
    return Object.assign(new RecognitionPassport(), {
      aiSystemId,
      asOf: passport.asOf,
      authorities: passport.authorities.map((page) => Object.assign(new PassportEntry(), page)),
    });
  }
}
