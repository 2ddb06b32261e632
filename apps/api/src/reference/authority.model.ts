import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AuthorityEntity } from '@sandbridge/persistence';
import { Connection } from '../graphql/connection.model.js';

@ObjectType({ description: 'A regulator of one jurisdiction with a sector remit (e.g. FCA in GB, MAS in SG).' })
export class Authority {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  acronym: string;

  @Field(() => [String], { description: 'Sector remit; empty = cross-sector.' })
  sectors: string[];

  @Field(() => String, { nullable: true })
  website: string | null;

  /** Resolved through a DataLoader (see jurisdiction-references.resolver.ts). */
  jurisdictionCode: string;

  static from(entity: AuthorityEntity): Authority {
    return Object.assign(new Authority(), {
      id: entity.id,
      name: entity.name,
      acronym: entity.acronym,
      sectors: entity.sectors,
      website: entity.website,
      jurisdictionCode: entity.jurisdictionCode,
    });
  }
}

@ObjectType()
export class AuthorityConnection extends Connection(Authority) {}
