import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { JURISDICTION_CODE, JURISDICTION_CODE_MESSAGE } from './codes.js';

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

@InputType()
export class OrganisationFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  homeJurisdictionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
