import { ProgrammeStatus } from './programmes.js';

export enum ProgrammeAction {
  OPEN = 'OPEN',
  START = 'START',
  CLOSE = 'CLOSE',
}

/** DRAFT → OPEN → RUNNING → CLOSED (docs/domain.md#programmes-and-the-enrolment-lifecycle); each action has one source state. */
const TRANSITIONS: Record<ProgrammeAction, { from: ProgrammeStatus; to: ProgrammeStatus }> = {
  [ProgrammeAction.OPEN]: { from: ProgrammeStatus.DRAFT, to: ProgrammeStatus.OPEN },
  [ProgrammeAction.START]: { from: ProgrammeStatus.OPEN, to: ProgrammeStatus.RUNNING },
  [ProgrammeAction.CLOSE]: { from: ProgrammeStatus.RUNNING, to: ProgrammeStatus.CLOSED },
};

/** What the guards of a programme transition look at. */
export interface ProgrammeSnapshot {
  status: ProgrammeStatus;
  /** Participating authorities (ids), the lead included. */
  participants: string[];
  /** Authority ids that have attached at least one ENTRY criterion. */
  authoritiesWithEntryCriteria: string[];
  /** How reasons name an authority (its acronym), by id; an authority left out is named by its id. */
  authorityNames?: Readonly<Record<string, string>>;
}

export type TransitionVerdict = { allowed: true; to: ProgrammeStatus } | { allowed: false; reason: string };

/** Decides a transition: the table first, then the guards, each veto with a reason. */
export function decideProgrammeTransition(programme: ProgrammeSnapshot, action: ProgrammeAction): TransitionVerdict {
  const transition = TRANSITIONS[action];
  if (programme.status !== transition.from) {
    return {
      allowed: false,
      reason: `Cannot ${action} a programme that is ${programme.status} (only from ${transition.from})`,
    };
  }
  if (action === ProgrammeAction.OPEN) {
    // Applicants must be able to see what each authority will assess them on before they apply.
    const missing = programme.participants.filter((id) => !programme.authoritiesWithEntryCriteria.includes(id));
    if (missing.length) {
      return {
        allowed: false,
        reason: `Every participating authority needs at least one ENTRY criterion before opening (missing: ${missing.map((id) => programme.authorityNames?.[id] ?? id).join(', ')})`,
      };
    }
  }
  return { allowed: true, to: transition.to };
}

/** The actions whose table entry starts at `status` (guards aside). */
export function programmeActionsFrom(status: ProgrammeStatus): ProgrammeAction[] {
  return (Object.keys(TRANSITIONS) as ProgrammeAction[]).filter((action) => TRANSITIONS[action].from === status);
}
