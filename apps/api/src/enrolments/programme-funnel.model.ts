import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OverdueCount } from '../deadlines/deadline.model.js';

@ObjectType()
export class CriterionCount {
  @Field(() => ID)
  criterionId: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class StateCount {
  @Field(() => String)
  state: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class FunnelAuthority {
  @Field(() => ID)
  authorityId: string;

  @Field(() => Int)
  targeted: number;

  @Field(() => Int)
  pending: number;

  @Field(() => Int)
  admitted: number;

  @Field(() => Int)
  declined: number;

  @Field(() => Int)
  authorised: number;

  @Field(() => Int)
  rejected: number;

  @Field(() => [CriterionCount], { description: 'Entry criteria most often unmet when this authority decided.' })
  topUnmetCriteria: CriterionCount[];
}

@ObjectType({ description: 'Applications → submitted → admitted/declined per authority → tested → exited.' })
export class ProgrammeFunnelModel {
  @Field(() => ID)
  programmeId: string;

  @Field(() => Int)
  applications: number;

  @Field(() => Int)
  submitted: number;

  @Field(() => Int)
  tested: number;

  @Field(() => Int)
  exited: number;

  @Field(() => Int)
  declined: number;

  @Field(() => Int)
  withdrawn: number;

  @Field(() => [StateCount])
  byState: StateCount[];

  @Field(() => [FunnelAuthority])
  authorities: FunnelAuthority[];

  @Field(() => [StateCount], { description: 'Exit decisions of the tracks of exited enrolments.' })
  exitOutcomes: StateCount[];

  @Field(() => [OverdueCount], {
    description: 'Deadlines of the programme’s enrolments overdue today, one count per kind that can be overdue.',
  })
  overdue: OverdueCount[];
}
