import { Field, ID, InputType } from '@nestjs/graphql';
import { EnrolmentState } from '@sandbridge/domain';
import { IsEnum, IsOptional } from 'class-validator';
import './enrolment.enums.js';
import { IdOf } from '../graphql/validation.js';

@InputType()
export class EnrolmentFilterInput {
  @Field(() => ID, { nullable: true })
  @IdOf('programme', { optional: true })
  programmeId?: string | null;

  @Field(() => ID, { nullable: true })
  @IdOf('AI system', { optional: true })
  aiSystemId?: string | null;

  @Field(() => EnrolmentState, { nullable: true })
  @IsOptional()
  @IsEnum(EnrolmentState)
  state?: EnrolmentState | null;
}
