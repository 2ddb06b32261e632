import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CheckName, type RecognitionCheck } from '@sandbridge/domain';
import './recognition.enums.js';

@ObjectType({ description: 'One explained verdict of the recognition engine.' })
export class RecognitionCheckModel {
  @Field(() => CheckName)
  name: CheckName;

  @Field()
  expected: string;

  @Field()
  actual: string;

  @Field()
  passed: boolean;

  static from(check: RecognitionCheck): RecognitionCheckModel {
    return Object.assign(new RecognitionCheckModel(), check);
  }
}

@ObjectType({ description: 'A result the engine considered for a criterion, with the checks it ran on it.' })
export class RecognitionCandidate {
  @Field(() => ID, { description: 'The test result id.' })
  result: string;

  @Field(() => [RecognitionCheckModel])
  checks: RecognitionCheckModel[];
}
