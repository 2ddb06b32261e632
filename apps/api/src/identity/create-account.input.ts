import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '@sandbridge/domain';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import './identity.enums.js';
import { IsAcceptablePassword } from './password.validator.js';

@InputType()
export class CreateAccountInput {
  @Field(() => String)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @Field(() => String)
  @IsString()
  @Length(1, 200)
  displayName: string;

  @Field(() => String, { description: 'At least 12 characters, not only whitespace, not a commonly used password.' })
  @IsAcceptablePassword()
  password: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for REGULATOR, empty otherwise.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an authority id' })
  authorityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required for INNOVATOR, empty otherwise.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an organisation id' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for NEGOTIATOR, empty otherwise.' })
  @IsOptional()
  @Matches(/^[A-Z]{2,3}(-[A-Z0-9]{1,3})?$/, { message: 'must be an upper-case code such as EU, GB or US-CO' })
  jurisdictionCode?: string | null;
}
