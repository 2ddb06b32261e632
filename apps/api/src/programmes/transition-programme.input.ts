import { Field, ID, InputType } from '@nestjs/graphql';
import { ProgrammeAction } from '@sandbridge/domain';
import { IsEnum } from 'class-validator';
import './programme.enums.js';
import { IdOf } from '../graphql/validation.js';

@InputType()
export class TransitionProgrammeInput {
  @Field(() => ID)
  @IdOf('programme')
  id: string;

  @Field(() => ProgrammeAction)
  @IsEnum(ProgrammeAction)
  action: ProgrammeAction;
}
