import { Field, ID, ObjectType } from '@nestjs/graphql';
import { type CriterionResolution, type QueryResolution, ShownRecognitionOutcome } from '@sandbridge/domain';
import { CriterionResolutionFields, RecognitionCandidate, resolutionFields } from './recognition-check.model.js';
import './recognition.enums.js';

// explainRecognitionCase's answer: a CriterionRecognition whose ids are the case's own (a hypothetical
// case names criteria, results, agreements that need not be stored), so the criterion stays an id.

@ObjectType({
  description:
    'The resolution of one criterion of a recognition case the caller gave (explainRecognitionCase): ' +
    'the fields of CriterionRecognition, with every id the case’s own.',
})
export class CaseCriterionRecognition extends CriterionResolutionFields {
  @Field(() => ID, { description: 'The case’s criterion id (for a case exported by recognitionCase, the stored one).' })
  criterion: string;

  @Field(() => ShownRecognitionOutcome, { description: 'Never WITHHELD: the case carries only what the caller gave.' })
  outcome: ShownRecognitionOutcome;

  @Field(() => ID, { nullable: true, description: 'The case’s result that satisfies or is recognised for it.' })
  result: string | null;

  @Field(() => [RecognitionCandidate], { description: 'Every result of the case the engine considered.' })
  candidates: RecognitionCandidate[];

  static from(r: CriterionResolution): CaseCriterionRecognition {
    return Object.assign(new CaseCriterionRecognition(), {
      criterion: r.criterion,
      // The engine's outcomes are ShownRecognitionOutcome's without WITHHELD, by the same names.
      outcome: r.outcome as unknown as ShownRecognitionOutcome,
      ...resolutionFields(r),
    });
  }
}

@ObjectType({
  description:
    'The recognition engine’s answer to one query (system, authority) of a recognition case the caller ' +
    'gave, on a day: what RecognitionStatus answers for recorded data, for a hypothetical case.',
})
export class RecognitionCaseAnswer {
  @Field(() => ID, { description: 'The case’s system id.' })
  aiSystemId: string;

  @Field(() => ID, { description: 'The case’s authority id.' })
  authorityId: string;

  @Field({ description: 'The UTC day the case was evaluated on.' })
  asOf: string;

  @Field(() => [CaseCriterionRecognition], {
    description: 'Every criterion of the authority in the case, in the case’s order.',
  })
  criteria: CaseCriterionRecognition[];

  static from(asOf: string, q: QueryResolution): RecognitionCaseAnswer {
    return Object.assign(new RecognitionCaseAnswer(), {
      aiSystemId: q.system,
      authorityId: q.authority,
      asOf,
      criteria: q.criteria.map(CaseCriterionRecognition.from),
    });
  }
}
