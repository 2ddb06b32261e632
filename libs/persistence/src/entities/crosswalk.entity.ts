import type { Relation as CriterionRelation } from '@sandbridge/domain';
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

/** An explicit correspondence `from → to` between criteria of two authorities (OSCAL mapping). */
@Entity('crosswalk')
@Unique('crosswalk_from_to_key', ['fromCriterionId', 'toCriterionId'])
@Index('crosswalk_to_idx', ['toCriterionId'])
@Check('crosswalk_relation_check', `"relation" IN ('EQUIVALENT','SUBSET','SUPERSET','INTERSECTS')`)
@Check('crosswalk_distinct_check', `"from_criterion_id" <> "to_criterion_id"`)
export class CrosswalkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'from_criterion_id', type: 'uuid' })
  fromCriterionId: string;

  @ManyToOne(() => CriterionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_criterion_id', foreignKeyConstraintName: 'crosswalk_from_fk' })
  fromCriterion?: Relation<CriterionEntity>;

  @Column({ name: 'to_criterion_id', type: 'uuid' })
  toCriterionId: string;

  @ManyToOne(() => CriterionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_criterion_id', foreignKeyConstraintName: 'crosswalk_to_fk' })
  toCriterion?: Relation<CriterionEntity>;

  @Column({ type: 'varchar', length: 16 })
  relation: CriterionRelation;

  @Column({ type: 'text', default: '' })
  note: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
