import { Field, ID, InputType } from '@nestjs/graphql';
import { IdOf } from '../graphql/validation.js';

@InputType({ description: 'The account disableAccount or enableAccount acts on.' })
export class AccountIdInput {
  @Field(() => ID)
  @IdOf('account')
  id: string;
}

@InputType()
export class RevokeSessionsInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Whose sessions to end; your own when left out (administrators may name any account).',
  })
  @IdOf('account', { optional: true })
  accountId?: string | null;
}
