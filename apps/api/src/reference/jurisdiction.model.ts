import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RegulatoryApproach } from '@sandbridge/domain';
import type { JurisdictionEntity } from '@sandbridge/persistence';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Connection } from '../graphql/connection.model.js';

registerEnumType(RegulatoryApproach, {
  name: 'RegulatoryApproach',
  description: 'How a jurisdiction regulates AI (DESIGN.md §2).',
});

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

@InputType()
export class JurisdictionFilterInput {
  @Field(() => RegulatoryApproach, { nullable: true })
  @IsOptional()
  @IsEnum(RegulatoryApproach)
  approach?: RegulatoryApproach | null;

  @Field(() => String, { nullable: true, description: 'Part of the code or name, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
