import type { EntryDecision, ExitDecision, SuspensionGround, TrackState } from '@sandbridge/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { AuthorityEntity } from './authority.entity.js';
import { EnrolmentEntity } from './enrolment.entity.js';

/** One targeted authority's track of an enrolment: its own entry and exit decisions, with reasons. */
@Entity('enrolment_track')
@Index('enrolment_track_authority_idx', ['authorityId', 'state'])
@Check(
  'enrolment_track_state_check',
  `"state" IN ('PENDING','ADMITTED','DECLINED','SUSPENDED','AUTHORISED','REJECTED')`,
)
@Check('enrolment_track_entry_decision_check', `"entry_decision" IS NULL OR "entry_decision" IN ('ADMIT','DECLINE')`)
@Check(
  'enrolment_track_exit_decision_check',
  `"exit_decision" IS NULL OR "exit_decision" IN ('AUTHORISED','REJECTED','EXTENDED','REFINEMENT_REQUIRED')`,
)
@Check(
  'enrolment_track_suspension_ground_check',
  `"suspension_ground" IS NULL OR "suspension_ground" IN ('BREACH_OF_PLAN','UNMITIGABLE_RISK','PARTICIPANT_REQUEST')`,
)
export class EnrolmentTrackEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @PrimaryColumn({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'enrolment_track_enrolment_fk' })
  enrolment?: Relation<EnrolmentEntity>;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authority_id', foreignKeyConstraintName: 'enrolment_track_authority_fk' })
  authority?: Relation<AuthorityEntity>;

  @Column({ type: 'varchar', length: 16 })
  state: TrackState;

  @Column({ name: 'suspended_by', type: 'uuid', nullable: true })
  suspendedBy: string | null;

  /** The current suspension's ground, reasons and time (cleared on resume; the audit trail keeps them). */
  @Column({ name: 'suspension_ground', type: 'varchar', length: 24, nullable: true })
  suspensionGround: SuspensionGround | null;

  @Column({ name: 'suspension_reasons', type: 'text', nullable: true })
  suspensionReasons: string | null;

  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true })
  suspendedAt: Date | null;

  @Column({ name: 'entry_decision', type: 'varchar', length: 8, nullable: true })
  entryDecision: EntryDecision | null;

  @Column({ name: 'entry_reasons', type: 'text', nullable: true })
  entryReasons: string | null;

  /** Required when admitting over an unmet mandatory entry criterion. */
  @Column({ name: 'entry_justification', type: 'text', nullable: true })
  entryJustification: string | null;

  /** Entry criteria not met when the decision was taken (ids), for the programme funnel. */
  @Column({ name: 'entry_unmet_criteria', type: 'uuid', array: true, default: () => "'{}'" })
  entryUnmetCriteria: string[];

  @Column({ name: 'entry_decided_by', type: 'uuid', nullable: true })
  entryDecidedBy: string | null;

  @Column({ name: 'entry_decided_at', type: 'timestamptz', nullable: true })
  entryDecidedAt: Date | null;

  /** The exit decision of the current round (cleared for admitted tracks when exit is requested again). */
  @Column({ name: 'exit_decision', type: 'varchar', length: 24, nullable: true })
  exitDecision: ExitDecision | null;

  @Column({ name: 'exit_reasons', type: 'text', nullable: true })
  exitReasons: string | null;

  @Column({ name: 'exit_decided_by', type: 'uuid', nullable: true })
  exitDecidedBy: string | null;

  @Column({ name: 'exit_decided_at', type: 'timestamptz', nullable: true })
  exitDecidedAt: Date | null;
}
