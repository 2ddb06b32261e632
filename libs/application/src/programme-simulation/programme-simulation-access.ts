import { type Actor, DomainError, type ProgrammeScenario, Role, SimulationKind } from '@sandbridge/domain';
import type { AuthorityEntity, SimulationRunEntity } from '@sandbridge/persistence';

/**
 * Who simulates programme designs (docs/programme-simulation.md#the-api): regulators, for designs
 * their own authority takes part in, and negotiators. Innovators and administrators never (FORBIDDEN):
 * a programme design is an authority's or a jurisdiction's question, which neither acts for.
 */
export function requireDesigner(actor: Actor): void {
  if (actor.role !== Role.REGULATOR && actor.role !== Role.NEGOTIATOR)
    throw DomainError.forbidden(`Only regulators and negotiators simulate programme designs; you are ${actor.role}`);
}

/** A programme run is its starter's alone: anyone else's is answered as missing. */
export function isOwnProgrammeRun(actor: Actor, run: SimulationRunEntity): boolean {
  return run.kind === SimulationKind.PROGRAMME && run.createdBy === actor.accountId;
}

/**
 * An authority's id in programme scenarios: `<jurisdiction>-<acronym>` in lower case, other characters as `-` (`gb-fca`, `eu-ai-office`), as
 * the examples write them and as `programmeDesignScenario` does.
 */
export function authorityKey(authority: Pick<AuthorityEntity, 'jurisdictionCode' | 'acronym'>): string {
  return `${authority.jurisdictionCode}-${authority.acronym}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * A regulator simulates only designs its authority takes part in: the scenario must name the
 * authority (by its key or its platform id) and every design must count it among its participants.
 * Refused as BAD_USER_INPUT at the offending path (the regulator may run designs, just not this one).
 */
export function requireOwnAuthorityInDesigns(
  scenario: ProgrammeScenario,
  authority: Pick<AuthorityEntity, 'id' | 'jurisdictionCode' | 'acronym'>,
  root: string,
): void {
  const key = authorityKey(authority);
  const own = new Set(scenario.authorities.filter((a) => a.id === key || a.id === authority.id).map((a) => a.id));
  if (own.size === 0)
    throw DomainError.badInput([
      {
        path: `${root}.authorities`,
        message: `names no authority of yours: a regulator simulates designs its own authority takes part in (id ${JSON.stringify(key)})`,
      },
    ]);
  const errors = scenario.designs.flatMap((design, i) =>
    design.participants.some((p) => own.has(p))
      ? []
      : [
          {
            path: `${root}.designs[${i}].participants`,
            message: `must include your authority (${[...own].map((id) => JSON.stringify(id)).join(' or ')})`,
          },
        ],
  );
  if (errors.length) throw DomainError.badInput(errors);
}
