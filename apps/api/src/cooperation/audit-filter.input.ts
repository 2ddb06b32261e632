import { Field, ID, InputType } from '@nestjs/graphql';
import { IdOf, OptionalText } from '../graphql/validation.js';

@InputType()
export class AuditFilterInput {
  @Field(() => ID, { nullable: true })
  @IdOf('enrolment', { optional: true })
  enrolmentId?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(64)
  actorAccountId?: string | null;
}
