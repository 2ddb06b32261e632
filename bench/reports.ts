import { Confidentiality } from '@sandbridge/domain';
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApplicationModule, type SubmitTestReportCommand, TestReportSubmissionService } from '@sandbridge/application';
import { loadConfig } from '@sandbridge/config';
import { CommonModule } from '@sandbridge/common';
import { PersistenceModule } from '@sandbridge/persistence';
import { DataSource } from 'typeorm';
import { results, testingEnrolment } from './sandbox.js';
import { cpuBusy, temporaryDatabase } from './bench-environment.js';

/**
 * npm run bench:reports — submitting a report of 1,000 results through TestReportSubmissionService.submit
 * (the real path: row lock, idempotency look-up, lifecycle check, validation, evaluation, one
 * transaction), next to the floor measured in the same run: one multi-row INSERT of the same 1,000
 * rows into test_result, in a transaction, under a bare test_report row.
 *
 * The database is DATABASE_URL's server (in a temporary database created and dropped here), or
 * else the embedded one in a temporary directory. Runs alternate service and floor so that a
 * change in machine load touches both. Settings: BENCH_RUNS (20), BENCH_WARMUPS (3), BENCH_RESULTS (1000).
 */

const RUNS = positive('BENCH_RUNS', 20);
const WARMUPS = positive('BENCH_WARMUPS', 3);
const RESULTS = positive('BENCH_RESULTS', 1000);
const RESULT_COLUMNS = [
  'report_id',
  'position',
  'criterion_id',
  'value',
  'evidence_reference',
  'evidence_sha256',
  'attested',
  'outcome',
  'detail',
] as const;

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a positive integer (got ${raw})`);
  return Number(raw);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const median =
    sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]
      : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { median, p95: percentile(sorted, 95), min: sorted[0], max: sorted[sorted.length - 1] };
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const busyBefore = await cpuBusy();
  const database = await temporaryDatabase(process.env.DATABASE_URL, 'sb_bench');
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    DB_MIGRATE_ON_START: 'true',
    ...database.env,
  });

  @Module({ imports: [CommonModule.forRoot(config), PersistenceModule, ApplicationModule] })
  class BenchModule {}

  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  try {
    const dataSource = app.get(DataSource);
    const [{ server_version: serverVersion }] = await dataSource.query('SHOW server_version');
    const sandbox = await testingEnrolment(app);
    const service = app.get(TestReportSubmissionService);
    const command: Omit<SubmitTestReportCommand, 'idempotencyKey'> = {
      enrolmentId: sandbox.enrolmentId,
      submittedTo: sandbox.authorityId,
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      lab: { name: 'Benchmark Lab', accredited: true, accreditationBody: 'UKAS' },
      method: { id: 'ISO42001:A.6.2.4', version: '2023' },
      testedIn: sandbox.jurisdiction,
      confidentiality: Confidentiality.PARTICIPANTS,
      results: results(sandbox.criteria, RESULTS),
    };

    const submit = async (): Promise<{ ms: number; reportId: string }> => {
      const started = performance.now();
      const report = await service.submit(sandbox.innovator, { ...command, idempotencyKey: `bench-${randomUUID()}` });
      const ms = performance.now() - started;
      if (report.resultCount !== RESULTS)
        throw new Error(`The service stored ${report.resultCount} results, not ${RESULTS}`);
      return { ms, reportId: report.id };
    };

    // The floor inserts exactly the rows the service stored (evaluated outcome and detail included).
    const first = await submit();
    const rows: unknown[][] = (
      await dataSource.query(
        'SELECT position, criterion_id, value, evidence_reference, evidence_sha256, attested, outcome, detail FROM test_result WHERE report_id = $1 ORDER BY position',
        [first.reportId],
      )
    ).map((r: Record<string, unknown>) => [
      r.position,
      r.criterion_id,
      r.value,
      r.evidence_reference,
      r.evidence_sha256,
      r.attested,
      r.outcome,
      r.detail,
    ]);
    if (rows.length !== RESULTS) throw new Error(`Expected ${RESULTS} stored results, found ${rows.length}`);
    const width = RESULT_COLUMNS.length;
    const insertRows = `INSERT INTO test_result (${RESULT_COLUMNS.join(', ')}) VALUES ${rows.map((_, i) => `(${RESULT_COLUMNS.map((__, j) => `$${i * width + j + 1}`).join(', ')})`).join(', ')}`;
    const bareReport = async (): Promise<string> =>
      (
        await dataSource.query(
          `INSERT INTO test_report (enrolment_id, submitted_to, submitted_by, period_start, period_end, lab_name, lab_accredited, method_id, tested_in, confidentiality, idempotency_key, payload_hash, status, result_count)
           VALUES ($1, $2, $3, '2026-10-01', '2026-10-31', 'Floor', true, 'floor', $4, 'PARTICIPANTS', $5, $6, 'SUBMITTED', $7) RETURNING id`,
          [
            sandbox.enrolmentId,
            sandbox.authorityId,
            sandbox.innovator.accountId,
            sandbox.jurisdiction,
            `floor-${randomUUID()}`,
            '0'.repeat(64),
            RESULTS,
          ],
        )
      )[0].id;
    const floor = async (): Promise<number> => {
      const reportId = await bareReport(); // not timed: the floor is the rows' INSERT alone
      const params = rows.flatMap((row) => [reportId, ...row]);
      const started = performance.now();
      const runner = dataSource.createQueryRunner();
      try {
        await runner.connect();
        await runner.startTransaction();
        await runner.query(insertRows, params);
        await runner.commitTransaction();
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        throw error;
      } finally {
        await runner.release();
      }
      return performance.now() - started;
    };

    const timings = { service: [] as number[], floor: [] as number[] };
    for (let run = 1; run < WARMUPS + RUNS + 1; run++) {
      // Alternate which goes first, so neither always follows the other's writes.
      const pair = run % 2 ? [async () => (await submit()).ms, floor] : [floor, async () => (await submit()).ms];
      const [a, b] = [await pair[0](), await pair[1]()];
      const [serviceMs, floorMs] = run % 2 ? [a, b] : [b, a];
      if (run > WARMUPS) {
        timings.service.push(serviceMs);
        timings.floor.push(floorMs);
      }
    }

    const s = summary(timings.service);
    const f = summary(timings.floor);
    const perSecond = (ms: number) => Math.round((RESULTS * 1000) / ms).toLocaleString('en-GB');
    const fixed = (ms: number) => ms.toFixed(1);
    const table = [
      ['', 'median ms', 'p95 ms', 'min ms', 'results/s (median)'],
      ['TestReportSubmissionService.submit', fixed(s.median), fixed(s.p95), fixed(s.min), perSecond(s.median)],
      ['floor: one multi-row INSERT', fixed(f.median), fixed(f.p95), fixed(f.min), perSecond(f.median)],
      [
        'ratio service ÷ floor',
        `${(s.median / f.median).toFixed(2)}×`,
        `${(s.p95 / f.p95).toFixed(2)}×`,
        `${(s.min / f.min).toFixed(2)}×`,
        '',
      ],
    ];
    const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
    const cores = availableParallelism();
    const lines = [
      `bench:reports — a test report of ${RESULTS.toLocaleString('en-GB')} results, ${RUNS} runs after ${WARMUPS} warm-ups (service and floor alternate)`,
      `database   ${database.kind === 'embedded' ? `embedded (PGlite, PostgreSQL ${serverVersion}) in ${database.where}` : `PostgreSQL ${serverVersion}, temporary database ${database.where}`}`,
      `node       ${process.version} on ${process.platform}/${process.arch}, ${cores} CPUs`,
      `load avg   ${loadBefore.map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min) before the run; CPU ${Math.round(busyBefore * 100)}% busy in the second before it${busyBefore > 0.25 ? ' — the machine was busy: figures may be low, run again when idle' : ''}`,
      '',
      ...table.map((row) =>
        row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   '),
      ),
      '',
      'service = TestReportSubmissionService.submit: lock, idempotency check, lifecycle check, validation and evaluation of every result, report + results in one transaction',
      'floor   = BEGIN; one INSERT of the same rows into test_result (under a bare test_report row made beforehand); COMMIT',
    ];
    console.log(lines.join('\n'));
  } finally {
    await app.close();
    await database.drop();
  }
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (error) => {
    console.error('bench:reports failed:', error);
    process.exitCode = 1;
  },
);
