import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '@sandbridge/domain';
import { IsEnum, IsOptional } from 'class-validator';
import './identity.enums.js';
import { IdOf, OptionalText } from '../graphql/validation.js';

@InputType()
export class AccountFilterInput {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  // Validated here: a non-uuid would otherwise reach SQL as a uuid and fail there.
  @Field(() => ID, { nullable: true })
  @IdOf('authority', { optional: true })
  authorityId?: string | null;

  @Field(() => ID, { nullable: true })
  @IdOf('organisation', { optional: true })
  organisationId?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(16)
  jurisdictionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the e-mail or name, any case.' })
  @OptionalText(200)
  search?: string | null;
}
