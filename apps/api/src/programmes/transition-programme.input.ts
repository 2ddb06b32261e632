import { Field, ID, InputType } from '@nestjs/graphql';
import { ProgrammeAction } from '@sandbridge/domain';
import { IsEnum, IsUUID } from 'class-validator';
import './programme.enums.js';

@InputType()
export class TransitionProgrammeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a programme id' })
  id: string;

  @Field(() => ProgrammeAction)
  @IsEnum(ProgrammeAction)
  action: ProgrammeAction;
}
