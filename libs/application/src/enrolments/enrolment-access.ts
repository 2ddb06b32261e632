import { type Actor, Confidentiality, EnrolmentState, type LifecycleActor, Role } from '@sandbridge/domain';
import type { EnrolmentEntity, TestReportEntity } from '@sandbridge/persistence';

/** Who the caller is to this enrolment's lifecycle. */
export function lifecycleActor(actor: Actor, enrolment: EnrolmentEntity): LifecycleActor {
  if (actor.role === Role.INNOVATOR && actor.organisationId === enrolment.organisationId) return { kind: 'INNOVATOR' };
  if (actor.role === Role.REGULATOR && actor.authorityId) return { kind: 'REGULATOR', authorityId: actor.authorityId };
  return { kind: 'OTHER' };
}

/**
 * docs/domain.md#roles-and-visibility: an innovator sees its own organisation's enrolments; a regulator the submitted
 * enrolments of programmes its authority takes part in; an administrator all; a negotiator none.
 */
export function canSeeEnrolment(actor: Actor, enrolment: EnrolmentEntity, programmeParticipants: string[]): boolean {
  switch (actor.role) {
    case Role.ADMIN:
      return true;
    case Role.INNOVATOR:
      return actor.organisationId === enrolment.organisationId;
    case Role.REGULATOR:
      return enrolment.state !== EnrolmentState.DRAFT && programmeParticipants.includes(actor.authorityId!);
    case Role.NEGOTIATOR:
      return false;
  }
}

/**
 * Confidential evidence (docs/domain.md#roles-and-visibility): PUBLIC reports every authority (never other innovators),
 * PARTICIPANTS the programme's authorities, HOME_AUTHORITY only the authority it was submitted to.
 */
export function canSeeReport(
  actor: Actor,
  report: TestReportEntity,
  enrolment: EnrolmentEntity,
  programmeParticipants: string[],
): boolean {
  switch (actor.role) {
    case Role.ADMIN:
      return true;
    case Role.INNOVATOR:
      return actor.organisationId === enrolment.organisationId;
    case Role.NEGOTIATOR:
      return false;
    case Role.REGULATOR:
      return authorityMaySeeReport(actor.authorityId!, report, programmeParticipants);
  }
}

/** The regulator's rule of `canSeeReport`, for an authority (e.g. the one evaluating its track) rather than a caller. */
export function authorityMaySeeReport(
  authorityId: string,
  report: TestReportEntity,
  programmeParticipants: string[],
): boolean {
  if (report.confidentiality === Confidentiality.PUBLIC) return true;
  if (report.confidentiality === Confidentiality.PARTICIPANTS) return programmeParticipants.includes(authorityId);
  return report.submittedTo === authorityId;
}
