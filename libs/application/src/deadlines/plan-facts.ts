import { Injectable, type Provider } from '@nestjs/common';
import type { PlanFact } from '@sandbridge/domain';

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
 * No plans recorded: every enrolment is without one, so the plan-agreed deadline stays open (and
 * overdue 30 days after admission) and the plan's other deadlines are not shown. Stands until
 * sandbox plans are stored: their service then provides PlanFacts instead (PLAN_FACTS_PROVIDER).
 */
@Injectable()
export class NoPlanFacts extends PlanFacts {
  forEnrolments(): Promise<Map<string, PlanFact>> {
    return Promise.resolve(new Map());
  }
}

/** The PlanFacts the application uses (ApplicationModule): the one place to change when plans are stored. */
export const PLAN_FACTS_PROVIDER: Provider = { provide: PlanFacts, useClass: NoPlanFacts };
