import { Field, InputType } from '@nestjs/graphql';
import { RegulatoryApproach } from '@sandbridge/domain';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import './reference.enums.js';
import { JurisdictionCode, OptionalText, RequiredText } from '../graphql/validation.js';

@InputType()
export class CreateJurisdictionInput {
  @Field(() => String, { description: 'Upper-case code: EU, GB, US-CO, …' })
  @JurisdictionCode()
  code: string;

  @Field(() => String)
  @RequiredText(2, 200)
  name: string;

  @Field(() => RegulatoryApproach)
  @IsEnum(RegulatoryApproach)
  approach: RegulatoryApproach;
}

@InputType()
export class UpdateJurisdictionInput {
  @Field(() => String)
  @IsString()
  code: string;

  @Field(() => String, { nullable: true })
  @OptionalText(2, 200)
  name?: string | null;

  @Field(() => RegulatoryApproach, { nullable: true })
  @IsOptional()
  @IsEnum(RegulatoryApproach)
  approach?: RegulatoryApproach | null;
}

@InputType()
export class JurisdictionFilterInput {
  @Field(() => RegulatoryApproach, { nullable: true })
  @IsOptional()
  @IsEnum(RegulatoryApproach)
  approach?: RegulatoryApproach | null;

  @Field(() => String, { nullable: true, description: 'Part of the code or name, any case.' })
  @OptionalText(200)
  search?: string | null;
}
