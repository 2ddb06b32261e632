import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { RecognitionService } from '@sandbridge/application';
import type { Actor } from '@sandbridge/domain';
import { GraphQLJSON } from 'graphql-scalars';
import { CurrentActor } from '../auth/auth.decorators.js';
import { DateScalar, utcDay } from '../graphql/scalars.js';
import { RecognitionCaseAnswer } from './recognition-case-answer.model.js';
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

  @Query(() => [RecognitionCaseAnswer], {
    description:
      'A sandbridge/recognition-case@1 document the caller gives (e.g. one recognitionCase exported, edited: ' +
      'a hypothetical case) resolved by the recognition engine as `recognise` replays it — on asOf (default: ' +
      'the case’s own day) and against the platform’s stored agreements instead of the case’s ' +
      '(keepCaseAgreements: the case’s own), those named in asIfSigned as if signed. One answer per query ' +
      'of the case. Reads no recorded system, result or organisation. A case that cannot be read is ' +
      'BAD_USER_INPUT at case.<JSON path> (case.results.0.testedAt); at most 1,000,000 characters.',
  })
  async explainRecognitionCase(
    @Args('case', { type: () => GraphQLJSON }) document: unknown,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: Date | null,
    @Args('asIfSigned', { type: () => [ID], nullable: true }) asIfSigned?: string[] | null,
    @Args('keepCaseAgreements', { nullable: true, defaultValue: false }) keepCaseAgreements?: boolean,
  ): Promise<RecognitionCaseAnswer[]> {
    const result = await this.recognitionService.explainCase(document, {
      asOf: utcDay(asOf),
      asIfSigned,
      keepCaseAgreements,
    });
    return result.resolutions.map((q) => RecognitionCaseAnswer.from(result.asOf, q));
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
