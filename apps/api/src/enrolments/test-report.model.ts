import { Confidentiality } from '@sandbridge/domain';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { TestReportEntity } from '@sandbridge/persistence';
import { DateScalar } from '../graphql/scalars.js';
import './enrolment.enums.js';

@ObjectType()
export class Lab {
  @Field(() => String)
  name: string;

  @Field(() => Boolean)
  accredited: boolean;

  @Field(() => String, { nullable: true })
  accreditationBody: string | null;
}

@ObjectType()
export class TestMethod {
  @Field(() => String, { description: 'A standard clause id or a method id.' })
  id: string;

  @Field(() => String, { nullable: true })
  version: string | null;
}

@ObjectType({ description: 'A test report submitted during testing.' })
export class TestReport {
  @Field(() => ID)
  id: string;

  @Field(() => DateScalar)
  periodStart: string;

  @Field(() => DateScalar)
  periodEnd: string;

  @Field(() => Lab)
  lab: Lab;

  @Field(() => TestMethod)
  method: TestMethod;

  @Field(() => String, { description: 'Jurisdiction code where it was tested.' })
  testedIn: string;

  @Field(() => Confidentiality)
  confidentiality: Confidentiality;

  @Field(() => String)
  idempotencyKey: string;

  @Field(() => String, { description: 'SUBMITTED, ACCEPTED or REJECTED.' })
  status: string;

  @Field(() => String, { nullable: true })
  reviewReasons: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => Int)
  resultCount: number;

  @Field(() => Date)
  submittedAt: Date;

  @Field(() => Int, {
    nullable: true,
    description:
      'The sandbox plan version in force when it was submitted (null: submitted before plans were recorded).',
  })
  planVersion: number | null;

  enrolmentId: string;
  submittedTo: string;

  static from(r: TestReportEntity): TestReport {
    return Object.assign(new TestReport(), {
      id: r.id,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      lab: { name: r.labName, accredited: r.labAccredited, accreditationBody: r.labAccreditationBody },
      method: { id: r.methodId, version: r.methodVersion },
      testedIn: r.testedIn,
      confidentiality: r.confidentiality as Confidentiality,
      idempotencyKey: r.idempotencyKey,
      status: r.status,
      reviewReasons: r.reviewReasons,
      reviewedAt: r.reviewedAt,
      resultCount: r.resultCount,
      submittedAt: r.submittedAt,
      planVersion: r.planVersion,
      enrolmentId: r.enrolmentId,
      submittedTo: r.submittedTo,
    });
  }
}
