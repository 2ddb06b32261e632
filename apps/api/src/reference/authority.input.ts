import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { IdOf, JurisdictionCode, OptionalText, RequiredText, SECTOR } from '../graphql/validation.js';

const SECTOR_MESSAGE = 'each sector must be an upper-case word such as FINANCE or HEALTH';

@InputType()
export class CreateAuthorityInput {
  @Field(() => String)
  @JurisdictionCode()
  jurisdictionCode: string;

  @Field(() => String)
  @RequiredText(2, 200)
  name: string;

  @Field(() => String)
  @RequiredText(2, 32)
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
  @IdOf('authority')
  id: string;

  @Field(() => String, { nullable: true })
  @OptionalText(2, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(2, 32)
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
  @OptionalText(16)
  jurisdictionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Authorities whose remit includes this sector.' })
  @OptionalText(40)
  sector?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or acronym, any case.' })
  @OptionalText(200)
  search?: string | null;
}
