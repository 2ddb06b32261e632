import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Relation } from '@sandbridge/domain';
import type { CrosswalkEntity } from '@sandbridge/persistence';
import { Connection } from '../graphql/connection.model.js';
import './catalogue.enums.js';

@ObjectType({ description: 'An explicit correspondence from one authority’s criterion to another’s.' })
export class Crosswalk {
  @Field(() => ID)
  id: string;

  @Field(() => Relation)
  relation: Relation;

  @Field(() => String)
  note: string;

  fromCriterionId: string;
  toCriterionId: string;

  static from(e: CrosswalkEntity): Crosswalk {
    return Object.assign(new Crosswalk(), {
      id: e.id,
      relation: e.relation as Relation,
      note: e.note,
      fromCriterionId: e.fromCriterionId,
      toCriterionId: e.toCriterionId,
    });
  }
}

@ObjectType()
export class CrosswalkConnection extends Connection(Crosswalk) {}
