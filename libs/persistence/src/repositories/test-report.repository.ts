import { Injectable } from '@nestjs/common';
import { isUuid } from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { TestReportEntity } from '../entities/test-report.entity.js';
import { TestResultEntity } from '../entities/test-result.entity.js';

@Injectable()
export class TestReportRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get reports() {
    return this.connection.getRepository(TestReportEntity);
  }

  private get results() {
    return this.connection.getRepository(TestResultEntity);
  }

  findById(id: string): Promise<TestReportEntity | null> {
    return isUuid(id) ? this.reports.findOneBy({ id }) : Promise.resolve(null);
  }

  findByIds(ids: readonly string[]): Promise<TestReportEntity[]> {
    return rowsWhereAny(this.connection.manager, TestReportEntity, 'id', ids.filter(isUuid));
  }

  /** These results (any order), e.g. to find the reports of the results a document rests on. */
  resultsByIds(ids: readonly string[]): Promise<TestResultEntity[]> {
    return rowsWhereAny(this.connection.manager, TestResultEntity, 'id', ids.filter(isUuid));
  }

  findByIdempotencyKey(enrolmentId: string, idempotencyKey: string): Promise<TestReportEntity | null> {
    return this.reports.findOneBy({ enrolmentId, idempotencyKey });
  }

  /** Reports of these enrolments, oldest first. */
  ofEnrolments(enrolmentIds: readonly string[]): Promise<TestReportEntity[]> {
    return rowsWhereAny(this.connection.manager, TestReportEntity, 'enrolmentId', enrolmentIds, [
      ['submittedAt', 'ASC'],
      ['id', 'ASC'],
    ]);
  }

  /**
   * Results of these reports, report by report in the order given (callers pass reports oldest
   * first), each report's in position order. Report ids are random UUIDs: ordering by them would
   * list a recognition case's results, and so its candidates, in an arbitrary order.
   */
  async resultsOf(reportIds: readonly string[]): Promise<TestResultEntity[]> {
    if (!reportIds.length) return [];
    const rank = new Map<string, number>();
    for (const id of reportIds) if (!rank.has(id)) rank.set(id, rank.size);
    const rows = await rowsWhereAny(
      this.connection.manager,
      TestResultEntity,
      'reportId',
      [...rank.keys()],
      [['position', 'ASC']],
    );
    return rows.sort((a, b) => rank.get(a.reportId)! - rank.get(b.reportId)! || a.position - b.position);
  }

  insertReport(
    values: Omit<
      TestReportEntity,
      'id' | 'submittedAt' | 'enrolment' | 'submittedToAuthority' | 'testedInJurisdiction'
    >,
  ): Promise<TestReportEntity> {
    return this.reports.save(this.reports.create(values));
  }

  /**
   * All results of a report in one statement, inside the caller's transaction: ten array
   * parameters expanded by `unnest`, so the cost does not grow with a query text of thousands of
   * placeholders (measured: about half the time of a multi-row INSERT built by TypeORM).
   */
  async insertResults(rows: Omit<TestResultEntity, 'id' | 'report' | 'criterion' | 'evidence'>[]): Promise<void> {
    if (!rows.length) return;
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
    await this.connection.manager.query(
      `INSERT INTO test_result (report_id, position, criterion_id, value, evidence_reference, evidence_sha256, attested, outcome, detail, evidence_id)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::float8[], $5::varchar[], $6::char(64)[], $7::boolean[], $8::varchar[], $9::varchar[], $10::uuid[])`,
      [
        column('reportId'),
        column('position'),
        column('criterionId'),
        column('value'),
        column('evidenceReference'),
        column('evidenceSha256'),
        column('attested'),
        column('outcome'),
        column('detail'),
        column('evidenceId'),
      ],
    );
  }

  save(report: TestReportEntity): Promise<TestReportEntity> {
    return this.reports.save(report);
  }
}
