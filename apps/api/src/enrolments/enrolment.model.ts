import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EnrolmentState } from '@sandbridge/domain';
import type { EnrolmentEntity } from '@sandbridge/persistence';
import { Connection } from '../graphql/connection.model.js';
import './enrolment.enums.js';

@ObjectType({ description: 'One AI system in one programme, with a track per targeted authority.' })
export class Enrolment {
  @Field(() => ID)
  id: string;

  @Field(() => EnrolmentState)
  state: EnrolmentState;

  @Field(() => Int, { description: 'Send it back as `expectedVersion` with every decision (optimistic locking).' })
  version: number;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  testingStartedAt: Date | null;

  @Field(() => Date, { nullable: true })
  exitedAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  programmeId: string;
  aiSystemId: string;
  organisationId: string;

  static from(e: EnrolmentEntity): Enrolment {
    return Object.assign(new Enrolment(), {
      id: e.id,
      state: e.state as EnrolmentState,
      version: e.version,
      submittedAt: e.submittedAt,
      testingStartedAt: e.testingStartedAt,
      exitedAt: e.exitedAt,
      createdAt: e.createdAt,
      programmeId: e.programmeId,
      aiSystemId: e.aiSystemId,
      organisationId: e.organisationId,
    });
  }
}

@ObjectType()
export class EnrolmentConnection extends Connection(Enrolment) {}
