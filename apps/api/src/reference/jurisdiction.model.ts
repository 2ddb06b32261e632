import { Field, ObjectType } from '@nestjs/graphql';
import { RegulatoryApproach } from '@sandbridge/domain';
import type { JurisdictionEntity } from '@sandbridge/persistence';
import { Connection } from '../graphql/connection.model.js';
import './reference.enums.js';

@ObjectType({ description: 'A legal order whose authorities regulate AI: EU, GB, SG, US-CO, …' })
export class Jurisdiction {
  @Field(() => String, { description: 'Short code, e.g. `EU`, `GB`, `US-CO`.' })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => RegulatoryApproach)
  approach: RegulatoryApproach;

  @Field(() => Date)
  createdAt: Date;

  static from(entity: JurisdictionEntity): Jurisdiction {
    return Object.assign(new Jurisdiction(), {
      code: entity.code,
      name: entity.name,
      approach: entity.approach as RegulatoryApproach,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType()
export class JurisdictionConnection extends Connection(Jurisdiction) {}
