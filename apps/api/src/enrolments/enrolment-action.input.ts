import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { EntryDecision, ExitDecision, SuspensionGround } from '@sandbridge/domain';
import { IsEnum, IsInt, Min } from 'class-validator';
import './enrolment.enums.js';
import { IdOf, OptionalText, RequiredText } from '../graphql/validation.js';

@InputType({ description: 'A lifecycle step on an enrolment, at the version you read.' })
export class EnrolmentActionInput {
  @Field(() => ID)
  @IdOf('enrolment')
  enrolmentId: string;

  @Field(() => Int, { description: 'The `version` you read; a stale one is refused with CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @OptionalText(10000)
  reasons?: string | null;
}

@InputType()
export class DecideEntryInput extends EnrolmentActionInput {
  @Field(() => EntryDecision)
  @IsEnum(EntryDecision)
  decision: EntryDecision;

  @Field(() => String, { nullable: true, description: 'Required to admit over an unmet mandatory entry criterion.' })
  @OptionalText(10000)
  justification?: string | null;
}

@InputType()
export class DecideExitInput extends EnrolmentActionInput {
  @Field(() => ExitDecision)
  @IsEnum(ExitDecision)
  decision: ExitDecision;
}

@InputType({ description: 'A suspension of your own track: its ground and, in words, why.' })
export class SuspendTrackInput extends EnrolmentActionInput {
  @Field(() => SuspensionGround)
  @IsEnum(SuspensionGround)
  ground: SuspensionGround;

  @Field(() => String, { description: 'Required: recorded on the track and in the audit trail.' })
  @RequiredText(1, 10000)
  override reasons: string;
}
