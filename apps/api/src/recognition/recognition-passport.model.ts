import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

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
