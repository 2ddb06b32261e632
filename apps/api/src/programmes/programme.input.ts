import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { JointEntryRule } from '@sandbridge/domain';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DateScalar } from '../graphql/scalars.js';
import './programme.enums.js';
import { IdOf, OptionalText, RequiredText, SECTOR } from '../graphql/validation.js';

const SECTOR_MESSAGE = 'each sector must be an upper-case word such as FINANCE';

@InputType({ isAbstract: true })
abstract class ProgrammeFieldsInput {
  @Field(() => String, { nullable: true })
  @OptionalText(10000)
  description?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @Matches(SECTOR, { each: true, message: SECTOR_MESSAGE })
  sectors?: string[] | null;

  @Field(() => DateScalar, { nullable: true })
  applicationOpens?: Date | null;

  @Field(() => DateScalar, { nullable: true })
  applicationCloses?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Count results recognised through agreements in force at entry and exit (default false; null = unchanged on update).',
  })
  @IsOptional()
  @IsBoolean()
  acceptsRecognisedResults?: boolean | null;
}

@InputType()
export class CreateProgrammeInput extends ProgrammeFieldsInput {
  @Field(() => String)
  @RequiredText(3, 200)
  name: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to your own authority (administrators must give one).' })
  @IdOf('authority', { optional: true })
  leadAuthorityId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Other participating authorities.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IdOf('authority', { each: true })
  participantAuthorityIds?: string[] | null;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(3650)
  maxTestingDays: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10000)
  cohortCapacity: number;

  @Field(() => JointEntryRule)
  @IsEnum(JointEntryRule)
  jointEntryRule: JointEntryRule;
}

@InputType()
export class UpdateProgrammeInput extends ProgrammeFieldsInput {
  @Field(() => ID)
  @IdOf('programme')
  id: string;

  @Field(() => String, { nullable: true })
  @OptionalText(3, 200)
  name?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  maxTestingDays?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  cohortCapacity?: number | null;

  @Field(() => JointEntryRule, { nullable: true })
  @IsOptional()
  @IsEnum(JointEntryRule)
  jointEntryRule?: JointEntryRule | null;
}
