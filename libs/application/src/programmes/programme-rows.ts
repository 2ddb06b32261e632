import type { ProgrammeCriterionEntity, ProgrammeRepository } from '@sandbridge/persistence';

/** Participating authority ids of each programme, in the order they joined (one statement for all). */
export async function participantIdsOf(
  programmes: ProgrammeRepository,
  programmeIds: readonly string[],
): Promise<string[][]> {
  const rows = await programmes.participantsOf(programmeIds);
  return programmeIds.map((id) => rows.filter((r) => r.programmeId === id).map((r) => r.authorityId));
}

/** The criteria attached to each programme (one statement for all). */
export async function attachmentsOf(
  programmes: ProgrammeRepository,
  programmeIds: readonly string[],
): Promise<ProgrammeCriterionEntity[][]> {
  const rows = await programmes.criteriaOf(programmeIds);
  return programmeIds.map((id) => rows.filter((r) => r.programmeId === id));
}
