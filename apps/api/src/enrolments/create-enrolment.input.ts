import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, ValidateNested } from 'class-validator';
import { ResultInput } from './result.input.js';
import { IdOf } from '../graphql/validation.js';

@InputType()
export class CreateEnrolmentInput {
  @Field(() => ID)
  @IdOf('programme')
  programmeId: string;

  @Field(() => ID)
  @IdOf('AI system')
  aiSystemId: string;

  @Field(() => [ID], { description: 'The participating authorities you apply to.' })
  @ArrayMinSize(1, { message: 'must name at least one authority' })
  @ArrayMaxSize(50)
  @IdOf('authority', { each: true })
  targetAuthorityIds: string[];

  @Field(() => [ResultInput], { nullable: true, description: 'Evidence, attestations or values for entry criteria.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ResultInput)
  entryResults?: ResultInput[] | null;
}
