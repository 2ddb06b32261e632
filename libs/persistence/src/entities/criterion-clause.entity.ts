import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ClauseEntity } from './clause.entity.js';
import { CriterionEntity } from './criterion.entity.js';

/** A clause a criterion references ("incorporation by reference"). */
@Entity('criterion_clause')
@Index('criterion_clause_clause_idx', ['clauseId'])
export class CriterionClauseEntity {
  @PrimaryColumn({ name: 'criterion_id', type: 'uuid' })
  criterionId: string;

  @PrimaryColumn({ name: 'clause_id', type: 'varchar', length: 100 })
  clauseId: string;

  @ManyToOne(() => CriterionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'criterion_id', foreignKeyConstraintName: 'criterion_clause_criterion_fk' })
  criterion?: Relation<CriterionEntity>;

  @ManyToOne(() => ClauseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'clause_id', foreignKeyConstraintName: 'criterion_clause_clause_fk' })
  clause?: Relation<ClauseEntity>;
}
