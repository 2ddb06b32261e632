import { ReportReview } from '@sandbridge/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import './enrolment.enums.js';
import { IdOf, RequiredText } from '../graphql/validation.js';

@InputType()
export class ReviewTestReportInput {
  @Field(() => ID)
  @IdOf('test report')
  reportId: string;

  @Field(() => ReportReview)
  @IsEnum(ReportReview)
  decision: ReportReview;

  @Field(() => String)
  @RequiredText(2, 10000)
  reasons: string;
}
