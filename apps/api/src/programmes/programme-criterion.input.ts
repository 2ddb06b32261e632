import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { IdOf } from '../graphql/validation.js';

@InputType()
export class AttachCriterionInput {
  @Field(() => ID)
  @IdOf('programme')
  programmeId: string;

  @Field(() => ID)
  @IdOf('criterion')
  criterionId: string;

  @Field(() => Boolean, { nullable: true, description: 'Default true.' })
  @IsOptional()
  @IsBoolean()
  mandatory?: boolean | null;
}

@InputType()
export class DetachCriterionInput {
  @Field(() => ID)
  @IdOf('programme')
  programmeId: string;

  @Field(() => ID)
  @IdOf('criterion')
  criterionId: string;
}
