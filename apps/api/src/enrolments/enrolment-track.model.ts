import { Field, ObjectType } from '@nestjs/graphql';
import { EntryDecision, ExitDecision, SuspensionGround, TrackState } from '@sandbridge/domain';
import type { EnrolmentTrackEntity } from '@sandbridge/persistence';
import './enrolment.enums.js';

@ObjectType({ description: 'One targeted authority’s track: its own entry and exit decisions.' })
export class EnrolmentTrack {
  @Field(() => TrackState)
  state: TrackState;

  @Field(() => EntryDecision, { nullable: true })
  entryDecision: EntryDecision | null;

  @Field(() => String, { nullable: true })
  entryReasons: string | null;

  @Field(() => String, { nullable: true, description: 'Why it admitted over unmet mandatory entry criteria.' })
  entryJustification: string | null;

  @Field(() => Date, { nullable: true })
  entryDecidedAt: Date | null;

  @Field(() => ExitDecision, { nullable: true, description: 'The exit decision of the current exit round.' })
  exitDecision: ExitDecision | null;

  @Field(() => String, { nullable: true })
  exitReasons: string | null;

  @Field(() => Date, { nullable: true })
  exitDecidedAt: Date | null;

  @Field(() => SuspensionGround, { nullable: true, description: 'While the track is suspended: on what ground.' })
  suspensionGround: SuspensionGround | null;

  @Field(() => String, { nullable: true, description: 'While the track is suspended: why, in words.' })
  suspensionReasons: string | null;

  @Field(() => Date, { nullable: true, description: 'While the track is suspended: since when.' })
  suspendedAt: Date | null;

  authorityId: string;
  enrolmentId: string;
  suspendedBy: string | null;

  static from(t: EnrolmentTrackEntity): EnrolmentTrack {
    return Object.assign(new EnrolmentTrack(), {
      state: t.state as TrackState,
      entryDecision: t.entryDecision as EntryDecision | null,
      entryReasons: t.entryReasons,
      entryJustification: t.entryJustification,
      entryDecidedAt: t.entryDecidedAt,
      exitDecision: t.exitDecision as ExitDecision | null,
      exitReasons: t.exitReasons,
      exitDecidedAt: t.exitDecidedAt,
      suspensionGround: t.suspensionGround,
      suspensionReasons: t.suspensionReasons,
      suspendedAt: t.suspendedAt,
      authorityId: t.authorityId,
      enrolmentId: t.enrolmentId,
      suspendedBy: t.suspendedBy,
    });
  }
}
