import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, Matches } from 'class-validator';
import { IdOf, OptionalText } from '../graphql/validation.js';

@InputType({
  description: 'A measured value, an evidence reference with its SHA-256 or a stored evidence file, or an attestation.',
})
export class ResultInput {
  @Field(() => ID)
  @IdOf('criterion')
  criterionId: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number | null;

  @Field(() => String, { nullable: true })
  @OptionalText(1, 500)
  evidenceReference?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 of the evidence content, 64 lower-case hex characters.',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hexadecimal characters' })
  evidenceSha256?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'A stored evidence file of your organisation (docs/domain.md#evidence). evidenceSha256, when given, must be ' +
      'its SHA-256 (absent: the stored one is used); evidenceReference defaults to its title. Evidence that ' +
      'expired before the report’s period ended (an entry result: before the day it is saved) does not satisfy ' +
      'an EVIDENCE criterion.',
  })
  @IdOf('evidence', { optional: true })
  evidenceId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  attested?: boolean | null;
}
