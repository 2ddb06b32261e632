import { Injectable } from '@nestjs/common';
import { isUuid, SandboxPlanStatus } from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { SandboxPlanApprovalEntity } from '../entities/sandbox-plan-approval.entity.js';
import { SandboxPlanEntity } from '../entities/sandbox-plan.entity.js';

/** The versions of enrolments' sandbox plans and the authorities' decisions on them (docs/domain.md#sandbox-plans). */
@Injectable()
export class SandboxPlanRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get plans() {
    return this.connection.getRepository(SandboxPlanEntity);
  }

  private get approvals() {
    return this.connection.getRepository(SandboxPlanApprovalEntity);
  }

  findById(id: string): Promise<SandboxPlanEntity | null> {
    return isUuid(id) ? this.plans.findOneBy({ id }) : Promise.resolve(null);
  }

  /** Every version of these enrolments' plans, each enrolment's newest first — one statement for any number. */
  versionsOf(enrolmentIds: readonly string[]): Promise<SandboxPlanEntity[]> {
    return rowsWhereAny(this.connection.manager, SandboxPlanEntity, 'enrolmentId', enrolmentIds.filter(isUuid), [
      ['enrolmentId', 'ASC'],
      ['version', 'DESC'],
    ]);
  }

  /** The version in force (the AGREED one) of an enrolment, or null. */
  inForce(enrolmentId: string): Promise<SandboxPlanEntity | null> {
    return isUuid(enrolmentId)
      ? this.plans.findOneBy({ enrolmentId, status: SandboxPlanStatus.AGREED })
      : Promise.resolve(null);
  }

  /** The decisions on these versions, oldest first. */
  approvalsOf(planIds: readonly string[]): Promise<SandboxPlanApprovalEntity[]> {
    return rowsWhereAny(this.connection.manager, SandboxPlanApprovalEntity, 'planId', planIds.filter(isUuid), [
      ['decidedAt', 'ASC'],
      ['authorityId', 'ASC'],
    ]);
  }

  insert(row: Omit<SandboxPlanEntity, 'id' | 'proposedAt' | 'enrolment'>): Promise<SandboxPlanEntity> {
    return this.plans.save(this.plans.create(row));
  }

  async updateStatus(
    id: string,
    changes: Partial<Pick<SandboxPlanEntity, 'status' | 'decidedAt' | 'supersededAt' | 'supersededBy'>>,
  ): Promise<void> {
    await this.plans.update({ id }, changes);
  }

  async insertApproval(row: Omit<SandboxPlanApprovalEntity, 'plan' | 'authority'>): Promise<void> {
    await this.approvals.insert(row);
  }
}
