import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { expect } from '@jest/globals';
import { expectOk } from './assertions.js';
import { ChildServer } from './child-server.js';
import { buildSandbox } from './sandbox-builder.js';
import { admitToTesting } from './sandbox-flows.js';
import { TestApp } from './test-app.js';
import { ADMIN, TEST_PASSWORD } from './test-config.js';
import { createTestDatabase, freshTempDir, type TestDatabase } from './test-database.js';

// The kill -9 experiment: the built API as a child process takes a burst of concurrent
// submitTestReport calls, is killed with SIGKILL in the middle of it, and is started again on the
// same data. What it acknowledged must be there, complete; a retried idempotency key must return
// the report it made, never a second one; and the audit chain must still verify.

/** What the experiment needs, made in-process before any child server starts. */
export interface CrashFixture {
  database: TestDatabase;
  /** The child server's environment for this database (without HOST and PORT). */
  serverEnv: Record<string, string>;
  innovator: { email: string; password: string };
  admin: { email: string; password: string };
  enrolmentId: string;
  /** submitTestReport's input without its idempotency key: the same payload for every key. */
  report: Record<string, unknown> & { results: unknown[] };
}

/**
 * An embedded database (PGlite) for this file even when DATABASE_URL is set (CI runs the suite on
 * PostgreSQL): then a fresh directory, migrated when the in-process API first opens it.
 */
export async function createEmbeddedTestDatabase(): Promise<TestDatabase> {
  if (!process.env.DATABASE_URL) return createTestDatabase();
  const dataDir = freshTempDir('crash-embedded-');
  return { dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * Builds an enrolment in TESTING with the FCA (through the services and GraphQL, in-process), then
 * closes that application and keeps its database for the child servers.
 */
export async function prepareCrashFixture(database: TestDatabase): Promise<CrashFixture> {
  // A no-op drop: closing the in-process application leaves the database to the child servers.
  const t = await TestApp.onDatabase({ ...database, drop: async () => {} });
  let fixture: Omit<CrashFixture, 'database' | 'serverEnv'>;
  try {
    const sb = await buildSandbox(t, { authorities: [['GB', 'FCA']] });
    const fca = sb.authority.FCA;
    const enrolment = await admitToTesting(t, sb, fca);
    const me = expectOk(await t.gql<{ me: { email: string } }>('{ me { email } }', {}, sb.innovator.token)).me;
    fixture = {
      innovator: { email: me.email, password: TEST_PASSWORD },
      admin: ADMIN,
      enrolmentId: enrolment.id,
      report: {
        enrolmentId: enrolment.id,
        submittedTo: fca.id,
        testedIn: 'GB',
        periodStart: '2026-01-05',
        periodEnd: '2026-01-30',
        lab: { name: 'Crash Test Assurance Lab', accredited: true, accreditationBody: 'UKAS' },
        method: { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
        confidentiality: 'PARTICIPANTS',
        results: [
          { criterionId: fca.criteria.TESTING[0], value: 0.91 },
          { criterionId: fca.criteria.EXIT[0], value: 0.04 },
          { criterionId: fca.criteria.EXIT[1], attested: true },
        ],
      },
    };
  } finally {
    await t.close();
  }
  const serverEnv: Record<string, string> = {
    // As deployed: production mode, its own random secret.
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    SIGNING_KEY: randomBytes(32).toString('base64'),
    // `log`: ChildServer reads the bound port from the start-up line.
    LOG_LEVEL: 'log',
    // The accounts carry their own hash cost; new hashes stay cheap.
    PASSWORD_HASH_COST: '10',
    ...(database.url
      ? { DATABASE_URL: database.url }
      : { DATA_DIR: database.dataDir, EMBEDDED_DATABASE_IN_PRODUCTION: 'true' }),
  };
  return { ...fixture, database, serverEnv };
}

const SUBMIT =
  'mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id idempotencyKey resultCount } }';

export interface Burst {
  keys: string[];
  /** Answered 200 with the report: key → report id. */
  acknowledged: Map<string, string>;
  /** No report came back (the connection died, or the server answered an error). */
  unacknowledged: string[];
}

/**
 * `requests` concurrent submissions, each with its own idempotency key; SIGKILL as soon as
 * `killAfter` of them are acknowledged (or when all have settled, if fewer were).
 */
export async function burstThenKill(
  server: ChildServer,
  token: string,
  fixture: CrashFixture,
  { requests = 40, killAfter = 10 } = {},
): Promise<Burst> {
  const keys = Array.from({ length: requests }, (_, i) => `crash-${String(i).padStart(2, '0')}-${randomUUID()}`);
  const acknowledged = new Map<string, string>();
  let killed: Promise<void> | undefined;
  await Promise.allSettled(
    keys.map(async (key) => {
      const response = await server.gql<{ submitTestReport: { id: string } }>(
        SUBMIT,
        { input: { ...fixture.report, idempotencyKey: key } },
        token,
      );
      const id = response.status === 200 && !response.errors?.length ? response.data?.submitTestReport?.id : undefined;
      if (!id) return;
      acknowledged.set(key, id);
      if (acknowledged.size >= killAfter) killed ??= server.kill();
    }),
  );
  await (killed ?? server.kill());
  if (server.child.signalCode !== 'SIGKILL') {
    throw new Error(
      `The server died on its own (exit ${server.child.exitCode}) before the kill:\n${server.output().slice(-4000)}`,
    );
  }
  return { keys, acknowledged, unacknowledged: keys.filter((key) => !acknowledged.has(key)) };
}

interface StoredReport {
  id: string;
  idempotencyKey: string;
  resultCount: number;
  results: { id: string }[];
}

async function reportsByKey(
  server: ChildServer,
  token: string,
  enrolmentId: string,
): Promise<Map<string, StoredReport[]>> {
  const query =
    'query($id: ID!) { enrolment(id: $id) { testReports { id idempotencyKey resultCount results { id } } } }';
  const reports = expectOk(
    await server.gql<{ enrolment: { testReports: StoredReport[] } }>(query, { id: enrolmentId }, token),
  ).enrolment.testReports;
  const byKey = new Map<string, StoredReport[]>();
  for (const report of reports) byKey.set(report.idempotencyKey, [...(byKey.get(report.idempotencyKey) ?? []), report]);
  return byKey;
}

/**
 * On the restarted server: every acknowledged report is there with all its results; no key made two
 * reports; every key retried (twice at once) returns its one report — the acknowledged one, or the
 * one an unacknowledged request committed before the kill, or a new one; the audit chain verifies,
 * with one SUBMIT_TEST_REPORT entry per report.
 */
export async function expectCrashSafe(server: ChildServer, fixture: CrashFixture, burst: Burst): Promise<void> {
  const innovator = await server.login(fixture.innovator.email, fixture.innovator.password);
  const admin = await server.login(fixture.admin.email, fixture.admin.password);
  const resultCount = fixture.report.results.length;
  const complete = (reports: StoredReport[] | undefined) =>
    (reports ?? []).map((r) => ({ id: r.id, resultCount: r.resultCount, results: r.results.length }));

  const survived = await reportsByKey(server, innovator, fixture.enrolmentId);
  for (const [key, id] of burst.acknowledged) {
    expect({ key, reports: complete(survived.get(key)) }).toEqual({
      key,
      reports: [{ id, resultCount, results: resultCount }],
    });
  }
  for (const [key, reports] of survived)
    expect({ key, reports: complete(reports) }).toEqual({
      key,
      reports: [{ id: reports[0].id, resultCount, results: resultCount }],
    });
  expect([...survived.keys()].every((key) => burst.keys.includes(key))).toBe(true);
  const committedUnacknowledged = burst.unacknowledged.filter((key) => survived.has(key)).length;
  process.stderr.write(
    `[crash-safety] ${fixture.database.url ? 'PostgreSQL' : 'embedded'}: SIGKILL after ${burst.acknowledged.size} of ${burst.keys.length} reports acknowledged; ` +
      `${committedUnacknowledged} more were committed without an answer, ${burst.unacknowledged.length - committedUnacknowledged} never were\n`,
  );

  // Every key again, each twice at once, ten keys at a time (the embedded database has one connection).
  const returned = new Map<string, string[]>();
  for (let i = 0; i < burst.keys.length; i += 10) {
    const wave = burst.keys.slice(i, i + 10).flatMap((key) => [key, key]);
    const responses = await Promise.all(
      wave.map((key) =>
        server.gql<{ submitTestReport: { id: string } }>(
          SUBMIT,
          { input: { ...fixture.report, idempotencyKey: key } },
          innovator,
        ),
      ),
    );
    for (const [j, response] of responses.entries()) {
      returned.set(wave[j], [...(returned.get(wave[j]) ?? []), expectOk(response).submitTestReport.id]);
    }
  }
  for (const key of burst.keys) {
    const ids = returned.get(key)!;
    expect({ key, same: new Set(ids).size }).toEqual({ key, same: 1 });
    const before = burst.acknowledged.get(key) ?? survived.get(key)?.[0].id;
    if (before) expect({ key, id: ids[0] }).toEqual({ key, id: before });
  }

  const after = await reportsByKey(server, innovator, fixture.enrolmentId);
  expect([...after.keys()].sort()).toEqual([...burst.keys].sort());
  for (const key of burst.keys)
    expect({ key, reports: complete(after.get(key)) }).toEqual({
      key,
      reports: [{ id: returned.get(key)![0], resultCount, results: resultCount }],
    });

  const verification = expectOk(
    await server.gql('{ verifyAuditTrail { ok entries firstBroken { seq reason } } }', {}, admin),
  ).verifyAuditTrail;
  expect(verification).toMatchObject({ ok: true, firstBroken: null });
  const trail = expectOk(
    await server.gql<{ auditTrail: { edges: { node: { action: string; entityId: string } }[] } }>(
      'query($id: ID!) { auditTrail(filter: { enrolmentId: $id }, first: 100) { edges { node { action entityId } } } }',
      { id: fixture.enrolmentId },
      admin,
    ),
  ).auditTrail.edges.map((edge) => edge.node);
  const audited = trail.filter((entry) => entry.action === 'SUBMIT_TEST_REPORT').map((entry) => entry.entityId);
  expect(audited.sort()).toEqual([...after.values()].map((reports) => reports[0].id).sort());
}
