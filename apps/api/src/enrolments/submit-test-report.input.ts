import { Field, ID, InputType } from '@nestjs/graphql';
import { Confidentiality } from '@sandbridge/application';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DateScalar } from '../graphql/scalars.js';
import './enrolment.enums.js';
import { ResultInput } from './result.input.js';

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
