import { Injectable } from '@nestjs/common';
import { isUuid } from '@sandbridge/domain';
import { In } from 'typeorm';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { TestReportEntity } from '../entities/test-report.entity.js';
import { TestResultEntity } from '../entities/test-result.entity.js';

/** Rows per INSERT: 10 columns × 2,000 stays far below PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 2000;

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

  findByIdempotencyKey(enrolmentId: string, idempotencyKey: string): Promise<TestReportEntity | null> {
    return this.reports.findOneBy({ enrolmentId, idempotencyKey });
  }

  /** Reports of these enrolments, oldest first. */
  ofEnrolments(enrolmentIds: readonly string[]): Promise<TestReportEntity[]> {
    return enrolmentIds.length ? this.reports.find({ where: { enrolmentId: In([...enrolmentIds]) }, order: { submittedAt: 'ASC', id: 'ASC' } }) : Promise.resolve([]);
  }

  /** Results of these reports, in submission order. */
  resultsOf(reportIds: readonly string[]): Promise<TestResultEntity[]> {
    return reportIds.length ? this.results.find({ where: { reportId: In([...reportIds]) }, order: { reportId: 'ASC', position: 'ASC' } }) : Promise.resolve([]);
  }

  insertReport(values: Omit<TestReportEntity, 'id' | 'submittedAt' | 'enrolment' | 'submittedToAuthority' | 'testedInJurisdiction'>): Promise<TestReportEntity> {
    return this.reports.save(this.reports.create(values));
  }

  /** All results of a report in multi-row INSERTs (one per 2,000 rows), inside the caller's transaction. */
  async insertResults(rows: Omit<TestResultEntity, 'id' | 'report' | 'criterion'>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.results.createQueryBuilder().insert().into(TestResultEntity).values(rows.slice(i, i + INSERT_CHUNK)).updateEntity(false).execute();
    }
  }

  save(report: TestReportEntity): Promise<TestReportEntity> {
    return this.reports.save(report);
  }
}
