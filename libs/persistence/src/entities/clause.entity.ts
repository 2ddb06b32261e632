import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StandardEntity } from './standard.entity.js';

/** A clause of a standard. Its id (`ISO42001:A.6.2.4`) is global: criteria and case files use it. */
@Entity('clause')
@Index('clause_standard_idx', ['standardId'])
export class ClauseEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id: string;

  @Column({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @ManyToOne(() => StandardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'standard_id', foreignKeyConstraintName: 'clause_standard_fk' })
  standard?: Relation<StandardEntity>;

  /** The clause's reference inside its standard: `A.6.2.4`, `Art. 15(1)`, `MEASURE 2.5`. */
  @Column({ type: 'varchar', length: 100 })
  ref: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;
}
