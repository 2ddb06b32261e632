import { Field, ID, InputType } from '@nestjs/graphql';
import { EnrolmentState } from '@sandbridge/domain';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import './enrolment.enums.js';

@InputType()
export class EnrolmentFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an AI system id' })
  aiSystemId?: string | null;

  @Field(() => EnrolmentState, { nullable: true })
  @IsOptional()
  @IsEnum(EnrolmentState)
  state?: EnrolmentState | null;
}
