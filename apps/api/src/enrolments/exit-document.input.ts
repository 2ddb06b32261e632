import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Confidentiality } from '@sandbridge/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import './enrolment.enums.js';
import { IdOf, RequiredText } from '../graphql/validation.js';

@InputType()
export class ExitReportSectionInput {
  @Field(() => String)
  @RequiredText(1, 20000)
  text: string;

  @Field(() => Confidentiality, {
    nullable: true,
    description: 'Who may read it (default PUBLIC: an unmarked section is presumed disclosable).',
  })
  @IsOptional()
  @IsEnum(Confidentiality)
  confidentiality?: Confidentiality | null;
}

@InputType()
export class IncidentOutcomeInput {
  @Field(() => ID, { description: 'A serious (HIGH or CRITICAL) incident of the enrolment.' })
  @IdOf('incident')
  incidentId: string;

  @Field(() => String, { description: 'How it was resolved.' })
  @RequiredText(1, 4000)
  outcome: string;
}

@InputType({
  description:
    'The whole draft as it should now read (a section left out is cleared). Without exitReportId a new draft is started: the first version, or a correction of the issued one.',
})
export class DraftExitReportInput {
  @Field(() => ID)
  @IdOf('enrolment')
  enrolmentId: string;

  @Field(() => ID, { nullable: true, description: 'The draft to change.' })
  @IdOf('exit report', { optional: true })
  exitReportId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The draft’s revision you read; a stale one is a CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number | null;

  @Field(() => ExitReportSectionInput, {
    nullable: true,
    description: 'The key regulatory issues and how they were resolved.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExitReportSectionInput)
  keyIssues?: ExitReportSectionInput | null;

  @Field(() => ExitReportSectionInput, { nullable: true, description: 'The serious incidents, in general.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExitReportSectionInput)
  seriousIncidents?: ExitReportSectionInput | null;

  @Field(() => ExitReportSectionInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExitReportSectionInput)
  lessonsLearned?: ExitReportSectionInput | null;

  @Field(() => [IncidentOutcomeInput], {
    nullable: true,
    description: 'How each serious incident ended: every one needs an outcome before the report is issued.',
  })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => IncidentOutcomeInput)
  incidentOutcomes?: IncidentOutcomeInput[] | null;
}

@InputType()
export class IssueExitReportInput {
  @Field(() => ID)
  @IdOf('exit report')
  exitReportId: string;

  @Field(() => Int, { description: 'The draft’s revision you read: what is signed is exactly that.' })
  @IsInt()
  @Min(1)
  expectedRevision: number;
}

@InputType()
export class ExitReportIdInput {
  @Field(() => ID)
  @IdOf('exit report')
  exitReportId: string;
}
