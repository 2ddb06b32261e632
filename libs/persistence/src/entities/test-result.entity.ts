import type { ResultOutcome } from '@sandbridge/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CriterionEntity } from './criterion.entity.js';
import { EvidenceEntity } from './evidence.entity.js';
import { TestReportEntity } from './test-report.entity.js';

/** One result of a test report, evaluated against the criterion version it names. */
@Entity('test_result')
@Index('test_result_report_idx', ['reportId', 'position'])
@Index('test_result_criterion_idx', ['criterionId'])
@Index('test_result_evidence_idx', ['evidenceId'])
@Check('test_result_outcome_check', `"outcome" IN ('PASS','FAIL','INSUFFICIENT_EVIDENCE')`)
export class TestResultEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @ManyToOne(() => TestReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'test_result_report_fk' })
  report?: Relation<TestReportEntity>;

  /** Order within the report (results are listed as submitted). */
  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'criterion_id', type: 'uuid' })
  criterionId: string;

  @ManyToOne(() => CriterionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criterion_id', foreignKeyConstraintName: 'test_result_criterion_fk' })
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
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'test_result_evidence_fk' })
  evidence?: Relation<EvidenceEntity>;

  @Column({ type: 'boolean', nullable: true })
  attested: boolean | null;

  @Column({ type: 'varchar', length: 24 })
  outcome: ResultOutcome;

  @Column({ type: 'varchar', length: 300 })
  detail: string;
}
