import { Field, ObjectType } from '@nestjs/graphql';
import { ProgrammeAction } from '@sandbridge/domain';
import './programme.enums.js';

@ObjectType({
  description: 'A programme action (transitionProgramme) and whether the caller may take it now; when not, why.',
})
export class AllowedProgrammeTransition {
  @Field(() => ProgrammeAction)
  action: ProgrammeAction;

  @Field(() => Boolean)
  allowed: boolean;

  @Field(() => String, { nullable: true, description: 'Why not, in words (as transitionProgramme would refuse it).' })
  reason: string | null;
}
