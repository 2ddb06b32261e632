import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An authority taking part in a programme, with the criteria it assesses.' })
export class ProgrammeParticipant {
  @Field(() => Boolean)
  isLead: boolean;

  authorityId: string;
  programmeId: string;
}
