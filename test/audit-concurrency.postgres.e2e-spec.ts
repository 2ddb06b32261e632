import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AiSystemService } from '@sandbridge/application';
import { type Actor, GENESIS_HASH, RiskClass, Role } from '@sandbridge/domain';
import { AuditRepository } from '@sandbridge/persistence';
import {
  agreePlan,
  buildSandbox,
  entryResultsMeeting,
  expectOk,
  type GraphQLResponse,
  type Sandbox,
  TestApp,
} from '@sandbridge/testing';

// Issue 5, "50 concurrent decisions leave a single unbroken chain", on a real PostgreSQL: 50 entry
// decisions (one per enrolment under review) fired at once through GraphQL, with test reports and
// incidents in the same burst. Every one succeeds, and the audit trail stays one chain — seq 1..N
// without gaps or duplicates, each prev_hash the hash of the row before — as verifyAuditTrail and
// plain SQL both say. The advisory lock (AuditRepository.lockChain) is what keeps it so: without it
// concurrent appends read the same last entry and collide on the next seq, the chain's primary key
// (checked by hand when this was written: with lockChain() removed, 15 to 19 of the burst's 54
// requests were refused with CONFLICT "This would duplicate an existing record", in three runs).

const DECISIONS = 50;
const ADMIN: Actor = {
  accountId: 'audit-concurrency-test',
  role: Role.ADMIN,
  authorityId: null,
  organisationId: null,
  jurisdictionCode: null,
};

const ENROLMENT = 'id state version';
const CREATE = `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${ENROLMENT} } }`;
const SUBMIT = `mutation($input: EnrolmentActionInput!) { submitEnrolment(input: $input) { ${ENROLMENT} } }`;
const START_REVIEW = `mutation($input: EnrolmentActionInput!) { startReview(input: $input) { ${ENROLMENT} } }`;
const DECIDE_ENTRY = `mutation($input: DecideEntryInput!) { decideEntry(input: $input) { ${ENROLMENT} } }`;
const SUBMIT_REPORT = `mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id } }`;
const REPORT_INCIDENT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`;
const VERIFY = '{ verifyAuditTrail { ok entries firstBroken { seq id reason } } }';

interface Enrolment {
  id: string;
  state: string;
  version: number;
}

describe('The audit chain under concurrent decisions (real PostgreSQL)', () => {
  let t: TestApp;
  let sb: Sandbox;
  let adminToken: string;

  beforeAll(async () => {
    t = await TestApp.create();
    // A real listening server, so the simultaneous requests really are concurrent.
    await t.app.listen(0, '127.0.0.1');
    sb = await buildSandbox(t, { cohortCapacity: DECISIONS + 10 });
    adminToken = await t.adminToken();
  });

  afterAll(async () => {
    await t?.close();
  });

  /** A new AI system of the sandbox's innovator, applied for FCA alone and UNDER_REVIEW. */
  async function underReview(): Promise<Enrolment> {
    const system = await t.get(AiSystemService).register(ADMIN, {
      organisationId: sb.innovator.organisationId,
      name: `Audit concurrency ${randomUUID().slice(0, 8)}`,
      sector: 'FINANCE',
      intendedPurpose: 'Scores consumer loan applications.',
      riskClass: RiskClass.HIGH,
    });
    const fca = sb.authority.FCA;
    let e = expectOk(
      await t.gql<{ createEnrolment: Enrolment }>(
        CREATE,
        {
          input: {
            programmeId: sb.programmeId,
            aiSystemId: system.id,
            targetAuthorityIds: [fca.id],
            entryResults: entryResultsMeeting([fca]),
          },
        },
        sb.innovator.token,
      ),
    ).createEnrolment;
    e = expectOk(
      await t.gql<{ submitEnrolment: Enrolment }>(
        SUBMIT,
        { input: { enrolmentId: e.id, expectedVersion: e.version } },
        sb.innovator.token,
      ),
    ).submitEnrolment;
    e = expectOk(
      await t.gql<{ startReview: Enrolment }>(
        START_REVIEW,
        { input: { enrolmentId: e.id, expectedVersion: e.version } },
        fca.regulator.token,
      ),
    ).startReview;
    expect(e.state).toBe('UNDER_REVIEW');
    return e;
  }

  const decide = (e: Enrolment, decision: 'ADMIT' | 'DECLINE', reasons: string) =>
    t.gql<{ decideEntry: Enrolment }>(
      DECIDE_ENTRY,
      { input: { enrolmentId: e.id, expectedVersion: e.version, decision, reasons } },
      sb.authority.FCA.regulator.token,
    );

  const report = (e: Enrolment, n: number) =>
    t.gql(
      SUBMIT_REPORT,
      {
        input: {
          enrolmentId: e.id,
          submittedTo: sb.authority.FCA.id,
          periodStart: '2026-10-01',
          periodEnd: '2026-10-31',
          lab: { name: 'Audit Lab', accredited: true, accreditationBody: 'UKAS' },
          method: { id: 'ISO42001:A.6.2.4', version: '2023' },
          testedIn: 'GB',
          confidentiality: 'PARTICIPANTS',
          idempotencyKey: `audit-concurrency-${n}-${randomUUID()}`,
          results: [{ criterionId: sb.authority.FCA.criteria.TESTING[0], value: 0.9 }],
        },
      },
      sb.innovator.token,
    );

  const incident = (e: Enrolment, token: string, n: number) =>
    t.gql(
      REPORT_INCIDENT,
      {
        input: {
          enrolmentId: e.id,
          severity: 'MEDIUM',
          description: `Concurrent incident ${n}`,
          affectedJurisdictions: ['GB'],
        },
      },
      token,
    );

  /**
   * Counts the appends standing at lockChain() at once (called, lock not yet granted): above one, the
   * burst really did contend for the chain rather than happen to arrive one after another.
   */
  function watchLock(): { maxWaiting: number; restore: () => void } {
    const audit = t.get(AuditRepository);
    const original = audit.lockChain;
    const watch = { maxWaiting: 0, restore: () => void (audit.lockChain = original) };
    let waiting = 0;
    audit.lockChain = async function (this: AuditRepository) {
      watch.maxWaiting = Math.max(watch.maxWaiting, ++waiting);
      try {
        return await original.call(this);
      } finally {
        waiting--;
      }
    };
    return watch;
  }

  it(`${DECISIONS} decisions at once, with test reports and incidents, all succeed and leave one unbroken chain`, async () => {
    // Setup, one request at a time: the enrolments to decide, and two already in testing.
    const pending: Enrolment[] = [];
    for (let i = 0; i < DECISIONS; i++) pending.push(await underReview());
    const testing: Enrolment[] = [];
    for (const n of [1, 2]) {
      const admitted = expectOk(
        await decide(await underReview(), 'ADMIT', `admitted before the burst (${n})`),
      ).decideEntry;
      // Reports go in under an agreed sandbox plan.
      const agreed = await agreePlan(t, admitted, sb.innovator.token, [sb.authority.FCA.regulator.token]);
      testing.push({ ...admitted, ...agreed.enrolment });
    }
    expect(testing.map((e) => e.state)).toEqual(['TESTING', 'TESTING']);
    const [{ n: before }] = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entry');

    const watch = watchLock();
    let answers: GraphQLResponse[];
    try {
      answers = await Promise.all([
        ...pending.map((e, i) => decide(e, i % 2 ? 'DECLINE' : 'ADMIT', `burst decision ${i}`)),
        report(testing[0], 1),
        report(testing[1], 2),
        incident(testing[0], sb.innovator.token, 1),
        incident(testing[1], sb.authority.FCA.regulator.token, 2),
      ]);
    } finally {
      watch.restore();
    }
    const failed = answers.flatMap((a, i) =>
      (a.errors ?? []).map((e) => `request ${i}: ${e.extensions?.code} ${e.message}`),
    );
    expect(failed).toEqual([]);
    for (const answer of answers) expectOk(answer);
    expect(watch.maxWaiting).toBeGreaterThan(1);

    const decided = answers.slice(0, DECISIONS).map((a) => (a.data as { decideEntry: Enrolment }).decideEntry);
    expect(decided.map((e) => e.state)).toEqual(pending.map((_, i) => (i % 2 ? 'DECLINED' : 'TESTING')));

    // One entry per change of the burst, and one DECIDE_ENTRY entry per decided enrolment.
    const total = before + DECISIONS + 4;
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entry'))[0].n).toBe(total);
    const perEnrolment: { enrolment_id: string; n: number }[] = await t.dataSource.query(
      `SELECT enrolment_id, count(*)::int AS n FROM audit_entry WHERE action = 'DECIDE_ENTRY' AND enrolment_id = ANY($1) GROUP BY enrolment_id`,
      [pending.map((e) => e.id)],
    );
    expect(perEnrolment.map((r) => r.n)).toEqual(pending.map(() => 1));
    const others: { action: string; n: number }[] = await t.dataSource.query(
      `SELECT action, count(*)::int AS n FROM audit_entry WHERE action IN ('SUBMIT_TEST_REPORT', 'REPORT_INCIDENT') AND enrolment_id = ANY($1) GROUP BY action ORDER BY action`,
      [testing.map((e) => e.id)],
    );
    expect(others).toEqual([
      { action: 'REPORT_INCIDENT', n: 2 },
      { action: 'SUBMIT_TEST_REPORT', n: 2 },
    ]);

    // The service's own check.
    const verified = expectOk(
      await t.gql<{ verifyAuditTrail: { ok: boolean; entries: number; firstBroken: unknown } }>(VERIFY, {}, adminToken),
    ).verifyAuditTrail;
    expect(verified).toEqual({ ok: true, entries: total, firstBroken: null });

    // And the same in SQL: seq is 1..N, each prev_hash is the previous row's hash (the genesis hash first).
    const [shape] = await t.dataSource.query(
      'SELECT count(*)::int AS n, count(DISTINCT seq)::int AS distinct_seqs, min(seq)::int AS min, max(seq)::int AS max FROM audit_entry',
    );
    expect(shape).toEqual({ n: total, distinct_seqs: total, min: 1, max: total });
    const broken = await t.dataSource.query(
      `SELECT seq::int, expected_seq::int, prev_hash, previous_hash FROM (
         SELECT seq, row_number() OVER (ORDER BY seq) AS expected_seq, prev_hash,
                coalesce(lag(hash) OVER (ORDER BY seq), $1) AS previous_hash
         FROM audit_entry) chain
       WHERE seq <> expected_seq OR prev_hash <> previous_hash`,
      [GENESIS_HASH],
    );
    expect(broken).toEqual([]);
    // No two entries name the same predecessor (no fork), and every hash is distinct.
    const [forks] = await t.dataSource.query(
      'SELECT count(DISTINCT prev_hash)::int AS prevs, count(DISTINCT hash)::int AS hashes FROM audit_entry',
    );
    expect(forks).toEqual({ prevs: total, hashes: total });
  });
});
