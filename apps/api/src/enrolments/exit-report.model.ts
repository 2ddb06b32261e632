import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CriterionOutcome, EnrolmentState, MetBy, ResultOutcome, TrackState } from '@sandbridge/domain';
import './enrolment.enums.js';
import { RecognisedResultModel } from '../recognition/recognised-result.model.js';
import '../recognition/recognition.enums.js';

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

  /** The enrolment, for the exit documents' fields (exit-document.resolver.ts); not a field itself. */
  enrolmentId?: string;
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
