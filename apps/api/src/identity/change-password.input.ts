import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { IsAcceptablePassword } from './password.validator.js';

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @IsString()
  @MaxLength(1000)
  currentPassword: string;

  @Field(() => String, { description: 'At least 12 characters, not only whitespace, not a commonly used password.' })
  @IsAcceptablePassword()
  newPassword: string;
}
