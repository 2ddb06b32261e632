import { IncidentSeverity } from '@sandbridge/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, Matches } from 'class-validator';
import './cooperation.enums.js';
import { IdOf, OptionalText, RequiredText } from '../graphql/validation.js';

@InputType()
export class ReportIncidentInput {
  @Field(() => ID)
  @IdOf('enrolment')
  enrolmentId: string;

  @Field(() => IncidentSeverity)
  @IsEnum(IncidentSeverity)
  severity: IncidentSeverity;

  @Field(() => String)
  @RequiredText(5, 10000, { message: 'must be 5 to 10000 characters' })
  description: string;

  @Field(() => String, { nullable: true, description: 'The harm caused or risked.' })
  @OptionalText(10000)
  harm?: string | null;

  @Field(() => [String], { description: 'Jurisdiction codes.' })
  @ArrayMaxSize(50)
  @Matches(/^[A-Z]{2,3}(-[A-Z0-9]{1,3})?$/, {
    each: true,
    message: 'each must be a jurisdiction code such as EU or US-CO',
  })
  affectedJurisdictions: string[];
}
