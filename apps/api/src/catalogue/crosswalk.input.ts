import { Field, ID, InputType } from '@nestjs/graphql';
import { Relation } from '@sandbridge/domain';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import './catalogue.enums.js';

@InputType()
export class CreateCrosswalkInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a criterion id' })
  fromCriterionId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a criterion id' })
  toCriterionId: string;

  @Field(() => Relation)
  @IsEnum(Relation)
  relation: Relation;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class CrosswalkFilterInput {
  @Field(() => ID, { nullable: true, description: 'Crosswalks with this criterion at either end.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a criterion id' })
  criterionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Crosswalks touching this authority’s criteria.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an authority id' })
  authorityId?: string | null;

  @Field(() => Relation, { nullable: true })
  relation?: Relation | null;
}

@InputType()
export class DeleteCrosswalkInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a crosswalk id' })
  id: string;
}
