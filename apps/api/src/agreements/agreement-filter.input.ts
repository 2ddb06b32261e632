import { Field, InputType } from '@nestjs/graphql';
import { AgreementStatus } from '@sandbridge/domain';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import './agreement.enums.js';

@InputType()
export class AgreementFilterInput {
  @Field(() => AgreementStatus, { nullable: true })
  status?: AgreementStatus | null;

  @Field(() => String, { nullable: true, description: 'Agreements this jurisdiction is a party to.' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  party?: string | null;
}
