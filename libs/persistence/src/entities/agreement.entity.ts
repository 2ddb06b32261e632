import type { AgreementKind, AgreementStatus } from '@sandbridge/domain';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A recognition agreement between jurisdictions (docs/domain.md#recognition). Parties are jurisdiction codes. */
@Entity('agreement')
@Index('agreement_status_idx', ['status'])
@Check('agreement_status_check', `"status" IN ('DRAFT','PROPOSED','IN_FORCE','SUSPENDED','TERMINATED')`)
@Check('agreement_kind_check', `"kind" IN ('BILATERAL','PLURILATERAL')`)
@Check(
  'agreement_window_check',
  `"effective_from" IS NULL OR "effective_to" IS NULL OR "effective_from" < "effective_to"`,
)
export class AgreementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: AgreementKind;

  @Column({ type: 'varchar', length: 16 })
  status: AgreementStatus;

  @Column({ type: 'text', array: true })
  parties: string[];

  /** UTC days; the window is [from, to), null = open. */
  @Column({ name: 'effective_from', type: 'date', nullable: true })
  effectiveFrom: string | null;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
