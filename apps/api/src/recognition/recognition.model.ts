import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CheckName,
  MetBy,
  type RecognitionCheck,
  RecognitionOutcome,
  type ShownCriterionResolution,
  ShownRecognitionOutcome,
  type Supplementary,
} from '@sandbridge/domain';
import { GraphQLJSON } from 'graphql-scalars';

registerEnumType(RecognitionOutcome, {
  name: 'RecognitionOutcome',
  description: 'How a target criterion is met (DESIGN.md §4).',
});
registerEnumType(ShownRecognitionOutcome, {
  name: 'ShownRecognitionOutcome',
  description:
    'A RecognitionOutcome as the reader is shown it: WITHHELD when the reader may not read the result that decided it (a confidential report of another authority), with no result id, agreement, rule, checks or candidates from that result.',
});
registerEnumType(CheckName, {
  name: 'RecognitionCheckName',
  description: 'The checks of DESIGN.md §4, in evaluation order.',
});
registerEnumType(MetBy, {
  name: 'MetBy',
  description:
    'What made a criterion MET: the enrolment’s own result, or a result of the same system recognised through an agreement (programmes with acceptsRecognisedResults).',
});

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

@ObjectType({ description: 'The resolution of one criterion of the target authority (DESIGN.md §8.1).' })
export class CriterionRecognition {
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

  @Field(() => [RecognitionCandidate], { description: 'The results considered, only those the reader may read.' })
  candidates: RecognitionCandidate[];

  static from(r: ShownCriterionResolution): CriterionRecognition {
    return Object.assign(new CriterionRecognition(), {
      criterionId: r.criterion,
      outcome: r.outcome,
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
    });
  }
}

@ObjectType({
  description:
    'A result of the same AI system recognised for a programme criterion through an agreement in force (DESIGN.md §4). RECOGNISED counts as met; RECOGNISED_WITH_CONDITIONS does not on its own — its supplementary requirements still need testing.',
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

/** One authority's page of a system's recognition passport. */
@ObjectType()
export class PassportEntry {
  @Field(() => Int)
  satisfiedLocally: number;

  @Field(() => Int)
  recognised: number;

  @Field(() => Int)
  recognisedWithConditions: number;

  @Field(() => Int, { description: 'Criteria that still need a test for this authority.' })
  gaps: number;

  @Field(() => Int)
  notApplicable: number;

  @Field(() => Int, {
    description:
      'Criteria decided by a result the reader may not read (WITHHELD): counted nowhere else, and not in testsNeeded.',
  })
  withheld: number;

  authorityId: string;
  /** Criterion ids of the gaps and conditional recognitions: what still needs testing there. */
  testsNeededIds: string[];
}

@ObjectType({
  description:
    'For every authority of every jurisdiction: where the system’s results count, and what still needs testing.',
})
export class RecognitionPassport {
  @Field(() => ID)
  aiSystemId: string;

  @Field(() => String, { description: 'The UTC day the passport is computed for.' })
  asOf: string;

  @Field(() => [PassportEntry])
  authorities: PassportEntry[];
}
