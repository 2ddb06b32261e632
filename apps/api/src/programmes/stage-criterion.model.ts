import { Field, ObjectType } from '@nestjs/graphql';
import { Stage } from '@sandbridge/domain';
import type { ProgrammeCriterionEntity } from '@sandbridge/persistence';
import '../catalogue/catalogue.enums.js';

@ObjectType({ description: 'A criterion an authority attached to a stage of the programme.' })
export class StageCriterion {
  @Field(() => Stage)
  stage: Stage;

  @Field(() => Boolean, { description: 'Admitting over an unmet mandatory entry criterion needs a justification.' })
  mandatory: boolean;

  criterionId: string;
  authorityId: string;

  static from(e: ProgrammeCriterionEntity): StageCriterion {
    return Object.assign(new StageCriterion(), {
      stage: e.stage as Stage,
      mandatory: e.mandatory,
      criterionId: e.criterionId,
      authorityId: e.authorityId,
    });
  }
}
