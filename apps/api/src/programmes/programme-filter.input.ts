import { Field, ID, InputType } from '@nestjs/graphql';
import { ProgrammeStatus } from '@sandbridge/domain';
import './programme.enums.js';
import { IdOf, OptionalText } from '../graphql/validation.js';

@InputType()
export class ProgrammeFilterInput {
  @Field(() => ProgrammeStatus, { nullable: true })
  status?: ProgrammeStatus | null;

  @Field(() => ID, { nullable: true, description: 'Programmes this authority takes part in.' })
  @IdOf('authority', { optional: true })
  participantAuthorityId?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(40)
  sector?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(200)
  search?: string | null;
}
