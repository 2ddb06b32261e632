import { Injectable } from '@nestjs/common';
import {
  EnrolmentState,
  EntryDecision,
  type ExitDecision,
  isUuid,
  JointEntryRule,
  ReportStatus,
  TrackState,
} from '@sandbridge/domain';
import { TransactionalConnection } from '../database/transactional-connection.js';

/** One of an authority's tracks with what its work queue needs of the enrolment (docs/domain.md#the-work-queue). */
export interface QueueTrackRow {
  enrolmentId: string;
  enrolmentState: EnrolmentState;
  submittedAt: Date | null;
  exitedAt: Date | null;
  /** The enrolment's first accepted ADMIT, on any track. */
  admittedAt: Date | null;
  state: TrackState;
  exitDecision: ExitDecision | null;
  /** False when the programme's lead decides entry for every track (LEAD_DECIDES) and this is not the lead. */
  decidesEntry: boolean;
  /** This authority's first issued exit report on the enrolment. */
  exitReportIssuedAt: Date | null;
}

/** When each authority first issued its exit report on an enrolment. */
export interface FirstIssuedExitReport {
  enrolmentId: string;
  authorityId: string;
  issuedAt: Date;
}

/** A track may still wait for its authority in these enrolment states (queue rows outside them are never read). */
const OPEN_STATES = [
  EnrolmentState.SUBMITTED,
  EnrolmentState.UNDER_REVIEW,
  EnrolmentState.TESTING,
  EnrolmentState.EXIT_REVIEW,
  EnrolmentState.SUSPENDED,
];
/** This track's authority's exit reports on the enrolment that were issued (superseded ones included). */
const ISSUED = `FROM exit_report r
  WHERE r.enrolment_id = t.enrolment_id AND r.authority_id = t.authority_id AND r.issued_at IS NOT NULL`;

/**
 * The reads behind deadlines and the work queue: one statement each, whatever the number of
 * enrolments, so a page of enrolments or a queue costs the same for 1 item or 100.
 */
@Injectable()
export class DeadlineRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  /**
   * The tracks of `authorityId` that may still wait for it, in programmes it takes part in: those of
   * enrolments submitted and not ended, and the final tracks of exited enrolments whose exit report
   * it has not issued yet.
   */
  async queueTracksOf(authorityId: string): Promise<QueueTrackRow[]> {
    if (!isUuid(authorityId)) return [];
    const rows: Record<string, unknown>[] = await this.connection.manager.query(
      `SELECT e.id AS enrolment_id, e.state AS enrolment_state, e.submitted_at, e.exited_at,
              t.state, t.exit_decision,
              (p.joint_entry_rule <> $2 OR p.lead_authority_id = t.authority_id) AS decides_entry,
              (SELECT min(a.entry_decided_at) FROM enrolment_track a
                WHERE a.enrolment_id = t.enrolment_id AND a.entry_decision = $3) AS admitted_at,
              (SELECT min(r.issued_at) ${ISSUED}) AS exit_report_issued_at
         FROM enrolment_track t
         JOIN enrolment e ON e.id = t.enrolment_id
         JOIN programme p ON p.id = e.programme_id
        WHERE t.authority_id = $1
          AND EXISTS (SELECT 1 FROM programme_participant pp WHERE pp.programme_id = e.programme_id AND pp.authority_id = $1)
          AND (e.state = ANY($4::varchar[])
               OR (e.state = $5 AND t.state = ANY($6::varchar[]) AND NOT EXISTS (SELECT 1 ${ISSUED})))`,
      [
        authorityId,
        JointEntryRule.LEAD_DECIDES,
        EntryDecision.ADMIT,
        OPEN_STATES,
        EnrolmentState.EXITED,
        [TrackState.AUTHORISED, TrackState.REJECTED],
      ],
    );
    return rows.map((r) => ({
      enrolmentId: r.enrolment_id as string,
      enrolmentState: r.enrolment_state as EnrolmentState,
      submittedAt: r.submitted_at as Date | null,
      exitedAt: r.exited_at as Date | null,
      admittedAt: r.admitted_at as Date | null,
      state: r.state as TrackState,
      exitDecision: r.exit_decision as ExitDecision | null,
      decidesEntry: r.decides_entry as boolean,
      exitReportIssuedAt: r.exit_report_issued_at as Date | null,
    }));
  }

  /** Test reports submitted to `authorityId` and not reviewed yet (their enrolments in its programmes). */
  async reportsAwaitingReview(authorityId: string): Promise<{ reportId: string; enrolmentId: string }[]> {
    if (!isUuid(authorityId)) return [];
    const rows: { id: string; enrolment_id: string }[] = await this.connection.manager.query(
      `SELECT r.id, r.enrolment_id FROM test_report r JOIN enrolment e ON e.id = r.enrolment_id
        WHERE r.submitted_to = $1 AND r.status = $2
          AND EXISTS (SELECT 1 FROM programme_participant pp WHERE pp.programme_id = e.programme_id AND pp.authority_id = $1)`,
      [authorityId, ReportStatus.SUBMITTED],
    );
    return rows.map((r) => ({ reportId: r.id, enrolmentId: r.enrolment_id }));
  }

  /** The first issued exit report of each authority on these enrolments (corrections do not count again). */
  async firstIssuedExitReports(enrolmentIds: readonly string[]): Promise<FirstIssuedExitReport[]> {
    const ids = enrolmentIds.filter(isUuid);
    if (!ids.length) return [];
    const rows: { enrolment_id: string; authority_id: string; issued_at: Date }[] = await this.connection.manager.query(
      `SELECT enrolment_id, authority_id, min(issued_at) AS issued_at FROM exit_report
        WHERE enrolment_id = ANY($1::uuid[]) AND issued_at IS NOT NULL GROUP BY enrolment_id, authority_id`,
      [ids],
    );
    return rows.map((r) => ({ enrolmentId: r.enrolment_id, authorityId: r.authority_id, issuedAt: r.issued_at }));
  }
}
