import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

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
