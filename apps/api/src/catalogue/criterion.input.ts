import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Category, Comparator, CriterionKind, RiskClass, Stage } from '@sandbridge/domain';
import { ArrayMaxSize, IsEnum, IsInt, IsNumber, IsOptional, IsString, Matches, Min } from 'class-validator';
import './catalogue.enums.js';
import { IdOf, OptionalText, RequiredText, SECTOR } from '../graphql/validation.js';

const KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/;

@InputType({ isAbstract: true })
abstract class CriterionFieldsInput {
  @Field(() => String, { nullable: true })
  @OptionalText(5000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'METRIC: the measured quantity, e.g. `accuracy_under_noise`.' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.]{0,99}$/, { message: 'must be a lower-case metric key such as accuracy_under_noise' })
  metricKey?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(1, 50)
  unit?: string | null;

  @Field(() => Comparator, { nullable: true })
  @IsOptional()
  @IsEnum(Comparator)
  comparator?: Comparator | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  threshold?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  thresholdHigh?: number | null;

  @Field(() => String, { nullable: true })
  @OptionalText(2, 200)
  evidenceType?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(2, 2000)
  statement?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @Matches(SECTOR, { each: true, message: 'each sector must be an upper-case word such as FINANCE' })
  sectors?: string[] | null;

  @Field(() => [RiskClass], { nullable: true })
  @IsOptional()
  @IsEnum(RiskClass, { each: true })
  riskClasses?: RiskClass[] | null;

  @Field(() => [String], { nullable: true, description: 'Clause ids, e.g. `ISO42001:A.6.2.4`.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  clauseIds?: string[] | null;
}

@InputType()
export class CreateCriterionInput extends CriterionFieldsInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to your own authority (administrators must give one).' })
  @IdOf('authority', { optional: true })
  authorityId?: string | null;

  @Field(() => String, { description: 'Stable key, e.g. `testing.robustness-noise`.' })
  @Matches(KEY, { message: 'must be lower-case letters, digits, dots, dashes or underscores' })
  key: string;

  @Field(() => String)
  @RequiredText(2, 300)
  title: string;

  @Field(() => Stage)
  @IsEnum(Stage)
  stage: Stage;

  @Field(() => Category)
  @IsEnum(Category)
  category: Category;

  @Field(() => CriterionKind)
  @IsEnum(CriterionKind)
  kind: CriterionKind;
}

@InputType({ description: 'Only a DRAFT version can be edited.' })
export class UpdateCriterionInput extends CriterionFieldsInput {
  @Field(() => ID)
  @IdOf('criterion')
  id: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The `revision` you read: an edit made since (a stale revision) is refused with CONFLICT. Left out, the last edit wins.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number | null;

  @Field(() => String, { nullable: true })
  @OptionalText(2, 300)
  title?: string | null;

  @Field(() => Stage, { nullable: true })
  @IsOptional()
  @IsEnum(Stage)
  stage?: Stage | null;

  @Field(() => Category, { nullable: true })
  @IsOptional()
  @IsEnum(Category)
  category?: Category | null;

  @Field(() => CriterionKind, { nullable: true })
  @IsOptional()
  @IsEnum(CriterionKind)
  kind?: CriterionKind | null;
}

@InputType()
export class CriterionIdInput {
  @Field(() => ID)
  @IdOf('criterion')
  id: string;
}
