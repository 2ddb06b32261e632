import type { Stage } from '@sandbridge/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CriterionEntity } from './criterion.entity.js';
import { ProgrammeEntity } from './programme.entity.js';

/** A criterion (one version) an authority attaches to a stage of a programme. */
@Entity('programme_criterion')
@Index('programme_criterion_criterion_idx', ['criterionId'])
export class ProgrammeCriterionEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @PrimaryColumn({ name: 'criterion_id', type: 'uuid' })
  criterionId: string;

  /** The criterion's owner, kept here so a programme's criteria group by authority in one query. */
  @Column({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @Column({ type: 'varchar', length: 16 })
  stage: Stage;

  /** Admitting over an unmet mandatory entry criterion needs a written justification. */
  @Column({ type: 'boolean', default: true })
  mandatory: boolean;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'programme_criterion_programme_fk' })
  programme?: Relation<ProgrammeEntity>;

  @ManyToOne(() => CriterionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criterion_id', foreignKeyConstraintName: 'programme_criterion_criterion_fk' })
  criterion?: Relation<CriterionEntity>;

  @CreateDateColumn({ name: 'attached_at', type: 'timestamptz' })
  attachedAt: Date;
}
