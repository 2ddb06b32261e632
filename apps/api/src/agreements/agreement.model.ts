import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AgreementAction,
  agreementActionsFrom,
  AgreementKind,
  AgreementStatus,
  Category,
  RuleEffect,
  RecognitionMode,
  RiskClass,
  Stage,
} from '@sandbridge/domain';
import type { AgreementApprovalEntity, AgreementEntity, AgreementRuleEntity } from '@sandbridge/persistence';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Connection } from '../graphql/connection.model.js';
import { DateScalar } from '../graphql/scalars.js';

registerEnumType(AgreementKind, { name: 'AgreementKind' });
registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'DRAFT → PROPOSED → IN_FORCE (every party approved) ↔ SUSPENDED → TERMINATED.',
});
registerEnumType(RecognitionMode, {
  name: 'RecognitionMode',
  description:
    'CONFORMITY: tested against the target’s requirements; EQUIVALENCE: the origin’s criterion is deemed equivalent.',
});
registerEnumType(RuleEffect, { name: 'RuleEffect' });
registerEnumType(AgreementAction, {
  name: 'AgreementAction',
  description: 'PROPOSE, APPROVE, SUSPEND, RESUME, TERMINATE: one mutation each.',
});

@ObjectType({ description: 'Conditions of an allow rule; null or an empty list = no restriction (DESIGN.md §4).' })
export class RuleConditions {
  @Field(() => Boolean, { nullable: true })
  requireAccreditedLab: boolean | null;

  @Field(() => [String], { nullable: true })
  accreditationBodies: string[] | null;

  @Field(() => Int, { nullable: true })
  maxResultAgeDays: number | null;

  @Field(() => [String], { nullable: true, description: 'Allowed clause or method ids.' })
  acceptedMethods: string[] | null;

  @Field(() => Float, { nullable: true, description: 'null = 0.' })
  minMargin: number | null;
}

@ObjectType({
  description: 'One rule of an agreement: origins whose results the recognising jurisdictions accept, in a scope.',
})
export class AgreementRule {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'A human label; may be empty.' })
  name: string;

  @Field(() => [String], { description: 'Jurisdictions where a result was tested.' })
  origins: string[];

  @Field(() => [String])
  recognising: string[];

  @Field(() => [Category], { description: 'Empty = all.' })
  categories: Category[];

  @Field(() => [Stage], { description: 'Empty = all.' })
  stages: Stage[];

  @Field(() => [String], { description: 'Empty = all.' })
  sectors: string[];

  @Field(() => [RiskClass], { description: 'Empty = all.' })
  riskClasses: RiskClass[];

  @Field(() => [ID], { description: 'Target criterion ids (per version); empty = all.' })
  criteria: string[];

  @Field(() => DateScalar, { nullable: true })
  effectiveFrom: string | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveTo: string | null;

  @Field(() => RecognitionMode, { nullable: true, description: 'null only for EXCLUDE rules.' })
  mode: RecognitionMode | null;

  @Field(() => RuleEffect)
  effect: RuleEffect;

  @Field(() => RuleConditions, { nullable: true })
  conditions: RuleConditions | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'null, a string, or { text, criteria }.' })
  supplementary: unknown;

  static from(e: AgreementRuleEntity): AgreementRule {
    const c = e.conditions as Partial<RuleConditions> | null;
    return Object.assign(new AgreementRule(), {
      id: e.id,
      name: e.name,
      origins: e.origins,
      recognising: e.recognising,
      categories: e.categories,
      stages: e.stages,
      sectors: e.sectors,
      riskClasses: e.riskClasses,
      criteria: e.criteria,
      effectiveFrom: e.effectiveFrom,
      effectiveTo: e.effectiveTo,
      mode: e.mode,
      effect: e.effect,
      conditions:
        c &&
        Object.assign(new RuleConditions(), {
          requireAccreditedLab: c.requireAccreditedLab ?? null,
          accreditationBodies: c.accreditationBodies ?? null,
          maxResultAgeDays: c.maxResultAgeDays ?? null,
          acceptedMethods: c.acceptedMethods ?? null,
          minMargin: c.minMargin ?? null,
        }),
      supplementary: e.supplementary ?? null,
    });
  }
}

@ObjectType({ description: 'A party’s approval of the proposed agreement.' })
export class AgreementApproval {
  @Field(() => String)
  jurisdictionCode: string;

  @Field(() => ID, { description: 'The negotiator’s account.' })
  approvedByAccountId: string;

  @Field(() => Date)
  approvedAt: Date;

  static from(e: AgreementApprovalEntity): AgreementApproval {
    return Object.assign(new AgreementApproval(), {
      jurisdictionCode: e.jurisdictionCode,
      approvedByAccountId: e.approvedBy,
      approvedAt: e.approvedAt,
    });
  }
}

@ObjectType({
  description: 'A recognition agreement between jurisdictions (DESIGN.md §4). Public: every signed-in user reads it.',
})
export class Agreement {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => AgreementKind)
  kind: AgreementKind;

  @Field(() => AgreementStatus)
  status: AgreementStatus;

  @Field(() => [String], { description: 'Jurisdiction codes.' })
  parties: string[];

  @Field(() => DateScalar, { nullable: true, description: 'The window is [effectiveFrom, effectiveTo); null = open.' })
  effectiveFrom: string | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveTo: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => [AgreementAction], {
    description:
      'The status changes this status allows (guards aside: rules to propose, your party not yet approved), so clients never guess.',
  })
  get allowedActions(): AgreementAction[] {
    return agreementActionsFrom(this.status);
  }

  static from(e: AgreementEntity): Agreement {
    return Object.assign(new Agreement(), {
      id: e.id,
      name: e.name,
      kind: e.kind as AgreementKind,
      status: e.status as AgreementStatus,
      parties: e.parties,
      effectiveFrom: e.effectiveFrom,
      effectiveTo: e.effectiveTo,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

@ObjectType()
export class AgreementConnection extends Connection(Agreement) {}

const CODE = 'each must be a jurisdiction code';

@InputType()
export class CreateAgreementInput {
  @Field(() => String)
  @IsString()
  @Length(3, 200)
  name: string;

  @Field(() => AgreementKind)
  @IsEnum(AgreementKind)
  kind: AgreementKind;

  @Field(() => [String], { description: 'Jurisdiction codes; yours among them.' })
  @ArrayMaxSize(50)
  @IsString({ each: true, message: CODE })
  @Length(1, 16, { each: true, message: CODE })
  parties: string[];

  @Field(() => DateScalar, { nullable: true })
  effectiveFrom?: Date | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveTo?: Date | null;
}

@InputType()
export class UpdateAgreementInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an agreement id' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 200)
  name?: string | null;

  @Field(() => AgreementKind, { nullable: true })
  @IsOptional()
  @IsEnum(AgreementKind)
  kind?: AgreementKind | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true, message: CODE })
  @Length(1, 16, { each: true, message: CODE })
  parties?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'null clears it (open).' })
  effectiveFrom?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'null clears it (open).' })
  effectiveTo?: Date | null;
}

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
  @IsOptional()
  @IsString()
  @MaxLength(100)
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
  @IsUUID('all', { message: 'must be an agreement id' })
  agreementId: string;
}

@InputType({ description: 'Replaces every field of the rule.' })
export class UpdateAgreementRuleInput extends RuleFieldsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a rule id' })
  id: string;
}

@InputType()
export class AgreementRuleIdInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a rule id' })
  id: string;
}

@InputType()
export class AgreementIdInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an agreement id' })
  id: string;
}

@InputType()
export class AgreementFilterInput {
  @Field(() => AgreementStatus, { nullable: true })
  status?: AgreementStatus | null;

  @Field(() => String, { nullable: true, description: 'Agreements this jurisdiction is a party to.' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  party?: string | null;
}
