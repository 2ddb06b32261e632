import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { EntryDecision, ExitDecision } from '@sandbridge/domain';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import './enrolment.enums.js';

@InputType({ description: 'A lifecycle step on an enrolment, at the version you read.' })
export class EnrolmentActionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an enrolment id' })
  enrolmentId: string;

  @Field(() => Int, { description: 'The `version` you read; a stale one is refused with CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  reasons?: string | null;
}

@InputType()
export class DecideEntryInput extends EnrolmentActionInput {
  @Field(() => EntryDecision)
  @IsEnum(EntryDecision)
  decision: EntryDecision;

  @Field(() => String, { nullable: true, description: 'Required to admit over an unmet mandatory entry criterion.' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  justification?: string | null;
}

@InputType()
export class DecideExitInput extends EnrolmentActionInput {
  @Field(() => ExitDecision)
  @IsEnum(ExitDecision)
  decision: ExitDecision;
}
