import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CriterionOutcome, EnrolmentState, MetBy, ResultOutcome, TrackState } from '@sandbridge/domain';
import { RecognisedResultModel } from '../recognition/recognition.model.js';

@ObjectType()
export class ExitReportEvidence {
  @Field(() => ID)
  reportId: string;

  @Field(() => ID)
  resultId: string;

  @Field(() => ResultOutcome)
  outcome: ResultOutcome;

  @Field(() => String)
  detail: string;
}

@ObjectType()
export class ExitReportCriterionModel {
  @Field(() => ID)
  criterionId: string;

  @Field(() => String)
  key: string;

  @Field(() => Int)
  version: number;

  @Field(() => String)
  title: string;

  @Field(() => Boolean)
  mandatory: boolean;

  @Field(() => CriterionOutcome, {
    description: 'WITHHELD when the result that decided it is in a report you may not read.',
  })
  outcome: CriterionOutcome;

  @Field(() => MetBy, { nullable: true, description: 'What made it MET (null when it is not).' })
  metBy: MetBy | null;

  @Field(() => RecognisedResultModel, {
    nullable: true,
    description: 'The system’s result recognised for it, when the programme accepts recognised results.',
  })
  recognition: RecognisedResultModel | null;

  @Field(() => [ExitReportEvidence], { description: 'Results you may see (confidentiality applied).' })
  evidence: ExitReportEvidence[];

  @Field(() => Int, { description: 'Results withheld from you by their report’s confidentiality.' })
  withheld: number;
}

@ObjectType()
export class ExitReportDecision {
  @Field(() => String, { nullable: true })
  decision: string | null;

  @Field(() => String, { nullable: true })
  reasons: string | null;

  @Field(() => String, { nullable: true })
  justification?: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;
}

@ObjectType()
export class ExitReportAuthorityModel {
  @Field(() => ID)
  authorityId: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  acronym: string;

  @Field(() => String)
  jurisdiction: string;

  @Field(() => TrackState)
  trackState: TrackState;

  @Field(() => ExitReportDecision)
  entry: ExitReportDecision;

  @Field(() => ExitReportDecision)
  exit: ExitReportDecision;

  @Field(() => [ExitReportCriterionModel])
  criteria: ExitReportCriterionModel[];
}

@ObjectType()
export class NamedRef {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType({
  description: 'Per authority: each exit criterion, its evidence and outcome, the decision and its reasons.',
})
export class ExitReportModel {
  @Field(() => ID)
  enrolmentId: string;

  @Field(() => EnrolmentState)
  state: EnrolmentState;

  @Field(() => NamedRef)
  programme: NamedRef;

  @Field(() => NamedRef)
  aiSystem: NamedRef;

  @Field(() => NamedRef)
  organisation: NamedRef;

  @Field(() => [ExitReportAuthorityModel])
  authorities: ExitReportAuthorityModel[];

  @Field(() => String, { description: 'The same report rendered as Markdown.' })
  markdown: string;
}

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
}
