import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { ResultInput } from './result.input.js';
import { IdOf } from '../graphql/validation.js';

@InputType()
export class UpdateEnrolmentApplicationInput {
  @Field(() => ID)
  @IdOf('enrolment')
  enrolmentId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one authority' })
  @ArrayMaxSize(50)
  @IdOf('authority', { each: true })
  targetAuthorityIds?: string[] | null;

  @Field(() => [ResultInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ResultInput)
  entryResults?: ResultInput[] | null;
}
