import { Field, ID, InputType } from '@nestjs/graphql';
import { ProgrammeStatus } from '@sandbridge/domain';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import './programme.enums.js';

@InputType()
export class ProgrammeFilterInput {
  @Field(() => ProgrammeStatus, { nullable: true })
  status?: ProgrammeStatus | null;

  @Field(() => ID, { nullable: true, description: 'Programmes this authority takes part in.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an authority id' })
  participantAuthorityId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  sector?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
