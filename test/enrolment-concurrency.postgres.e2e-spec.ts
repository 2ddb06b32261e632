import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AiSystemService } from '@sandbridge/application';
import { type Actor, RiskClass, Role } from '@sandbridge/domain';
import { EnrolmentRepository, ProgrammeRepository, TestReportRepository } from '@sandbridge/persistence';
import {
  agreePlan,
  buildSandbox,
  entryResultsMeeting,
  planInput,
  expectError,
  expectOk,
  type GraphQLResponse,
  type Sandbox,
  TestApp,
} from '@sandbridge/testing';

// Concurrency on a real PostgreSQL (issue 4, "Safety"): decisions racing on one enrolment with the
// same expectedVersion, two submissions of one report under one idempotency key, and two admissions
// competing for the last cohort place, and an approval of a sandbox plan version racing an amendment
// that replaces it. Each race runs several rounds through GraphQL with
// simultaneous requests (Promise.all). One more round per race holds both transactions at the
// contended step until both are there, so they are known to overlap rather than just likely to; for
// the report and the cohort it also checks that the lock keeps them apart after that step (they
// never stand at the idempotency look-up, or at the cohort count, at the same time). Without the
// barrier the two decisions still overlapped in every round when this was written: each loser
// passed the version check on read and was refused by the conditional UPDATE. Removing the version
// condition, the enrolment row lock or the programme lock makes these tests fail.

const ROUNDS = 10;
const ADMIN: Actor = {
  accountId: 'concurrency-test',
  role: Role.ADMIN,
  authorityId: null,
  organisationId: null,
  jurisdictionCode: null,
};

const ENROLMENT = `id state version tracks { authority { acronym } state entryDecision entryReasons }`;
const CREATE = `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${ENROLMENT} } }`;
const SUBMIT = `mutation($input: EnrolmentActionInput!) { submitEnrolment(input: $input) { ${ENROLMENT} } }`;
const START_REVIEW = `mutation($input: EnrolmentActionInput!) { startReview(input: $input) { ${ENROLMENT} } }`;
const DECIDE_ENTRY = `mutation($input: DecideEntryInput!) { decideEntry(input: $input) { ${ENROLMENT} } }`;
const WITHDRAW = `mutation($input: EnrolmentActionInput!) { withdrawEnrolment(input: $input) { ${ENROLMENT} } }`;
const READ = `query($id: ID!) { enrolment(id: $id) { ${ENROLMENT} } }`;
const SUBMIT_REPORT = `mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id idempotencyKey resultCount } }`;

interface Track {
  authority: { acronym: string };
  state: string;
  entryDecision: string | null;
  entryReasons: string | null;
}
interface Enrolment {
  id: string;
  state: string;
  version: number;
  tracks: Track[];
}

/**
 * Replaces `target[method]` so that each caller waits at it until `parties` callers are waiting there
 * together (then all go on into the original) or `timeoutMs` has passed (then it goes on alone).
 * `met` tells whether they were ever there together: their transactions stood at that point at once.
 */
function gate<T extends object>(target: T, method: keyof T & string, timeoutMs: number, parties = 2) {
  const original = (target as any)[method] as (...args: unknown[]) => Promise<unknown>;
  let waiting = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const state = { met: false, restore: () => void ((target as any)[method] = original) };
  (target as any)[method] = async (...args: unknown[]) => {
    if (++waiting >= parties) {
      state.met = true;
      open();
    }
    await Promise.race([opened, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    waiting--;
    return original.apply(target, args);
  };
  return state;
}

/** Runs the simultaneous requests of a race, possibly with gates installed around them (and only them). */
type During = <T>(requests: () => Promise<T>) => Promise<T>;
const free: During = (requests) => requests();

function gated<T extends object>(target: T, method: keyof T & string, timeoutMs: number, expectMet: boolean): During {
  return async (requests) => {
    const g = gate(target, method, timeoutMs);
    let answers: Awaited<ReturnType<typeof requests>>;
    try {
      answers = await requests();
    } finally {
      g.restore();
    }
    expect({ method, together: g.met }).toEqual({ method, together: expectMet });
    return answers;
  };
}

/** Both transactions are held at `method` until both are there: they overlap at that point for sure. */
const held = <T extends object>(target: T, method: keyof T & string): During => gated(target, method, 5_000, true);

/** Waits at `method` for the other transaction, which must never come while this one is there: a lock keeps them apart. */
const exclusive = <T extends object>(target: T, method: keyof T & string): During =>
  gated(target, method, 1_000, false);

const both =
  (outer: During, inner: During): During =>
  (requests) =>
    outer(() => inner(requests));

/** Of two simultaneous answers: the one that succeeded and the one refused with `code`. */
function oneWins<T extends Record<string, any>>(
  answers: GraphQLResponse<T>[],
  code: string,
): { winner: number; data: T } {
  const ok = answers.map((a) => !a.errors?.length && a.data != null);
  expect(ok.filter(Boolean)).toHaveLength(1);
  const winner = ok.indexOf(true);
  expectError(answers[1 - winner], code);
  return { winner, data: expectOk(answers[winner]) };
}

describe('Concurrency on enrolments (real PostgreSQL)', () => {
  let t: TestApp;
  let sb: Sandbox;
  /** A second regulator of the lead authority (FCA). */
  let fca2: { id: string; token: string };
  let systems: AiSystemService;

  beforeAll(async () => {
    t = await TestApp.create();
    // One real listening server for all requests, so simultaneous requests really are concurrent.
    await t.app.listen(0, '127.0.0.1');
    sb = await buildSandbox(t);
    fca2 = await t.accountWithToken(`reg.fca.second.${randomUUID().slice(0, 8)}@sandbox.test`, Role.REGULATOR, {
      authorityId: sb.authority.FCA.id,
    });
    systems = t.get(AiSystemService);
  });

  afterAll(async () => {
    await t?.close();
  });

  const versionInDb = async (id: string): Promise<number> =>
    (await t.dataSource.query('SELECT version FROM enrolment WHERE id = $1', [id]))[0].version;

  const read = async (id: string): Promise<Enrolment> =>
    expectOk(await t.gql<{ enrolment: Enrolment }>(READ, { id }, sb.authority.FCA.regulator.token)).enrolment!;

  const track = (e: Enrolment, acronym: string): Track => e.tracks.find((tr) => tr.authority.acronym === acronym)!;

  /** A new AI system of the sandbox's innovator, applied to `sandbox` for these authorities and UNDER_REVIEW. */
  async function underReview(sandbox: Sandbox, acronyms: string[]): Promise<Enrolment> {
    const system = await systems.register(ADMIN, {
      organisationId: sandbox.innovator.organisationId,
      name: `Concurrency ${randomUUID().slice(0, 8)}`,
      sector: 'FINANCE',
      intendedPurpose: 'Scores consumer loan applications.',
      riskClass: RiskClass.HIGH,
    });
    const targets = acronyms.map((a) => sandbox.authority[a]);
    let e = expectOk(
      await t.gql<{ createEnrolment: Enrolment }>(
        CREATE,
        {
          input: {
            programmeId: sandbox.programmeId,
            aiSystemId: system.id,
            targetAuthorityIds: targets.map((a) => a.id),
            entryResults: entryResultsMeeting(targets),
          },
        },
        sandbox.innovator.token,
      ),
    ).createEnrolment;
    e = expectOk(
      await t.gql<{ submitEnrolment: Enrolment }>(
        SUBMIT,
        { input: { enrolmentId: e.id, expectedVersion: e.version } },
        sandbox.innovator.token,
      ),
    ).submitEnrolment;
    e = expectOk(
      await t.gql<{ startReview: Enrolment }>(
        START_REVIEW,
        { input: { enrolmentId: e.id, expectedVersion: e.version } },
        targets[0].regulator.token,
      ),
    ).startReview;
    expect(e.state).toBe('UNDER_REVIEW');
    return e;
  }

  const decide = (
    token: string,
    e: Enrolment,
    decision: 'ADMIT' | 'DECLINE',
    reasons: string,
    expectedVersion = e.version,
  ) =>
    t.gql<{ decideEntry: Enrolment }>(
      DECIDE_ENTRY,
      { input: { enrolmentId: e.id, expectedVersion, decision, reasons } },
      token,
    );

  describe('two authorities decide entry at once with the same expectedVersion', () => {
    /** FCA admits and MAS declines, at once: exactly one lands, the other is CONFLICT and changes nothing. */
    async function race(round: string, during: During = free): Promise<void> {
      const e = await underReview(sb, ['FCA', 'MAS', 'AI Office']);
      const answers = await during(() =>
        Promise.all([
          decide(sb.authority.FCA.regulator.token, e, 'ADMIT', `FCA admits (${round})`),
          decide(sb.authority.MAS.regulator.token, e, 'DECLINE', `MAS declines (${round})`),
        ]),
      );
      const { winner, data } = oneWins(answers, 'CONFLICT');
      const [won, lost] = winner === 0 ? ['FCA', 'MAS'] : ['MAS', 'FCA'];
      expect(data.decideEntry.version).toBe(e.version + 1);
      expect(await versionInDb(e.id)).toBe(e.version + 1);

      const after = await read(e.id);
      expect(after.version).toBe(e.version + 1);
      expect(after.state).toBe('UNDER_REVIEW'); // the AI Office has not decided
      expect(track(after, won)).toMatchObject(
        won === 'FCA'
          ? { state: 'ADMITTED', entryDecision: 'ADMIT', entryReasons: `FCA admits (${round})` }
          : { state: 'DECLINED', entryDecision: 'DECLINE', entryReasons: `MAS declines (${round})` },
      );
      expect(track(after, lost)).toMatchObject({ state: 'PENDING', entryDecision: null, entryReasons: null });
      expect(track(after, 'AI Office')).toMatchObject({ state: 'PENDING', entryDecision: null });

      // The refused authority reloads and decides again: that succeeds, one version further.
      const retried = expectOk(
        await decide(
          sb.authority[lost].regulator.token,
          after,
          lost === 'FCA' ? 'ADMIT' : 'DECLINE',
          `${lost} again (${round})`,
        ),
      ).decideEntry;
      expect(retried.version).toBe(e.version + 2);
      expect(track(retried, lost).state).toBe(lost === 'FCA' ? 'ADMITTED' : 'DECLINED');
      // The FCA's ADMIT took a cohort place (an enrolment holds one from its first accepted ADMIT):
      // free it, so that every round starts with the same places (capacity 10).
      expectOk(
        await t.gql(WITHDRAW, { input: { enrolmentId: e.id, expectedVersion: retried.version } }, sb.innovator.token),
      );
    }

    it(`exactly one succeeds and the other gets CONFLICT (${ROUNDS} rounds)`, async () => {
      for (let round = 1; round <= ROUNDS; round++) await race(`round ${round}`);
    });

    it('the same when both transactions are held until each has passed the version check', async () => {
      await race('held at the write', held(t.get(EnrolmentRepository), 'updateIfVersion'));
    });
  });

  describe('two regulators of the same authority decide entry at once', () => {
    /** Two FCA regulators, one admitting, one declining the FCA-only application. */
    async function race(round: string, during: During = free): Promise<void> {
      const e = await underReview(sb, ['FCA']);
      const answers = await during(() =>
        Promise.all([
          decide(sb.authority.FCA.regulator.token, e, 'ADMIT', `first regulator admits (${round})`),
          decide(fca2.token, e, 'DECLINE', `second regulator declines (${round})`),
        ]),
      );
      const { winner, data } = oneWins(answers, 'CONFLICT');
      expect(data.decideEntry.version).toBe(e.version + 1);
      expect(await versionInDb(e.id)).toBe(e.version + 1);

      const after = await read(e.id);
      expect(after.version).toBe(e.version + 1);
      // The track and the enrolment show the winner's decision, and only the winner's.
      expect(after.tracks).toHaveLength(1);
      if (winner === 0) {
        expect(after.state).toBe('TESTING');
        expect(track(after, 'FCA')).toMatchObject({
          state: 'ADMITTED',
          entryDecision: 'ADMIT',
          entryReasons: `first regulator admits (${round})`,
        });
      } else {
        expect(after.state).toBe('DECLINED');
        expect(track(after, 'FCA')).toMatchObject({
          state: 'DECLINED',
          entryDecision: 'DECLINE',
          entryReasons: `second regulator declines (${round})`,
        });
      }
      // Reloading does not let the other regulator overturn it: the track is decided.
      expectError(
        await decide(winner === 0 ? fca2.token : sb.authority.FCA.regulator.token, after, 'ADMIT', 'too late'),
        'INVALID_TRANSITION',
      );
      expect(await versionInDb(e.id)).toBe(e.version + 1);
      // Free the cohort place an admission took (capacity 10).
      if (after.state === 'TESTING') {
        expectOk(
          await t.gql(WITHDRAW, { input: { enrolmentId: e.id, expectedVersion: after.version } }, sb.innovator.token),
        );
      }
    }

    it(`exactly one succeeds and the other gets CONFLICT (${ROUNDS} rounds)`, async () => {
      for (let round = 1; round <= ROUNDS; round++) await race(`round ${round}`);
    });

    it('the same when both transactions are held until each has passed the version check', async () => {
      await race('held at the write', held(t.get(EnrolmentRepository), 'updateIfVersion'));
    });
  });

  describe('two submissions of one report with the same idempotency key at once', () => {
    let tested: Enrolment;

    beforeAll(async () => {
      const e = await underReview(sb, ['FCA']);
      tested = expectOk(
        await decide(sb.authority.FCA.regulator.token, e, 'ADMIT', 'admitted for report tests'),
      ).decideEntry;
      expect(tested.state).toBe('TESTING');
      // Reports go in under an agreed sandbox plan.
      tested = {
        ...tested,
        ...(await agreePlan(t, tested, sb.innovator.token, [sb.authority.FCA.regulator.token])).enrolment,
      };
    });

    const report = (idempotencyKey: string, value = 0.91) => ({
      enrolmentId: tested.id,
      submittedTo: sb.authority.FCA.id,
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      lab: { name: 'Concurrency Lab', accredited: true, accreditationBody: 'UKAS' },
      method: { id: 'ISO42001:A.6.2.4', version: '2023' },
      testedIn: 'GB',
      confidentiality: 'PARTICIPANTS',
      idempotencyKey,
      results: Array.from({ length: 50 }, (_, i) => ({
        criterionId: sb.authority.FCA.criteria.TESTING[0],
        value: i === 0 ? value : 0.85,
      })),
    });
    const submit = (input: ReturnType<typeof report>) =>
      t.gql<{ submitTestReport: { id: string; idempotencyKey: string; resultCount: number } }>(
        SUBMIT_REPORT,
        { input },
        sb.innovator.token,
      );
    const stored = async (key: string) => {
      const reports = await t.dataSource.query(
        'SELECT id, result_count FROM test_report WHERE enrolment_id = $1 AND idempotency_key = $2',
        [tested.id, key],
      );
      const [{ n }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM test_result r JOIN test_report p ON p.id = r.report_id WHERE p.enrolment_id = $1 AND p.idempotency_key = $2',
        [tested.id, key],
      );
      return { reports, results: n as number };
    };

    async function twice(key: string, during: During = free): Promise<void> {
      const answers = await during(() => Promise.all([submit(report(key)), submit(report(key))]));
      const [a, b] = answers.map((answer) => expectOk(answer).submitTestReport);
      expect(a.id).toBe(b.id);
      expect(a).toEqual({ id: a.id, idempotencyKey: key, resultCount: 50 });
      const { reports, results } = await stored(key);
      expect(reports).toEqual([{ id: a.id, result_count: 50 }]);
      expect(results).toBe(50);
    }

    it(`one report, and both answers carry its id (${ROUNDS} rounds)`, async () => {
      for (let round = 1; round <= ROUNDS; round++) await twice(`concurrent-${round}-${randomUUID()}`);
    });

    it('held together at the start, the two never look the key up at once: the enrolment row lock serialises them', async () => {
      await twice(
        `held-${randomUUID()}`,
        both(
          held(t.get(EnrolmentRepository), 'findByIdForUpdate'),
          exclusive(t.get(TestReportRepository), 'findByIdempotencyKey'),
        ),
      );
    });

    it('the same key with two different payloads at once: one report, the other CONFLICT', async () => {
      for (let round = 1; round <= 3; round++) {
        const key = `differing-${round}-${randomUUID()}`;
        const answers = await Promise.all([submit(report(key, 0.91)), submit(report(key, 0.95))]);
        const { data } = oneWins(answers, 'CONFLICT');
        const { reports, results } = await stored(key);
        expect(reports).toEqual([{ id: data.submitTestReport.id, result_count: 50 }]);
        expect(results).toBe(50);
      }
    });
  });

  describe('two admissions compete for the last cohort place', () => {
    let small: Sandbox;

    beforeAll(async () => {
      small = await buildSandbox(t, { cohortCapacity: 1 });
    });

    const inCohort = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM enrolment WHERE programme_id = $1 AND state IN ('TESTING','EXIT_REVIEW','SUSPENDED','EXITED')`,
          [small.programmeId],
        )
      )[0].n as number;

    /** Two FCA-only applications admitted at once (by two FCA regulators) into a cohort of one. */
    async function race(during: During = free): Promise<void> {
      const [one, two] = [await underReview(small, ['FCA']), await underReview(small, ['FCA'])];
      const answers = await during(() =>
        Promise.all([
          decide(small.authority.FCA.regulator.token, one, 'ADMIT', 'first'),
          decide(fca2.token, two, 'ADMIT', 'second'),
        ]),
      );
      const { winner } = oneWins(answers, 'INVALID_TRANSITION');
      expect(answers[1 - winner].errors![0].message).toMatch(/cohort is full/);
      const [won, lost] = winner === 0 ? [one, two] : [two, one];
      const [wonAfter, lostAfter] = [await read(won.id), await read(lost.id)];
      expect(wonAfter).toMatchObject({ state: 'TESTING', version: won.version + 1 });
      expect(lostAfter).toMatchObject({ state: 'UNDER_REVIEW', version: lost.version });
      expect(track(lostAfter, 'FCA')).toMatchObject({ state: 'PENDING', entryDecision: null });
      expect(await inCohort()).toBe(1);
      // Both withdraw, freeing the place for the next round.
      for (const e of [wonAfter, lostAfter])
        expectOk(
          await t.gql(WITHDRAW, { input: { enrolmentId: e.id, expectedVersion: e.version } }, small.innovator.token),
        );
      expect(await inCohort()).toBe(0);
    }

    it(`exactly one reaches TESTING (${ROUNDS} rounds)`, async () => {
      for (let round = 1; round <= ROUNDS; round++) await race();
    });

    it('held together once each has decided to admit, the two never count the cohort at once: the programme lock serialises them', async () => {
      await race(
        both(
          held(t.get(ProgrammeRepository), 'findByIdForUpdate'),
          exclusive(t.get(EnrolmentRepository), 'countInCohort'),
        ),
      );
    });
  });
  describe('an approval of a sandbox plan version racing an amendment that replaces it', () => {
    const PROPOSE = `mutation($input: ProposeSandboxPlanInput!) { proposeSandboxPlan(input: $input) { id version status enrolment { version } } }`;
    const APPROVE = `mutation($input: ApproveSandboxPlanInput!) { approveSandboxPlan(input: $input) { id version status enrolment { version } } }`;
    type PlanStep = { id: string; version: number; status: string; enrolment: { version: number } };
    let enrolmentId: string;
    /** The version still PROPOSED, and the enrolment version both sides read. */
    let open: PlanStep;

    beforeAll(async () => {
      const e = await underReview(sb, ['FCA']);
      const admitted = expectOk(await decide(sb.authority.FCA.regulator.token, e, 'ADMIT', 'plan races')).decideEntry;
      const agreed = await agreePlan(t, admitted, sb.innovator.token, [sb.authority.FCA.regulator.token]);
      enrolmentId = admitted.id;
      open = expectOk(
        await t.gql<{ proposeSandboxPlan: PlanStep }>(
          PROPOSE,
          { input: planInput(enrolmentId, agreed.enrolment.version, { reasons: 'Amendment 0' }) },
          sb.innovator.token,
        ),
      ).proposeSandboxPlan;
    });

    const statuses = async (): Promise<Record<number, string>> =>
      Object.fromEntries(
        (
          await t.dataSource.query('SELECT version, status FROM sandbox_plan WHERE enrolment_id = $1', [enrolmentId])
        ).map((r: { version: number; status: string }) => [r.version, r.status]),
      );

    async function race(label: string, during: During = free): Promise<void> {
      const read = open.enrolment.version;
      const answers = await during(() =>
        Promise.all([
          t.gql<{ approveSandboxPlan: PlanStep }>(
            APPROVE,
            { input: { planId: open.id, expectedVersion: read } },
            sb.authority.FCA.regulator.token,
          ),
          t.gql<{ proposeSandboxPlan: PlanStep }>(
            PROPOSE,
            { input: planInput(enrolmentId, read, { reasons: label }) },
            sb.innovator.token,
          ),
        ]),
      );
      const { winner, data } = oneWins(answers as GraphQLResponse<Record<string, any>>[], 'CONFLICT');
      // One step happened: the version raised once, and the plan shows exactly the winner's change.
      expect(await versionInDb(enrolmentId)).toBe(read + 1);
      const after = await statuses();
      if (winner === 0) {
        // The approval won: the open version is agreed (the FCA alone admits), nothing newer exists.
        expect(data.approveSandboxPlan).toMatchObject({ version: open.version, status: 'AGREED' });
        expect(Math.max(...Object.keys(after).map(Number))).toBe(open.version);
        // The next round needs an open proposal again.
        open = expectOk(
          await t.gql<{ proposeSandboxPlan: PlanStep }>(
            PROPOSE,
            { input: planInput(enrolmentId, read + 1, { reasons: `${label}, again` }) },
            sb.innovator.token,
          ),
        ).proposeSandboxPlan;
      } else {
        // The amendment won: the version the FCA read is superseded, unapproved; the new one is open.
        expect(after[open.version]).toBe('SUPERSEDED');
        const approvals = await t.dataSource.query(
          'SELECT count(*)::int AS n FROM sandbox_plan_approval WHERE plan_id = $1',
          [open.id],
        );
        expect(approvals[0].n).toBe(0);
        open = data.proposeSandboxPlan;
        expect(open.status).toBe('PROPOSED');
      }
      // Never two open proposals, never two agreed versions.
      expect(Object.values(after).filter((s) => s === 'PROPOSED').length).toBeLessThanOrEqual(1);
      expect(Object.values(after).filter((s) => s === 'AGREED')).toHaveLength(1);
    }

    it(`exactly one succeeds and the other gets CONFLICT (${ROUNDS} rounds)`, async () => {
      for (let round = 1; round <= ROUNDS; round++) await race(`round ${round}`);
    });

    it('the same when both requests are held until each is about to lock the enrolment', async () => {
      await race('held at the lock', held(t.get(EnrolmentRepository), 'findByIdForUpdate'));
    });
  });
});
