import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ResultInput } from './result.input.js';

@InputType()
export class CreateEnrolmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be an AI system id' })
  aiSystemId: string;

  @Field(() => [ID], { description: 'The participating authorities you apply to.' })
  @ArrayMinSize(1, { message: 'must name at least one authority' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each must be an authority id' })
  targetAuthorityIds: string[];

  @Field(() => [ResultInput], { nullable: true, description: 'Evidence, attestations or values for entry criteria.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ResultInput)
  entryResults?: ResultInput[] | null;
}
