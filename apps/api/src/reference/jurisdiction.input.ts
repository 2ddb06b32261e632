import { Field, InputType } from '@nestjs/graphql';
import { RegulatoryApproach } from '@sandbridge/domain';
import { IsEnum, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { JURISDICTION_CODE, JURISDICTION_CODE_MESSAGE } from './codes.js';
import './reference.enums.js';

@InputType()
export class CreateJurisdictionInput {
  @Field(() => String, { description: 'Upper-case code: EU, GB, US-CO, …' })
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  code: string;

  @Field(() => String)
  @IsString()
  @Length(2, 200)
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
  @IsOptional()
  @IsString()
  @Length(2, 200)
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
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
