import {
  DomainError,
  type EntryDecision,
  type ExitDecision,
  ProgrammeStatus,
  type SuspensionGround,
  toUtcDay,
} from '@sandbridge/domain';
import type { EnrolmentEntity, ProgrammeEntity } from '@sandbridge/persistence';

/** A result as the applicant or a lab supplies it. */
export interface ResultCommand {
  criterionId: string;
  value?: number | null;
  evidenceReference?: string | null;
  evidenceSha256?: string | null;
  /** A stored evidence file of the organisation (docs/domain.md#evidence): its hash and title fill in. */
  evidenceId?: string | null;
  attested?: boolean | null;
}

export interface CreateEnrolmentCommand {
  programmeId: string;
  aiSystemId: string;
  targetAuthorityIds: string[];
  entryResults?: ResultCommand[] | null;
}

export interface UpdateApplicationCommand {
  enrolmentId: string;
  expectedVersion: number;
  targetAuthorityIds?: string[] | null;
  entryResults?: ResultCommand[] | null;
}

export interface DecisionCommand {
  enrolmentId: string;
  expectedVersion: number;
  reasons?: string | null;
}

export interface EntryDecisionCommand extends DecisionCommand {
  decision: EntryDecision;
  /** Required when admitting over an unmet mandatory entry criterion. */
  justification?: string | null;
}

export interface ExitDecisionCommand extends DecisionCommand {
  decision: ExitDecision;
}

/** A suspension names its ground and says why in words. */
export interface SuspendCommand extends DecisionCommand {
  ground: SuspensionGround;
  reasons: string;
}

export function requireVersion(enrolment: EnrolmentEntity, expectedVersion: number): void {
  if (enrolment.version !== expectedVersion) throw staleEnrolment(enrolment.version);
}

export function staleEnrolment(current?: number): DomainError {
  return DomainError.conflict(
    `The enrolment has changed since you read it${current ? ` (it is at version ${current})` : ''}: reload and decide again`,
  );
}

/** Applications are accepted only while the programme is OPEN and, on `now`'s UTC day, inside its window. */
export function requireApplicationWindow(programme: ProgrammeEntity, now: Date): void {
  if (programme.status !== ProgrammeStatus.OPEN)
    throw DomainError.invalidTransition(
      `The programme is ${programme.status}: applications are accepted only while it is OPEN`,
    );
  const today = toUtcDay(now);
  if (programme.applicationOpens && today < programme.applicationOpens)
    throw DomainError.invalidTransition(`Applications open on ${programme.applicationOpens}`);
  if (programme.applicationCloses && today > programme.applicationCloses)
    throw DomainError.invalidTransition(`Applications closed on ${programme.applicationCloses}`);
}
