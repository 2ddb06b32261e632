import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type SubmitTestReportCommand, TestReportService, TestReportSubmissionService } from '@sandbridge/application';
import { ErrorCode, Confidentiality } from '@sandbridge/domain';
import type { EnrolmentEntity } from '@sandbridge/persistence';
import { admitThroughServices, buildModuleSandbox, type ModuleSandbox, TestModule } from '@sandbridge/testing';

// TestReportSubmissionService.submit over the real database: one report per idempotency key — a retry gets
// the first report back and writes nothing, a different payload under the same key is a CONFLICT,
// and a refused submission leaves no row (so its key stays free).

describe('TestReportSubmissionService.submit (idempotency)', () => {
  let m: TestModule;
  let sb: ModuleSandbox;
  let service: TestReportSubmissionService;
  let enrolment: EnrolmentEntity;

  beforeAll(async () => {
    m = await TestModule.create();
    sb = await buildModuleSandbox(m);
    service = m.get(TestReportSubmissionService);
    enrolment = await admitThroughServices(m, sb, sb.authorities[0]);
  });
  afterAll(async () => {
    await m?.close();
  });

  function command(overrides: Partial<SubmitTestReportCommand> = {}): SubmitTestReportCommand {
    return {
      enrolmentId: enrolment.id,
      submittedTo: sb.authorities[0].id,
      periodStart: '2026-01-05',
      periodEnd: '2026-02-05',
      lab: { name: 'Merlion Assurance Lab', accredited: true, accreditationBody: 'SAC' },
      method: { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
      testedIn: 'SG',
      confidentiality: Confidentiality.PARTICIPANTS,
      idempotencyKey: randomUUID(),
      results: [{ criterionId: sb.authorities[0].criteria.TESTING, value: 0.86, evidenceReference: 'doc://auc' }],
      ...overrides,
    };
  }

  /** Rows the submission writes: the report, its results and its audit entry. */
  async function written() {
    const [row] = await m.query(
      `SELECT (SELECT count(*)::int FROM test_report) AS reports,
              (SELECT count(*)::int FROM test_result) AS results,
              (SELECT count(*)::int FROM audit_entry WHERE action = 'SUBMIT_TEST_REPORT') AS audit`,
    );
    return row;
  }

  it('stores a report with its evaluated results, and an audit entry', async () => {
    const before = await written();
    const report = await service.submit(sb.innovator, command());
    expect(report).toMatchObject({ enrolmentId: enrolment.id, status: 'SUBMITTED', resultCount: 1 });
    const [results] = await m.get(TestReportService).resultsOf([report.id]);
    expect(results).toEqual([expect.objectContaining({ position: 0, outcome: 'PASS', value: 0.86 })]);
    expect(await written()).toEqual({
      reports: before.reports + 1,
      results: before.results + 1,
      audit: before.audit + 1,
    });
  });

  it('a retry with the same key and payload returns the first report and writes nothing', async () => {
    const first = command();
    const report = await service.submit(sb.innovator, first);
    const before = await written();
    const again = await service.submit(sb.innovator, { ...first, results: first.results.map((r) => ({ ...r })) });
    expect(again.id).toBe(report.id);
    expect(await written()).toEqual(before);
  });

  it('the same key with a different payload is a CONFLICT and writes nothing', async () => {
    const first = command();
    await service.submit(sb.innovator, first);
    const before = await written();
    const changed = { ...first, results: [{ ...first.results[0], value: 0.99 }] };
    await expect(service.submit(sb.innovator, changed)).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    expect(await written()).toEqual(before);
  });

  it('two submissions racing with one key store one report', async () => {
    const same = command();
    const before = await written();
    const [a, b] = await Promise.all([service.submit(sb.innovator, same), service.submit(sb.innovator, same)]);
    expect(a.id).toBe(b.id);
    expect((await written()).reports).toBe(before.reports + 1);
  });

  it('a refused submission leaves nothing behind, and its key can be used afterwards', async () => {
    const key = randomUUID();
    const before = await written();
    await expect(
      service.submit(
        sb.innovator,
        command({ idempotencyKey: key, periodStart: '2026-03-01', periodEnd: '2026-02-01' }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    await expect(
      service.submit(
        sb.innovator,
        command({ idempotencyKey: key, results: [{ criterionId: randomUUID(), value: 1 }] }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    expect(await written()).toEqual(before);
    expect((await service.submit(sb.innovator, command({ idempotencyKey: key }))).idempotencyKey).toBe(key);
  });

  it('only the enrolling organisation submits; a regulator replaying its key gets nothing', async () => {
    const first = command();
    await service.submit(sb.innovator, first);
    await expect(service.submit(sb.authorities[0].regulator, first)).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
  });
});
