import { Field, ID, InputType } from '@nestjs/graphql';
import { IdOf } from '../graphql/validation.js';

@InputType()
export class ProgrammeParticipantInput {
  @Field(() => ID)
  @IdOf('programme')
  programmeId: string;

  @Field(() => ID)
  @IdOf('authority')
  authorityId: string;
}
