import { AgreementStatus } from '../recognition/recognition.js';
import { AgreementAction } from './agreements.js';

/** DRAFT → PROPOSED → IN_FORCE ↔ SUSPENDED → TERMINATED (docs/domain.md#recognition). */
const TRANSITIONS: Record<AgreementAction, { from: AgreementStatus[]; to: AgreementStatus }> = {
  [AgreementAction.PROPOSE]: { from: [AgreementStatus.DRAFT], to: AgreementStatus.PROPOSED },
  // Approvals collect while PROPOSED; the last party's approval puts the agreement in force.
  [AgreementAction.APPROVE]: { from: [AgreementStatus.PROPOSED], to: AgreementStatus.IN_FORCE },
  [AgreementAction.SUSPEND]: { from: [AgreementStatus.IN_FORCE], to: AgreementStatus.SUSPENDED },
  [AgreementAction.RESUME]: { from: [AgreementStatus.SUSPENDED], to: AgreementStatus.IN_FORCE },
  [AgreementAction.TERMINATE]: {
    from: [AgreementStatus.IN_FORCE, AgreementStatus.SUSPENDED],
    to: AgreementStatus.TERMINATED,
  },
};

/** What the guards of an agreement transition look at. */
export interface AgreementSnapshot {
  status: AgreementStatus;
  parties: string[];
  /** Parties (jurisdiction codes) that have approved the current proposal. */
  approvedBy: string[];
  ruleCount: number;
}

export type AgreementVerdict =
  { allowed: true; to: AgreementStatus; approval: boolean } | { allowed: false; reason: string };

/** Decides `action` taken by a negotiator of party `by`: the table first, then the guards. */
export function decideAgreementTransition(
  agreement: AgreementSnapshot,
  action: AgreementAction,
  by: string,
): AgreementVerdict {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(agreement.status)) {
    return {
      allowed: false,
      reason: `Cannot ${action} an agreement that is ${agreement.status} (only from ${transition.from.join(' or ')})`,
    };
  }
  if (action === AgreementAction.PROPOSE && agreement.ruleCount === 0) {
    return { allowed: false, reason: 'An agreement needs at least one rule before it is proposed' };
  }
  if (action === AgreementAction.APPROVE) {
    if (agreement.approvedBy.includes(by))
      return { allowed: false, reason: `${by} has already approved this agreement` };
    const approved = new Set([...agreement.approvedBy, by]);
    const complete = agreement.parties.every((p) => approved.has(p));
    return { allowed: true, to: complete ? AgreementStatus.IN_FORCE : AgreementStatus.PROPOSED, approval: true };
  }
  return { allowed: true, to: transition.to, approval: false };
}

/** The actions whose table entry starts at `status` (guards aside). */
export function agreementActionsFrom(status: AgreementStatus): AgreementAction[] {
  return (Object.keys(TRANSITIONS) as AgreementAction[]).filter((a) => TRANSITIONS[a].from.includes(status));
}

/** Terms and rules change only while the agreement is a DRAFT: what parties approve is fixed. */
export function isAgreementEditable(status: AgreementStatus): boolean {
  return status === AgreementStatus.DRAFT;
}
