import type { SandboxPlanContent, SandboxPlanStatus } from '@sandbridge/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { EnrolmentEntity } from './enrolment.entity.js';

/**
 * One version of an enrolment's sandbox plan (docs/domain.md#sandbox-plans): its content as
 * proposed (never changed afterwards), and where it stands. At most one version of an enrolment is
 * PROPOSED and at most one AGREED (the one in force) at a time.
 */
@Entity('sandbox_plan')
@Index('sandbox_plan_version_key', ['enrolmentId', 'version'], { unique: true })
@Index('sandbox_plan_one_proposed_key', ['enrolmentId'], { unique: true, where: `"status" = 'PROPOSED'` })
@Index('sandbox_plan_one_agreed_key', ['enrolmentId'], { unique: true, where: `"status" = 'AGREED'` })
@Check('sandbox_plan_status_check', `"status" IN ('DRAFT','PROPOSED','CHANGES_REQUESTED','AGREED','SUPERSEDED')`)
@Check('sandbox_plan_version_check', `"version" >= 1 AND ("amends" IS NULL OR "amends" < "version")`)
@Check('sandbox_plan_timeline_check', `"start_day" <= "end_day"`)
export class SandboxPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'sandbox_plan_enrolment_fk' })
  enrolment?: Relation<EnrolmentEntity>;

  /** 1, 2, … per enrolment. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 20 })
  status: SandboxPlanStatus;

  /** The version in force when this one was proposed (an amendment of it); null for the first agreement. */
  @Column({ type: 'int', nullable: true })
  amends: number | null;

  /** True when it moves the agreed end day later (an extension, subject to the 30-day notice). */
  @Column({ type: 'boolean', default: false })
  extension: boolean;

  /** Why the innovator proposes this version (required for an extension). */
  @Column({ type: 'text', nullable: true })
  reasons: string | null;

  /** The timeline's days, kept as columns too: deadlines and reports read them without the content. */
  @Column({ name: 'start_day', type: 'date' })
  startDay: string;

  @Column({ name: 'end_day', type: 'date' })
  endDay: string;

  /** The sections with their confidentiality (docs/domain.md#sandbox-plans). */
  @Column({ type: 'jsonb' })
  content: SandboxPlanContent;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy: string;

  @CreateDateColumn({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  /** When it was AGREED or CHANGES_REQUESTED. */
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  /** The version that superseded it. */
  @Column({ name: 'superseded_by', type: 'int', nullable: true })
  supersededBy: number | null;
}
