import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Category, RecognitionMode, RiskClass, RuleEffect, Stage } from '@sandbridge/domain';
import type { AgreementRuleEntity } from '@sandbridge/persistence';
import { GraphQLJSON } from 'graphql-scalars';
import '../catalogue/catalogue.enums.js';
import { DateScalar } from '../graphql/scalars.js';
import './agreement.enums.js';

@ObjectType({
  description: 'Conditions of an allow rule; null or an empty list = no restriction (docs/domain.md#recognition).',
})
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
