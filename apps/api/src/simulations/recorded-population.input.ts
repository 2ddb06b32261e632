import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { DateScalar } from '../graphql/scalars.js';
import { IdOf } from '../graphql/validation.js';

const CODE = 'each must be a jurisdiction code';

@InputType({ description: 'Which recorded data to take (absent = all).' })
export class RecordedPopulationInput {
  @Field(() => [String], { nullable: true, description: 'Systems homed in, or tested in, one of these jurisdictions.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true, message: CODE })
  @Length(1, 16, { each: true, message: CODE })
  jurisdictions?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  sectors?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Results tested on or after this day (systems with none in range are left out).',
  })
  testedFrom?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Results tested on or before this day.' })
  testedTo?: Date | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Target authorities for every system; absent = each system’s enrolment targets.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IdOf('authority', { each: true })
  targets?: string[] | null;
}
