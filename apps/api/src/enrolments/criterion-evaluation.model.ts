import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CriterionOutcome, MetBy } from '@sandbridge/domain';
import { RecognisedResultModel } from '../recognition/recognised-result.model.js';
import '../recognition/recognition.enums.js';
import './enrolment.enums.js';

@ObjectType({ description: 'Where one criterion stands for this enrolment.' })
export class CriterionEvaluationModel {
  @Field(() => Boolean)
  mandatory: boolean;

  @Field(() => CriterionOutcome)
  outcome: CriterionOutcome;

  @Field(() => ID, {
    nullable: true,
    description:
      'The result that decided the outcome: the enrolment’s own (entry or test) result, or the recognised ' +
      'test result when metBy is RECOGNISED_RESULT (null when WITHHELD).',
  })
  resultId: string | null;

  @Field(() => MetBy, { nullable: true, description: 'What made it MET (null when it is not).' })
  metBy: MetBy | null;

  @Field(() => RecognisedResultModel, {
    nullable: true,
    description:
      'When the programme accepts recognised results: the system’s result recognised for this criterion ' +
      'through an agreement in force today, met or not (null when none).',
  })
  recognition: RecognisedResultModel | null;

  criterionId: string;
}
