import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JointEntryRule, ProgrammeStatus } from '@sandbridge/domain';
import type { ProgrammeEntity } from '@sandbridge/persistence';
import { Connection } from '../graphql/connection.model.js';
import { DateScalar } from '../graphql/scalars.js';
import './programme.enums.js';

@ObjectType({ description: 'A sandbox programme run jointly by several authorities.' })
export class Programme {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => [String])
  sectors: string[];

  @Field(() => DateScalar, { nullable: true, description: 'First day applications are accepted (UTC).' })
  applicationOpens: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day applications are accepted (UTC).' })
  applicationCloses: string | null;

  @Field(() => Int)
  maxTestingDays: number;

  @Field(() => Int)
  cohortCapacity: number;

  @Field(() => JointEntryRule)
  jointEntryRule: JointEntryRule;

  @Field(() => ProgrammeStatus)
  status: ProgrammeStatus;

  @Field(() => Boolean, {
    description:
      'Entry and exit evaluation also count a criterion as met when a result of the same AI system is ' +
      'RECOGNISED for it through an agreement in force (RECOGNISED_WITH_CONDITIONS is shown, not counted).',
  })
  acceptsRecognisedResults: boolean;

  leadAuthorityId: string;

  static from(e: ProgrammeEntity): Programme {
    return Object.assign(new Programme(), {
      id: e.id,
      name: e.name,
      description: e.description,
      sectors: e.sectors,
      applicationOpens: e.applicationOpens,
      applicationCloses: e.applicationCloses,
      maxTestingDays: e.maxTestingDays,
      cohortCapacity: e.cohortCapacity,
      jointEntryRule: e.jointEntryRule as JointEntryRule,
      status: e.status as ProgrammeStatus,
      acceptsRecognisedResults: e.acceptsRecognisedResults,
      leadAuthorityId: e.leadAuthorityId,
    });
  }
}

@ObjectType()
export class ProgrammeConnection extends Connection(Programme) {}
