import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RecognitionOutcome, type Supplementary } from '@sandbridge/domain';
import { GraphQLJSON } from 'graphql-scalars';
import { RecognitionCheckModel } from './recognition-check.model.js';
import './recognition.enums.js';

@ObjectType({
  description:
    'A result of the same AI system recognised for a programme criterion through an agreement in force ' +
    '(docs/domain.md#recognition). RECOGNISED counts as met; RECOGNISED_WITH_CONDITIONS does not on its own — its ' +
    'supplementary requirements still need testing.',
})
export class RecognisedResultModel {
  @Field(() => RecognitionOutcome, { description: 'RECOGNISED or RECOGNISED_WITH_CONDITIONS.' })
  outcome: RecognitionOutcome;

  @Field(() => ID, { description: 'The test result recognised.' })
  result: string;

  @Field(() => String, { description: 'The jurisdiction it was tested in.' })
  testedIn: string;

  @Field(() => ID)
  agreement: string;

  @Field(() => ID)
  rule: string;

  @Field({ description: 'EQUIVALENCE recognition of a passing result whose value fails the target’s own threshold.' })
  divergent: boolean;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The supplementary requirements (RECOGNISED_WITH_CONDITIONS): null, a string, or { text, criteria }.',
  })
  supplementary: Supplementary;

  @Field(() => [RecognitionCheckModel], { description: 'Every check of the chosen result and rule.' })
  checks: RecognitionCheckModel[];
}
