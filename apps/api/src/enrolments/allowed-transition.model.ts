import { Field, ObjectType } from '@nestjs/graphql';
import { EnrolmentAction } from '@sandbridge/domain';
import './enrolment.enums.js';

@ObjectType({ description: 'An action and whether the caller may take it now; when not, why.' })
export class AllowedTransition {
  @Field(() => EnrolmentAction)
  action: EnrolmentAction;

  @Field(() => Boolean)
  allowed: boolean;

  @Field(() => String, { nullable: true, description: 'Why not, in words.' })
  reason: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why not, as a stable token when a client may branch on it (`COHORT_FULL`): the error would carry it as `extensions.reason`.',
  })
  reasonCode: string | null;
}
