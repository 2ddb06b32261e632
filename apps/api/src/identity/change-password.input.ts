import { Field, InputType } from '@nestjs/graphql';
import { IsAcceptablePassword } from './password.validator.js';
import { RequiredText } from '../graphql/validation.js';

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @RequiredText(1000)
  currentPassword: string;

  @Field(() => String, { description: 'At least 12 characters, not only whitespace, not a commonly used password.' })
  @IsAcceptablePassword()
  newPassword: string;
}
