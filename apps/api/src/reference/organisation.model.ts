import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { OrganisationEntity } from '@sandbridge/persistence';
import { Connection } from '../graphql/connection.model.js';

@ObjectType({ description: 'An innovator company that enrols AI systems.' })
export class Organisation {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  homeJurisdictionCode: string;

  static from(entity: OrganisationEntity): Organisation {
    return Object.assign(new Organisation(), {
      id: entity.id,
      name: entity.name,
      homeJurisdictionCode: entity.homeJurisdictionCode,
    });
  }
}

@ObjectType()
export class OrganisationConnection extends Connection(Organisation) {}
