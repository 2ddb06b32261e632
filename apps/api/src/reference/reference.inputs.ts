import { Field, ID, InputType } from '@nestjs/graphql';
import { RegulatoryApproach } from '@sandbridge/domain';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, MaxLength } from 'class-validator';

const JURISDICTION_CODE = /^[A-Z]{2,3}(-[A-Z0-9]{1,3})?$/;
const JURISDICTION_CODE_MESSAGE = 'must be an upper-case code such as EU, GB or US-CO';
const SECTOR = /^[A-Z][A-Z0-9_]{1,39}$/;
const SECTOR_MESSAGE = 'each sector must be an upper-case word such as FINANCE or HEALTH';

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
export class CreateAuthorityInput {
  @Field(() => String)
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode: string;

  @Field(() => String)
  @IsString()
  @Length(2, 200)
  name: string;

  @Field(() => String)
  @IsString()
  @Length(2, 32)
  acronym: string;

  @Field(() => [String], { nullable: true, description: 'Sector remit (upper-case words); empty = cross-sector.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @Matches(SECTOR, { each: true, message: SECTOR_MESSAGE })
  sectors?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'must be an http(s) URL' })
  website?: string | null;
}

@InputType()
export class UpdateAuthorityInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an authority id' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 32)
  acronym?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @Matches(SECTOR, { each: true, message: SECTOR_MESSAGE })
  sectors?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'must be an http(s) URL' })
  website?: string | null;
}

@InputType()
export class CreateOrganisationInput {
  @Field(() => String)
  @IsString()
  @Length(2, 200)
  name: string;

  @Field(() => String)
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  homeJurisdictionCode: string;
}

@InputType()
export class UpdateOrganisationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an organisation id' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  homeJurisdictionCode?: string | null;
}
