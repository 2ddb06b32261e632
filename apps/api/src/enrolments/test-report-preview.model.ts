import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CriterionOutcome, MetBy, ResultOutcome, Stage } from '@sandbridge/domain';
import type {
  CriterionEvaluationPreview as CriterionEvaluationPreviewRow,
  EvaluatedResult,
  TestReportPreview as TestReportPreviewRow,
  TrackEvaluationPreview as TrackEvaluationPreviewRow,
} from '@sandbridge/application';
import '../catalogue/catalogue.enums.js';
import '../recognition/recognition.enums.js';
import './enrolment.enums.js';

@ObjectType({
  description:
    'One result of a previewed report, evaluated against the criterion version it names as submission would.',
})
export class TestResultPreview {
  @Field(() => Int, { description: 'Its index in the report’s results.' })
  position: number;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => String, { nullable: true })
  evidenceReference: string | null;

  @Field(() => String, { nullable: true, description: 'As stated, or the stored file’s when it names one.' })
  evidenceSha256: string | null;

  @Field(() => ID, { nullable: true, description: 'The stored evidence file the result names, if any.' })
  evidenceId: string | null;

  @Field(() => Boolean, { nullable: true })
  attested: boolean | null;

  @Field(() => ResultOutcome)
  outcome: ResultOutcome;

  @Field(() => String, { description: 'The evaluator’s explanation, e.g. "0.83 against ≥ 0.78".' })
  detail: string;

  criterionId: string;

  static from(r: EvaluatedResult): TestResultPreview {
    return Object.assign(new TestResultPreview(), {
      position: r.position,
      value: r.value,
      evidenceReference: r.evidenceReference,
      evidenceSha256: r.evidenceSha256,
      evidenceId: r.evidenceId,
      attested: r.attested,
      outcome: r.outcome,
      detail: r.detail,
      criterionId: r.criterion.id,
    });
  }
}

@ObjectType({
  description:
    'One criterion of a track’s stage: where it stands now, and where it would stand with the report submitted.',
})
export class CriterionEvaluationPreview {
  @Field(() => Boolean)
  mandatory: boolean;

  @Field(() => CriterionOutcome, { description: 'With the report submitted (counted as the newest report).' })
  outcome: CriterionOutcome;

  @Field(() => MetBy, { nullable: true, description: 'What would make it MET (null when it would not be).' })
  metBy: MetBy | null;

  @Field(() => CriterionOutcome, { description: 'As it stands now (EnrolmentTrack.evaluation).' })
  current: CriterionOutcome;

  @Field(() => Int, {
    nullable: true,
    description: 'The position of the report’s result that would decide it; null when another result, or none, would.',
  })
  position: number | null;

  criterionId: string;

  static from(c: CriterionEvaluationPreviewRow): CriterionEvaluationPreview {
    return Object.assign(new CriterionEvaluationPreview(), {
      mandatory: c.mandatory,
      outcome: c.outcome,
      metBy: c.metBy,
      current: c.current,
      position: c.position,
      criterionId: c.criterion.id,
    });
  }
}

@ObjectType({ description: 'One testing track’s criteria of one stage, now and with the previewed report submitted.' })
export class TrackEvaluationPreview {
  @Field(() => Stage)
  stage: Stage;

  @Field(() => [CriterionEvaluationPreview])
  criteria: CriterionEvaluationPreview[];

  authorityId: string;

  static from(t: TrackEvaluationPreviewRow): TrackEvaluationPreview {
    return Object.assign(new TrackEvaluationPreview(), {
      stage: t.stage,
      criteria: t.criteria.map((c) => CriterionEvaluationPreview.from(c)),
      authorityId: t.authorityId,
    });
  }
}

@ObjectType({
  description:
    'What submitTestReport would do with a report, computed by the server and written nowhere: each result’s ' +
    'outcome, the counts, and each testing track’s TESTING and EXIT criteria now and with the report submitted.',
})
export class TestReportPreview {
  @Field(() => [TestResultPreview], { description: 'In the order given.' })
  results: TestResultPreview[];

  @Field(() => Int)
  passed: number;

  @Field(() => Int)
  failed: number;

  @Field(() => Int)
  insufficientEvidence: number;

  @Field(() => [TrackEvaluationPreview], {
    description:
      'Each track in testing (ADMITTED or SUSPENDED), its TESTING then its EXIT criteria. A result counts toward ' +
      'a track when its authority may read the report (its confidentiality), as once submitted.',
  })
  tracks: TrackEvaluationPreview[];

  static from(p: TestReportPreviewRow): TestReportPreview {
    return Object.assign(new TestReportPreview(), {
      results: p.results.map((r) => TestResultPreview.from(r)),
      passed: p.outcomes.PASS,
      failed: p.outcomes.FAIL,
      insufficientEvidence: p.outcomes.INSUFFICIENT_EVIDENCE,
      tracks: p.tracks.map((t) => TrackEvaluationPreview.from(t)),
    });
  }
}
