import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LoginResult } from '@sandbridge/application';
import { Role } from '@sandbridge/domain';
import type { AccountEntity } from '@sandbridge/persistence';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Connection } from '../graphql/connection.model.js';
import { IsAcceptablePassword } from './password.validator.js';

registerEnumType(Role, {
  name: 'Role',
  description: 'ADMIN runs the platform; the others are bound to one tenant (DESIGN.md §1).',
});

@ObjectType({ description: 'A person who signs in. Never carries the password hash.' })
export class Account {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => Boolean, {
    description: 'A disabled account cannot sign in and its tokens are refused (disableAccount / enableAccount).',
  })
  disabled: boolean;

  @Field(() => Date)
  createdAt: Date;

  authorityId: string | null;
  organisationId: string | null;
  jurisdictionCode: string | null;

  static from(entity: AccountEntity): Account {
    return Object.assign(new Account(), {
      id: entity.id,
      email: entity.email,
      displayName: entity.displayName,
      role: entity.role as Role,
      disabled: entity.disabledAt !== null,
      createdAt: entity.createdAt,
      authorityId: entity.authorityId,
      organisationId: entity.organisationId,
      jurisdictionCode: entity.jurisdictionCode,
    });
  }
}

@ObjectType()
export class AccountConnection extends Connection(Account) {}

@ObjectType()
export class AuthPayload {
  @Field(() => String, {
    description: 'Send it as `Authorization: Bearer <token>` (graphql-ws: connectionParams.authorization).',
  })
  token: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Account)
  account: Account;

  static from(result: LoginResult): AuthPayload {
    return Object.assign(new AuthPayload(), {
      token: result.token,
      expiresAt: result.expiresAt,
      account: Account.from(result.account),
    });
  }
}

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

@InputType()
export class AccountFilterInput {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  // Validated here: a non-uuid would otherwise reach SQL as a uuid and fail there.
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an authority id' })
  authorityId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an organisation id' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  jurisdictionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the e-mail or name, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

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

@InputType({ description: 'The account disableAccount or enableAccount acts on.' })
export class AccountIdInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an account id' })
  id: string;
}

@InputType()
export class RevokeSessionsInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Whose sessions to end; your own when left out (administrators may name any account).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be an account id' })
  accountId?: string | null;
}
