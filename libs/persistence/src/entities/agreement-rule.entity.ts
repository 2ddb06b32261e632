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
import { AgreementEntity } from './agreement.entity.js';

/** One rule of an agreement (docs/domain.md#recognition, §8.1): who recognises whom, for what, how. */
@Entity('agreement_rule')
@Index('agreement_rule_agreement_idx', ['agreementId'])
@Check('agreement_rule_effect_check', `"effect" IN ('RECOGNISE','RECOGNISE_WITH_CONDITIONS','EXCLUDE')`)
@Check('agreement_rule_mode_check', `"mode" IS NULL OR "mode" IN ('CONFORMITY','EQUIVALENCE')`)
export class AgreementRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_rule_agreement_fk' })
  agreement?: Relation<AgreementEntity>;

  /** A human label (`r1`, `sg-to-eu-robustness`); not an identifier. */
  @Column({ type: 'varchar', length: 100, default: '' })
  name: string;

  @Column({ type: 'text', array: true })
  origins: string[];

  @Column({ type: 'text', array: true })
  recognising: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  stages: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  @Column({ name: 'risk_classes', type: 'text', array: true, default: () => "'{}'" })
  riskClasses: string[];

  /** Criterion ids (per version); empty = all. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  criteria: string[];

  @Column({ name: 'effective_from', type: 'date', nullable: true })
  effectiveFrom: string | null;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  mode: string | null;

  @Column({ type: 'varchar', length: 32 })
  effect: string;

  /** The §4 conditions object as given (null = none): read whole by the engine, never queried. */
  @Column({ type: 'jsonb', nullable: true })
  conditions: Record<string, unknown> | null;

  /** null, a JSON string, or `{ text, criteria }`. */
  @Column({ type: 'jsonb', nullable: true })
  supplementary: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
