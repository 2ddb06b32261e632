import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  AgreementStatus,
  type DesignParticipant,
  DomainError,
  MAX_APPLICANTS,
  MAX_REPLICATIONS,
  programmeDesignScenario,
  Role,
  RuleEffect,
  toUtcDay,
} from '@sandbridge/domain';
import { AgreementRepository, AuthorityRepository, EnrolmentRepository } from '@sandbridge/persistence';
import { ProgrammeService } from '../programmes/programme.service.js';
import { authorityKey, requireDesigner } from './programme-simulation-access.js';

export interface DesignScenarioRequest {
  replications?: number | null;
  applicants?: number | null;
}

/**
 * "Simulate this design" (docs/programme-simulation.md#from-a-stored-programme): a stored programme
 * the caller may read, as a runnable programme scenario — its participants, lead, joint-entry rule,
 * capacity, testing period and whether it accepts recognised results, screening rates calibrated from
 * the platform's decided entry tracks under disclosure control, and the first variants to compare.
 */
@Injectable()
export class ProgrammeDesignScenarioService {
  constructor(
    private readonly programmes: ProgrammeService,
    private readonly authorities: AuthorityRepository,
    private readonly enrolments: EnrolmentRepository,
    private readonly agreements: AgreementRepository,
    private readonly clock: Clock,
  ) {}

  async scenarioOf(
    actor: Actor,
    programmeId: string,
    request: DesignScenarioRequest,
  ): Promise<Record<string, unknown>> {
    requireDesigner(actor);
    const errors = [
      ...bounded('replications', request.replications, MAX_REPLICATIONS),
      ...bounded('applicants', request.applicants, MAX_APPLICANTS),
    ];
    if (errors.length) throw DomainError.badInput(errors);
    // A DRAFT of other authorities is answered as missing, like every programme read.
    const programme = await this.programmes.findById(actor, programmeId);
    if (!programme) throw DomainError.notFound('Programme', programmeId);
    const [participantIds] = await this.programmes.participantIdsOf([programme.id]);
    if (actor.role === Role.REGULATOR && !participantIds.includes(actor.authorityId!))
      throw DomainError.forbidden('A regulator simulates the designs of programmes its authority takes part in');
    // The lead first, then the others by key: participants joined in one transaction share a join
    // time, and their order is the tie order of same-day decisions — it must not vary between reads.
    const found = new Map(
      (await this.authorities.findByIds([...new Set([programme.leadAuthorityId, ...participantIds])])).map((a) => [
        a.id,
        a,
      ]),
    );
    const others = participantIds
      .filter((id) => id !== programme.leadAuthorityId)
      .sort((x, y) => (authorityKey(found.get(x)!) < authorityKey(found.get(y)!) ? -1 : 1));
    participantIds.splice(0, participantIds.length, programme.leadAuthorityId, ...others);
    const decided = new Map(
      (await this.enrolments.entryDecisionsByAuthority(participantIds)).map((d) => [d.authorityId, d]),
    );
    const keys = new Set<string>();
    const participants: DesignParticipant[] = participantIds.map((id) => {
      const authority = found.get(id)!;
      let key = authorityKey(authority);
      // Two authorities of one jurisdiction may share an acronym: the second gets a suffix.
      for (let n = 2; keys.has(key); n++) key = `${authorityKey(authority)}-${n}`;
      keys.add(key);
      return {
        key,
        jurisdiction: authority.jurisdictionCode,
        admitted: decided.get(id)?.admitted ?? 0,
        declined: decided.get(id)?.declined ?? 0,
      };
    });
    const today = toUtcDay(this.clock.now());
    const document = programmeDesignScenario(
      {
        name: programme.name,
        participants,
        lead: participants[participantIds.indexOf(programme.leadAuthorityId)].key,
        jointEntryRule: programme.jointEntryRule,
        capacity: programme.cohortCapacity,
        testingDays: programme.maxTestingDays,
        acceptsRecognisedResults: programme.acceptsRecognisedResults,
        startDay: programme.applicationCloses ?? programme.applicationOpens ?? today,
        recognitionPairs: await this.recognitionPairs(today),
      },
      { replications: request.replications ?? undefined, applicants: request.applicants ?? undefined },
    );
    return document as unknown as Record<string, unknown>;
  }

  /** Origin → recognising jurisdiction pairs of the allow rules in force today (agreement and rule windows). */
  private async recognitionPairs(today: string): Promise<{ origin: string; recognising: string }[]> {
    const holds = (from: string | null, to: string | null) =>
      (from === null || from <= today) && (to === null || today < to);
    const inForce = (await this.agreements.all()).filter(
      (a) => a.status === AgreementStatus.IN_FORCE && holds(a.effectiveFrom, a.effectiveTo),
    );
    const pairs = new Map<string, { origin: string; recognising: string }>();
    for (const rule of await this.agreements.rulesOf(inForce.map((a) => a.id))) {
      if (rule.effect === RuleEffect.EXCLUDE || !holds(rule.effectiveFrom, rule.effectiveTo)) continue;
      for (const origin of rule.origins)
        for (const recognising of rule.recognising) pairs.set(`${origin}→${recognising}`, { origin, recognising });
    }
    return [...pairs.values()].sort((x, y) =>
      x.origin === y.origin ? (x.recognising < y.recognising ? -1 : 1) : x.origin < y.origin ? -1 : 1,
    );
  }
}

function bounded(path: string, value: number | null | undefined, max: number) {
  if (value === null || value === undefined) return [];
  return Number.isSafeInteger(value) && value >= 1 && value <= max
    ? []
    : [{ path, message: `must be a whole number from 1 to ${max}` }];
}
