import { Field, ID, InputType } from '@nestjs/graphql';
import { Category, CriterionKind, CriterionStatus, Stage } from '@sandbridge/domain';
import './catalogue.enums.js';
import { IdOf, OptionalText } from '../graphql/validation.js';

@InputType()
export class CriterionFilterInput {
  @Field(() => ID, { nullable: true })
  @IdOf('authority', { optional: true })
  authorityId?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(16)
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
  @OptionalText(100)
  key?: string | null;

  @Field(() => String, { nullable: true, description: 'Criteria referencing this clause id.' })
  @OptionalText(100)
  clauseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the key or title, any case.' })
  @OptionalText(200)
  search?: string | null;
}
