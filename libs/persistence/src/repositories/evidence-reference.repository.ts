import { Injectable } from '@nestjs/common';
import { Confidentiality, EnrolmentState, isUuid, TrackState } from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { EvidenceEntity } from '../entities/evidence.entity.js';
import { SandboxPlanEvidenceEntity } from '../entities/sandbox-plan-evidence.entity.js';

/** Evidence named by a result of an enrolment, with its expiry day (the work queue's EVIDENCE_EXPIRING). */
export interface ExpiringEvidenceRow {
  evidenceId: string;
  enrolmentId: string;
  expiryDay: string;
}

/** Enrolment states whose testing tracks are open: evidence their results name still matters. */
const TESTING_STATES = [EnrolmentState.TESTING, EnrolmentState.SUSPENDED, EnrolmentState.EXIT_REVIEW];

/**
 * What results and plan sections name of the stored evidence (docs/domain.md#evidence): the files
 * a report or plan names (checked before it is written), the plan sections' references, and the
 * evidence expiring that the work queue and the innovator are shown. One statement per call,
 * whatever the number of ids.
 */
@Injectable()
export class EvidenceReferenceRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  /** The evidence records with these ids (unknown and malformed ids are left out): one statement. */
  findByIds(ids: readonly string[]): Promise<EvidenceEntity[]> {
    return rowsWhereAny(
      this.connection.manager,
      EvidenceEntity,
      'id',
      [...new Set(ids.filter(isUuid))],
      [['id', 'ASC']],
    );
  }

  /** Mirrors the evidence a new plan version's sections name (the version's content is never changed after). */
  async insertPlanEvidence(planId: string, rows: { section: string; evidenceId: string }[]): Promise<void> {
    if (!rows.length) return;
    await this.connection
      .getRepository(SandboxPlanEvidenceEntity)
      .insert(rows.map((r) => ({ planId, section: r.section, evidenceId: r.evidenceId })));
  }

  /**
   * Evidence that expires (by `untilDay` at the latest) named by a result of a test report that
   * `authorityId` may read (its confidentiality, docs/domain.md#confidentiality), of enrolments in
   * testing whose track of that authority is admitted or suspended, in programmes it takes part in.
   */
  async expiringForAuthority(authorityId: string): Promise<ExpiringEvidenceRow[]> {
    if (!isUuid(authorityId)) return [];
    const rows: { evidence_id: string; enrolment_id: string; expiry_day: string }[] =
      await this.connection.manager.query(
        `SELECT DISTINCT ev.id AS evidence_id, r.enrolment_id, ev.expiry_day::text AS expiry_day
           FROM test_result tr
           JOIN test_report r ON r.id = tr.report_id
           JOIN evidence ev ON ev.id = tr.evidence_id
           JOIN enrolment e ON e.id = r.enrolment_id
           JOIN enrolment_track t ON t.enrolment_id = e.id AND t.authority_id = $1
          WHERE tr.evidence_id IS NOT NULL AND ev.expiry_day IS NOT NULL
            AND e.state = ANY($2::varchar[]) AND t.state = ANY($3::varchar[])
            AND EXISTS (SELECT 1 FROM programme_participant pp WHERE pp.programme_id = e.programme_id AND pp.authority_id = $1)
            AND (r.confidentiality <> $4 OR r.submitted_to = $1)`,
        [authorityId, TESTING_STATES, [TrackState.ADMITTED, TrackState.SUSPENDED], Confidentiality.HOME_AUTHORITY],
      );
    return rows.map((r) => ({ evidenceId: r.evidence_id, enrolmentId: r.enrolment_id, expiryDay: r.expiry_day }));
  }

  /**
   * Evidence named by these enrolments' test results, entry results or plan sections that expires
   * on `untilDay` or earlier (expired ones included), each enrolment's soonest first: one statement.
   */
  async expiringOfEnrolments(enrolmentIds: readonly string[], untilDay: string): Promise<ExpiringEvidenceRow[]> {
    const ids = enrolmentIds.filter(isUuid);
    if (!ids.length) return [];
    const rows: { evidence_id: string; enrolment_id: string; expiry_day: string }[] =
      await this.connection.manager.query(
        `SELECT DISTINCT x.enrolment_id, ev.id AS evidence_id, ev.expiry_day::text AS expiry_day FROM (
             SELECT r.enrolment_id, tr.evidence_id FROM test_result tr JOIN test_report r ON r.id = tr.report_id
              WHERE r.enrolment_id = ANY($1::uuid[]) AND tr.evidence_id IS NOT NULL
             UNION ALL
             SELECT er.enrolment_id, er.evidence_id FROM entry_result er
              WHERE er.enrolment_id = ANY($1::uuid[]) AND er.evidence_id IS NOT NULL
             UNION ALL
             SELECT p.enrolment_id, pe.evidence_id FROM sandbox_plan_evidence pe JOIN sandbox_plan p ON p.id = pe.plan_id
              WHERE p.enrolment_id = ANY($1::uuid[])
           ) x
           JOIN evidence ev ON ev.id = x.evidence_id
          WHERE ev.expiry_day IS NOT NULL AND ev.expiry_day <= $2::date
          ORDER BY x.enrolment_id, expiry_day, evidence_id`,
        [ids, untilDay],
      );
    return rows.map((r) => ({ evidenceId: r.evidence_id, enrolmentId: r.enrolment_id, expiryDay: r.expiry_day }));
  }
}
