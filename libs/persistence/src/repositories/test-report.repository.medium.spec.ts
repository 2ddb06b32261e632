import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Confidentiality, EnrolmentState, ReportStatus, ResultOutcome } from '@sandbridge/domain';
import {
  type EnrolmentEntity,
  EnrolmentRepository,
  TestReportRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { buildModuleSandbox, type ModuleSandbox, TestModule } from '@sandbridge/testing';

// TestReportRepository on the file's own database: a report's results go in as one `unnest`
// statement of nine typed arrays — every column must come back as it went in, nulls included, in
// position order, and inside the caller's transaction.

describe('TestReportRepository', () => {
  let m: TestModule;
  let sb: ModuleSandbox;
  let reports: TestReportRepository;
  let connection: TransactionalConnection;
  let enrolment: EnrolmentEntity;

  beforeAll(async () => {
    m = await TestModule.create();
    sb = await buildModuleSandbox(m);
    reports = m.get(TestReportRepository);
    connection = m.get(TransactionalConnection);
    enrolment = await m.get(EnrolmentRepository).insert({
      programmeId: sb.programmeId,
      aiSystemId: sb.systemId,
      organisationId: sb.organisationId,
      state: EnrolmentState.TESTING,
    });
  });
  afterAll(async () => {
    await m?.close();
  });

  function reportValues(idempotencyKey = randomUUID()) {
    return {
      enrolmentId: enrolment.id,
      submittedTo: sb.authorities[0].id,
      submittedBy: sb.innovator.accountId,
      periodStart: '2026-01-05',
      periodEnd: '2026-02-05',
      labName: 'Merlion Assurance Lab',
      labAccredited: true,
      labAccreditationBody: null,
      methodId: 'ISO/IEC 23894:2023 §6.4',
      methodVersion: '2023',
      testedIn: 'SG',
      confidentiality: Confidentiality.PARTICIPANTS,
      idempotencyKey,
      payloadHash: 'b'.repeat(64),
      status: ReportStatus.SUBMITTED,
      reviewReasons: null,
      reviewedBy: null,
      reviewedAt: null,
      resultCount: 0,
      planVersion: 1,
    };
  }

  const resultCount = async () => (await m.query<{ n: number }>('SELECT count(*)::int AS n FROM test_result'))[0].n;

  it('stores a report and finds it by id and by its idempotency key', async () => {
    const values = reportValues();
    const report = await reports.insertReport(values);
    expect(report.submittedAt).toBeInstanceOf(Date);
    expect(await reports.findById(report.id)).toMatchObject({ ...values, id: report.id });
    expect((await reports.findByIdempotencyKey(enrolment.id, values.idempotencyKey))?.id).toBe(report.id);
    expect(await reports.findByIdempotencyKey(enrolment.id, 'unused')).toBeNull();
    expect(await reports.findById('not-a-uuid')).toBeNull();
  });

  it('refuses a second report with the same idempotency key for one enrolment', async () => {
    const key = randomUUID();
    await reports.insertReport(reportValues(key));
    await expect(reports.insertReport(reportValues(key))).rejects.toThrow(/test_report_idempotency_key/);
  });

  it('inserts all results in one statement; every column comes back as it went in, in position order', async () => {
    const report = await reports.insertReport(reportValues());
    const [metric, attestation] = [sb.authorities[0].criteria.TESTING, sb.authorities[0].criteria.ENTRY];
    const rows = [
      {
        reportId: report.id,
        position: 1,
        criterionId: attestation,
        value: null,
        evidenceReference: null,
        evidenceSha256: null,
        evidenceId: null,
        attested: true,
        outcome: ResultOutcome.PASS,
        detail: 'attested',
      },
      {
        reportId: report.id,
        position: 0,
        criterionId: metric,
        value: 0.8125,
        evidenceReference: 'doc://lab/auc-run-17',
        evidenceSha256: 'c'.repeat(64),
        evidenceId: null,
        attested: null,
        outcome: ResultOutcome.PASS,
        detail: 'AUC 0.8125 ≥ 0.8',
      },
      {
        reportId: report.id,
        position: 2,
        criterionId: metric,
        value: -1e-9,
        evidenceReference: null,
        evidenceSha256: null,
        evidenceId: null,
        attested: null,
        outcome: ResultOutcome.FAIL,
        detail: 'below threshold',
      },
    ];
    await reports.insertResults(rows);
    const stored = await reports.resultsOf([report.id]);
    expect(stored.map(({ id: _id, ...rest }) => rest)).toEqual(
      [...rows].sort((a, b) => a.position - b.position).map((row) => expect.objectContaining(row)),
    );
    expect(stored.every((r) => typeof r.id === 'string')).toBe(true);
  });

  it('lists results report by report in the order asked, not by report id', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const report = await reports.insertReport(reportValues());
      await reports.insertResults(
        [0, 1].map((position) => ({
          reportId: report.id,
          position,
          criterionId: sb.authorities[0].criteria.TESTING,
          value: i + position / 10,
          evidenceReference: null,
          evidenceSha256: null,
          evidenceId: null,
          attested: null,
          outcome: ResultOutcome.INSUFFICIENT_EVIDENCE,
          detail: `report ${i}`,
        })),
      );
      ids.push(report.id);
    }
    const asked = [ids[2], ids[0], ids[3], ids[1]];
    expect((await reports.resultsOf(asked)).map((r) => [r.reportId, r.position])).toEqual(
      asked.flatMap((id) => [
        [id, 0],
        [id, 1],
      ]),
    );
    expect(await reports.resultsOf([])).toEqual([]);
  });

  it('writes thousands of results at once, and nothing when the caller’s transaction rolls back', async () => {
    const report = await reports.insertReport(reportValues());
    const many = Array.from({ length: 5000 }, (_, position) => ({
      reportId: report.id,
      position,
      criterionId: sb.authorities[1].criteria.TESTING,
      value: position / 5000,
      evidenceReference: `doc://run/${position}`,
      evidenceSha256: null,
      evidenceId: null,
      attested: null,
      outcome: ResultOutcome.PASS,
      detail: 'bulk',
    }));
    await reports.insertResults(many);
    expect((await reports.resultsOf([report.id])).length).toBe(5000);

    const before = await resultCount();
    await expect(
      connection.withTransaction(async () => {
        await reports.insertResults(many.map((row) => ({ ...row, position: row.position + 5000 })));
        throw new Error('the report is refused after its results were written');
      }),
    ).rejects.toThrow(/refused/);
    expect(await resultCount()).toBe(before);
    await reports.insertResults([]);
    expect(await resultCount()).toBe(before);
  });

  it('lists an enrolment’s reports oldest first', async () => {
    const listed = await reports.ofEnrolments([enrolment.id]);
    const times = listed.map((r) => r.submittedAt.getTime());
    expect(listed.length).toBeGreaterThan(3);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(await reports.ofEnrolments([])).toEqual([]);
  });
});
