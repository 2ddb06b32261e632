import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

@InputType()
export class AttachCriterionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a criterion id' })
  criterionId: string;

  @Field(() => Boolean, { nullable: true, description: 'Default true.' })
  @IsOptional()
  @IsBoolean()
  mandatory?: boolean | null;
}

@InputType()
export class DetachCriterionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a criterion id' })
  criterionId: string;
}
