import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { AuthorityEntity } from '../entities/authority.entity.js';
import { CriterionClauseEntity } from '../entities/criterion-clause.entity.js';
import { CriterionEntity } from '../entities/criterion.entity.js';
import { CrosswalkEntity } from '../entities/crosswalk.entity.js';
import { JurisdictionEntity } from '../entities/jurisdiction.entity.js';

/**
 * An AI system as a simulation needs it: no name, no purpose. The organisation id is read only to
 * count distinct organisations (disclosure control); it never enters a population document.
 */
export interface RecordedSystemRow {
  id: string;
  organisationId: string;
  sector: string;
  riskClass: string;
  homeJurisdiction: string;
}

/** One result of an ACCEPTED PUBLIC or PARTICIPANTS report, with only what the recognition engine reads. */
export interface RecordedResultRow {
  id: string;
  systemId: string;
  criterionId: string;
  testedIn: string;
  testedAt: string;
  value: number | null;
  passed: boolean;
  method: string;
  labAccredited: boolean;
  labAccreditationBody: string | null;
}

export interface RecordedTargetRow {
  systemId: string;
  authorityId: string;
}

export interface RecordedDataFilter {
  sectors?: readonly string[] | null;
  testedFrom?: string | null;
  testedTo?: string | null;
}

/**
 * Read model over the platform's recorded data for simulations (docs/domain.md#simulation): systems, accepted
 * results and enrolment targets, and the reference model. Reads only the columns the engine needs,
 * so names and evidence never leave the database on this path.
 */
@Injectable()
export class SimulationDataRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  /** Systems (optionally of these sectors) with their organisation's home jurisdiction, by id. */
  async systems(filter: RecordedDataFilter): Promise<RecordedSystemRow[]> {
    const query = this.connection.manager
      .createQueryBuilder()
      .select([
        's.id AS "id"',
        's.organisation_id AS "organisationId"',
        's.sector AS "sector"',
        's.risk_class AS "riskClass"',
        'o.home_jurisdiction_code AS "homeJurisdiction"',
      ])
      .from('ai_system', 's')
      .innerJoin('organisation', 'o', 'o.id = s.organisation_id')
      .orderBy('s.id', 'ASC');
    if (filter.sectors?.length) query.andWhere('s.sector IN (:...sectors)', { sectors: [...filter.sectors] });
    return query.getRawMany<RecordedSystemRow>();
  }

  /**
   * Results of ACCEPTED reports (reviewed evidence only) shared beyond the home authority — PUBLIC
   * or PARTICIPANTS, never HOME_AUTHORITY, whose results only that authority may read — tested
   * (period end) inside the optional range, ordered by system, test day and id.
   */
  async acceptedResults(filter: RecordedDataFilter): Promise<RecordedResultRow[]> {
    const query = this.connection.manager
      .createQueryBuilder()
      .select([
        'tr.id AS "id"',
        'e.ai_system_id AS "systemId"',
        'tr.criterion_id AS "criterionId"',
        'rep.tested_in AS "testedIn"',
        `to_char(rep.period_end, 'YYYY-MM-DD') AS "testedAt"`,
        'tr.value AS "value"',
        `(tr.outcome = 'PASS') AS "passed"`,
        'rep.method_id AS "method"',
        'rep.lab_accredited AS "labAccredited"',
        'rep.lab_accreditation_body AS "labAccreditationBody"',
      ])
      .from('test_result', 'tr')
      .innerJoin('test_report', 'rep', 'rep.id = tr.report_id')
      .innerJoin('enrolment', 'e', 'e.id = rep.enrolment_id')
      .where(`rep.status = 'ACCEPTED'`)
      .andWhere(`rep.confidentiality IN ('PUBLIC','PARTICIPANTS')`)
      .orderBy('e.ai_system_id', 'ASC')
      .addOrderBy('rep.period_end', 'ASC')
      .addOrderBy('tr.id', 'ASC');
    if (filter.testedFrom) query.andWhere('rep.period_end >= :from', { from: filter.testedFrom });
    if (filter.testedTo) query.andWhere('rep.period_end <= :to', { to: filter.testedTo });
    const rows = await query.getRawMany<RecordedResultRow>();
    // double precision comes back as a number; keep null as null.
    return rows.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value) }));
  }

  /** The authorities each system targets in its live (not withdrawn or declined) enrolments. */
  enrolmentTargets(): Promise<RecordedTargetRow[]> {
    return this.connection.manager
      .createQueryBuilder()
      .select(['DISTINCT e.ai_system_id AS "systemId"', 't.authority_id AS "authorityId"'])
      .from('enrolment_track', 't')
      .innerJoin('enrolment', 'e', 'e.id = t.enrolment_id')
      .where(`e.state NOT IN ('WITHDRAWN','DECLINED')`)
      .orderBy('"systemId"', 'ASC')
      .addOrderBy('"authorityId"', 'ASC')
      .getRawMany<RecordedTargetRow>();
  }

  jurisdictions(): Promise<JurisdictionEntity[]> {
    return this.connection.getRepository(JurisdictionEntity).find({ order: { code: 'ASC' } });
  }

  authorities(): Promise<AuthorityEntity[]> {
    return this.connection.getRepository(AuthorityEntity).find({ order: { id: 'ASC' } });
  }

  /** ACTIVE criteria plus any other version named in `alsoIds` (e.g. by recorded results), by id. */
  async criteria(alsoIds: readonly string[]): Promise<CriterionEntity[]> {
    const query = this.connection
      .getRepository(CriterionEntity)
      .createQueryBuilder('c')
      .where(`c.status = 'ACTIVE'`)
      .orderBy('c.id', 'ASC');
    if (alsoIds.length) query.orWhere('c.id IN (:...ids)', { ids: [...alsoIds] });
    return query.getMany();
  }

  clauseLinks(): Promise<CriterionClauseEntity[]> {
    return this.connection
      .getRepository(CriterionClauseEntity)
      .find({ order: { criterionId: 'ASC', clauseId: 'ASC' } });
  }

  crosswalks(): Promise<CrosswalkEntity[]> {
    return this.connection.getRepository(CrosswalkEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
