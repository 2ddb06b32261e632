import type { Confidentiality, ReportStatus } from '@sandbridge/domain';
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
  Unique,
} from 'typeorm';
import { AuthorityEntity } from './authority.entity.js';
import { EnrolmentEntity } from './enrolment.entity.js';
import { JurisdictionEntity } from './jurisdiction.entity.js';

/** A test report an innovator submits during testing (docs/domain.md#programmes-and-the-enrolment-lifecycle). */
@Entity('test_report')
@Unique('test_report_idempotency_key', ['enrolmentId', 'idempotencyKey'])
@Index('test_report_enrolment_idx', ['enrolmentId', 'submittedAt'])
// The work queue's reports to review: only those still waiting are indexed.
@Index('test_report_awaiting_review_idx', ['submittedTo'], { where: `"status" = 'SUBMITTED'` })
@Check('test_report_status_check', `"status" IN ('SUBMITTED','ACCEPTED','REJECTED')`)
@Check('test_report_confidentiality_check', `"confidentiality" IN ('PUBLIC','PARTICIPANTS','HOME_AUTHORITY')`)
@Check('test_report_period_check', `"period_start" <= "period_end"`)
export class TestReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'test_report_enrolment_fk' })
  enrolment?: Relation<EnrolmentEntity>;

  /** The authority the report is submitted to (`HOME_AUTHORITY` evidence is shown only to it). */
  @Column({ name: 'submitted_to', type: 'uuid' })
  submittedTo: string;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_to', foreignKeyConstraintName: 'test_report_submitted_to_fk' })
  submittedToAuthority?: Relation<AuthorityEntity>;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ name: 'lab_name', type: 'varchar', length: 200 })
  labName: string;

  @Column({ name: 'lab_accredited', type: 'boolean' })
  labAccredited: boolean;

  @Column({ name: 'lab_accreditation_body', type: 'varchar', length: 200, nullable: true })
  labAccreditationBody: string | null;

  /** A standard clause id or a method id. */
  @Column({ name: 'method_id', type: 'varchar', length: 100 })
  methodId: string;

  @Column({ name: 'method_version', type: 'varchar', length: 50, nullable: true })
  methodVersion: string | null;

  @Column({ name: 'tested_in', type: 'varchar', length: 16 })
  testedIn: string;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tested_in', foreignKeyConstraintName: 'test_report_tested_in_fk' })
  testedInJurisdiction?: Relation<JurisdictionEntity>;

  @Column({ type: 'varchar', length: 16 })
  confidentiality: Confidentiality;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  /** SHA-256 of the canonical submission: the same key with another payload is a CONFLICT. */
  @Column({ name: 'payload_hash', type: 'char', length: 64 })
  payloadHash: string;

  @Column({ type: 'varchar', length: 16 })
  status: ReportStatus;

  @Column({ name: 'review_reasons', type: 'text', nullable: true })
  reviewReasons: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'result_count', type: 'int' })
  resultCount: number;

  /** The version of the sandbox plan in force when it was submitted (null: submitted before plans were recorded). */
  @Column({ name: 'plan_version', type: 'int', nullable: true })
  planVersion: number | null;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
}
