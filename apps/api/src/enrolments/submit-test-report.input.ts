import { Confidentiality } from '@sandbridge/domain';
import { Field, ID, InputType, Int, OmitType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { DateScalar } from '../graphql/scalars.js';
import './enrolment.enums.js';
import { ResultInput } from './result.input.js';
import { IdOf, OptionalText, RequiredText } from '../graphql/validation.js';

@InputType()
export class LabInput {
  @Field(() => String)
  @RequiredText(2, 200)
  name: string;

  @Field(() => Boolean)
  @IsBoolean()
  accredited: boolean;

  @Field(() => String, { nullable: true })
  @OptionalText(2, 200)
  accreditationBody?: string | null;
}

@InputType()
export class MethodInput {
  @Field(() => String, { description: 'A standard clause id or a method id.' })
  @RequiredText(1, 100)
  id: string;

  @Field(() => String, { nullable: true })
  @OptionalText(1, 50)
  version?: string | null;
}

@InputType()
export class SubmitTestReportInput {
  @Field(() => ID)
  @IdOf('enrolment')
  enrolmentId: string;

  @Field(() => ID, { description: 'The admitted authority the report is submitted to.' })
  @IdOf('authority')
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
  @RequiredText(16)
  testedIn: string;

  @Field(() => Confidentiality)
  @IsEnum(Confidentiality)
  confidentiality: Confidentiality;

  @Field(() => String, { description: 'A retried submission with the same key returns the first report.' })
  @RequiredText(1, 200)
  idempotencyKey: string;

  @Field(() => [ResultInput])
  @ArrayMinSize(1, { message: 'must hold at least one result' })
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => ResultInput)
  results: ResultInput[];

  @Field(() => Int, {
    nullable: true,
    description:
      'The sandbox plan version you report under (as you read it): refused unless it is the version in force ' +
      '(INVALID_TRANSITION, reason PLAN_SUPERSEDED when a later one was agreed). Absent: the version in force.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  planVersion?: number | null;
}

@InputType({
  description: 'What submitTestReport takes, without the idempotency key: a report to preview (nothing is saved).',
})
export class PreviewTestReportInput extends OmitType(SubmitTestReportInput, ['idempotencyKey'] as const, InputType) {}
