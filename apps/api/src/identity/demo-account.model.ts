import { Field, ObjectType } from '@nestjs/graphql';
import type { DemoAccountListing } from '@sandbridge/application';
import { Role } from '@sandbridge/domain';
import './identity.enums.js';

@ObjectType({
  description:
    'A demo account the sign-in page offers outside production (docs/domain.md#accounts-and-sessions). Its password is the published demo password.',
})
export class DemoAccount {
  @Field(() => String)
  email: string;

  @Field(() => String)
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String, {
    description: 'Whom the account acts for, in words: an authority, an organisation, a jurisdiction.',
  })
  actsFor: string;

  @Field(() => String, { description: 'The demo password (the same for every demo account).' })
  password: string;

  static from(listing: DemoAccountListing): DemoAccount {
    return Object.assign(new DemoAccount(), { ...listing, role: listing.role as Role });
  }
}
