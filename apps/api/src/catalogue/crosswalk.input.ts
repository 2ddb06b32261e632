import { Field, ID, InputType } from '@nestjs/graphql';
import { Relation } from '@sandbridge/domain';
import { IsEnum } from 'class-validator';
import './catalogue.enums.js';
import { IdOf, OptionalText } from '../graphql/validation.js';

@InputType()
export class CreateCrosswalkInput {
  @Field(() => ID)
  @IdOf('criterion')
  fromCriterionId: string;

  @Field(() => ID)
  @IdOf('criterion')
  toCriterionId: string;

  @Field(() => Relation)
  @IsEnum(Relation)
  relation: Relation;

  @Field(() => String, { nullable: true })
  @OptionalText(2000)
  note?: string | null;
}

@InputType()
export class CrosswalkFilterInput {
  @Field(() => ID, { nullable: true, description: 'Crosswalks with this criterion at either end.' })
  @IdOf('criterion', { optional: true })
  criterionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Crosswalks touching this authority’s criteria.' })
  @IdOf('authority', { optional: true })
  authorityId?: string | null;

  @Field(() => Relation, { nullable: true })
  relation?: Relation | null;
}

@InputType()
export class DeleteCrosswalkInput {
  @Field(() => ID)
  @IdOf('crosswalk')
  id: string;
}
