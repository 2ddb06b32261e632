import type { Category, Comparator, CriterionKind, CriterionStatus, RiskClass, Stage } from '@sandbridge/domain';
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
  UpdateDateColumn,
} from 'typeorm';
import { AuthorityEntity } from './authority.entity.js';

/**
 * One version of an authority's criterion. A version that has been published is never rewritten:
 * `revise` creates version n+1 (docs/domain.md#reference-data), so what was evaluated against n stays explainable.
 */
@Entity('criterion')
@Unique('criterion_authority_key_version_key', ['authorityId', 'key', 'version'])
@Index('criterion_authority_status_idx', ['authorityId', 'status'])
@Check('criterion_stage_check', `"stage" IN ('ENTRY','TESTING','EXIT')`)
@Check('criterion_kind_check', `"kind" IN ('METRIC','EVIDENCE','ATTESTATION')`)
@Check('criterion_status_check', `"status" IN ('DRAFT','ACTIVE','RETIRED')`)
@Check('criterion_comparator_check', `"comparator" IS NULL OR "comparator" IN ('GTE','LTE','EQ','BETWEEN')`)
@Check('criterion_version_check', `"version" >= 1`)
export class CriterionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authority_id', foreignKeyConstraintName: 'criterion_authority_fk' })
  authority?: Relation<AuthorityEntity>;

  @Column({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  stage: Stage;

  @Column({ type: 'varchar', length: 32 })
  category: Category;

  @Column({ type: 'varchar', length: 16 })
  kind: CriterionKind;

  @Column({ name: 'metric_key', type: 'varchar', length: 100, nullable: true })
  metricKey: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  unit: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  comparator: Comparator | null;

  @Column({ type: 'double precision', nullable: true })
  threshold: number | null;

  @Column({ name: 'threshold_high', type: 'double precision', nullable: true })
  thresholdHigh: number | null;

  @Column({ name: 'evidence_type', type: 'varchar', length: 200, nullable: true })
  evidenceType: string | null;

  @Column({ type: 'text', nullable: true })
  statement: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  @Column({ name: 'risk_classes', type: 'text', array: true, default: () => "'{}'" })
  riskClasses: RiskClass[];

  @Column({ type: 'varchar', length: 16 })
  status: CriterionStatus;

  /**
   * Optimistic lock of a DRAFT's edits, counted from 1: an edit may name the revision it saw
   * (`expectedRevision`) and is refused when another landed first. Not the criterion's `version`.
   */
  @Column({ type: 'int', default: 1 })
  revision: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
