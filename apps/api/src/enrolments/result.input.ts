import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, Matches } from 'class-validator';
import { IdOf, OptionalText } from '../graphql/validation.js';

@InputType({ description: 'A measured value, an evidence reference with its SHA-256, or an attestation.' })
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

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  attested?: boolean | null;
}
