import { Field, ID, InputType } from '@nestjs/graphql';
import { ReportReview } from '@sandbridge/application';
import { IsEnum, IsString, IsUUID, Length } from 'class-validator';
import './enrolment.enums.js';

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
