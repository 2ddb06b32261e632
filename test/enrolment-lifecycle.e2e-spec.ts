import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JointEntryRule } from '@sandbridge/domain';
import {
  agreePlan,
  buildSandbox,
  entryResultsMeeting,
  expectBadInput,
  expectError,
  expectNoLeak,
  expectOk,
  type GraphQLResponse,
  type Sandbox,
  type SandboxAuthority,
  TestApp,
} from '@sandbridge/testing';

// The enrolment lifecycle of issue 4 end to end through GraphQL over HTTP (docs/domain.md#programmes-and-the-enrolment-lifecycle and its
// transitions table, §7a): the three-authority EACH_AUTHORITY story through entry, testing, two
// exit rounds and the exit report; UNANIMOUS and LEAD_DECIDES; justification; optimistic locking;
// every action outside the table in every state (refused, nothing changes); suspension; cohort
// capacity; allowedTransitions; withdrawal and re-application.

type State =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'UNDER_REVIEW'
  | 'TESTING'
  | 'EXIT_REVIEW'
  | 'SUSPENDED'
  | 'EXITED'
  | 'DECLINED'
  | 'WITHDRAWN';
type Action =
  | 'SUBMIT'
  | 'START_REVIEW'
  | 'DECIDE_ENTRY'
  | 'SUBMIT_TEST_REPORT'
  | 'REQUEST_EXIT'
  | 'DECIDE_EXIT'
  | 'SUSPEND'
  | 'RESUME'
  | 'WITHDRAW';

const STATES: State[] = [
  'DRAFT',
  'SUBMITTED',
  'UNDER_REVIEW',
  'TESTING',
  'EXIT_REVIEW',
  'SUSPENDED',
  'EXITED',
  'DECLINED',
  'WITHDRAWN',
];
const ACTIONS: Action[] = [
  'SUBMIT',
  'START_REVIEW',
  'DECIDE_ENTRY',
  'SUBMIT_TEST_REPORT',
  'REQUEST_EXIT',
  'DECIDE_EXIT',
  'SUSPEND',
  'RESUME',
  'WITHDRAW',
];

/** docs/domain.md#programmes-and-the-enrolment-lifecycle's transitions table, written out again here (not imported from the domain). */
const TABLE: Record<Action, { by: 'INNOVATOR' | 'REGULATOR'; from: State[] }> = {
  SUBMIT: { by: 'INNOVATOR', from: ['DRAFT'] },
  START_REVIEW: { by: 'REGULATOR', from: ['SUBMITTED'] },
  DECIDE_ENTRY: { by: 'REGULATOR', from: ['UNDER_REVIEW'] },
  SUBMIT_TEST_REPORT: { by: 'INNOVATOR', from: ['TESTING'] },
  REQUEST_EXIT: { by: 'INNOVATOR', from: ['TESTING'] },
  DECIDE_EXIT: { by: 'REGULATOR', from: ['EXIT_REVIEW'] },
  SUSPEND: { by: 'REGULATOR', from: ['TESTING', 'EXIT_REVIEW'] },
  RESUME: { by: 'REGULATOR', from: ['TESTING', 'EXIT_REVIEW', 'SUSPENDED'] },
  WITHDRAW: { by: 'INNOVATOR', from: ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'TESTING', 'EXIT_REVIEW', 'SUSPENDED'] },
};

const MUTATION: Record<Action, { field: string; input: string }> = {
  SUBMIT: { field: 'submitEnrolment', input: 'EnrolmentActionInput' },
  START_REVIEW: { field: 'startReview', input: 'EnrolmentActionInput' },
  DECIDE_ENTRY: { field: 'decideEntry', input: 'DecideEntryInput' },
  SUBMIT_TEST_REPORT: { field: 'submitTestReport', input: 'SubmitTestReportInput' },
  REQUEST_EXIT: { field: 'requestExit', input: 'EnrolmentActionInput' },
  DECIDE_EXIT: { field: 'decideExit', input: 'DecideExitInput' },
  SUSPEND: { field: 'suspendTrack', input: 'SuspendTrackInput' },
  RESUME: { field: 'resumeTrack', input: 'EnrolmentActionInput' },
  WITHDRAW: { field: 'withdrawEnrolment', input: 'EnrolmentActionInput' },
};

interface Track {
  authority: { id: string; acronym: string };
  state: string;
  entryDecision: string | null;
  entryReasons: string | null;
  entryJustification: string | null;
  entryDecidedAt: string | null;
  exitDecision: string | null;
  exitReasons: string | null;
  exitDecidedAt: string | null;
  suspended: boolean;
}

interface Enrolment {
  id: string;
  state: State;
  version: number;
  submittedAt: string | null;
  testingStartedAt: string | null;
  exitedAt: string | null;
  tracks: Track[];
  testReports?: { id: string; status: string }[];
}

interface Report {
  id: string;
  status: string;
  resultCount: number;
  submittedTo: { id: string };
  results: { position: number; outcome: string; detail: string; criterionId?: string }[];
}

const TRACK_FIELDS =
  'authority { id acronym } state entryDecision entryReasons entryJustification entryDecidedAt exitDecision exitReasons exitDecidedAt suspended';
const ENROLMENT_FIELDS = `id state version submittedAt testingStartedAt exitedAt tracks { ${TRACK_FIELDS} }`;
const REPORT_FIELDS = 'id status resultCount submittedTo { id } results { position outcome detail }';
const ENROLMENT = `query($id: ID!) { enrolment(id: $id) { ${ENROLMENT_FIELDS} testReports { id status } } }`;
const CREATE = `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${ENROLMENT_FIELDS} entryResults { outcome } } }`;
const ALLOWED = `query($id: ID!) { enrolment(id: $id) { id allowedTransitions { action allowed reason } } }`;
const EVALUATION = `query($id: ID!, $stage: Stage) {
  enrolment(id: $id) { id tracks { authority { acronym } entryEvaluation { criterion { id key } mandatory outcome } evaluation(stage: $stage) { criterion { id key } mandatory outcome resultId } } }
}`;
const EXIT_REPORT = `query($id: ID!) {
  exitReport(enrolmentId: $id) {
    enrolmentId state programme { id name } aiSystem { id name } organisation { id name }
    authorities {
      authorityId name acronym jurisdiction trackState
      entry { decision reasons justification decidedAt }
      exit { decision reasons decidedAt }
      criteria { criterionId key version title mandatory outcome withheld evidence { reportId resultId outcome detail } }
    }
    markdown
  }
}`;
const ENROLMENT_COUNT = `query($programmeId: ID!) { enrolments(filter: { programmeId: $programmeId }) { totalCount } }`;

let t: TestApp;
let adminToken: string;
let seq = 0;

beforeAll(async () => {
  t = await TestApp.create();
  adminToken = await t.adminToken();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

// ── helpers ───────────────────────────────────────────────────────────────────────────────────

/** A further HIGH-risk FINANCE system of the sandbox's innovator (one active application per system and programme). */
async function newSystem(sb: Sandbox): Promise<string> {
  const res = await t.gql<{ registerAiSystem: { id: string } }>(
    'mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }',
    {
      input: {
        name: `Credit model ${++seq}`,
        sector: 'FINANCE',
        intendedPurpose: 'Scores the creditworthiness of consumer loan applicants.',
        riskClass: 'HIGH',
      },
    },
    sb.innovator.token,
  );
  return expectOk(res).registerAiSystem.id;
}

function createEnrolment(
  sb: Sandbox,
  input: { aiSystemId: string; targets: SandboxAuthority[]; entryResults?: unknown[] },
) {
  return t.gql<{ createEnrolment: Enrolment & { entryResults: { outcome: string }[] } }>(
    CREATE,
    {
      input: {
        programmeId: sb.programmeId,
        aiSystemId: input.aiSystemId,
        targetAuthorityIds: input.targets.map((a) => a.id),
        entryResults: input.entryResults,
      },
    },
    sb.innovator.token,
  );
}

/** Applies (DRAFT) with entry results meeting every targeted authority's entry criteria unless told otherwise. */
async function apply(
  sb: Sandbox,
  targets: SandboxAuthority[],
  options: { systemId?: string; entryResults?: unknown[] } = {},
): Promise<Enrolment> {
  const res = await createEnrolment(sb, {
    aiSystemId: options.systemId ?? (await newSystem(sb)),
    targets,
    entryResults: options.entryResults ?? entryResultsMeeting(targets),
  });
  return expectOk(res).createEnrolment;
}

function reportInput(
  enrolmentId: string,
  to: SandboxAuthority,
  results: unknown[],
  extra: Record<string, unknown> = {},
) {
  return {
    enrolmentId,
    submittedTo: to.id,
    periodStart: '2026-01-01',
    periodEnd: '2026-01-31',
    lab: { name: 'Meridian AI Assurance Lab', accredited: true, accreditationBody: 'UKAS' },
    method: { id: 'ISO42001:A.6.2.4', version: '2023' },
    testedIn: to.jurisdiction,
    confidentiality: 'PARTICIPANTS',
    idempotencyKey: `run-${randomUUID()}`,
    results,
    ...extra,
  };
}

/** Sends one lifecycle action as the given caller, at the version of `enrolment` unless `extra` says otherwise. */
function run(
  action: Action,
  token: string,
  enrolment: Pick<Enrolment, 'id' | 'version'>,
  extra: Record<string, unknown> = {},
): Promise<GraphQLResponse> {
  const { field, input } = MUTATION[action];
  const selection = action === 'SUBMIT_TEST_REPORT' ? REPORT_FIELDS : ENROLMENT_FIELDS;
  let variables: Record<string, unknown>;
  if (action === 'SUBMIT_TEST_REPORT') {
    // `to` names the authority the report goes to.
    const { to, results, ...rest } = extra as { to: SandboxAuthority; results?: unknown[] };
    variables = reportInput(enrolment.id, to, results ?? [{ criterionId: to.criteria.TESTING[0], value: 0.9 }], rest);
  } else {
    const defaults =
      action === 'DECIDE_ENTRY'
        ? { decision: 'ADMIT' }
        : action === 'DECIDE_EXIT'
          ? { decision: 'AUTHORISED' }
          : action === 'SUSPEND'
            ? { ground: 'UNMITIGABLE_RISK', reasons: 'Incident under investigation' }
            : {};
    variables = { enrolmentId: enrolment.id, expectedVersion: enrolment.version, ...defaults, ...extra };
  }
  return t.gql(`mutation($input: ${input}!) { ${field}(input: $input) { ${selection} } }`, { input: variables }, token);
}

/** A lifecycle action that must succeed; returns the enrolment it changed. */
async function act(
  action: Exclude<Action, 'SUBMIT_TEST_REPORT'>,
  token: string,
  enrolment: Pick<Enrolment, 'id' | 'version'>,
  extra: Record<string, unknown> = {},
): Promise<Enrolment> {
  const data = expectOk(await run(action, token, enrolment, extra));
  const changed = data[MUTATION[action].field] as Enrolment;
  expect(changed.id).toBe(enrolment.id);
  expect(changed.version).toBe(enrolment.version + 1);
  return changed;
}

async function submitReport(
  sb: Sandbox,
  enrolmentId: string,
  to: SandboxAuthority,
  results: unknown[],
  extra: Record<string, unknown> = {},
): Promise<Report> {
  const res = await t.gql<{ submitTestReport: Report }>(
    `mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { ${REPORT_FIELDS} } }`,
    { input: reportInput(enrolmentId, to, results, extra) },
    sb.innovator.token,
  );
  return expectOk(res).submitTestReport;
}

/** Re-reads an enrolment (as an administrator, who sees every state and every report unless a token is given). */
async function read(id: string, token: string = adminToken): Promise<Enrolment> {
  const data = expectOk(await t.gql<{ enrolment: Enrolment | null }>(ENROLMENT, { id }, token));
  expect(data.enrolment).not.toBeNull();
  return data.enrolment!;
}

/** Tracks by acronym, for comparisons that do not depend on their order. */
const normalise = (e: Enrolment) => ({
  ...e,
  tracks: [...e.tracks].sort((a, b) => a.authority.acronym.localeCompare(b.authority.acronym)),
});

function track(e: Enrolment, acronym: string): Track {
  const found = e.tracks.find((x) => x.authority.acronym === acronym);
  expect(found).toBeDefined();
  return found!;
}

const trackStates = (e: Enrolment) => Object.fromEntries(e.tracks.map((x) => [x.authority.acronym, x.state]));

/** State, version, tracks and reports exactly as before. */
async function expectUnchanged(before: Enrolment): Promise<void> {
  expect(normalise(await read(before.id))).toEqual(normalise(before));
}

async function allowed(
  id: string,
  token: string,
): Promise<{ action: Action; allowed: boolean; reason: string | null }[]> {
  return expectOk(
    await t.gql<{ enrolment: { allowedTransitions: { action: Action; allowed: boolean; reason: string | null }[] } }>(
      ALLOWED,
      { id },
      token,
    ),
  ).enrolment.allowedTransitions;
}

/** Builds an enrolment in `state` through the API only, the way a client would get there. */
async function reach(
  sb: Sandbox,
  state: State,
  targets: SandboxAuthority[] = [sb.authority.FCA, sb.authority.MAS],
): Promise<Enrolment> {
  let e = await apply(sb, targets);
  const done = async () => {
    expect(e.state).toBe(state);
    return read(e.id);
  };
  if (state === 'DRAFT') return done();
  if (state === 'WITHDRAWN') {
    e = await act('WITHDRAW', sb.innovator.token, e);
    return done();
  }
  e = await act('SUBMIT', sb.innovator.token, e);
  if (state === 'SUBMITTED') return done();
  e = await act('START_REVIEW', targets[0].regulator.token, e);
  if (state === 'UNDER_REVIEW') return done();
  const decision = state === 'DECLINED' ? 'DECLINE' : 'ADMIT';
  for (const a of targets)
    e = await act('DECIDE_ENTRY', a.regulator.token, e, { decision, reasons: `${a.acronym}: ${decision}` });
  if (state === 'DECLINED') return done();
  // Testing runs under a sandbox plan the admitting authorities agreed.
  await agreePlan(
    t,
    e,
    sb.innovator.token,
    targets.map((a) => a.regulator.token),
  );
  e = await read(e.id);
  if (state === 'TESTING') return done();
  if (state === 'SUSPENDED') {
    for (const a of targets)
      e = await act('SUSPEND', a.regulator.token, e, { reasons: `${a.acronym}: incident under investigation` });
    return done();
  }
  e = await act('REQUEST_EXIT', sb.innovator.token, e);
  if (state === 'EXIT_REVIEW') return done();
  for (const a of targets)
    e = await act('DECIDE_EXIT', a.regulator.token, e, {
      decision: 'AUTHORISED',
      reasons: `${a.acronym}: criteria met`,
    });
  return done();
}

// ── EACH_AUTHORITY: the whole story ─────────────────────────────────────────────────────────

describe('EACH_AUTHORITY with three authorities: two admit, one declines, two exit rounds, the exit report', () => {
  let sb: Sandbox;
  let fca: SandboxAuthority;
  let mas: SandboxAuthority;
  let aio: SandboxAuthority;
  let e: Enrolment;

  beforeAll(async () => {
    sb = await buildSandbox(t, { jointEntryRule: JointEntryRule.EACH_AUTHORITY });
    ({ FCA: fca, MAS: mas, 'AI Office': aio } = sb.authority);
  }, 120_000);

  it('applies (DRAFT, a PENDING track per targeted authority, entry results evaluated), submits and starts the review', async () => {
    const created = expectOk(
      await createEnrolment(sb, {
        aiSystemId: sb.systemId,
        targets: [fca, mas, aio],
        entryResults: entryResultsMeeting([fca, mas, aio]),
      }),
    ).createEnrolment;
    expect(created).toMatchObject({
      state: 'DRAFT',
      version: 1,
      submittedAt: null,
      testingStartedAt: null,
      exitedAt: null,
    });
    expect(trackStates(created)).toEqual({ FCA: 'PENDING', MAS: 'PENDING', 'AI Office': 'PENDING' });
    expect(created.entryResults.map((r) => r.outcome)).toEqual(Array(6).fill('PASS'));
    e = created;

    e = await act('SUBMIT', sb.innovator.token, e);
    expect(e.state).toBe('SUBMITTED');
    expect(e.submittedAt).not.toBeNull();

    e = await act('START_REVIEW', fca.regulator.token, e);
    expect(e).toMatchObject({ state: 'UNDER_REVIEW', version: 3 });

    // Before anyone decides, each authority reads its own entry criteria evaluated.
    const evaluated = expectOk(await t.gql(EVALUATION, { id: e.id, stage: 'EXIT' }, mas.regulator.token)).enrolment;
    for (const a of [fca, mas, aio]) {
      const own = evaluated.tracks.find((x: any) => x.authority.acronym === a.acronym);
      // Criteria come in key order: keyed by id here.
      expect(
        Object.fromEntries(own.entryEvaluation.map((c: any) => [c.criterion.id, [c.mandatory, c.outcome]])),
      ).toEqual({
        [a.criteria.ENTRY[0]]: [true, 'MET'],
        [a.criteria.ENTRY[1]]: [false, 'MET'],
      });
    }
  });

  it('FCA and MAS admit, the AI Office declines: TESTING with the AI Office track DECLINED', async () => {
    e = await act('DECIDE_ENTRY', fca.regulator.token, e, {
      decision: 'ADMIT',
      reasons: 'In scope for the FCA; ready to test',
    });
    expect(e.state).toBe('UNDER_REVIEW');
    expect(trackStates(e)).toEqual({ FCA: 'ADMITTED', MAS: 'PENDING', 'AI Office': 'PENDING' });
    expect(track(e, 'FCA')).toMatchObject({
      entryDecision: 'ADMIT',
      entryReasons: 'In scope for the FCA; ready to test',
      entryJustification: null,
    });
    expect(track(e, 'FCA').entryDecidedAt).not.toBeNull();

    e = await act('DECIDE_ENTRY', mas.regulator.token, e, { decision: 'ADMIT', reasons: 'In scope for MAS' });
    expect(e.state).toBe('UNDER_REVIEW');

    e = await act('DECIDE_ENTRY', aio.regulator.token, e, {
      decision: 'DECLINE',
      reasons: 'Not placed on the EU market',
    });
    expect(e.state).toBe('TESTING');
    expect(e.testingStartedAt).not.toBeNull();
    expect(trackStates(e)).toEqual({ FCA: 'ADMITTED', MAS: 'ADMITTED', 'AI Office': 'DECLINED' });
    expect(track(e, 'AI Office')).toMatchObject({
      entryDecision: 'DECLINE',
      entryReasons: 'Not placed on the EU market',
    });
    expect(normalise(await read(e.id))).toEqual(normalise({ ...e, testReports: [] }));
  });

  it('FCA and MAS agree the sandbox plan the innovator proposes; the declined AI Office has no say', async () => {
    const plan = await agreePlan(t, e, sb.innovator.token, [fca.regulator.token, mas.regulator.token]);
    expect(plan.planVersion).toBe(1);
    e = await read(e.id);
    expect(e).toMatchObject({ state: 'TESTING', version: plan.enrolment.version });
  });

  it('the innovator submits test reports to FCA and MAS (against their TESTING and EXIT criteria); none to the declined AI Office', async () => {
    const toFca = await submitReport(sb, e.id, fca, [
      { criterionId: fca.criteria.TESTING[0], value: 0.86 },
      { criterionId: fca.criteria.EXIT[0], value: 0.04 },
      { criterionId: fca.criteria.EXIT[1], attested: true },
    ]);
    expect(toFca).toMatchObject({ status: 'SUBMITTED', resultCount: 3, submittedTo: { id: fca.id } });
    expect(toFca.results.map((r) => r.outcome)).toEqual(['PASS', 'PASS', 'PASS']);

    // MAS's disparity fails this time: it will extend testing.
    const toMas = await submitReport(
      sb,
      e.id,
      mas,
      [
        { criterionId: mas.criteria.TESTING[0], value: 0.82 },
        { criterionId: mas.criteria.EXIT[0], value: 0.15 },
        { criterionId: mas.criteria.EXIT[1], attested: true },
      ],
      { confidentiality: 'PUBLIC', testedIn: 'SG' },
    );
    expect(toMas.results.map((r) => r.outcome)).toEqual(['PASS', 'FAIL', 'PASS']);
    expect(toMas.results[1].detail).toContain('0.15');

    const declined = await t.gql(
      `mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id } }`,
      { input: reportInput(e.id, aio, [{ criterionId: aio.criteria.TESTING[0], value: 0.9 }]) },
      sb.innovator.token,
    );
    expect(expectError(declined, 'INVALID_TRANSITION').message).toMatch(/DECLINED/);

    // Each authority reviews the report submitted to it.
    for (const [report, a] of [
      [toFca, fca],
      [toMas, mas],
    ] as const) {
      const reviewed = await t.gql(
        'mutation($input: ReviewTestReportInput!) { reviewTestReport(input: $input) { id status reviewReasons } }',
        { input: { reportId: report.id, decision: 'ACCEPT', reasons: `${a.acronym}: lab accredited, method sound` } },
        a.regulator.token,
      );
      expect(expectOk(reviewed).reviewTestReport).toEqual({
        id: report.id,
        status: 'ACCEPTED',
        reviewReasons: `${a.acronym}: lab accredited, method sound`,
      });
    }

    const after = await read(e.id);
    expect(after).toMatchObject({ state: 'TESTING', version: e.version });
    expect(after.testReports!.map((r) => r.id).sort()).toEqual([toFca.id, toMas.id].sort());

    const evaluated = expectOk(await t.gql(EVALUATION, { id: e.id, stage: 'EXIT' }, fca.regulator.token)).enrolment;
    const outcomes = (acronym: string) =>
      evaluated.tracks.find((x: any) => x.authority.acronym === acronym).evaluation.map((c: any) => c.outcome);
    expect(outcomes('FCA')).toEqual(['MET', 'MET']);
    expect(outcomes('MAS')).toEqual(['UNMET', 'MET']);
    expect(outcomes('AI Office')).toEqual(['NOT_SUBMITTED', 'NOT_SUBMITTED']);
  });

  it('first exit round: FCA AUTHORISED, MAS EXTENDED → back to TESTING with FCA still AUTHORISED', async () => {
    e = await act('REQUEST_EXIT', sb.innovator.token, e);
    expect(e.state).toBe('EXIT_REVIEW');

    e = await act('DECIDE_EXIT', fca.regulator.token, e, {
      decision: 'AUTHORISED',
      reasons: 'All FCA exit criteria met',
    });
    expect(e.state).toBe('EXIT_REVIEW');
    expect(track(e, 'FCA')).toMatchObject({
      state: 'AUTHORISED',
      exitDecision: 'AUTHORISED',
      exitReasons: 'All FCA exit criteria met',
    });

    // The declined authority has no exit decision to take.
    const snapshot = await read(e.id);
    expectError(await run('DECIDE_EXIT', aio.regulator.token, e, { decision: 'AUTHORISED' }), 'INVALID_TRANSITION');
    await expectUnchanged(snapshot);

    e = await act('DECIDE_EXIT', mas.regulator.token, e, {
      decision: 'EXTENDED',
      reasons: 'Disparate impact 0.15 above 0.1: extend testing',
    });
    expect(e.state).toBe('TESTING');
    expect(trackStates(e)).toEqual({ FCA: 'AUTHORISED', MAS: 'ADMITTED', 'AI Office': 'DECLINED' });
    expect(track(e, 'MAS')).toMatchObject({
      exitDecision: 'EXTENDED',
      exitReasons: 'Disparate impact 0.15 above 0.1: extend testing',
    });
    expect(track(e, 'FCA').exitDecision).toBe('AUTHORISED');
    expect(e.exitedAt).toBeNull();
  });

  it('second exit round: a new report to MAS, requestExit again, MAS AUTHORISED → EXITED', async () => {
    // The FCA track is final: no more reports to it.
    const toFca = await t.gql(
      `mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id } }`,
      { input: reportInput(e.id, fca, [{ criterionId: fca.criteria.TESTING[0], value: 0.9 }]) },
      sb.innovator.token,
    );
    expectError(toFca, 'INVALID_TRANSITION');

    const retest = await submitReport(sb, e.id, mas, [{ criterionId: mas.criteria.EXIT[0], value: 0.07 }], {
      testedIn: 'SG',
    });
    expect(retest.results.map((r) => r.outcome)).toEqual(['PASS']);

    e = await act('REQUEST_EXIT', sb.innovator.token, e);
    expect(e.state).toBe('EXIT_REVIEW');
    // A new round: MAS decides again; FCA's final decision stands.
    expect(track(e, 'MAS')).toMatchObject({ state: 'ADMITTED', exitDecision: null });
    expect(track(e, 'FCA')).toMatchObject({ state: 'AUTHORISED', exitDecision: 'AUTHORISED' });

    const snapshot = await read(e.id);
    expectError(await run('DECIDE_EXIT', fca.regulator.token, e, { decision: 'REJECTED' }), 'INVALID_TRANSITION');
    await expectUnchanged(snapshot);

    e = await act('DECIDE_EXIT', mas.regulator.token, e, {
      decision: 'AUTHORISED',
      reasons: 'Disparity now 0.07: authorised',
    });
    expect(e.state).toBe('EXITED');
    expect(e.exitedAt).not.toBeNull();
    expect(trackStates(e)).toEqual({ FCA: 'AUTHORISED', MAS: 'AUTHORISED', 'AI Office': 'DECLINED' });
  });

  it('exitReport lists, per authority, each EXIT criterion with outcome and evidence, the decisions and reasons, and a Markdown rendering', async () => {
    for (const token of [fca.regulator.token, sb.innovator.token]) {
      const report = expectOk(await t.gql(EXIT_REPORT, { id: e.id }, token)).exitReport;
      expect(report).toMatchObject({
        enrolmentId: e.id,
        state: 'EXITED',
        programme: { id: sb.programmeId },
        aiSystem: { id: sb.systemId },
        organisation: { id: sb.innovator.organisationId },
      });
      expect(report.authorities.map((a: any) => a.acronym).sort()).toEqual(['AI Office', 'FCA', 'MAS']);
      const section = (acronym: string) => report.authorities.find((a: any) => a.acronym === acronym);

      for (const a of [fca, mas, aio]) {
        const s = section(a.acronym);
        expect(s.authorityId).toBe(a.id);
        expect(s.jurisdiction).toBe(a.jurisdiction);
        // In key order: exit.disparity.*, then exit.final-report.*
        expect(s.criteria.map((c: any) => c.criterionId)).toEqual(a.criteria.EXIT);
        expect(s.criteria.map((c: any) => c.mandatory)).toEqual([true, true]);
        expect(s.criteria[0].key).toMatch(/^exit\.disparity\./);
        expect(s.criteria[1].key).toMatch(/^exit\.final-report\./);
        for (const c of s.criteria) expect(c.withheld).toBe(0);
        // Markdown: the authority's heading with its track state, then each criterion key.
        expect(report.markdown).toContain(`## ${s.name} (${a.acronym}, ${a.jurisdiction}) — ${s.trackState}`);
        for (const c of s.criteria) expect(report.markdown).toContain(c.key);
      }

      expect(section('FCA')).toMatchObject({
        trackState: 'AUTHORISED',
        entry: { decision: 'ADMIT', reasons: 'In scope for the FCA; ready to test', justification: null },
        exit: { decision: 'AUTHORISED', reasons: 'All FCA exit criteria met' },
      });
      expect(section('FCA').criteria.map((c: any) => c.outcome)).toEqual(['MET', 'MET']);
      expect(section('FCA').criteria[0].evidence).toEqual([
        expect.objectContaining({ outcome: 'PASS', detail: expect.stringContaining('0.04') }),
      ]);
      expect(section('FCA').criteria[1].evidence).toEqual([
        expect.objectContaining({ outcome: 'PASS', detail: 'attested' }),
      ]);

      expect(section('MAS')).toMatchObject({
        trackState: 'AUTHORISED',
        entry: { decision: 'ADMIT', reasons: 'In scope for MAS' },
        exit: { decision: 'AUTHORISED', reasons: 'Disparity now 0.07: authorised' },
      });
      // The most recent result decides; both are listed as evidence.
      expect(section('MAS').criteria.map((c: any) => c.outcome)).toEqual(['MET', 'MET']);
      expect(
        section('MAS')
          .criteria[0].evidence.map((x: any) => x.outcome)
          .sort(),
      ).toEqual(['FAIL', 'PASS']);

      expect(section('AI Office')).toMatchObject({
        trackState: 'DECLINED',
        entry: { decision: 'DECLINE', reasons: 'Not placed on the EU market' },
        exit: { decision: null, reasons: null },
      });
      expect(section('AI Office').criteria.map((c: any) => [c.outcome, c.evidence.length])).toEqual([
        ['NOT_SUBMITTED', 0],
        ['NOT_SUBMITTED', 0],
      ]);

      for (const reason of [
        'All FCA exit criteria met',
        'Disparity now 0.07: authorised',
        'Not placed on the EU market',
        'In scope for MAS',
      ]) {
        expect(report.markdown).toContain(reason);
      }
      expect(report.markdown).toContain(`\`${e.id}\` — EXITED`);
    }
  });
});

// ── UNANIMOUS and LEAD_DECIDES ──────────────────────────────────────────────────────────────

describe('UNANIMOUS', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await buildSandbox(t, { jointEntryRule: JointEntryRule.UNANIMOUS });
  }, 120_000);

  it('one decline declines the enrolment; the remaining authority can no longer decide', async () => {
    const { FCA: fca, MAS: mas, 'AI Office': aio } = sb.authority;
    let e = await reach(sb, 'UNDER_REVIEW', [fca, mas, aio]);
    e = await act('DECIDE_ENTRY', fca.regulator.token, e, { decision: 'ADMIT', reasons: 'fine by us' });
    expect(e.state).toBe('UNDER_REVIEW');
    e = await act('DECIDE_ENTRY', mas.regulator.token, e, { decision: 'DECLINE', reasons: 'out of scope' });
    expect(e.state).toBe('DECLINED');
    expect(trackStates(e)).toEqual({ FCA: 'ADMITTED', MAS: 'DECLINED', 'AI Office': 'PENDING' });
    const before = await read(e.id);
    expectError(await run('DECIDE_ENTRY', aio.regulator.token, before, { decision: 'ADMIT' }), 'INVALID_TRANSITION');
    await expectUnchanged(before);
  });

  it('all admit → TESTING', async () => {
    const e = await reach(sb, 'TESTING', [sb.authority.FCA, sb.authority.MAS, sb.authority['AI Office']]);
    expect(trackStates(e)).toEqual({ FCA: 'ADMITTED', MAS: 'ADMITTED', 'AI Office': 'ADMITTED' });
  });
});

describe('LEAD_DECIDES', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await buildSandbox(t, { jointEntryRule: JointEntryRule.LEAD_DECIDES });
  }, 120_000);

  it('an application without the lead authority is BAD_USER_INPUT and creates nothing', async () => {
    const count = async () =>
      expectOk(await t.gql(ENROLMENT_COUNT, { programmeId: sb.programmeId }, sb.innovator.token)).enrolments.totalCount;
    const before = await count();
    const res = await createEnrolment(sb, {
      aiSystemId: sb.systemId,
      targets: [sb.authority.MAS, sb.authority['AI Office']],
    });
    expectBadInput(res, 'input.targetAuthorityIds');
    expect(await count()).toBe(before);
  });

  it("a non-lead authority's decision is INVALID_TRANSITION; the lead's ADMIT admits every track → TESTING", async () => {
    const { FCA: fca, MAS: mas, 'AI Office': aio } = sb.authority;
    const e = await reach(sb, 'UNDER_REVIEW', [fca, mas, aio]);
    for (const other of [mas, aio]) {
      for (const decision of ['ADMIT', 'DECLINE']) {
        expectError(await run('DECIDE_ENTRY', other.regulator.token, e, { decision }), 'INVALID_TRANSITION');
        await expectUnchanged(e);
      }
    }
    const admitted = await act('DECIDE_ENTRY', fca.regulator.token, e, {
      decision: 'ADMIT',
      reasons: 'The lead admits for the programme',
    });
    expect(admitted.state).toBe('TESTING');
    expect(trackStates(admitted)).toEqual({ FCA: 'ADMITTED', MAS: 'ADMITTED', 'AI Office': 'ADMITTED' });
    for (const x of admitted.tracks)
      expect(x).toMatchObject({ entryDecision: 'ADMIT', entryReasons: 'The lead admits for the programme' });
  });

  it("the lead's DECLINE declines every track", async () => {
    const { FCA: fca, MAS: mas, 'AI Office': aio } = sb.authority;
    const e = await reach(sb, 'UNDER_REVIEW', [fca, mas, aio]);
    const declined = await act('DECIDE_ENTRY', fca.regulator.token, e, { decision: 'DECLINE', reasons: 'Not ready' });
    expect(declined.state).toBe('DECLINED');
    expect(trackStates(declined)).toEqual({ FCA: 'DECLINED', MAS: 'DECLINED', 'AI Office': 'DECLINED' });
    for (const x of declined.tracks) expect(x.entryDecision).toBe('DECLINE');
  });
});

// ── decisions: justification and optimistic locking ────────────────────────────────────────

describe('entry decisions', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await buildSandbox(t, { cohortCapacity: 50 });
  }, 120_000);

  it('admitting over an unmet mandatory entry criterion needs a justification, which is recorded', async () => {
    const { FCA: fca, MAS: mas } = sb.authority;
    // FCA's entry results are missing; MAS has only its mandatory attestation (its evidence is optional).
    let e = await apply(sb, [fca, mas], { entryResults: [{ criterionId: mas.criteria.ENTRY[0], attested: true }] });
    e = await act('SUBMIT', sb.innovator.token, e);
    e = await act('START_REVIEW', mas.regulator.token, e);
    const evaluated = expectOk(await t.gql(EVALUATION, { id: e.id }, fca.regulator.token)).enrolment;
    const fcaEntry = evaluated.tracks.find((x: any) => x.authority.acronym === 'FCA').entryEvaluation;
    expect(Object.fromEntries(fcaEntry.map((c: any) => [c.criterion.id, [c.mandatory, c.outcome]]))).toEqual({
      [fca.criteria.ENTRY[0]]: [true, 'NOT_SUBMITTED'],
      [fca.criteria.ENTRY[1]]: [false, 'NOT_SUBMITTED'],
    });
    const readinessKey = fcaEntry.find((c: any) => c.criterion.id === fca.criteria.ENTRY[0]).criterion.key;
    const before = await read(e.id);

    for (const justification of [undefined, null, '   ']) {
      const refused = await run('DECIDE_ENTRY', fca.regulator.token, before, {
        decision: 'ADMIT',
        reasons: 'Promising',
        ...(justification === undefined ? {} : { justification }),
      });
      const error = expectBadInput(refused, 'input.justification');
      expect(error.extensions!.errors![0].message).toContain(readinessKey);
      await expectUnchanged(before);
    }

    // Declining needs no justification; nor does admitting when only an optional criterion is unmet.
    e = await act('DECIDE_ENTRY', mas.regulator.token, before, { decision: 'ADMIT', reasons: 'Attested readiness' });
    expect(track(e, 'MAS')).toMatchObject({ state: 'ADMITTED', entryJustification: null });

    const justification = 'Readiness confirmed in a supervised call on 12 January; written attestation to follow.';
    e = await act('DECIDE_ENTRY', fca.regulator.token, e, { decision: 'ADMIT', reasons: 'Promising', justification });
    expect(e.state).toBe('TESTING');
    expect(track(e, 'FCA')).toMatchObject({
      state: 'ADMITTED',
      entryDecision: 'ADMIT',
      entryReasons: 'Promising',
      entryJustification: justification,
    });
    expect(track(await read(e.id), 'FCA').entryJustification).toBe(justification);
    const report = expectOk(await t.gql(EXIT_REPORT, { id: e.id }, fca.regulator.token)).exitReport;
    expect(report.authorities.find((a: any) => a.acronym === 'FCA').entry.justification).toBe(justification);
    expect(report.markdown).toContain(`Justification: ${justification}`);
  });

  it('a decision at a stale expectedVersion is CONFLICT and changes nothing', async () => {
    const { FCA: fca, MAS: mas, 'AI Office': aio } = sb.authority;
    const e = await reach(sb, 'UNDER_REVIEW', [fca, mas, aio]);
    for (const expectedVersion of [e.version - 1, e.version + 1]) {
      expectError(
        await run('DECIDE_ENTRY', fca.regulator.token, e, { expectedVersion, decision: 'ADMIT' }),
        'CONFLICT',
      );
      await expectUnchanged(e);
    }
    // Two regulators read the same version: the first decision wins, the second is told to reload.
    const first = await act('DECIDE_ENTRY', fca.regulator.token, e, { decision: 'ADMIT' });
    const afterFirst = await read(e.id);
    expectError(await run('DECIDE_ENTRY', mas.regulator.token, e, { decision: 'DECLINE' }), 'CONFLICT');
    await expectUnchanged(afterFirst);
    expect(track(afterFirst, 'MAS').state).toBe('PENDING');
    // Reloaded, the second decides.
    const second = await act('DECIDE_ENTRY', mas.regulator.token, first, { decision: 'DECLINE' });
    expect(trackStates(second)).toEqual({ FCA: 'ADMITTED', MAS: 'DECLINED', 'AI Office': 'PENDING' });
    // Exit and suspension decisions carry the version too.
    const testing = await reach(sb, 'TESTING');
    expectError(
      await run('SUSPEND', fca.regulator.token, testing, { expectedVersion: testing.version - 1 }),
      'CONFLICT',
    );
    await expectUnchanged(testing);
    const exitReview = await reach(sb, 'EXIT_REVIEW');
    expectError(
      await run('DECIDE_EXIT', fca.regulator.token, exitReview, { expectedVersion: exitReview.version - 1 }),
      'CONFLICT',
    );
    await expectUnchanged(exitReview);
  });
});

// ── every action outside the table, in every state ─────────────────────────────────────────

describe('every action not in the table, in every state, is refused and changes nothing', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await buildSandbox(t, { cohortCapacity: 50 });
  }, 120_000);

  it.each(STATES)('%s', async (state) => {
    const { FCA: fca, 'AI Office': outsider } = sb.authority;
    const before = await reach(sb, state);
    expect(before.state).toBe(state);
    // A regulator never sees an innovator's DRAFT: to it the enrolment does not exist.
    const hiddenFromRegulators = state === 'DRAFT';
    const asRegulator = (code: string) => (hiddenFromRegulators ? 'NOT_FOUND' : code);

    const attempts: { action: Action; who: string; token: string; expected: string }[] = [];
    for (const action of ACTIONS) {
      const { by, from } = TABLE[action];
      if (by === 'INNOVATOR') {
        if (!from.includes(state))
          attempts.push({ action, who: 'innovator', token: sb.innovator.token, expected: 'INVALID_TRANSITION' });
        attempts.push({
          action,
          who: 'targeted regulator',
          token: fca.regulator.token,
          expected: asRegulator('FORBIDDEN'),
        });
      } else {
        if (!from.includes(state))
          attempts.push({
            action,
            who: 'targeted regulator',
            token: fca.regulator.token,
            expected: asRegulator('INVALID_TRANSITION'),
          });
        attempts.push({ action, who: 'innovator', token: sb.innovator.token, expected: 'FORBIDDEN' });
        attempts.push({
          action,
          who: 'regulator of a participating, untargeted authority',
          token: outsider.regulator.token,
          expected: asRegulator('FORBIDDEN'),
        });
      }
      attempts.push({ action, who: 'administrator', token: adminToken, expected: 'FORBIDDEN' });
    }

    const observed = [];
    for (const attempt of attempts) {
      const res = await run(
        attempt.action,
        attempt.token,
        before,
        attempt.action === 'SUBMIT_TEST_REPORT' ? { to: fca } : {},
      );
      expectNoLeak(res);
      const after = await read(before.id);
      observed.push({
        action: attempt.action,
        who: attempt.who,
        codes: res.errors?.map((x) => x.extensions?.code) ?? 'succeeded',
        unchanged: JSON.stringify(normalise(after)) === JSON.stringify(normalise(before)),
      });
    }
    expect(observed).toEqual(
      attempts.map(({ action, who, expected }) => ({ action, who, codes: [expected], unchanged: true })),
    );
    await expectUnchanged(before);
  });
});

// ── suspension ──────────────────────────────────────────────────────────────────────────────

describe('suspension', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await buildSandbox(t, { cohortCapacity: 50 });
  }, 120_000);

  it('one of two tracks suspended keeps TESTING; both → SUSPENDED; only the suspending authority resumes → TESTING', async () => {
    const { FCA: fca, MAS: mas, 'AI Office': outsider } = sb.authority;
    let e = await reach(sb, 'TESTING');

    e = await act('SUSPEND', fca.regulator.token, e, { reasons: 'Complaint under investigation' });
    expect(e.state).toBe('TESTING');
    expect(track(e, 'FCA')).toMatchObject({ state: 'SUSPENDED', suspended: true });
    expect(track(e, 'MAS')).toMatchObject({ state: 'ADMITTED', suspended: false });

    // A suspended track takes no reports and cannot be suspended again; the other one carries on.
    let snapshot = await read(e.id);
    expectError(await run('SUBMIT_TEST_REPORT', sb.innovator.token, e, { to: fca }), 'INVALID_TRANSITION');
    expectError(await run('SUSPEND', fca.regulator.token, e), 'INVALID_TRANSITION');
    await expectUnchanged(snapshot);
    await submitReport(sb, e.id, mas, [{ criterionId: mas.criteria.TESTING[0], value: 0.9 }], { testedIn: 'SG' });

    e = await act('SUSPEND', mas.regulator.token, e, { reasons: 'Data breach notified' });
    expect(e.state).toBe('SUSPENDED');
    expect(trackStates(e)).toEqual({ FCA: 'SUSPENDED', MAS: 'SUSPENDED' });

    snapshot = await read(e.id);
    for (const token of [outsider.regulator.token, sb.innovator.token, adminToken]) {
      expectError(await run('RESUME', token, e), 'FORBIDDEN');
      await expectUnchanged(snapshot);
    }

    e = await act('RESUME', fca.regulator.token, e);
    expect(e.state).toBe('TESTING');
    expect(trackStates(e)).toEqual({ FCA: 'ADMITTED', MAS: 'SUSPENDED' });
    expect(track(e, 'FCA').suspended).toBe(false);

    // MAS's track, suspended alone now, is resumed by MAS while the enrolment stays TESTING.
    snapshot = await read(e.id);
    expectError(await run('RESUME', fca.regulator.token, e), 'INVALID_TRANSITION');
    await expectUnchanged(snapshot);
    e = await act('RESUME', mas.regulator.token, e);
    expect(e.state).toBe('TESTING');
    expect(trackStates(e)).toEqual({ FCA: 'ADMITTED', MAS: 'ADMITTED' });
  });

  it('a track suspended alone is resumed by its authority while the enrolment is TESTING or EXIT_REVIEW', async () => {
    const { FCA: fca, MAS: mas } = sb.authority;
    let e = await reach(sb, 'TESTING');
    e = await act('SUSPEND', fca.regulator.token, e, { reasons: 'Complaint under investigation' });
    expect(e.state).toBe('TESTING');
    const asFca = await allowed(e.id, fca.regulator.token);
    expect(asFca.find((r) => r.action === 'RESUME')).toMatchObject({ allowed: true, reason: null });
    expect(asFca.find((r) => r.action === 'RESUME')).toBeDefined();
    // Only the suspending authority resumes it.
    const snapshot = await read(e.id);
    expectError(await run('RESUME', mas.regulator.token, e), 'INVALID_TRANSITION');
    await expectUnchanged(snapshot);
    e = await act('RESUME', fca.regulator.token, e);
    expect(e.state).toBe('TESTING');
    expect(track(e, 'FCA')).toMatchObject({ state: 'ADMITTED', suspended: false });

    e = await act('REQUEST_EXIT', sb.innovator.token, e);
    e = await act('SUSPEND', mas.regulator.token, e, { reasons: 'Incident under investigation' });
    expect(e.state).toBe('EXIT_REVIEW');
    e = await act('RESUME', mas.regulator.token, e);
    expect(e.state).toBe('EXIT_REVIEW');
    expect(trackStates(e)).toEqual({ FCA: 'ADMITTED', MAS: 'ADMITTED' });
  });

  it('a suspended track holds the enrolment in EXIT_REVIEW: never EXITED until it is resumed and decided', async () => {
    const { FCA: fca, MAS: mas } = sb.authority;
    let e = await reach(sb, 'EXIT_REVIEW');
    e = await act('SUSPEND', fca.regulator.token, e, { reasons: 'Incident under investigation' });
    expect(e.state).toBe('EXIT_REVIEW');
    e = await act('DECIDE_EXIT', mas.regulator.token, e, { decision: 'AUTHORISED', reasons: 'MAS: criteria met' });
    expect(e.state).toBe('EXIT_REVIEW');
    expect(e.exitedAt).toBeNull();
    expect(trackStates(e)).toEqual({ FCA: 'SUSPENDED', MAS: 'AUTHORISED' });
    // The suspended track takes no exit decision until it is resumed.
    const snapshot = await read(e.id);
    expectError(await run('DECIDE_EXIT', fca.regulator.token, e), 'INVALID_TRANSITION');
    await expectUnchanged(snapshot);
    e = await act('RESUME', fca.regulator.token, e);
    expect(e.state).toBe('EXIT_REVIEW');
    e = await act('DECIDE_EXIT', fca.regulator.token, e, { decision: 'REJECTED', reasons: 'FCA: incident unresolved' });
    expect(e.state).toBe('EXITED');
    expect(trackStates(e)).toEqual({ FCA: 'REJECTED', MAS: 'AUTHORISED' });
  });

  it('a suspension names its ground and reasons: both required, shown on the track while it lasts, kept in the audit trail', async () => {
    const { FCA: fca } = sb.authority;
    let e = await reach(sb, 'TESTING');
    const snapshot = await read(e.id);
    const suspend = (input: Record<string, unknown>) =>
      t.gql(
        `mutation($input: SuspendTrackInput!) { suspendTrack(input: $input) { id } }`,
        { input: { enrolmentId: e.id, expectedVersion: e.version, ...input } },
        fca.regulator.token,
      );
    expectBadInput(await suspend({ reasons: 'Paused' }), 'input.ground');
    expectBadInput(await suspend({ ground: 'SOMETHING_ELSE', reasons: 'Paused' }), 'input.ground');
    expectBadInput(await suspend({ ground: 'BREACH_OF_PLAN' }), 'input.reasons');
    expectBadInput(await suspend({ ground: 'BREACH_OF_PLAN', reasons: '   ' }), 'input.reasons');
    await expectUnchanged(snapshot);

    for (const ground of ['BREACH_OF_PLAN', 'UNMITIGABLE_RISK', 'PARTICIPANT_REQUEST']) {
      e = await act('SUSPEND', fca.regulator.token, e, { ground, reasons: `Ground: ${ground}` });
      const shown = expectOk(
        await t.gql(
          `query($id: ID!) { enrolment(id: $id) { tracks { authority { acronym } suspended suspensionGround suspensionReasons suspendedAt } } }`,
          { id: e.id },
          sb.innovator.token,
        ),
      ).enrolment.tracks;
      const own = shown.find((x: { authority: { acronym: string } }) => x.authority.acronym === 'FCA');
      expect(own).toMatchObject({ suspended: true, suspensionGround: ground, suspensionReasons: `Ground: ${ground}` });
      expect(Date.parse(own.suspendedAt)).not.toBeNaN();
      expect(shown.find((x: { authority: { acronym: string } }) => x.authority.acronym === 'MAS')).toMatchObject({
        suspended: false,
        suspensionGround: null,
        suspensionReasons: null,
        suspendedAt: null,
      });
      e = await act('RESUME', fca.regulator.token, e);
      const resumed = expectOk(
        await t.gql(
          `query($id: ID!) { enrolment(id: $id) { tracks { authority { acronym } suspended suspensionGround suspensionReasons suspendedAt } } }`,
          { id: e.id },
          adminToken,
        ),
      ).enrolment.tracks.find((x: { authority: { acronym: string } }) => x.authority.acronym === 'FCA');
      expect(resumed).toEqual({
        authority: { acronym: 'FCA' },
        suspended: false,
        suspensionGround: null,
        suspensionReasons: null,
        suspendedAt: null,
      });
    }

    const trail = expectOk(
      await t.gql(
        `query($filter: AuditFilterInput) { auditTrail(first: 100, filter: $filter) { edges { node { action data } } } }`,
        { filter: { enrolmentId: e.id } },
        adminToken,
      ),
    ).auditTrail.edges.map((edge: { node: { action: string; data: Record<string, unknown> } }) => edge.node);
    expect(
      trail.filter((x: { action: string }) => x.action === 'SUSPEND').map((x: { data: unknown }) => x.data),
    ).toEqual(
      ['BREACH_OF_PLAN', 'UNMITIGABLE_RISK', 'PARTICIPANT_REQUEST'].map((ground) =>
        expect.objectContaining({ ground, reasons: `Ground: ${ground}`, authorityId: fca.id }),
      ),
    );
  });

  it('an enrolment suspended during EXIT_REVIEW returns to EXIT_REVIEW on resume', async () => {
    const { FCA: fca, MAS: mas } = sb.authority;
    let e = await reach(sb, 'EXIT_REVIEW');
    e = await act('SUSPEND', fca.regulator.token, e);
    expect(e.state).toBe('EXIT_REVIEW');
    e = await act('SUSPEND', mas.regulator.token, e);
    expect(e.state).toBe('SUSPENDED');
    e = await act('RESUME', mas.regulator.token, e);
    expect(e.state).toBe('EXIT_REVIEW');
    expect(trackStates(e)).toEqual({ FCA: 'SUSPENDED', MAS: 'ADMITTED' });
    // MAS decides; FCA's suspended track keeps the round open.
    e = await act('DECIDE_EXIT', mas.regulator.token, e, { decision: 'AUTHORISED' });
    expect(e.state).toBe('EXIT_REVIEW');
  });
});

// ── cohort capacity ─────────────────────────────────────────────────────────────────────────

describe('cohort capacity', () => {
  it('with one place taken, a second admission is INVALID_TRANSITION and changes nothing; a withdrawal frees the place', async () => {
    const sb = await buildSandbox(t, { cohortCapacity: 1 });
    const fca = sb.authority.FCA;
    const first = await reach(sb, 'TESTING', [fca]);
    const second = await reach(sb, 'UNDER_REVIEW', [fca]);

    const refused = await run('DECIDE_ENTRY', fca.regulator.token, second, {
      decision: 'ADMIT',
      reasons: 'Would admit',
    });
    const error = expectError(refused, 'INVALID_TRANSITION');
    expect(error.message).toMatch(/cohort is full/i);
    expect(error.extensions?.reason).toBe('COHORT_FULL');
    await expectUnchanged(second);
    expect(track(await read(second.id), 'FCA')).toMatchObject({
      state: 'PENDING',
      entryDecision: null,
      entryReasons: null,
    });

    await act('WITHDRAW', sb.innovator.token, first);
    const admitted = await act('DECIDE_ENTRY', fca.regulator.token, second, {
      decision: 'ADMIT',
      reasons: 'A place is free',
    });
    expect(admitted.state).toBe('TESTING');
  }, 120_000);

  it('the reported case: the only place taken, the FCA cannot admit a second enrolment and MAS can still decline it, so it is decided', async () => {
    const sb = await buildSandbox(t, { cohortCapacity: 1 });
    const { FCA: fca, MAS: mas } = sb.authority;
    await reach(sb, 'TESTING', [fca]);
    let second = await reach(sb, 'UNDER_REVIEW', [fca, mas]);

    // Refused at once, when the FCA admits (not later, at someone else's decision).
    const refused = await run('DECIDE_ENTRY', fca.regulator.token, second, { decision: 'ADMIT', reasons: 'In scope' });
    expect(expectError(refused, 'INVALID_TRANSITION').extensions?.reason).toBe('COHORT_FULL');
    await expectUnchanged(second);
    // allowedTransitions says so beforehand, with the same reason code.
    const rows = expectOk(
      await t.gql(
        `query($id: ID!) { enrolment(id: $id) { allowedTransitions { action allowed reason reasonCode } } }`,
        { id: second.id },
        fca.regulator.token,
      ),
    ).enrolment.allowedTransitions;
    expect(rows.find((r: { action: string }) => r.action === 'DECIDE_ENTRY')).toEqual({
      action: 'DECIDE_ENTRY',
      allowed: false,
      reason: expect.stringMatching(/cohort is full/i),
      reasonCode: 'COHORT_FULL',
    });

    // A DECLINE is never refused for capacity.
    second = await act('DECIDE_ENTRY', mas.regulator.token, second, { decision: 'DECLINE', reasons: 'Out of scope' });
    expect(second.state).toBe('UNDER_REVIEW');
    second = await act('DECIDE_ENTRY', fca.regulator.token, second, { decision: 'DECLINE', reasons: 'No place' });
    expect(second.state).toBe('DECLINED');
  }, 120_000);

  it("a place is taken at an enrolment's first accepted ADMIT and kept by it; EXITED frees it", async () => {
    const sb = await buildSandbox(t, { cohortCapacity: 1 });
    const { FCA: fca, MAS: mas } = sb.authority;
    let first = await reach(sb, 'UNDER_REVIEW', [fca, mas]);
    const second = await reach(sb, 'UNDER_REVIEW', [fca]);

    // The FCA's ADMIT takes the only place, although MAS has not decided and testing has not started.
    first = await act('DECIDE_ENTRY', fca.regulator.token, first, { decision: 'ADMIT' });
    expect(first.state).toBe('UNDER_REVIEW');
    const refused = await run('DECIDE_ENTRY', fca.regulator.token, second, { decision: 'ADMIT' });
    expect(expectError(refused, 'INVALID_TRANSITION').extensions?.reason).toBe('COHORT_FULL');
    await expectUnchanged(second);

    // The enrolment holding the place is decided whatever else happens: MAS declines, testing starts.
    first = await act('DECIDE_ENTRY', mas.regulator.token, first, { decision: 'DECLINE' });
    expect(first.state).toBe('TESTING');
    first = await act('REQUEST_EXIT', sb.innovator.token, first);
    first = await act('DECIDE_EXIT', fca.regulator.token, first, { decision: 'AUTHORISED' });
    expect(first.state).toBe('EXITED');

    // Exited, it holds no place any more.
    const admitted = await act('DECIDE_ENTRY', fca.regulator.token, second, { decision: 'ADMIT' });
    expect(admitted.state).toBe('TESTING');
  }, 120_000);

  it('UNANIMOUS: a DECLINE after an ADMIT declines the enrolment and frees the place its ADMIT took', async () => {
    const sb = await buildSandbox(t, { cohortCapacity: 1, jointEntryRule: JointEntryRule.UNANIMOUS });
    const { FCA: fca, MAS: mas } = sb.authority;
    let first = await reach(sb, 'UNDER_REVIEW', [fca, mas]);
    const second = await reach(sb, 'UNDER_REVIEW', [fca]);
    first = await act('DECIDE_ENTRY', fca.regulator.token, first, { decision: 'ADMIT' });
    expectError(await run('DECIDE_ENTRY', fca.regulator.token, second, { decision: 'ADMIT' }), 'INVALID_TRANSITION');
    first = await act('DECIDE_ENTRY', mas.regulator.token, first, { decision: 'DECLINE' });
    expect(first.state).toBe('DECLINED');
    expect((await act('DECIDE_ENTRY', fca.regulator.token, second, { decision: 'ADMIT' })).state).toBe('TESTING');
  }, 120_000);
});

// ── allowedTransitions, withdrawal ─────────────────────────────────────────────────────────

describe('allowedTransitions and withdrawal', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await buildSandbox(t, { cohortCapacity: 50 });
  }, 120_000);

  const allowedOnly = (rows: { action: Action; allowed: boolean }[]) =>
    rows
      .filter((r) => r.allowed)
      .map((r) => r.action)
      .sort();

  it('tells each caller what it may do next, with a reason for every blocked action', async () => {
    const { FCA: fca, MAS: mas, 'AI Office': outsider } = sb.authority;
    let e = await reach(sb, 'DRAFT');
    const draft = await allowed(e.id, sb.innovator.token);
    expect(draft.map((r) => r.action).sort()).toEqual([...ACTIONS].sort());
    expect(allowedOnly(draft)).toEqual(['SUBMIT', 'WITHDRAW']);
    for (const row of draft) {
      if (row.allowed) expect(row.reason).toBeNull();
      else expect(row.reason).toEqual(expect.stringMatching(/\w/));
    }

    e = await act('SUBMIT', sb.innovator.token, e);
    e = await act('START_REVIEW', fca.regulator.token, e);
    const review = await allowed(e.id, fca.regulator.token);
    expect(allowedOnly(review)).toEqual(['DECIDE_ENTRY']);
    for (const row of review.filter((r) => !r.allowed)) expect(row.reason).toEqual(expect.stringMatching(/\w/));
    expect(review.find((r) => r.action === 'WITHDRAW')!.reason).toMatch(/organisation/i);
    expect(review.find((r) => r.action === 'START_REVIEW')!.reason).toMatch(/UNDER_REVIEW/);
    expect(allowedOnly(await allowed(e.id, sb.innovator.token))).toEqual(['WITHDRAW']);
    const untargeted = await allowed(e.id, outsider.regulator.token);
    expect(allowedOnly(untargeted)).toEqual([]);
    expect(untargeted.find((r) => r.action === 'DECIDE_ENTRY')!.reason).toMatch(/not targeted/i);

    e = await act('DECIDE_ENTRY', fca.regulator.token, e, { decision: 'ADMIT' });
    const decided = await allowed(e.id, fca.regulator.token);
    expect(allowedOnly(decided)).toEqual([]);
    expect(decided.find((r) => r.action === 'DECIDE_ENTRY')!.reason).toMatch(/already decided/i);
    expect(allowedOnly(await allowed(e.id, mas.regulator.token))).toEqual(['DECIDE_ENTRY']);

    e = await act('DECIDE_ENTRY', mas.regulator.token, e, { decision: 'ADMIT' });
    // No report until the sandbox plan is agreed, and the reason says so.
    const testing = await allowed(e.id, sb.innovator.token);
    expect(allowedOnly(testing)).toEqual(['REQUEST_EXIT', 'WITHDRAW']);
    expect(testing.find((r) => r.action === 'SUBMIT_TEST_REPORT')!.reason).toMatch(/sandbox plan/);
    await agreePlan(t, e, sb.innovator.token, [fca.regulator.token, mas.regulator.token]);
    expect(allowedOnly(await allowed(e.id, sb.innovator.token))).toEqual([
      'REQUEST_EXIT',
      'SUBMIT_TEST_REPORT',
      'WITHDRAW',
    ]);
    expect(allowedOnly(await allowed(e.id, fca.regulator.token))).toEqual(['SUSPEND']);
  });

  it('withdrawing from TESTING → WITHDRAWN; the same system can then apply again', async () => {
    const { FCA: fca, MAS: mas } = sb.authority;
    const systemId = await newSystem(sb);
    let e = await apply(sb, [fca, mas], { systemId });
    e = await act('SUBMIT', sb.innovator.token, e);
    e = await act('START_REVIEW', fca.regulator.token, e);
    e = await act('DECIDE_ENTRY', fca.regulator.token, e, { decision: 'ADMIT' });
    e = await act('DECIDE_ENTRY', mas.regulator.token, e, { decision: 'ADMIT' });
    expect(e.state).toBe('TESTING');

    // While it is active, a second application of the same system is refused.
    expectError(await createEnrolment(sb, { aiSystemId: systemId, targets: [fca] }), 'CONFLICT');

    e = await act('WITHDRAW', sb.innovator.token, e, { reasons: 'Model retired' });
    expect(e.state).toBe('WITHDRAWN');
    expect((await read(e.id)).state).toBe('WITHDRAWN');
    expect(allowedOnly(await allowed(e.id, sb.innovator.token))).toEqual([]);

    const again = expectOk(
      await createEnrolment(sb, { aiSystemId: systemId, targets: [fca], entryResults: entryResultsMeeting([fca]) }),
    ).createEnrolment;
    expect(again.id).not.toBe(e.id);
    expect(again).toMatchObject({ state: 'DRAFT', version: 1 });
    expect(trackStates(again)).toEqual({ FCA: 'PENDING' });
    expect((await read(e.id)).state).toBe('WITHDRAWN');
  });
});
