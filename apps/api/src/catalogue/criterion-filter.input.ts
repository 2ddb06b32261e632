import { Field, ID, InputType } from '@nestjs/graphql';
import { Category, CriterionKind, CriterionStatus, Stage } from '@sandbridge/domain';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import './catalogue.enums.js';

@InputType()
export class CriterionFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an authority id' })
  authorityId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  jurisdictionCode?: string | null;

  @Field(() => Stage, { nullable: true })
  stage?: Stage | null;

  @Field(() => Category, { nullable: true })
  category?: Category | null;

  @Field(() => CriterionKind, { nullable: true })
  kind?: CriterionKind | null;

  @Field(() => CriterionStatus, { nullable: true })
  status?: CriterionStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  key?: string | null;

  @Field(() => String, { nullable: true, description: 'Criteria referencing this clause id.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  clauseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the key or title, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
