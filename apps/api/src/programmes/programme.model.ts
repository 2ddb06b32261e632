import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JointEntryRule, ProgrammeAction, ProgrammeStatus, Stage } from '@sandbridge/domain';
import type { ProgrammeCriterionEntity, ProgrammeEntity } from '@sandbridge/persistence';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Connection } from '../graphql/connection.model.js';
import { DateScalar } from '../graphql/scalars.js';

registerEnumType(JointEntryRule, {
  name: 'JointEntryRule',
  description: 'How the authorities’ entry decisions combine (DESIGN.md §3).',
});
registerEnumType(ProgrammeStatus, { name: 'ProgrammeStatus' });
registerEnumType(ProgrammeAction, {
  name: 'ProgrammeAction',
  description: 'OPEN: DRAFT → OPEN; START: OPEN → RUNNING; CLOSE: RUNNING → CLOSED.',
});

@ObjectType({ description: 'A sandbox programme run jointly by several authorities.' })
export class Programme {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => [String])
  sectors: string[];

  @Field(() => DateScalar, { nullable: true, description: 'First day applications are accepted (UTC).' })
  applicationOpens: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day applications are accepted (UTC).' })
  applicationCloses: string | null;

  @Field(() => Int)
  maxTestingDays: number;

  @Field(() => Int)
  cohortCapacity: number;

  @Field(() => JointEntryRule)
  jointEntryRule: JointEntryRule;

  @Field(() => ProgrammeStatus)
  status: ProgrammeStatus;

  @Field(() => Boolean, {
    description:
      'Entry and exit evaluation also count a criterion as met when a result of the same AI system is RECOGNISED for it through an agreement in force (RECOGNISED_WITH_CONDITIONS is shown, not counted).',
  })
  acceptsRecognisedResults: boolean;

  leadAuthorityId: string;

  static from(e: ProgrammeEntity): Programme {
    return Object.assign(new Programme(), {
      id: e.id,
      name: e.name,
      description: e.description,
      sectors: e.sectors,
      applicationOpens: e.applicationOpens,
      applicationCloses: e.applicationCloses,
      maxTestingDays: e.maxTestingDays,
      cohortCapacity: e.cohortCapacity,
      jointEntryRule: e.jointEntryRule as JointEntryRule,
      status: e.status as ProgrammeStatus,
      acceptsRecognisedResults: e.acceptsRecognisedResults,
      leadAuthorityId: e.leadAuthorityId,
    });
  }
}

@ObjectType()
export class ProgrammeConnection extends Connection(Programme) {}

@ObjectType({ description: 'A criterion an authority attached to a stage of the programme.' })
export class StageCriterion {
  @Field(() => Stage)
  stage: Stage;

  @Field(() => Boolean, { description: 'Admitting over an unmet mandatory entry criterion needs a justification.' })
  mandatory: boolean;

  criterionId: string;
  authorityId: string;

  static from(e: ProgrammeCriterionEntity): StageCriterion {
    return Object.assign(new StageCriterion(), {
      stage: e.stage as Stage,
      mandatory: e.mandatory,
      criterionId: e.criterionId,
      authorityId: e.authorityId,
    });
  }
}

@ObjectType({ description: 'An authority taking part in a programme, with the criteria it assesses.' })
export class ProgrammeParticipant {
  @Field(() => Boolean)
  isLead: boolean;

  authorityId: string;
  programmeId: string;
}

const SECTOR = /^[A-Z][A-Z0-9_]{1,39}$/;
const SECTOR_MESSAGE = 'each sector must be an upper-case word such as FINANCE';

@InputType({ isAbstract: true })
abstract class ProgrammeFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
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
  @IsString()
  @Length(3, 200)
  name: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to your own authority (administrators must give one).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an authority id' })
  leadAuthorityId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Other participating authorities.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each must be an authority id' })
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
  @IsUUID('all', { message: 'must be a programme id' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 200)
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

@InputType()
export class ProgrammeParticipantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be an authority id' })
  authorityId: string;
}

@InputType()
export class AttachCriterionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a criterion id' })
  criterionId: string;

  @Field(() => Boolean, { nullable: true, description: 'Default true.' })
  @IsOptional()
  @IsBoolean()
  mandatory?: boolean | null;
}

@InputType()
export class DetachCriterionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a criterion id' })
  criterionId: string;
}

@InputType()
export class TransitionProgrammeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a programme id' })
  id: string;

  @Field(() => ProgrammeAction)
  @IsEnum(ProgrammeAction)
  action: ProgrammeAction;
}

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
