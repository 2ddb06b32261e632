import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AiSystemService } from '@sandbridge/application';
import { JointEntryRule, RiskClass, Role } from '@sandbridge/domain';
import { AccountRepository } from '@sandbridge/persistence';
import {
  BUILDER,
  buildSandbox,
  controlClock,
  entryResultsMeeting,
  expectBadInput,
  expectError,
  expectOk,
  type Sandbox,
  type SandboxAuthority,
  submitTestReport,
  agreePlan,
  planInput,
  TestApp,
  type TestClock,
} from '@sandbridge/testing';

// Deadlines and the work queue end to end (docs/domain.md#deadlines, #the-work-queue), with the
// application's clock set by the test: the entry decision due 3 calendar months after submission
// (clamped to the month's end) is overdue the day after, not on the day; the exit report's deadline
// is met by issuing it; the queue's order and pages; the programme funnel's overdue counts; and the
// statements a queue page or a page of enrolments with their deadlines costs, whatever its size.
// The clock only moves forward; after each move every token is renewed (they expire with it).

type Vars = Record<string, unknown>;
type Ref = { id: string; state: string; version: number };

const REF = 'id state version';
const DEADLINE = 'kind due overdue daysOverdue metOn authority { acronym }';
const ENROLMENT_DEADLINES = `query($id: ID!) { enrolment(id: $id) { state
  deadlines { ${DEADLINE} } tracks { authority { acronym } deadlines { ${DEADLINE} } } } }`;
const QUEUE = `query($first: Int, $after: String) { workQueue(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
  edges { cursor node { kind due overdue daysOverdue authority { acronym } enrolment { id } testReport { id status } } } } }`;
const FUNNEL = 'query($id: ID!) { programmeFunnel(programmeId: $id) { overdue { kind count } } }';
const step = (name: string, type = 'EnrolmentActionInput') =>
  `mutation($input: ${type}!) { ${name}(input: $input) { ${REF} } }`;

let t: TestApp;
let clock: TestClock;
/** Every account whose token the file uses: renewed after each move of the clock. */
const accounts: { id: string; token: string }[] = [];
let admin: { id: string; token: string };

async function ok<T = any>(query: string, variables: Vars, token: string): Promise<T> {
  return expectOk(await t.gql(query, variables, token)) as T;
}

/** Sets the clock (an instant, or a day at noon UTC) and renews every token. */
async function moveTo(at: string): Promise<void> {
  const before = clock.now().getTime();
  expect(clock.set(at).getTime()).toBeGreaterThanOrEqual(before);
  const repo = t.get(AccountRepository);
  for (const account of accounts) account.token = await t.login((await repo.findById(account.id))!.email);
  admin.token = await t.adminToken();
}

async function sandbox(options: Parameters<typeof buildSandbox>[1]): Promise<Sandbox> {
  const sb = await buildSandbox(t, options);
  accounts.push(sb.innovator, ...sb.authorities.map((a) => a.regulator));
  return sb;
}

/** Another AI system of the sandbox's innovator (one system enrols once per programme at a time). */
async function system(sb: Sandbox, name: string): Promise<string> {
  return (
    await t.get(AiSystemService).register(BUILDER, {
      organisationId: sb.innovator.organisationId,
      name,
      sector: 'FINANCE',
      intendedPurpose: 'Scores the creditworthiness of consumer loan applicants.',
      riskClass: RiskClass.HIGH,
    })
  ).id;
}

/** Applies `systemId` to the sandbox's programme, targeting `targets`, and submits it (today, by the clock). */
async function submitted(sb: Sandbox, systemId: string, targets: SandboxAuthority[]): Promise<Ref> {
  const created = (
    await ok(
      `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`,
      {
        input: {
          programmeId: sb.programmeId,
          aiSystemId: systemId,
          targetAuthorityIds: targets.map((a) => a.id),
          entryResults: entryResultsMeeting(targets),
        },
      },
      sb.innovator.token,
    )
  ).createEnrolment as Ref;
  return act(created, 'submitEnrolment', sb.innovator.token);
}

async function act(ref: Ref, name: string, token: string, extra: Vars = {}, type?: string): Promise<Ref> {
  return (
    await ok(step(name, type), { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } }, token)
  )[name];
}

const fresh = async (ref: Ref, token: string): Promise<Ref> =>
  (await ok(`query($id: ID!) { enrolment(id: $id) { ${REF} } }`, { id: ref.id }, token)).enrolment;

async function deadlines(id: string, token: string) {
  const { enrolment } = await ok(ENROLMENT_DEADLINES, { id }, token);
  return {
    state: enrolment.state as string,
    own: enrolment.deadlines as any[],
    track: (acronym: string) => enrolment.tracks.find((x: any) => x.authority.acronym === acronym).deadlines as any[],
  };
}

async function queue(token: string, first = 100, after: string | null = null) {
  return (await ok(QUEUE, { first, after }, token)).workQueue;
}

async function overdue(programmeId: string, token = admin.token): Promise<Record<string, number>> {
  const { programmeFunnel } = await ok(FUNNEL, { id: programmeId }, token);
  return Object.fromEntries(programmeFunnel.overdue.map((o: any) => [o.kind, o.count]));
}

beforeAll(async () => {
  t = await TestApp.create();
  clock = controlClock(t);
  clock.set('2026-11-30T09:00:00Z');
  admin = { id: 'admin', token: await t.adminToken() };
}, 60_000);

afterAll(async () => {
  clock?.restore();
  await t?.close();
});

describe('the entry decision', () => {
  let sb: Sandbox;
  let fca: SandboxAuthority;
  let mas: SandboxAuthority;
  let e: Ref;

  beforeAll(async () => {
    sb = await sandbox({
      authorities: [
        ['GB', 'FCA'],
        ['SG', 'MAS'],
      ],
    });
    [fca, mas] = sb.authorities;
    e = await submitted(sb, sb.systemId, [fca, mas]);
  }, 120_000);

  it('is due 3 calendar months after submission, clamped to the month’s end: overdue the day after, not on the day', async () => {
    const entry = { kind: 'ENTRY_DECISION', due: '2027-02-28', metOn: null };
    let d = await deadlines(e.id, sb.innovator.token);
    expect(d.own).toEqual([]);
    expect(d.track('FCA')).toEqual([{ ...entry, overdue: false, daysOverdue: 0, authority: { acronym: 'FCA' } }]);
    expect(d.track('MAS')).toEqual([{ ...entry, overdue: false, daysOverdue: 0, authority: { acronym: 'MAS' } }]);

    await moveTo('2027-02-28T23:59:59Z');
    d = await deadlines(e.id, fca.regulator.token);
    expect(d.track('FCA')[0]).toMatchObject({ overdue: false, daysOverdue: 0 });
    expect(await overdue(sb.programmeId)).toMatchObject({ ENTRY_DECISION: 0 });

    await moveTo('2027-03-01T00:00:00Z');
    d = await deadlines(e.id, fca.regulator.token);
    for (const acronym of ['FCA', 'MAS']) expect(d.track(acronym)[0]).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(d.state).toBe('SUBMITTED');
    // The queue shows it, and the funnel counts both tracks; nothing changed state.
    const mine = (await queue(fca.regulator.token)).edges.map((x: any) => x.node);
    expect(mine).toContainEqual({
      kind: 'ENTRY_DECISION',
      due: '2027-02-28',
      overdue: true,
      daysOverdue: 1,
      authority: { acronym: 'FCA' },
      enrolment: { id: e.id },
      testReport: null,
    });
    expect(await overdue(sb.programmeId)).toEqual({
      ENTRY_DECISION: 2,
      PLAN_AGREED: 0,
      TESTING_ENDS: 0,
      EXIT_REPORT_ISSUED: 0,
    });
    expect(await overdue(sb.programmeId, fca.regulator.token)).toMatchObject({ ENTRY_DECISION: 2 });
    // The public registry's funnel shows the same counts under disclosure control: 1 to 4 suppressed.
    const { publicProgrammes } = expectOk(
      await t.gql(
        '{ publicProgrammes(first: 100) { edges { node { id funnel { overdue { kind count { count suppressed } } } } } } }',
      ),
    );
    const published = publicProgrammes.edges.find((x: any) => x.node.id === sb.programmeId).node;
    expect(published.funnel.overdue).toEqual([
      { kind: 'ENTRY_DECISION', count: { count: null, suppressed: true } },
      { kind: 'PLAN_AGREED', count: { count: 0, suppressed: false } },
      { kind: 'TESTING_ENDS', count: { count: 0, suppressed: false } },
      { kind: 'EXIT_REPORT_ISSUED', count: { count: 0, suppressed: false } },
    ]);

    await moveTo('2027-03-10');
    expect((await deadlines(e.id, sb.innovator.token)).track('MAS')[0]).toMatchObject({ daysOverdue: 10 });
  });

  it('is met by the decision, even late; the other track stays overdue; the plan’s deadline starts at the first admission', async () => {
    e = await act(await fresh(e, fca.regulator.token), 'startReview', fca.regulator.token);
    e = await act(e, 'decideEntry', fca.regulator.token, { decision: 'ADMIT', reasons: 'Ready' }, 'DecideEntryInput');
    let d = await deadlines(e.id, sb.innovator.token);
    expect(d.track('FCA')).toEqual([
      {
        kind: 'ENTRY_DECISION',
        due: '2027-02-28',
        metOn: '2027-03-10',
        overdue: false,
        daysOverdue: 0,
        authority: { acronym: 'FCA' },
      },
    ]);
    expect(d.track('MAS')[0]).toMatchObject({ metOn: null, overdue: true, daysOverdue: 10 });
    // No plan is recorded: the plan's deadline runs from the admission (2027-03-10 + 30 days).
    expect(d.own).toEqual([
      { kind: 'PLAN_AGREED', due: '2027-04-09', metOn: null, overdue: false, daysOverdue: 0, authority: null },
    ]);
    const fcaQueue = (await queue(fca.regulator.token)).edges.map((x: any) => x.node.enrolment.id);
    expect(fcaQueue).not.toContain(e.id);
    expect((await queue(mas.regulator.token)).edges.map((x: any) => x.node.enrolment.id)).toContain(e.id);
    expect(await overdue(sb.programmeId)).toMatchObject({ ENTRY_DECISION: 1, PLAN_AGREED: 0 });

    await moveTo('2027-04-10');
    d = await deadlines(e.id, sb.innovator.token);
    expect(d.own[0]).toMatchObject({ kind: 'PLAN_AGREED', overdue: true, daysOverdue: 1 });
    expect(await overdue(sb.programmeId)).toMatchObject({ ENTRY_DECISION: 1, PLAN_AGREED: 1 });

    e = await act(e, 'decideEntry', mas.regulator.token, { decision: 'DECLINE', reasons: 'No' }, 'DecideEntryInput');
    expect(e.state).toBe('TESTING');
    d = await deadlines(e.id, sb.innovator.token);
    expect(d.track('MAS')[0]).toMatchObject({ metOn: '2027-04-10', overdue: false, daysOverdue: 0 });
    expect(await overdue(sb.programmeId)).toMatchObject({ ENTRY_DECISION: 0, PLAN_AGREED: 1 });
  });
});

describe('the exit report’s deadline', () => {
  let sb: Sandbox;
  let osfi: SandboxAuthority;
  let e: Ref;
  const SECTIONS = {
    keyIssues: { text: 'None that stayed open.', confidentiality: 'PUBLIC' },
    lessonsLearned: { text: 'Start the plan earlier.', confidentiality: 'PUBLIC' },
  };
  const EXIT_DOCUMENTS = `query($id: ID!) { exitReport(enrolmentId: $id) { authorities { acronym deadline { ${DEADLINE} } } } }`;

  beforeAll(async () => {
    await moveTo('2027-06-01');
    sb = await sandbox({ authorities: [['CA', 'OSFI']] });
    osfi = sb.authorities[0];
    e = await submitted(sb, sb.systemId, [osfi]);
    e = await act(e, 'startReview', osfi.regulator.token);
    e = await act(e, 'decideEntry', osfi.regulator.token, { decision: 'ADMIT', reasons: 'Ready' }, 'DecideEntryInput');
    e = await act(e, 'requestExit', sb.innovator.token);
    // Exits on 31 December: 2 months later is 29 February 2028 (a leap year).
    await moveTo('2027-12-31T15:00:00Z');
    e = await act(
      await fresh(e, osfi.regulator.token),
      'decideExit',
      osfi.regulator.token,
      { decision: 'AUTHORISED', reasons: 'Objectives met' },
      'DecideExitInput',
    );
    expect(e.state).toBe('EXITED');
  }, 120_000);

  it('runs from the exit for each authority with a final decision, and waits in its queue', async () => {
    const open = { kind: 'EXIT_REPORT_ISSUED', due: '2028-02-29', metOn: null, authority: { acronym: 'OSFI' } };
    expect((await deadlines(e.id, sb.innovator.token)).track('OSFI')).toEqual([
      expect.objectContaining({ kind: 'ENTRY_DECISION', metOn: '2027-06-01' }),
      { ...open, overdue: false, daysOverdue: 0 },
    ]);
    const { exitReport } = await ok(EXIT_DOCUMENTS, { id: e.id }, osfi.regulator.token);
    expect(exitReport.authorities).toEqual([
      { acronym: 'OSFI', deadline: { ...open, overdue: false, daysOverdue: 0 } },
    ]);
    expect((await queue(osfi.regulator.token)).edges.map((x: any) => x.node)).toEqual([
      {
        kind: 'EXIT_REPORT_ISSUE',
        due: '2028-02-29',
        overdue: false,
        daysOverdue: 0,
        authority: { acronym: 'OSFI' },
        enrolment: { id: e.id },
        testReport: null,
      },
    ]);
    await moveTo('2028-02-29T23:00:00Z');
    expect((await deadlines(e.id, sb.innovator.token)).track('OSFI')[1]).toMatchObject({ overdue: false });
    await moveTo('2028-03-01T08:00:00Z');
    expect((await deadlines(e.id, sb.innovator.token)).track('OSFI')[0]).toEqual({
      ...open,
      overdue: true,
      daysOverdue: 1,
    });
    expect(await overdue(sb.programmeId)).toMatchObject({ EXIT_REPORT_ISSUED: 1 });
  });

  it('is met by issuing the report; a correction does not move it', async () => {
    const draft = (
      await ok(
        'mutation($input: DraftExitReportInput!) { draftExitReport(input: $input) { id revision deadline { overdue metOn due } } }',
        { input: { enrolmentId: e.id, ...SECTIONS } },
        osfi.regulator.token,
      )
    ).draftExitReport;
    // A draft does not meet it.
    expect(draft.deadline).toEqual({ overdue: true, metOn: null, due: '2028-02-29' });
    const issued = (
      await ok(
        `mutation($input: IssueExitReportInput!) { issueExitReport(input: $input) { status deadline { ${DEADLINE} } } }`,
        { input: { exitReportId: draft.id, expectedRevision: draft.revision } },
        osfi.regulator.token,
      )
    ).issueExitReport;
    const met = {
      kind: 'EXIT_REPORT_ISSUED',
      due: '2028-02-29',
      metOn: '2028-03-01',
      overdue: false,
      daysOverdue: 0,
      authority: { acronym: 'OSFI' },
    };
    expect(issued).toEqual({ status: 'ISSUED', deadline: met });
    expect((await queue(osfi.regulator.token)).totalCount).toBe(0);
    expect(await overdue(sb.programmeId)).toMatchObject({ EXIT_REPORT_ISSUED: 0 });

    await moveTo('2028-03-20');
    const correction = (
      await ok(
        'mutation($input: DraftExitReportInput!) { draftExitReport(input: $input) { id revision } }',
        {
          input: {
            enrolmentId: e.id,
            ...SECTIONS,
            lessonsLearned: { text: 'Agree the plan sooner.', confidentiality: 'PUBLIC' },
          },
        },
        osfi.regulator.token,
      )
    ).draftExitReport;
    await ok(
      'mutation($input: IssueExitReportInput!) { issueExitReport(input: $input) { status } }',
      { input: { exitReportId: correction.id, expectedRevision: correction.revision } },
      osfi.regulator.token,
    );
    const { exitReport } = await ok(EXIT_DOCUMENTS, { id: e.id }, sb.innovator.token);
    expect(exitReport.authorities[0].deadline).toEqual(met);
  });
});

describe('the work queue', () => {
  let sb: Sandbox;
  let jfsa: SandboxAuthority;
  let bcb: SandboxAuthority;
  /** Submitted on 2028-04-03, 2028-04-20, 2028-05-02 and 2028-06-15, targeting both authorities. */
  const waiting: Ref[] = [];
  let testing: Ref;
  let exiting: Ref;
  let reportId: string;

  beforeAll(async () => {
    await moveTo('2028-04-01');
    // The lead decides entry for every track: BCB's tracks never wait for BCB.
    sb = await sandbox({
      jointEntryRule: JointEntryRule.LEAD_DECIDES,
      authorities: [
        ['JP', 'JFSA'],
        ['BR', 'BCB'],
      ],
    });
    [jfsa, bcb] = sb.authorities;
    // In testing with a report to review, and in exit review: both without a due day.
    testing = await submitted(sb, sb.systemId, [jfsa]);
    exiting = await submitted(sb, await system(sb, 'Exiting model'), [jfsa]);
    for (const ref of [testing, exiting]) {
      let r = await act(ref, 'startReview', jfsa.regulator.token);
      r = await act(
        r,
        'decideEntry',
        jfsa.regulator.token,
        { decision: 'ADMIT', reasons: 'Ready' },
        'DecideEntryInput',
      );
      if (ref === exiting) exiting = await act(r, 'requestExit', sb.innovator.token);
      // Reports are made under an agreed plan.
      else
        testing = (
          await agreePlan(t, r, sb.innovator.token, [jfsa.regulator.token], {
            timeline: { startDay: '2028-04-01', endDay: '2028-09-15', milestones: [] },
          })
        ).enrolment;
    }
    reportId = (
      await submitTestReport(t, sb, {
        enrolmentId: testing.id,
        submittedTo: jfsa.id,
        testedIn: 'JP',
        periodStart: '2028-03-01',
        periodEnd: '2028-03-31',
        results: [{ criterionId: jfsa.criteria.TESTING[0], value: 0.9 }],
      })
    ).id;
    for (const [i, day] of ['2028-04-03', '2028-04-20', '2028-05-02', '2028-06-15'].entries()) {
      await moveTo(day);
      waiting.push(await submitted(sb, await system(sb, `Waiting model ${i}`), [jfsa, bcb]));
    }
    await moveTo('2028-07-10');
  }, 240_000);

  it('lists what waits for the authority, most overdue first, then the earliest due, undated items last', async () => {
    const all = await queue(jfsa.regulator.token);
    expect(all.totalCount).toBe(6);
    expect(all.edges.map((x: any) => [x.node.kind, x.node.enrolment.id, x.node.due, x.node.daysOverdue])).toEqual([
      ['ENTRY_DECISION', waiting[0].id, '2028-07-03', 7],
      ['ENTRY_DECISION', waiting[1].id, '2028-07-20', 0],
      ['ENTRY_DECISION', waiting[2].id, '2028-08-02', 0],
      ['ENTRY_DECISION', waiting[3].id, '2028-09-15', 0],
      ['TEST_REPORT_REVIEW', testing.id, null, 0],
      ['EXIT_DECISION', exiting.id, null, 0],
    ]);
    expect(all.edges[4].node.testReport).toEqual({ id: reportId, status: 'SUBMITTED' });
    // Under LEAD_DECIDES the lead decides BCB's tracks too: nothing waits for BCB.
    expect((await queue(bcb.regulator.token)).totalCount).toBe(0);
  });

  it('pages with opaque cursors that stay good when an item is done meanwhile, and on a later day', async () => {
    const first = await queue(jfsa.regulator.token, 2);
    expect(first.edges.map((x: any) => x.node.enrolment.id)).toEqual([waiting[0].id, waiting[1].id]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.totalCount).toBe(6);
    const second = await queue(jfsa.regulator.token, 2, first.pageInfo.endCursor);
    expect(second.edges.map((x: any) => x.node.enrolment.id)).toEqual([waiting[2].id, waiting[3].id]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const third = await queue(jfsa.regulator.token, 2, second.pageInfo.endCursor);
    expect(third.edges.map((x: any) => x.node.kind)).toEqual(['TEST_REPORT_REVIEW', 'EXIT_DECISION']);
    expect(third.pageInfo.hasNextPage).toBe(false);

    // The second item is done, and two weeks pass: the first page's cursor still leads to the same next items.
    let r = await act(waiting[1], 'startReview', jfsa.regulator.token);
    r = await act(r, 'decideEntry', jfsa.regulator.token, { decision: 'DECLINE', reasons: 'No' }, 'DecideEntryInput');
    expect(r.state).toBe('DECLINED');
    await moveTo('2028-07-24');
    const again = await queue(jfsa.regulator.token, 2, first.pageInfo.endCursor);
    expect(again.edges.map((x: any) => [x.node.enrolment.id, x.node.daysOverdue])).toEqual([
      [waiting[2].id, 0],
      [waiting[3].id, 0],
    ]);
    expect(again.totalCount).toBe(5);
    expect((await queue(jfsa.regulator.token, 1)).edges[0].node.daysOverdue).toBe(21);
  });

  it('is a regulator’s only, bounded, and refuses a cursor it did not make', async () => {
    const negotiator = await t.accountWithToken('negotiator@deadlines.test', Role.NEGOTIATOR, {
      jurisdictionCode: 'GB',
    });
    for (const token of [sb.innovator.token, admin.token, negotiator.token])
      expectError(await t.gql(QUEUE, { first: 5 }, token), 'FORBIDDEN');
    expectError(await t.gql(QUEUE, { first: 5 }), 'UNAUTHENTICATED');
    expectBadInput(await t.gql(QUEUE, { first: 101 }, jfsa.regulator.token), 'first');
    expectBadInput(await t.gql(QUEUE, { first: 5, after: 'not-a-cursor' }, jfsa.regulator.token), 'after');
    // A regulator of an authority in none of these programmes has nothing waiting.
    const ico = await t.accountWithToken('ico@deadlines.test', Role.REGULATOR, {
      authorityId: await t.authorityId('GB', 'ICO'),
    });
    expect(await queue(ico.token)).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('reads a queue page in the same number of statements for 4 and 5 items, deadlines of each enrolment included', async () => {
    const PAGE = `query($first: Int) { workQueue(first: $first) { edges { node { kind due
      enrolment { state aiSystem { name } deadlines { ${DEADLINE} } tracks { deadlines { ${DEADLINE} } } } } } } }`;
    const cost = async (first: number) => {
      const counter = t.countQueries();
      counter.reset();
      const { workQueue } = await ok(PAGE, { first }, jfsa.regulator.token);
      return { statements: counter.queries.length, edges: workQueue.edges };
    };
    // Both pages hold an admitted enrolment (plans are read once a page has one): 4 and 5 items.
    const few = await cost(4);
    const many = await cost(5);
    expect(few.edges).toHaveLength(4);
    expect(many.edges).toHaveLength(5);
    const trackDeadlines = (edges: any[]) =>
      edges.flatMap((x) => x.node.enrolment.tracks.flatMap((r: any) => r.deadlines));
    expect(trackDeadlines(many.edges).length).toBeGreaterThan(trackDeadlines(few.edges).length);
    expect(few.statements).toBeGreaterThan(0);
    expect(many.statements).toBe(few.statements);
  });

  it('reads a page of enrolments with their deadlines in the same number of statements for 2 and 5', async () => {
    const LIST = `query($first: Int, $filter: EnrolmentFilterInput) { enrolments(first: $first, filter: $filter) {
      edges { node { id deadlines { ${DEADLINE} } tracks { authority { acronym } deadlines { ${DEADLINE} } } } } } }`;
    const cost = async (first: number) => {
      const counter = t.countQueries();
      counter.reset();
      const { enrolments } = await ok(LIST, { first, filter: { programmeId: sb.programmeId } }, admin.token);
      return { statements: counter.queries.length, edges: enrolments.edges };
    };
    const few = await cost(2);
    const many = await cost(5);
    expect(many.edges).toHaveLength(5);
    const count = (edges: any[]) =>
      edges.flatMap((x) => [...x.node.deadlines, ...x.node.tracks.flatMap((r: any) => r.deadlines)]).length;
    expect(count(many.edges)).toBeGreaterThan(count(few.edges));
    expect(many.statements).toBe(few.statements);
  });

  it('reads the plan’s deadlines from the stored plan; an amendment waits in the approver’s queue until approved', async () => {
    // Agreed on 2028-04-01, ending on 2028-09-15: extensions until 2028-08-16.
    const d = await deadlines(testing.id, sb.innovator.token);
    expect(d.own).toEqual([
      { kind: 'PLAN_AGREED', due: '2028-05-01', metOn: '2028-04-01', overdue: false, daysOverdue: 0, authority: null },
      { kind: 'EXTENSION_REQUEST', due: '2028-08-16', metOn: null, overdue: false, daysOverdue: 0, authority: null },
      { kind: 'TESTING_ENDS', due: '2028-09-15', metOn: null, overdue: false, daysOverdue: 0, authority: null },
    ]);
    // Never agreed: its plan deadline is overdue since 2028-05-01 (today is 2028-07-24).
    expect((await deadlines(exiting.id, sb.innovator.token)).own).toEqual([
      { kind: 'PLAN_AGREED', due: '2028-05-01', metOn: null, overdue: true, daysOverdue: 84, authority: null },
    ]);

    const before = await queue(jfsa.regulator.token);
    const ref = await fresh(testing, sb.innovator.token);
    const { proposeSandboxPlan: amendment } = await ok(
      'mutation($input: ProposeSandboxPlanInput!) { proposeSandboxPlan(input: $input) { id status enrolment { version } } }',
      {
        input: planInput(ref.id, ref.version, {
          timeline: { startDay: '2028-04-01', endDay: '2028-09-01', milestones: [] },
        }),
      },
      sb.innovator.token,
    );
    const waitingNow = await queue(jfsa.regulator.token);
    expect(waitingNow.totalCount).toBe(before.totalCount + 1);
    // Due by the end of the plan in force; listed among the dated items.
    expect(waitingNow.edges.map((x: any) => x.node)).toContainEqual(
      expect.objectContaining({
        kind: 'PLAN_APPROVAL',
        enrolment: { id: testing.id },
        due: '2028-09-15',
        overdue: false,
      }),
    );
    // BCB is not admitting this enrolment: nothing waits for it.
    expect((await queue(bcb.regulator.token)).edges.map((x: any) => x.node.kind)).not.toContain('PLAN_APPROVAL');

    await ok(
      'mutation($input: ApproveSandboxPlanInput!) { approveSandboxPlan(input: $input) { status } }',
      { input: { planId: amendment.id, expectedVersion: amendment.enrolment.version } },
      jfsa.regulator.token,
    );
    expect((await queue(jfsa.regulator.token)).totalCount).toBe(before.totalCount);
    expect((await deadlines(testing.id, sb.innovator.token)).own).toContainEqual(
      expect.objectContaining({ kind: 'TESTING_ENDS', due: '2028-09-01' }),
    );
  });
});
