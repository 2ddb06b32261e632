import { Injectable, type Provider } from '@nestjs/common';
import {
  awaitingApproval,
  type PlanFact,
  planInForce,
  SandboxPlanStatus,
  toUtcDay,
  TrackState,
} from '@sandbridge/domain';
import { EnrolmentRepository, type SandboxPlanEntity, SandboxPlanRepository } from '@sandbridge/persistence';

/**
 * What deadlines and the work queue need to know of sandbox plans, per enrolment: the day its plan
 * was first agreed, the end day of the plan in force, and the authorities whose approval a PROPOSED
 * version waits for. An enrolment without a plan is left out of the map.
 *
 * Deadlines depend on plans only through this class, so that they are computed the same way
 * whatever stores the plans.
 */
export abstract class PlanFacts {
  abstract forEnrolments(enrolmentIds: string[]): Promise<Map<string, PlanFact>>;
}

/**
 * The facts read from the stored plans (docs/domain.md#sandbox-plans): one statement for any number
 * of enrolments, and two more only when some version is PROPOSED (its decisions so far, and the
 * enrolments' tracks, to know who still has to approve).
 */
@Injectable()
export class StoredPlanFacts extends PlanFacts {
  constructor(
    private readonly plans: SandboxPlanRepository,
    private readonly enrolments: EnrolmentRepository,
  ) {
    super();
  }

  async forEnrolments(enrolmentIds: string[]): Promise<Map<string, PlanFact>> {
    const versions = await this.plans.versionsOf(enrolmentIds);
    const byEnrolment = new Map<string, SandboxPlanEntity[]>();
    for (const v of versions) byEnrolment.set(v.enrolmentId, [...(byEnrolment.get(v.enrolmentId) ?? []), v]);

    const proposed = versions.filter((v) => v.status === SandboxPlanStatus.PROPOSED);
    const [approvals, tracks] = proposed.length
      ? await Promise.all([
          this.plans.approvalsOf(proposed.map((v) => v.id)),
          this.enrolments.tracksOf([...new Set(proposed.map((v) => v.enrolmentId))]),
        ])
      : [[], []];

    const facts = new Map<string, PlanFact>();
    for (const [enrolmentId, own] of byEnrolment) {
      // Agreed once: AGREED now, or SUPERSEDED after it was (an open version superseded was never decided).
      const agreedDays = own
        .filter(
          (v) =>
            v.decidedAt !== null &&
            (v.status === SandboxPlanStatus.AGREED || v.status === SandboxPlanStatus.SUPERSEDED),
        )
        .map((v) => toUtcDay(v.decidedAt!))
        .sort();
      const open = own.find((v) => v.status === SandboxPlanStatus.PROPOSED);
      facts.set(enrolmentId, {
        agreedOn: agreedDays[0] ?? null,
        endDay: planInForce(own)?.endDay ?? null,
        awaiting: open
          ? awaitingApproval(
              { status: open.status, decisions: approvals.filter((a) => a.planId === open.id) },
              tracks
                .filter((t) => t.enrolmentId === enrolmentId)
                .map((t) => ({ authorityId: t.authorityId, state: t.state as TrackState })),
            )
          : [],
      });
    }
    return facts;
  }
}

/** The PlanFacts the application uses (ApplicationModule). */
export const PLAN_FACTS_PROVIDER: Provider = { provide: PlanFacts, useClass: StoredPlanFacts };
