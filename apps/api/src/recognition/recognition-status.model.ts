import { Field, ID, ObjectType } from '@nestjs/graphql';
import { type ShownCriterionResolution, ShownRecognitionOutcome } from '@sandbridge/domain';
import { CriterionResolutionFields, RecognitionCandidate, resolutionFields } from './recognition-check.model.js';
import './recognition.enums.js';

@ObjectType({
  description: 'The resolution of one criterion of the target authority (docs/formats.md#recognition-case).',
})
export class CriterionRecognition extends CriterionResolutionFields {
  /** Resolved to a Criterion by field resolver. */
  criterionId: string;

  @Field(() => ShownRecognitionOutcome, {
    description:
      'Resolved with the results the target authority may read; WITHHELD when the reader may not read the one that decided it.',
  })
  outcome: ShownRecognitionOutcome;

  @Field(() => ID, {
    nullable: true,
    description: 'The test result that satisfies or is recognised for it (null when WITHHELD).',
  })
  result: string | null;

  @Field(() => [RecognitionCandidate], { description: 'The results considered, only those the reader may read.' })
  candidates: RecognitionCandidate[];

  static from(r: ShownCriterionResolution): CriterionRecognition {
    return Object.assign(new CriterionRecognition(), {
      criterionId: r.criterion,
      outcome: r.outcome,
      ...resolutionFields(r),
    });
  }
}

@ObjectType({
  description:
    'How an authority’s active criteria are met by a system’s accepted results, locally or through agreements.',
})
export class RecognitionStatus {
  @Field(() => ID)
  aiSystemId: string;

  @Field(() => ID)
  authorityId: string;

  @Field({ description: 'The UTC day the status is computed for.' })
  asOf: string;

  @Field(() => [CriterionRecognition])
  criteria: CriterionRecognition[];
}
