import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EvidenceEntity } from './evidence.entity.js';
import { SandboxPlanEntity } from './sandbox-plan.entity.js';

/**
 * Evidence a plan version's section names (the section's `evidenceIds`, kept in the plan's content),
 * indexed by evidence: whether a reader may download a file asks which sections name it.
 */
@Entity('sandbox_plan_evidence')
@Index('sandbox_plan_evidence_evidence_idx', ['evidenceId'])
export class SandboxPlanEvidenceEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  planId: string;

  /** The section's name in the plan's content (`objectives`, `realWorldTesting`, …). */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  section: string;

  @PrimaryColumn({ name: 'evidence_id', type: 'uuid' })
  evidenceId: string;

  @ManyToOne(() => SandboxPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'sandbox_plan_evidence_plan_fk' })
  plan?: Relation<SandboxPlanEntity>;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'sandbox_plan_evidence_evidence_fk' })
  evidence?: Relation<EvidenceEntity>;
}
