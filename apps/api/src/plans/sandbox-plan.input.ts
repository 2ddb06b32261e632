import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Confidentiality, MAX_SECTION_EVIDENCE } from '@sandbridge/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import '../enrolments/enrolment.enums.js';
import { DateScalar } from '../graphql/scalars.js';
import { IdOf, OptionalText, RequiredText } from '../graphql/validation.js';

/** The marking every section takes. */
@InputType({ isAbstract: true })
abstract class PlanSectionMarkingInput {
  @Field(() => Confidentiality, {
    nullable: true,
    description: 'Who may read it (default PUBLIC: an unmarked section is presumed disclosable).',
  })
  @IsOptional()
  @IsEnum(Confidentiality)
  confidentiality?: Confidentiality | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The admitting authority the section belongs to; required for HOME_AUTHORITY (its only reader).',
  })
  @IdOf('authority', { optional: true })
  authorityId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Stored evidence files of your organisation the section names (at most 20): read by whoever may read the section.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_SECTION_EVIDENCE)
  @IdOf('evidence', { optional: true, each: true })
  evidenceIds?: string[] | null;
}

@InputType()
export class PlanMilestoneInput {
  @Field(() => DateScalar)
  day: Date;

  @Field(() => String)
  @RequiredText(1, 500)
  title: string;
}

@InputType()
export class PlanTimelineInput extends PlanSectionMarkingInput {
  @Field(() => DateScalar)
  startDay: Date;

  @Field(() => DateScalar, { description: 'No later than startDay + the programme’s maximum testing period.' })
  endDay: Date;

  @Field(() => [PlanMilestoneInput], { nullable: true, description: 'Each between startDay and endDay.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlanMilestoneInput)
  milestones?: PlanMilestoneInput[] | null;
}

@InputType()
export class PlanTextInput extends PlanSectionMarkingInput {
  @Field(() => String)
  @RequiredText(1, 20000)
  text: string;
}

@InputType()
export class PlanRequirementsInput extends PlanSectionMarkingInput {
  @Field(() => [ID], {
    nullable: true,
    description:
      'Criteria (versions) of the admitting authorities; must include their attached TESTING and EXIT criteria. ' +
      'Absent or empty: exactly those.',
  })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IdOf('criterion', { optional: true, each: true })
  criterionIds?: string[] | null;
}

@InputType()
export class PlanPersonalDataInput extends PlanSectionMarkingInput {
  @Field(() => Boolean)
  @IsBoolean()
  processed: boolean;

  @Field(() => ID, { nullable: true, description: 'The data protection authority involved; required when processed.' })
  @IdOf('authority', { optional: true })
  dataProtectionAuthorityId?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(1, 20000)
  description?: string | null;
}

@InputType()
export class PlanRealWorldTestingInput extends PlanSectionMarkingInput {
  @Field(() => String)
  @RequiredText(1, 2000)
  location: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  subjects: number;

  @Field(() => String, { description: 'How the subjects’ informed consent is obtained.' })
  @RequiredText(1, 20000)
  informedConsent: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(36500)
  durationDays: number;
}

@InputType({
  description:
    'A whole version of the sandbox plan: the first, an amendment of the version in force, or a replacement of the ' +
    'version still PROPOSED (which is then SUPERSEDED).',
})
export class ProposeSandboxPlanInput {
  @Field(() => ID)
  @IdOf('enrolment')
  enrolmentId: string;

  @Field(() => Int, {
    description: 'The enrolment’s `version` you read: every plan write raises it; a stale one is a CONFLICT.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Why this version: what changed, or why the end day moves.' })
  @OptionalText(1, 10000)
  reasons?: string | null;

  @Field(() => PlanTimelineInput)
  @ValidateNested()
  @Type(() => PlanTimelineInput)
  timeline: PlanTimelineInput;

  @Field(() => PlanTextInput)
  @ValidateNested()
  @Type(() => PlanTextInput)
  objectives: PlanTextInput;

  @Field(() => PlanTextInput)
  @ValidateNested()
  @Type(() => PlanTextInput)
  scope: PlanTextInput;

  @Field(() => PlanRequirementsInput, {
    nullable: true,
    description: 'Absent: the TESTING and EXIT criteria attached for the admitting authorities, PUBLIC.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanRequirementsInput)
  requirements?: PlanRequirementsInput | null;

  @Field(() => PlanPersonalDataInput)
  @ValidateNested()
  @Type(() => PlanPersonalDataInput)
  personalData: PlanPersonalDataInput;

  @Field(() => PlanTextInput)
  @ValidateNested()
  @Type(() => PlanTextInput)
  safeguards: PlanTextInput;

  @Field(() => PlanTextInput)
  @ValidateNested()
  @Type(() => PlanTextInput)
  seriousIncidentProcedure: PlanTextInput;

  @Field(() => PlanRealWorldTestingInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanRealWorldTestingInput)
  realWorldTesting?: PlanRealWorldTestingInput | null;
}

@InputType({ description: 'Your authority approves a PROPOSED version, at the enrolment version you read.' })
export class ApproveSandboxPlanInput {
  @Field(() => ID)
  @IdOf('sandbox plan')
  planId: string;

  @Field(() => Int, { description: 'The enrolment’s `version` you read; a stale one is a CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Optional remarks, recorded with the approval.' })
  @OptionalText(1, 10000)
  reasons?: string | null;
}

@InputType({ description: 'Your authority asks for changes to a PROPOSED version, saying what must change.' })
export class RequestPlanChangesInput {
  @Field(() => ID)
  @IdOf('sandbox plan')
  planId: string;

  @Field(() => String)
  @RequiredText(1, 10000)
  reasons: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The enrolment’s `version` you read; when given, a stale one is a CONFLICT.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}

@InputType({
  description:
    'An amendment of the version in force that moves its end day later, no later than 30 days before that end day.',
})
export class RequestExtensionInput {
  @Field(() => ID)
  @IdOf('enrolment')
  enrolmentId: string;

  @Field(() => DateScalar, {
    description: 'The new end day: later than the agreed one, within the maximum testing period.',
  })
  endDay: Date;

  @Field(() => String)
  @RequiredText(1, 10000)
  reasons: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The enrolment’s `version` you read; when given, a stale one is a CONFLICT.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}
