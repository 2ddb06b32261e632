import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ClauseEntity, StandardEntity } from '@sandbridge/persistence';
import { Connection } from '../graphql/connection.model.js';

@ObjectType({ description: 'A clause of a standard; criteria reference clauses by id.' })
export class Clause {
  @Field(() => ID, { description: 'Global clause id, e.g. `ISO42001:A.6.2.4`.' })
  id: string;

  @Field(() => String, { description: 'Reference inside the standard, e.g. `A.6.2.4`.' })
  ref: string;

  @Field(() => String)
  title: string;

  standardId: string;

  static from(entity: ClauseEntity): Clause {
    return Object.assign(new Clause(), {
      id: entity.id,
      ref: entity.ref,
      title: entity.title,
      standardId: entity.standardId,
    });
  }
}

@ObjectType({
  description: 'A standard or requirements catalogue (ISO/IEC 42001, NIST AI RMF, EU AI Act, AI Verify…).',
})
export class Standard {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  publisher: string;

  static from(entity: StandardEntity): Standard {
    return Object.assign(new Standard(), {
      id: entity.id,
      code: entity.code,
      title: entity.title,
      publisher: entity.publisher,
    });
  }
}

@ObjectType()
export class StandardConnection extends Connection(Standard) {}
