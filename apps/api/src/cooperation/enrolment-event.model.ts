import { Field, ID, ObjectType } from '@nestjs/graphql';
import { EnrolmentEventType } from '@sandbridge/application';
import './cooperation.enums.js';

@ObjectType({ description: 'Something that happened to an enrolment, delivered after it was committed.' })
export class EnrolmentEventModel {
  @Field(() => ID)
  id: string;

  @Field(() => EnrolmentEventType)
  type: EnrolmentEventType;

  @Field(() => String, { description: 'ISO timestamp.' })
  occurredAt: string;

  @Field(() => ID)
  programmeId: string;

  @Field(() => ID)
  enrolmentId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The authority that acted (decisions, incidents reported by a regulator).',
  })
  authorityId: string | null;

  @Field(() => String, { nullable: true })
  action: string | null;

  @Field(() => String, { nullable: true })
  fromState: string | null;

  @Field(() => String, { nullable: true })
  toState: string | null;

  @Field(() => ID, { nullable: true })
  reportId: string | null;

  @Field(() => ID, { nullable: true })
  incidentId: string | null;

  @Field(() => String)
  summary: string;
}
