import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CheckName, type CriterionResolution, type RecognitionCheck, type Supplementary } from '@sandbridge/domain';
import { GraphQLJSON } from 'graphql-scalars';
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

/**
 * The fields a criterion's resolution has alike whether it was resolved on recorded data
 * (CriterionRecognition) or on a case the caller gave (CaseCriterionRecognition); each names its
 * criterion, outcome, result and candidates itself, described for its own reader.
 */
@ObjectType({ isAbstract: true })
export abstract class CriterionResolutionFields {
  @Field(() => ID, { nullable: true })
  agreement: string | null;

  @Field(() => ID, { nullable: true })
  rule: string | null;

  @Field({ description: 'EQUIVALENCE recognition of a passing result whose value fails the target’s own threshold.' })
  divergent: boolean;

  @Field(() => GraphQLJSON, { nullable: true, description: 'null, a string, or { text, criteria }.' })
  supplementary: Supplementary;

  @Field(() => [RecognitionCheckModel])
  checks: RecognitionCheckModel[];
}

/** A resolution's fields but its criterion and outcome, as the models hold them. */
export function resolutionFields(r: Omit<CriterionResolution, 'outcome'>) {
  return {
    result: r.result,
    agreement: r.agreement,
    rule: r.rule,
    divergent: r.divergent,
    supplementary: r.supplementary,
    checks: r.checks.map(RecognitionCheckModel.from),
    candidates: r.candidates.map((c) =>
      Object.assign(new RecognitionCandidate(), {
        result: c.result,
        checks: c.checks.map(RecognitionCheckModel.from),
      }),
    ),
  };
}
