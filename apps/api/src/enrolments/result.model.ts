import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ResultOutcome } from '@sandbridge/domain';
import type { EntryResultEntity, TestResultEntity } from '@sandbridge/persistence';
import './enrolment.enums.js';

@ObjectType({ description: 'What the applicant supplied for an entry criterion, and how it evaluated.' })
export class EntryResult {
  @Field(() => ID)
  id: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => String, { nullable: true })
  evidenceReference: string | null;

  @Field(() => String, { nullable: true })
  evidenceSha256: string | null;

  @Field(() => ID, { nullable: true, description: 'The stored evidence file the result names, if any.' })
  evidenceId: string | null;

  @Field(() => Boolean, { nullable: true })
  attested: boolean | null;

  @Field(() => ResultOutcome)
  outcome: ResultOutcome;

  @Field(() => String)
  detail: string;

  criterionId: string;

  static from(r: EntryResultEntity): EntryResult {
    return Object.assign(new EntryResult(), { ...pickResult(r), id: r.id });
  }
}

@ObjectType({ description: 'One result of a test report, evaluated against the criterion version it names.' })
export class TestResult extends EntryResult {
  @Field(() => Int)
  position: number;

  static fromResult(r: TestResultEntity): TestResult {
    return Object.assign(new TestResult(), { ...pickResult(r), id: r.id, position: r.position });
  }
}

function pickResult(r: EntryResultEntity | TestResultEntity) {
  return {
    value: r.value,
    evidenceReference: r.evidenceReference,
    evidenceSha256: r.evidenceSha256,
    evidenceId: r.evidenceId,
    attested: r.attested,
    outcome: r.outcome as ResultOutcome,
    detail: r.detail,
    criterionId: r.criterionId,
  };
}
