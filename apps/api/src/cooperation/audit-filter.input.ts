import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsDate, IsOptional, Matches } from 'class-validator';
import { IdOf, OptionalText } from '../graphql/validation.js';

/** Audit actions and entity types are upper-case codes (`APPROVE_AGREEMENT`, `AGREEMENT`). */
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

@InputType({ description: 'Every field given narrows the list; `from` must not be after `to`.' })
export class AuditFilterInput {
  @Field(() => ID, { nullable: true })
  @IdOf('enrolment', { optional: true })
  enrolmentId?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(64)
  actorAccountId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Entries with any of these actions (`APPROVE_AGREEMENT`…); at most 20.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(CODE, { each: true, message: 'each action must be an upper-case code such as APPROVE_AGREEMENT' })
  actions?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Entries about this kind of entity (`AGREEMENT`, `ENROLMENT`…).',
  })
  @IsOptional()
  @Matches(CODE, { message: 'must be an upper-case code such as AGREEMENT' })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Entries about this entity (its id).' })
  @OptionalText(64)
  entityId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Entries that occurred at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries that occurred before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}
