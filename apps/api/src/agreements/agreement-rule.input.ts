import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Category, RecognitionMode, RiskClass, RuleEffect, Stage } from '@sandbridge/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import '../catalogue/catalogue.enums.js';
import { DateScalar } from '../graphql/scalars.js';
import './agreement.enums.js';
import { IdOf, OptionalText } from '../graphql/validation.js';

@InputType()
export class RuleConditionsInput {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  requireAccreditedLab?: boolean | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  accreditationBodies?: string[] | null;

  @Field(() => Int, { nullable: true })
  maxResultAgeDays?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  acceptedMethods?: string[] | null;

  @Field(() => Float, { nullable: true })
  minMargin?: number | null;
}

@InputType({ isAbstract: true })
abstract class RuleFieldsInput {
  @Field(() => String, { nullable: true, description: 'A human label.' })
  @OptionalText(100)
  name?: string | null;

  @Field(() => [String])
  @ArrayMaxSize(50)
  origins: string[];

  @Field(() => [String])
  @ArrayMaxSize(50)
  recognising: string[];

  @Field(() => [Category], { nullable: true })
  categories?: Category[] | null;

  @Field(() => [Stage], { nullable: true })
  stages?: Stage[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  sectors?: string[] | null;

  @Field(() => [RiskClass], { nullable: true })
  riskClasses?: RiskClass[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  criteria?: string[] | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveFrom?: Date | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveTo?: Date | null;

  @Field(() => RecognitionMode, { nullable: true, description: 'Required unless the effect is EXCLUDE.' })
  mode?: RecognitionMode | null;

  @Field(() => RuleEffect)
  effect: RuleEffect;

  @Field(() => RuleConditionsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RuleConditionsInput)
  conditions?: RuleConditionsInput | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'RECOGNISE_WITH_CONDITIONS only: null, a string, or { text, criteria }.',
  })
  supplementary?: unknown;
}

@InputType()
export class AddAgreementRuleInput extends RuleFieldsInput {
  @Field(() => ID)
  @IdOf('agreement')
  agreementId: string;
}

@InputType({ description: 'Replaces every field of the rule.' })
export class UpdateAgreementRuleInput extends RuleFieldsInput {
  @Field(() => ID)
  @IdOf('rule')
  id: string;
}

@InputType()
export class AgreementRuleIdInput {
  @Field(() => ID)
  @IdOf('rule')
  id: string;
}
