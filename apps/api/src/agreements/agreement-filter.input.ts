import { Field, InputType } from '@nestjs/graphql';
import { AgreementStatus } from '@sandbridge/domain';
import './agreement.enums.js';
import { OptionalText } from '../graphql/validation.js';

@InputType()
export class AgreementFilterInput {
  @Field(() => AgreementStatus, { nullable: true })
  status?: AgreementStatus | null;

  @Field(() => String, { nullable: true, description: 'Agreements this jurisdiction is a party to.' })
  @OptionalText(16)
  party?: string | null;
}
