import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { AuthorityEntity } from '@sandbridge/persistence';
import { IsOptional, IsString, MaxLength } from 'class-validator';
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

  /** Resolved through a DataLoader (see AuthorityResolver.jurisdiction). */
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

@InputType()
export class AuthorityFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  jurisdictionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Authorities whose remit includes this sector.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  sector?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or acronym, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
