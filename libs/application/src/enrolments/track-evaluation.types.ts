import type { Actor, RecognisedResult, RecognitionAwareEvaluation, RecordedResult, Stage } from '@sandbridge/domain';
import type { CriterionEntity, EnrolmentEntity, ProgrammeEntity, TestReportEntity } from '@sandbridge/persistence';

export interface TrackEvaluation {
  authorityId: string;
  stage: Stage;
  criteria: (RecognitionAwareEvaluation & { criterion: CriterionEntity })[];
}

/** One track's criteria of one stage to evaluate. */
export interface TrackEvaluationRequest {
  enrolment: EnrolmentEntity;
  authorityId: string;
  stage: Stage;
}

/** What decides who may read a test result: its report, that report's enrolment and its programme's authorities. */
export interface ResultSource {
  report: TestReportEntity;
  enrolment: EnrolmentEntity;
  participants: string[];
}

/** A recognised result, and where it comes from (so a reader who may not read it is not shown it). */
export interface TrackRecognition {
  view: RecognisedResult;
  source: ResultSource;
}

/** Recognised results of one system for one authority's criteria attached to a programme, by criterion id. */
export type TrackRecognitions = ReadonlyMap<string, TrackRecognition>;

/** A recorded result as evaluation counts it; `source` is null for an entry result (part of the application, read with the enrolment). */
export interface CountedResult extends RecordedResult {
  source: ResultSource | null;
}

export interface EvaluationOptions {
  /** The enrolment's programme, when the caller has it already (saves a query). */
  programme?: ProgrammeEntity;
  /** Where the programmes of many enrolments come from (the API passes its per-request loader); one query by default. */
  programmes?: (ids: string[]) => Promise<(ProgrammeEntity | null)[]>;
  /**
   * Where recognised results come from when the programme accepts them. The API passes a
   * per-request DataLoader so every track of one system and authority shares one case; the
   * default builds one with `recognisedResults`.
   */
  recognitions?: (programmeId: string, aiSystemId: string, authorityId: string) => Promise<TrackRecognitions>;
  /**
   * Who reads the evaluation. A result reveals what it decides: an outcome decided by a result this
   * reader may not read is shown as WITHHELD, without the result. Without a reader the evaluation is
   * the authority's own — what its decisions rest on.
   */
  reader?: Actor | null;
  /**
   * A report that is not stored (a preview of a submission): its results count for the enrolment it
   * names as the newest report's — as a report submitted now would — and, like any report, toward
   * each track whose authority may read it.
   */
  unsavedReport?: UnsavedReport | null;
}

/** A report as it would be submitted, with its results evaluated; `source.report` is never stored. */
export interface UnsavedReport {
  source: ResultSource;
  /** Each result's id is made up (never a stored result's), unique within the report. */
  results: Pick<RecordedResult, 'id' | 'criterionId' | 'outcome'>[];
}
