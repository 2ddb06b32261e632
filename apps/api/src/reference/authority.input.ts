import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { JURISDICTION_CODE, JURISDICTION_CODE_MESSAGE, SECTOR, SECTOR_MESSAGE } from './codes.js';

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
