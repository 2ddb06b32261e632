import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '@sandbridge/domain';
import { IsEmail, IsEnum, MaxLength } from 'class-validator';
import './identity.enums.js';
import { IsAcceptablePassword } from './password.validator.js';
import { IdOf, JurisdictionCode, RequiredText } from '../graphql/validation.js';

@InputType()
export class CreateAccountInput {
  @Field(() => String)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @Field(() => String)
  @RequiredText(1, 200)
  displayName: string;

  @Field(() => String, { description: 'At least 12 characters, not only whitespace, not a commonly used password.' })
  @IsAcceptablePassword()
  password: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for REGULATOR, empty otherwise.' })
  @IdOf('authority', { optional: true })
  authorityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required for INNOVATOR, empty otherwise.' })
  @IdOf('organisation', { optional: true })
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for NEGOTIATOR, empty otherwise.' })
  @JurisdictionCode({ optional: true })
  jurisdictionCode?: string | null;
}
