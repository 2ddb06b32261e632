import { Field, ObjectType } from '@nestjs/graphql';
import { EnrolmentAction } from '@sandbridge/domain';
import './enrolment.enums.js';

@ObjectType({ description: 'An action and whether the caller may take it now; when not, why.' })
export class AllowedTransition {
  @Field(() => EnrolmentAction)
  action: EnrolmentAction;

  @Field(() => Boolean)
  allowed: boolean;

  @Field(() => String, { nullable: true })
  reason: string | null;
}
