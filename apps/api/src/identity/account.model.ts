import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { LoginResult } from '@sandbridge/application';
import { Role } from '@sandbridge/domain';
import type { AccountEntity } from '@sandbridge/persistence';
import { Connection } from '../graphql/connection.model.js';
import './identity.enums.js';

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
