import type { ResultOutcome } from '@sandbridge/domain';
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
import { CriterionEntity } from './criterion.entity.js';
import { EvidenceEntity } from './evidence.entity.js';
import { EnrolmentEntity } from './enrolment.entity.js';

/** What the applicant supplies for an entry criterion (evidence, attestation or value), evaluated on save. */
@Entity('entry_result')
@Unique('entry_result_enrolment_criterion_key', ['enrolmentId', 'criterionId'])
@Index('entry_result_evidence_idx', ['evidenceId'])
@Check('entry_result_outcome_check', `"outcome" IN ('PASS','FAIL','INSUFFICIENT_EVIDENCE')`)
export class EntryResultEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'entry_result_enrolment_fk' })
  enrolment?: Relation<EnrolmentEntity>;

  @Column({ name: 'criterion_id', type: 'uuid' })
  criterionId: string;

  @ManyToOne(() => CriterionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criterion_id', foreignKeyConstraintName: 'entry_result_criterion_fk' })
  criterion?: Relation<CriterionEntity>;

  @Column({ type: 'double precision', nullable: true })
  value: number | null;

  @Column({ name: 'evidence_reference', type: 'varchar', length: 500, nullable: true })
  evidenceReference: string | null;

  @Column({ name: 'evidence_sha256', type: 'char', length: 64, nullable: true })
  evidenceSha256: string | null;

  /** The stored evidence file the result names (its hash is `evidenceSha256`); null for a bare reference. */
  @Column({ name: 'evidence_id', type: 'uuid', nullable: true })
  evidenceId: string | null;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'entry_result_evidence_fk' })
  evidence?: Relation<EvidenceEntity>;

  @Column({ type: 'boolean', nullable: true })
  attested: boolean | null;

  @Column({ type: 'varchar', length: 24 })
  outcome: ResultOutcome;

  @Column({ type: 'varchar', length: 300 })
  detail: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
