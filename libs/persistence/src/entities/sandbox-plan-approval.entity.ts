import type { PlanDecision } from '@sandbridge/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { AuthorityEntity } from './authority.entity.js';
import { SandboxPlanEntity } from './sandbox-plan.entity.js';

/** One authority's decision on one proposed plan version: approved, or changes requested with reasons. */
@Entity('sandbox_plan_approval')
@Check('sandbox_plan_approval_decision_check', `"decision" IN ('APPROVED','CHANGES_REQUESTED')`)
@Check(
  'sandbox_plan_approval_reasons_check',
  `"decision" <> 'CHANGES_REQUESTED' OR ("reasons" IS NOT NULL AND length(trim("reasons")) > 0)`,
)
export class SandboxPlanApprovalEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne(() => SandboxPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'sandbox_plan_approval_plan_fk' })
  plan?: Relation<SandboxPlanEntity>;

  @PrimaryColumn({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authority_id', foreignKeyConstraintName: 'sandbox_plan_approval_authority_fk' })
  authority?: Relation<AuthorityEntity>;

  @Column({ type: 'varchar', length: 20 })
  decision: PlanDecision;

  @Column({ type: 'text', nullable: true })
  reasons: string | null;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
