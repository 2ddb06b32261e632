import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '@sandbridge/domain';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import './identity.enums.js';

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
