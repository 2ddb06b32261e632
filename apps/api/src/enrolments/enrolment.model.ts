import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Confidentiality,
  CriterionOutcome,
  EnrolmentAction,
  MetBy,
  EnrolmentState,
  EntryDecision,
  ExitDecision,
  ReportReview,
  ResultOutcome,
  TrackState,
} from '@sandbridge/domain';
import type {
  EnrolmentEntity,
  EnrolmentTrackEntity,
  EntryResultEntity,
  TestReportEntity,
  TestResultEntity,
} from '@sandbridge/persistence';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Connection } from '../graphql/connection.model.js';
import { DateScalar } from '../graphql/scalars.js';
import { RecognisedResultModel } from '../recognition/recognition.model.js';

registerEnumType(EnrolmentState, { name: 'EnrolmentState' });
registerEnumType(TrackState, { name: 'TrackState' });
registerEnumType(EntryDecision, { name: 'EntryDecision' });
registerEnumType(ExitDecision, {
  name: 'ExitDecision',
  description: 'AUTHORISED and REJECTED are final; EXTENDED and REFINEMENT_REQUIRED send the track back to testing.',
});
registerEnumType(EnrolmentAction, { name: 'EnrolmentAction' });
registerEnumType(ResultOutcome, { name: 'ResultOutcome' });
registerEnumType(CriterionOutcome, {
  name: 'CriterionOutcome',
  valuesMap: {
    WITHHELD: {
      description:
        'The result that decided the outcome is in a report you may not read: neither the outcome nor the result is shown.',
    },
  },
});
registerEnumType(Confidentiality, {
  name: 'Confidentiality',
  description:
    'PUBLIC: every authority; PARTICIPANTS: the programme’s authorities; HOME_AUTHORITY: only the authority it was submitted to.',
});
registerEnumType(ReportReview, { name: 'ReportReview' });

@ObjectType({ description: 'One AI system in one programme, with a track per targeted authority.' })
export class Enrolment {
  @Field(() => ID)
  id: string;

  @Field(() => EnrolmentState)
  state: EnrolmentState;

  @Field(() => Int, { description: 'Send it back as `expectedVersion` with every decision (optimistic locking).' })
  version: number;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  testingStartedAt: Date | null;

  @Field(() => Date, { nullable: true })
  exitedAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  programmeId: string;
  aiSystemId: string;
  organisationId: string;

  static from(e: EnrolmentEntity): Enrolment {
    return Object.assign(new Enrolment(), {
      id: e.id,
      state: e.state as EnrolmentState,
      version: e.version,
      submittedAt: e.submittedAt,
      testingStartedAt: e.testingStartedAt,
      exitedAt: e.exitedAt,
      createdAt: e.createdAt,
      programmeId: e.programmeId,
      aiSystemId: e.aiSystemId,
      organisationId: e.organisationId,
    });
  }
}

@ObjectType()
export class EnrolmentConnection extends Connection(Enrolment) {}

@ObjectType({ description: 'One targeted authority’s track: its own entry and exit decisions.' })
export class EnrolmentTrack {
  @Field(() => TrackState)
  state: TrackState;

  @Field(() => EntryDecision, { nullable: true })
  entryDecision: EntryDecision | null;

  @Field(() => String, { nullable: true })
  entryReasons: string | null;

  @Field(() => String, { nullable: true, description: 'Why it admitted over unmet mandatory entry criteria.' })
  entryJustification: string | null;

  @Field(() => Date, { nullable: true })
  entryDecidedAt: Date | null;

  @Field(() => ExitDecision, { nullable: true, description: 'The exit decision of the current exit round.' })
  exitDecision: ExitDecision | null;

  @Field(() => String, { nullable: true })
  exitReasons: string | null;

  @Field(() => Date, { nullable: true })
  exitDecidedAt: Date | null;

  authorityId: string;
  enrolmentId: string;
  suspendedBy: string | null;

  static from(t: EnrolmentTrackEntity): EnrolmentTrack {
    return Object.assign(new EnrolmentTrack(), {
      state: t.state as TrackState,
      entryDecision: t.entryDecision as EntryDecision | null,
      entryReasons: t.entryReasons,
      entryJustification: t.entryJustification,
      entryDecidedAt: t.entryDecidedAt,
      exitDecision: t.exitDecision as ExitDecision | null,
      exitReasons: t.exitReasons,
      exitDecidedAt: t.exitDecidedAt,
      authorityId: t.authorityId,
      enrolmentId: t.enrolmentId,
      suspendedBy: t.suspendedBy,
    });
  }
}

@ObjectType({ description: 'An action and whether the caller may take it now; when not, why.' })
export class AllowedTransition {
  @Field(() => EnrolmentAction)
  action: EnrolmentAction;

  @Field(() => Boolean)
  allowed: boolean;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@ObjectType({ description: 'Where one criterion stands for this enrolment.' })
export class CriterionEvaluationModel {
  @Field(() => Boolean)
  mandatory: boolean;

  @Field(() => CriterionOutcome)
  outcome: CriterionOutcome;

  @Field(() => ID, {
    nullable: true,
    description:
      'The result that decided the outcome: the enrolment’s own (entry or test) result, or the recognised test result when metBy is RECOGNISED_RESULT (null when WITHHELD).',
  })
  resultId: string | null;

  @Field(() => MetBy, { nullable: true, description: 'What made it MET (null when it is not).' })
  metBy: MetBy | null;

  @Field(() => RecognisedResultModel, {
    nullable: true,
    description:
      'When the programme accepts recognised results: the system’s result recognised for this criterion through an agreement in force today, met or not (null when none).',
  })
  recognition: RecognisedResultModel | null;

  criterionId: string;
}

@ObjectType({ description: 'What the applicant supplied for an entry criterion, and how it evaluated.' })
export class EntryResult {
  @Field(() => ID)
  id: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => String, { nullable: true })
  evidenceReference: string | null;

  @Field(() => String, { nullable: true })
  evidenceSha256: string | null;

  @Field(() => Boolean, { nullable: true })
  attested: boolean | null;

  @Field(() => ResultOutcome)
  outcome: ResultOutcome;

  @Field(() => String)
  detail: string;

  criterionId: string;

  static from(r: EntryResultEntity): EntryResult {
    return Object.assign(new EntryResult(), { ...pickResult(r), id: r.id });
  }
}

@ObjectType()
export class Lab {
  @Field(() => String)
  name: string;

  @Field(() => Boolean)
  accredited: boolean;

  @Field(() => String, { nullable: true })
  accreditationBody: string | null;
}

@ObjectType()
export class TestMethod {
  @Field(() => String, { description: 'A standard clause id or a method id.' })
  id: string;

  @Field(() => String, { nullable: true })
  version: string | null;
}

@ObjectType({ description: 'A test report submitted during testing.' })
export class TestReport {
  @Field(() => ID)
  id: string;

  @Field(() => DateScalar)
  periodStart: string;

  @Field(() => DateScalar)
  periodEnd: string;

  @Field(() => Lab)
  lab: Lab;

  @Field(() => TestMethod)
  method: TestMethod;

  @Field(() => String, { description: 'Jurisdiction code where it was tested.' })
  testedIn: string;

  @Field(() => Confidentiality)
  confidentiality: Confidentiality;

  @Field(() => String)
  idempotencyKey: string;

  @Field(() => String, { description: 'SUBMITTED, ACCEPTED or REJECTED.' })
  status: string;

  @Field(() => String, { nullable: true })
  reviewReasons: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => Int)
  resultCount: number;

  @Field(() => Date)
  submittedAt: Date;

  enrolmentId: string;
  submittedTo: string;

  static from(r: TestReportEntity): TestReport {
    return Object.assign(new TestReport(), {
      id: r.id,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      lab: { name: r.labName, accredited: r.labAccredited, accreditationBody: r.labAccreditationBody },
      method: { id: r.methodId, version: r.methodVersion },
      testedIn: r.testedIn,
      confidentiality: r.confidentiality as Confidentiality,
      idempotencyKey: r.idempotencyKey,
      status: r.status,
      reviewReasons: r.reviewReasons,
      reviewedAt: r.reviewedAt,
      resultCount: r.resultCount,
      submittedAt: r.submittedAt,
      enrolmentId: r.enrolmentId,
      submittedTo: r.submittedTo,
    });
  }
}

@ObjectType({ description: 'One result of a test report, evaluated against the criterion version it names.' })
export class TestResult extends EntryResult {
  @Field(() => Int)
  position: number;

  static fromResult(r: TestResultEntity): TestResult {
    return Object.assign(new TestResult(), { ...pickResult(r), id: r.id, position: r.position });
  }
}

function pickResult(r: EntryResultEntity | TestResultEntity) {
  return {
    value: r.value,
    evidenceReference: r.evidenceReference,
    evidenceSha256: r.evidenceSha256,
    attested: r.attested,
    outcome: r.outcome as ResultOutcome,
    detail: r.detail,
    criterionId: r.criterionId,
  };
}

// ── inputs ──────────────────────────────────────────────────────────────────────────────────

@InputType({ description: 'A measured value, an evidence reference with its SHA-256, or an attestation.' })
export class ResultInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a criterion id' })
  criterionId: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
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

@InputType()
export class CreateEnrolmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be an AI system id' })
  aiSystemId: string;

  @Field(() => [ID], { description: 'The participating authorities you apply to.' })
  @ArrayMinSize(1, { message: 'must name at least one authority' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each must be an authority id' })
  targetAuthorityIds: string[];

  @Field(() => [ResultInput], { nullable: true, description: 'Evidence, attestations or values for entry criteria.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ResultInput)
  entryResults?: ResultInput[] | null;
}

@InputType()
export class UpdateEnrolmentApplicationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an enrolment id' })
  enrolmentId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one authority' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each must be an authority id' })
  targetAuthorityIds?: string[] | null;

  @Field(() => [ResultInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ResultInput)
  entryResults?: ResultInput[] | null;
}

@InputType({ description: 'A lifecycle step on an enrolment, at the version you read.' })
export class EnrolmentActionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an enrolment id' })
  enrolmentId: string;

  @Field(() => Int, { description: 'The `version` you read; a stale one is refused with CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  reasons?: string | null;
}

@InputType()
export class DecideEntryInput extends EnrolmentActionInput {
  @Field(() => EntryDecision)
  @IsEnum(EntryDecision)
  decision: EntryDecision;

  @Field(() => String, { nullable: true, description: 'Required to admit over an unmet mandatory entry criterion.' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  justification?: string | null;
}

@InputType()
export class DecideExitInput extends EnrolmentActionInput {
  @Field(() => ExitDecision)
  @IsEnum(ExitDecision)
  decision: ExitDecision;
}

@InputType()
export class LabInput {
  @Field(() => String)
  @IsString()
  @Length(2, 200)
  name: string;

  @Field(() => Boolean)
  @IsBoolean()
  accredited: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  accreditationBody?: string | null;
}

@InputType()
export class MethodInput {
  @Field(() => String, { description: 'A standard clause id or a method id.' })
  @IsString()
  @Length(1, 100)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  version?: string | null;
}

@InputType()
export class SubmitTestReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an enrolment id' })
  enrolmentId: string;

  @Field(() => ID, { description: 'The admitted authority the report is submitted to.' })
  @IsUUID('all', { message: 'must be an authority id' })
  submittedTo: string;

  @Field(() => DateScalar)
  periodStart: Date;

  @Field(() => DateScalar)
  periodEnd: Date;

  @Field(() => LabInput)
  @ValidateNested()
  @Type(() => LabInput)
  lab: LabInput;

  @Field(() => MethodInput)
  @ValidateNested()
  @Type(() => MethodInput)
  method: MethodInput;

  @Field(() => String, { description: 'Jurisdiction code where the tests ran.' })
  @IsString()
  @MaxLength(16)
  testedIn: string;

  @Field(() => Confidentiality)
  @IsEnum(Confidentiality)
  confidentiality: Confidentiality;

  @Field(() => String, { description: 'A retried submission with the same key returns the first report.' })
  @IsString()
  @Length(1, 200)
  idempotencyKey: string;

  @Field(() => [ResultInput])
  @ArrayMinSize(1, { message: 'must hold at least one result' })
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => ResultInput)
  results: ResultInput[];
}

@InputType()
export class ReviewTestReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a test report id' })
  reportId: string;

  @Field(() => ReportReview)
  @IsEnum(ReportReview)
  decision: ReportReview;

  @Field(() => String)
  @IsString()
  @Length(2, 10000)
  reasons: string;
}

@InputType()
export class EnrolmentFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an AI system id' })
  aiSystemId?: string | null;

  @Field(() => EnrolmentState, { nullable: true })
  @IsOptional()
  @IsEnum(EnrolmentState)
  state?: EnrolmentState | null;
}
