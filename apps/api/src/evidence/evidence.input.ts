import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DateScalar } from '../graphql/scalars.js';
import { IdOf, OptionalText } from '../graphql/validation.js';

@InputType('EvidenceFilter')
export class EvidenceFilterInput {
  @Field(() => String, { nullable: true, description: 'In the title or the file name, case-insensitive.' })
  @OptionalText(200)
  search?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Only evidence whose expiry day falls within this many days from today (already expired included).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36500)
  expiringWithinDays?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Also the files a later revision supersedes.' })
  @IsOptional()
  @IsBoolean()
  includeSuperseded?: boolean | null;
}

@InputType()
export class UpdateEvidenceMetadataInput {
  @Field(() => ID)
  @IdOf('evidence')
  id: string;

  @Field(() => String, { nullable: true })
  @OptionalText(1, 300)
  title?: string | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveDay?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Not before effectiveDay.' })
  expiryDay?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Removes the expiry day (the file no longer expires).' })
  @IsOptional()
  @IsBoolean()
  clearExpiry?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The `version` you read; a stale one is a CONFLICT (STALE_VERSION).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}

@InputType()
export class ReviseEvidenceInput {
  @Field(() => ID, { description: 'The earlier evidence.' })
  @IdOf('evidence')
  id: string;

  @Field(() => ID, { description: 'An uploaded evidence of the same owner that revises it.' })
  @IdOf('evidence')
  revisionId: string;
}
