import { type Actor, DomainError, type JointEntryRule, type ProgrammeStatus, Role } from '@sandbridge/domain';
import type { ProgrammeEntity } from '@sandbridge/persistence';

export interface ProgrammeFields {
  name: string;
  description?: string | null;
  sectors?: string[] | null;
  /** UTC days `YYYY-MM-DD`. */
  applicationOpens?: string | null;
  applicationCloses?: string | null;
  maxTestingDays: number;
  cohortCapacity: number;
  jointEntryRule: JointEntryRule;
  /**
   * When on, entry and exit evaluation count a criterion as met by a result of the same AI system
   * recognised (fully) through an agreement in force, so innovators do not re-test what an
   * agreement already covers. Default false.
   */
  acceptsRecognisedResults?: boolean | null;
}

export interface CreateProgrammeCommand extends ProgrammeFields {
  /** Defaults to the regulator's own authority; an administrator must name one. */
  leadAuthorityId?: string | null;
  /** Other participating authorities (the lead always participates). */
  participantAuthorityIds?: string[] | null;
}

/** Absent (or null, for required fields) = unchanged; null clears an optional field. */
export type UpdateProgrammeCommand = { id: string } & { [K in keyof ProgrammeFields]?: ProgrammeFields[K] | null };

export const PROGRAMME_REQUIRED_FIELDS = new Set([
  'name',
  'maxTestingDays',
  'cohortCapacity',
  'jointEntryRule',
  'acceptsRecognisedResults',
]);

export interface AttachCriterionCommand {
  programmeId: string;
  criterionId: string;
  mandatory?: boolean | null;
}

export function requireRegulatorOf(actor: Actor, authorityId: string, what: string): void {
  if (actor.role === Role.ADMIN) return;
  if (actor.role === Role.REGULATOR && actor.authorityId === authorityId) return;
  throw DomainError.forbidden(`Only that authority’s regulators may ${what}`);
}

export function requireStatus(programme: ProgrammeEntity, allowed: ProgrammeStatus[], what: string): void {
  if (!allowed.includes(programme.status)) {
    throw DomainError.invalidTransition(
      `Cannot ${what} a ${programme.status} programme (only ${allowed.join(' or ')})`,
    );
  }
}

export function leadFor(actor: Actor, requested: string | null | undefined): string {
  if (actor.role === Role.REGULATOR) {
    if (requested && requested !== actor.authorityId)
      throw DomainError.forbidden('A regulator creates programmes led by its own authority');
    return actor.authorityId!;
  }
  if (actor.role === Role.ADMIN) {
    if (!requested)
      throw DomainError.badInput([
        { path: 'input.leadAuthorityId', message: 'is required when an administrator creates a programme' },
      ]);
    return requested;
  }
  throw DomainError.forbidden(`Only regulators run programmes; you are ${actor.role}`);
}

export function checkProgrammeFields(fields: ProgrammeFields): void {
  if (fields.applicationOpens && fields.applicationCloses && fields.applicationOpens > fields.applicationCloses) {
    throw DomainError.badInput([{ path: 'input.applicationCloses', message: 'must not be before applicationOpens' }]);
  }
}

export function programmeFieldsOf(p: ProgrammeEntity): ProgrammeFields {
  return {
    name: p.name,
    description: p.description,
    sectors: p.sectors,
    applicationOpens: p.applicationOpens,
    applicationCloses: p.applicationCloses,
    maxTestingDays: p.maxTestingDays,
    cohortCapacity: p.cohortCapacity,
    jointEntryRule: p.jointEntryRule,
    acceptsRecognisedResults: p.acceptsRecognisedResults,
  };
}

export function programmeColumns(f: ProgrammeFields) {
  return {
    name: f.name,
    description: f.description ?? '',
    sectors: [...new Set(f.sectors ?? [])].sort(),
    applicationOpens: f.applicationOpens ?? null,
    applicationCloses: f.applicationCloses ?? null,
    maxTestingDays: f.maxTestingDays,
    cohortCapacity: f.cohortCapacity,
    jointEntryRule: f.jointEntryRule,
    acceptsRecognisedResults: f.acceptsRecognisedResults ?? false,
  };
}
