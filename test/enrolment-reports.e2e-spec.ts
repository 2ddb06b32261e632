import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sandbridge/domain';
import {
  agreePlan,
  buildSandbox,
  entryResultsMeeting,
  expectBadInput,
  expectError,
  expectOk,
  type GraphQLResponse,
  type Sandbox,
  type SandboxAuthority,
  TestApp,
} from '@sandbridge/testing';

// Test reports, their review and confidentiality, the tenancy of every enrolment query and
// mutation, the programme funnel and the SQL cost of the enrolment list — through GraphQL over HTTP
// (docs/domain.md#roles-and-visibility, §3, §7a; issue 4). Every refusal is checked to save or change nothing.

type Vars = Record<string, unknown>;
interface Ref {
  id: string;
  state: string;
  version: number;
}
interface Result {
  criterionId: string;
  value?: number | null;
  evidenceReference?: string | null;
  evidenceSha256?: string | null;
  attested?: boolean | null;
}

const SHA = createHash('sha256').update('robustness test evidence').digest('hex');

const REF = 'id state version';
const CREATE_ENROLMENT = `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`;
const UPDATE_APPLICATION = `mutation($input: UpdateEnrolmentApplicationInput!) { updateEnrolmentApplication(input: $input) { ${REF} } }`;
const step = (name: string, type = 'EnrolmentActionInput') =>
  `mutation($input: ${type}!) { ${name}(input: $input) { ${REF} } }`;
const SUBMIT = step('submitEnrolment');
const START_REVIEW = step('startReview');
const DECIDE_ENTRY = step('decideEntry', 'DecideEntryInput');
const REQUEST_EXIT = step('requestExit');
const DECIDE_EXIT = step('decideExit', 'DecideExitInput');
const SUSPEND = step('suspendTrack', 'SuspendTrackInput');
const RESUME = step('resumeTrack');
const WITHDRAW = step('withdrawEnrolment');
const REGISTER_SYSTEM = `mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }`;

const RESULT_FIELDS = 'id position value evidenceReference evidenceSha256 attested outcome detail';
const REPORT_FIELDS = `id periodStart periodEnd testedIn confidentiality idempotencyKey status reviewReasons reviewedAt resultCount submittedAt
  lab { name accredited accreditationBody } method { id version } submittedTo { id acronym }
  results { ${RESULT_FIELDS} }`;
const SUBMIT_REPORT = `mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { ${REPORT_FIELDS} } }`;
const REVIEW_REPORT = `mutation($input: ReviewTestReportInput!) { reviewTestReport(input: $input) { id status reviewReasons reviewedAt } }`;
const TEST_REPORT = `query($id: ID!) { testReport(id: $id) { ${REPORT_FIELDS} } }`;
const ENROLMENT = `query($id: ID!) { enrolment(id: $id) { ${REF} testReports { id confidentiality } } }`;
const ENROLMENTS = `query($first: Int, $filter: EnrolmentFilterInput) { enrolments(first: $first, filter: $filter) { totalCount edges { node { id state } } } }`;
const EVALUATION = `query($id: ID!) {
  enrolment(id: $id) { id tracks { state authority { id acronym } evaluation(stage: TESTING) { outcome resultId mandatory criterion { id } } } }
}`;
const EXIT_REPORT = `query($id: ID!) {
  exitReport(enrolmentId: $id) {
    enrolmentId state markdown
    authorities { authorityId acronym trackState criteria { criterionId key outcome withheld evidence { reportId resultId outcome detail } } }
  }
}`;
const FUNNEL = `query($id: ID!) {
  programmeFunnel(programmeId: $id) {
    programmeId applications submitted tested exited declined withdrawn
    byState { state count }
    authorities { authorityId authority { acronym } targeted pending admitted declined authorised rejected topUnmetCriteria { criterionId count criterion { id key } } }
    exitOutcomes { state count }
  }
}`;

let t: TestApp;
let sb: Sandbox;
let FCA: SandboxAuthority;
let MAS: SandboxAuthority;
let AIO: SandboxAuthority;
let admin: string;
/** A regulator of GB ICO, an authority that takes part in none of these programmes. */
let ico: { authorityId: string; token: string };
/** An innovator of another organisation, with a system of its own. */
let rival: { token: string; systemId: string };
let negotiator: string;
let systems = 0;

const gql = <T = Record<string, any>>(query: string, variables: Vars, token?: string): Promise<GraphQLResponse<T>> =>
  t.gql<T>(query, variables, token);

async function counts(): Promise<{ reports: number; results: number }> {
  return { reports: await t.count('test_report'), results: await t.count('test_result') };
}

/** A lifecycle step that must succeed; returns the enrolment as it is after it. */
async function act(mutation: string, token: string, ref: Ref, extra: Vars = {}): Promise<Ref> {
  const data = expectOk(
    await gql(mutation, { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } }, token),
  );
  return Object.values(data)[0] as Ref;
}

async function registerSystem(token: string): Promise<string> {
  const res = await gql(
    REGISTER_SYSTEM,
    {
      input: {
        name: `Scoring model ${++systems}`,
        sector: 'FINANCE',
        riskClass: 'HIGH',
        intendedPurpose: 'Scores consumer loan applicants.',
      },
    },
    token,
  );
  return expectOk(res).registerAiSystem.id;
}

interface ApplyOptions {
  /** A system of the sandbox's innovator; a new one by default. */
  systemId?: string;
  entryResults?: Result[];
}

/** A DRAFT application of the sandbox's innovator targeting `targets`. */
async function apply(s: Sandbox, targets: SandboxAuthority[], options: ApplyOptions = {}): Promise<Ref> {
  const systemId = options.systemId ?? (await registerSystem(s.innovator.token));
  const input = {
    programmeId: s.programmeId,
    aiSystemId: systemId,
    targetAuthorityIds: targets.map((a) => a.id),
    entryResults: options.entryResults ?? entryResultsMeeting(targets),
  };
  return expectOk(await gql(CREATE_ENROLMENT, { input }, s.innovator.token)).createEnrolment;
}

interface DecideOptions extends ApplyOptions {
  decline?: SandboxAuthority[];
  justification?: string;
}

/**
 * Applied, submitted, reviewed and decided by each target (admit unless in `decline`); once in
 * TESTING, its sandbox plan proposed and agreed by the admitting authorities, so reports may come in.
 */
async function decided(s: Sandbox, targets: SandboxAuthority[], options: DecideOptions = {}): Promise<Ref> {
  let ref = await apply(s, targets, options);
  ref = await act(SUBMIT, s.innovator.token, ref);
  ref = await act(START_REVIEW, targets[0].regulator.token, ref);
  for (const authority of targets) {
    const decline = options.decline?.includes(authority);
    ref = await act(DECIDE_ENTRY, authority.regulator.token, ref, {
      decision: decline ? 'DECLINE' : 'ADMIT',
      reasons: decline
        ? `${authority.acronym}: the readiness attestation is missing`
        : `${authority.acronym}: ready to test`,
      ...(!decline && options.justification ? { justification: options.justification } : {}),
    });
  }
  if (ref.state !== 'TESTING') return ref;
  const admitting = targets.filter((a) => !options.decline?.includes(a));
  return (
    await agreePlan(
      t,
      ref,
      s.innovator.token,
      admitting.map((a) => a.regulator.token),
    )
  ).enrolment;
}

function reportInput(
  enrolmentId: string,
  submittedTo: SandboxAuthority | string,
  results: Result[],
  overrides: Vars = {},
): Vars {
  return {
    enrolmentId,
    submittedTo: typeof submittedTo === 'string' ? submittedTo : submittedTo.id,
    periodStart: '2025-01-06',
    periodEnd: '2025-03-28',
    lab: { name: 'Turing Assurance Lab', accredited: true, accreditationBody: 'UKAS' },
    method: { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
    testedIn: 'GB',
    confidentiality: 'PARTICIPANTS',
    idempotencyKey: randomUUID(),
    results,
    ...overrides,
  };
}

async function submitReport(token: string, input: Vars): Promise<GraphQLResponse> {
  return gql(SUBMIT_REPORT, { input }, token);
}

async function submitted(token: string, input: Vars): Promise<Record<string, any>> {
  return expectOk(await submitReport(token, input)).submitTestReport;
}

async function enrolmentAsAdmin(id: string): Promise<Ref & { testReports: { id: string }[] }> {
  return expectOk(await gql(ENROLMENT, { id }, admin)).enrolment;
}

beforeAll(async () => {
  t = await TestApp.create();
  sb = await buildSandbox(t);
  [FCA, MAS, AIO] = sb.authorities;
  admin = await t.adminToken();
  const tag = randomUUID().slice(0, 8);
  const icoId = await t.authorityId('GB', 'ICO');
  ico = {
    authorityId: icoId,
    token: (await t.accountWithToken(`reg.ico.${tag}@reports.test`, Role.REGULATOR, { authorityId: icoId })).token,
  };
  const rivalOrg = await t.createOrganisation(`Rival Analytics ${tag}`, 'SG');
  const rivalToken = (
    await t.accountWithToken(`innovator.rival.${tag}@reports.test`, Role.INNOVATOR, { organisationId: rivalOrg })
  ).token;
  rival = { token: rivalToken, systemId: await registerSystem(rivalToken) };
  negotiator = (await t.accountWithToken(`negotiator.${tag}@reports.test`, Role.NEGOTIATOR, { jurisdictionCode: 'GB' }))
    .token;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('submitTestReport', () => {
  /** TESTING with FCA and MAS; AI Office declined its track. */
  let testing: Ref;

  beforeAll(async () => {
    testing = await decided(sb, [FCA, MAS, AIO], { systemId: sb.systemId, decline: [AIO] });
    expect(testing.state).toBe('TESTING');
  });

  it('stores the report with lab, method, period and confidentiality, and evaluates each result against its criterion, in submission order', async () => {
    const before = await counts();
    const results: Result[] = [
      { criterionId: FCA.criteria.TESTING[0], value: 0.91 },
      { criterionId: MAS.criteria.TESTING[0], value: 0.62 },
      { criterionId: MAS.criteria.EXIT[0], attested: true },
      { criterionId: FCA.criteria.ENTRY[1], evidenceReference: 'lab://reports/robustness.pdf', evidenceSha256: SHA },
      { criterionId: MAS.criteria.ENTRY[1], value: 1 },
      { criterionId: AIO.criteria.ENTRY[1], evidenceReference: 'lab://reports/unsigned.pdf' },
      { criterionId: FCA.criteria.EXIT[1], attested: true },
      { criterionId: AIO.criteria.EXIT[1], attested: false },
      { criterionId: FCA.criteria.EXIT[0], value: 0.04 },
    ];
    const input = reportInput(testing.id, FCA, results, {
      confidentiality: 'HOME_AUTHORITY',
      testedIn: 'SG',
      idempotencyKey: 'first-report',
    });
    const report = await submitted(sb.innovator.token, input);
    expect(report).toMatchObject({
      periodStart: '2025-01-06',
      periodEnd: '2025-03-28',
      lab: { name: 'Turing Assurance Lab', accredited: true, accreditationBody: 'UKAS' },
      method: { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
      testedIn: 'SG',
      confidentiality: 'HOME_AUTHORITY',
      idempotencyKey: 'first-report',
      status: 'SUBMITTED',
      reviewReasons: null,
      reviewedAt: null,
      resultCount: 9,
      submittedTo: { id: FCA.id, acronym: 'FCA' },
    });
    expect(report.results.map((r: any) => [r.position, r.outcome, r.detail])).toEqual([
      [0, 'PASS', '0.91 against ≥ 0.8 ratio'],
      [1, 'FAIL', '0.62 against ≥ 0.8 ratio'],
      [2, 'INSUFFICIENT_EVIDENCE', 'no measured value'],
      [3, 'PASS', `evidence lab://reports/robustness.pdf (sha256 ${SHA.slice(0, 12)}…)`],
      [4, 'INSUFFICIENT_EVIDENCE', 'no evidence supplied'],
      [5, 'INSUFFICIENT_EVIDENCE', 'evidence without a valid SHA-256 content hash'],
      [6, 'PASS', 'attested'],
      [7, 'FAIL', 'attested as not met'],
      [8, 'PASS', '0.04 against ≤ 0.1 ratio'],
    ]);
    expect(report.results[0]).toMatchObject({
      value: 0.91,
      evidenceReference: null,
      evidenceSha256: null,
      attested: null,
    });
    expect(report.results[3]).toMatchObject({
      value: null,
      evidenceReference: 'lab://reports/robustness.pdf',
      evidenceSha256: SHA,
      attested: null,
    });
    expect(report.results[6]).toMatchObject({ value: null, evidenceReference: null, attested: true });
    expect(await counts()).toEqual({ reports: before.reports + 1, results: before.results + 9 });

    // Read back: the same report, its results in submission order.
    expect(expectOk(await gql(TEST_REPORT, { id: report.id }, sb.innovator.token)).testReport).toEqual(report);
    expect((await enrolmentAsAdmin(testing.id)).testReports.map((r) => r.id)).toEqual([report.id]);

    // Each track's TESTING criteria are evaluated on the results naming them — of reports its
    // authority may read: this HOME_AUTHORITY report to FCA never counts toward MAS's criterion.
    const tracks = expectOk(await gql(EVALUATION, { id: testing.id }, admin)).enrolment.tracks;
    const evaluation = (a: SandboxAuthority) => tracks.find((tr: any) => tr.authority.id === a.id).evaluation;
    expect(evaluation(FCA)).toEqual([
      { outcome: 'MET', resultId: report.results[0].id, mandatory: true, criterion: { id: FCA.criteria.TESTING[0] } },
    ]);
    expect(evaluation(MAS)).toEqual([
      { outcome: 'NOT_SUBMITTED', resultId: null, mandatory: true, criterion: { id: MAS.criteria.TESTING[0] } },
    ]);
    expect(evaluation(AIO)).toEqual([
      { outcome: 'NOT_SUBMITTED', resultId: null, mandatory: true, criterion: { id: AIO.criteria.TESTING[0] } },
    ]);
  });

  it('returns the first report for a retry with the same key and payload, and refuses the same key with another payload (CONFLICT)', async () => {
    const results = [
      { criterionId: FCA.criteria.TESTING[0], value: 0.85 },
      { criterionId: FCA.criteria.EXIT[1], attested: true },
    ];
    const input = reportInput(testing.id, FCA, results, { idempotencyKey: 'retry-me' });
    const before = await counts();
    const first = await submitted(sb.innovator.token, input);
    expect(await counts()).toEqual({ reports: before.reports + 1, results: before.results + 2 });

    const again = await submitted(sb.innovator.token, input);
    expect(again).toEqual(first);
    // The same payload with its fields in another order is the same payload.
    const reordered = {
      ...input,
      lab: { accreditationBody: 'UKAS', accredited: true, name: 'Turing Assurance Lab' },
      results: results.map((r) => Object.fromEntries(Object.entries(r).reverse())),
    };
    expect((await submitted(sb.innovator.token, reordered)).id).toBe(first.id);
    expect(await counts()).toEqual({ reports: before.reports + 1, results: before.results + 2 });

    for (const changed of [
      { ...input, results: [{ criterionId: FCA.criteria.TESTING[0], value: 0.95 }, results[1]] },
      { ...input, confidentiality: 'PUBLIC' },
      { ...input, results: [results[0]] },
      { ...input, periodEnd: '2025-03-29' },
    ]) {
      const error = expectError(await submitReport(sb.innovator.token, changed), 'CONFLICT');
      expect(error.message).toMatch(/idempotency key/i);
    }
    expect(await counts()).toEqual({ reports: before.reports + 1, results: before.results + 2 });
    const stored = expectOk(await gql(TEST_REPORT, { id: first.id }, sb.innovator.token)).testReport;
    expect(stored.results.map((r: any) => r.value)).toEqual([0.85, null]);
    expect(stored.confidentiality).toBe('PARTICIPANTS');
  });

  describe('a report with one invalid result saves nothing', () => {
    let draftCriterion: string;
    let icoCriterion: string;

    beforeAll(async () => {
      const create = `mutation($input: CreateCriterionInput!) { createCriterion(input: $input) { id status } }`;
      const criterion = (key: string) => ({
        key,
        title: `${key} title`,
        stage: 'TESTING',
        category: 'ACCURACY',
        kind: 'METRIC',
        metricKey: 'accuracy.auc',
        unit: 'ratio',
        comparator: 'GTE',
        threshold: 0.7,
      });
      const draft = expectOk(
        await gql(create, { input: criterion(`testing.draft-${randomUUID().slice(0, 8)}`) }, FCA.regulator.token),
      ).createCriterion;
      expect(draft.status).toBe('DRAFT');
      draftCriterion = draft.id;
      const foreign = expectOk(
        await gql(create, { input: criterion(`testing.ico-${randomUUID().slice(0, 8)}`) }, ico.token),
      ).createCriterion;
      const published = expectOk(
        await gql(
          `mutation($input: CriterionIdInput!) { publishCriterion(input: $input) { id status } }`,
          { input: { id: foreign.id } },
          ico.token,
        ),
      ).publishCriterion;
      expect(published.status).toBe('ACTIVE');
      icoCriterion = published.id;
    });

    const cases: [string, () => Result, string][] = [
      ['an unknown criterion id', () => ({ criterionId: randomUUID(), value: 0.9 }), 'input.results.2.criterionId'],
      [
        'a criterion id that is no id',
        () => ({ criterionId: 'testing.auc', value: 0.9 }),
        'input.results.2.criterionId',
      ],
      ['a DRAFT criterion', () => ({ criterionId: draftCriterion, value: 0.9 }), 'input.results.2.criterionId'],
      [
        'a criterion of an authority outside the programme',
        () => ({ criterionId: icoCriterion, value: 0.9 }),
        'input.results.2.criterionId',
      ],
      [
        'a SHA-256 in upper case',
        () => ({
          criterionId: FCA.criteria.ENTRY[1],
          evidenceReference: 'lab://x.pdf',
          evidenceSha256: SHA.toUpperCase(),
        }),
        'input.results.2.evidenceSha256',
      ],
      [
        'a SHA-256 one character short',
        () => ({ criterionId: FCA.criteria.ENTRY[1], evidenceReference: 'lab://x.pdf', evidenceSha256: SHA.slice(1) }),
        'input.results.2.evidenceSha256',
      ],
      ['no value, evidence or attestation', () => ({ criterionId: FCA.criteria.TESTING[0] }), 'input.results.2'],
    ];

    it.each(cases)('%s → BAD_USER_INPUT naming the result, nothing saved', async (_name, invalid, path) => {
      const before = await counts();
      const key = `invalid-${randomUUID()}`;
      const valid = [
        { criterionId: FCA.criteria.TESTING[0], value: 0.9 },
        { criterionId: MAS.criteria.TESTING[0], value: 0.9 },
      ];
      const input = reportInput(
        testing.id,
        FCA,
        [...valid, invalid(), { criterionId: FCA.criteria.EXIT[1], attested: true }],
        { idempotencyKey: key },
      );
      const error = expectBadInput(await submitReport(sb.innovator.token, input), path);
      expect(error.extensions!.errors!.map((e) => e.message).join(' ')).not.toMatch(/SELECT|INSERT/);
      expect(await counts()).toEqual(before);
      // Nothing was kept under the key either: a corrected report takes it.
      const corrected = await submitted(sb.innovator.token, { ...input, results: valid });
      expect(corrected.resultCount).toBe(2);
      expect(await counts()).toEqual({ reports: before.reports + 1, results: before.results + 2 });
    });

    it('names every invalid result, and bad report fields, at once', async () => {
      const before = await counts();
      const input = reportInput(
        testing.id,
        FCA,
        [
          { criterionId: randomUUID(), value: 1 },
          { criterionId: FCA.criteria.TESTING[0], value: 0.9 },
          { criterionId: MAS.criteria.TESTING[0] },
          { criterionId: draftCriterion, value: 1 },
        ],
        { periodStart: '2025-04-01', periodEnd: '2025-03-01', testedIn: 'XX' },
      );
      expectBadInput(
        await submitReport(sb.innovator.token, input),
        'input.results.0.criterionId',
        'input.results.2',
        'input.results.3.criterionId',
        'input.periodEnd',
        'input.testedIn',
      );
      expectBadInput(await submitReport(sb.innovator.token, reportInput(testing.id, FCA, [])), 'input.results');
      expect(await counts()).toEqual(before);
    });
  });

  it('accepts a report of 1,000 results in one call and stores every one, in order', async () => {
    const before = await counts();
    const results = Array.from({ length: 1000 }, (_, i) => ({
      criterionId: i % 2 ? MAS.criteria.TESTING[0] : FCA.criteria.TESTING[0],
      value: i / 1000,
    }));
    const report = await submitted(
      sb.innovator.token,
      reportInput(testing.id, MAS, results, { idempotencyKey: 'bulk-1000' }),
    );
    expect(report.resultCount).toBe(1000);
    expect(report.results).toHaveLength(1000);
    expect(report.results.map((r: any) => r.position)).toEqual(results.map((_, i) => i));
    expect(report.results.map((r: any) => r.value)).toEqual(results.map((r) => r.value));
    expect(report.results.filter((r: any) => r.outcome === 'PASS')).toHaveLength(200);
    expect(report.results.filter((r: any) => r.outcome === 'FAIL')).toHaveLength(800);
    expect(await counts()).toEqual({ reports: before.reports + 1, results: before.results + 1000 });
    const read = expectOk(
      await gql(
        `query($id: ID!) { testReport(id: $id) { resultCount results { position } } }`,
        { id: report.id },
        MAS.regulator.token,
      ),
    ).testReport;
    expect(read.resultCount).toBe(1000);
    expect(read.results.map((r: any) => r.position)).toEqual(results.map((_, i) => i));
  });

  it('saves nothing of a 1,000-result report whose last result is invalid', async () => {
    const before = await counts();
    const results: Result[] = Array.from({ length: 1000 }, (_, i) => ({
      criterionId: FCA.criteria.TESTING[0],
      value: i / 1000,
    }));
    results[999] = { criterionId: randomUUID(), value: 1 };
    expectBadInput(
      await submitReport(sb.innovator.token, reportInput(testing.id, FCA, results)),
      'input.results.999.criterionId',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses a report to a declined, untargeted or unknown authority’s track, and by anyone but the enrolling organisation — saving nothing', async () => {
    const before = await counts();
    const valid = [{ criterionId: FCA.criteria.TESTING[0], value: 0.9 }];
    // AI Office declined its track.
    expect(
      expectError(await submitReport(sb.innovator.token, reportInput(testing.id, AIO, valid)), 'INVALID_TRANSITION')
        .message,
    ).toMatch(/DECLINED/);
    // ICO is no authority of the programme; a random id is no authority at all.
    expectError(await submitReport(sb.innovator.token, reportInput(testing.id, ico.authorityId, valid)), 'FORBIDDEN');
    expectError(await submitReport(sb.innovator.token, reportInput(testing.id, randomUUID(), valid)), 'FORBIDDEN');
    // Regulators (even of the authority it names) and administrators never submit.
    expectError(await submitReport(FCA.regulator.token, reportInput(testing.id, FCA, valid)), 'FORBIDDEN');
    expectError(await submitReport(MAS.regulator.token, reportInput(testing.id, FCA, valid)), 'FORBIDDEN');
    expectError(await submitReport(admin, reportInput(testing.id, FCA, valid)), 'FORBIDDEN');
    // Callers who cannot see the enrolment do not learn it exists.
    expectError(await submitReport(rival.token, reportInput(testing.id, FCA, valid)), 'NOT_FOUND');
    expectError(await submitReport(ico.token, reportInput(testing.id, FCA, valid)), 'NOT_FOUND');
    expectError(await submitReport(negotiator, reportInput(testing.id, FCA, valid)), 'NOT_FOUND');
    expectError(await submitReport(sb.innovator.token, reportInput(randomUUID(), FCA, valid)), 'NOT_FOUND');
    expectError(await submitReport('', reportInput(testing.id, FCA, valid)), 'UNAUTHENTICATED');
    expect(await counts()).toEqual(before);
  });

  it('never hands an existing report to a caller other than the enrolling organisation, even for its exact key and payload', async () => {
    const input = reportInput(testing.id, FCA, [{ criterionId: FCA.criteria.EXIT[0], value: 0.01 }], {
      confidentiality: 'HOME_AUTHORITY',
      idempotencyKey: 'home-only',
    });
    const report = await submitted(sb.innovator.token, input);
    const before = await counts();
    for (const token of [MAS.regulator.token, AIO.regulator.token, FCA.regulator.token, admin]) {
      const res = await submitReport(token, input);
      expectError(res, 'FORBIDDEN');
      expect(JSON.stringify(res)).not.toContain(report.id);
    }
    for (const token of [MAS.regulator.token, AIO.regulator.token]) {
      expectError(await submitReport(token, { ...input, confidentiality: 'PUBLIC' }), 'FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
  });

  it('accepts reports only while the enrolment is TESTING (INVALID_TRANSITION otherwise), to its own admitted tracks', async () => {
    const report = (ref: Ref, to: SandboxAuthority = FCA, key: string = randomUUID()) =>
      submitReport(
        sb.innovator.token,
        reportInput(ref.id, to, [{ criterionId: FCA.criteria.TESTING[0], value: 0.9 }], { idempotencyKey: key }),
      );
    const refused = async (ref: Ref) => {
      const before = await counts();
      expect(expectError(await report(ref), 'INVALID_TRANSITION').message.length).toBeGreaterThan(0);
      expect(await counts()).toEqual(before);
      expect((await enrolmentAsAdmin(ref.id)).version).toBe(ref.version);
    };
    let ref = await apply(sb, [FCA]);
    expect(ref.state).toBe('DRAFT');
    await refused(ref);
    ref = await act(SUBMIT, sb.innovator.token, ref);
    await refused(ref);
    ref = await act(START_REVIEW, FCA.regulator.token, ref);
    await refused(ref);
    ref = await act(DECIDE_ENTRY, FCA.regulator.token, ref, { decision: 'ADMIT', reasons: 'ready' });
    expect(ref.state).toBe('TESTING');
    // Not before its sandbox plan is agreed.
    expect(expectError(await report(ref), 'INVALID_TRANSITION').extensions?.reason).toBe('PLAN_NOT_AGREED');
    ref = (await agreePlan(t, ref, sb.innovator.token, [FCA.regulator.token])).enrolment;
    // MAS takes part in the programme but this enrolment does not target it.
    expectError(await report(ref, MAS), 'FORBIDDEN');
    const accepted = expectOk(await report(ref, FCA, 'while-testing')).submitTestReport;
    // A report does not move the enrolment.
    expect(await enrolmentAsAdmin(ref.id)).toMatchObject({ state: 'TESTING', version: ref.version });
    ref = await act(SUSPEND, FCA.regulator.token, ref, { ground: 'BREACH_OF_PLAN', reasons: 'Out of plan' });
    expect(ref.state).toBe('SUSPENDED');
    await refused(ref);
    ref = await act(RESUME, FCA.regulator.token, ref);
    ref = await act(REQUEST_EXIT, sb.innovator.token, ref);
    expect(ref.state).toBe('EXIT_REVIEW');
    await refused(ref);
    // A retry of a report made while testing still returns that report (nothing new is saved).
    const before = await counts();
    expect(expectOk(await report(ref, FCA, 'while-testing')).submitTestReport.id).toBe(accepted.id);
    expect(await counts()).toEqual(before);
    ref = await act(DECIDE_EXIT, FCA.regulator.token, ref, {
      decision: 'AUTHORISED',
      reasons: 'met every exit criterion',
    });
    expect(ref.state).toBe('EXITED');
    await refused(ref);
  });
});

describe('reviewTestReport', () => {
  let testing: Ref;
  let first: Record<string, any>;
  let second: Record<string, any>;
  const review = (
    token: string,
    reportId: string,
    decision: 'ACCEPT' | 'REJECT',
    reasons = 'Reviewed against the method statement',
  ) => gql(REVIEW_REPORT, { input: { reportId, decision, reasons } }, token);
  const statusOf = async (id: string) => expectOk(await gql(TEST_REPORT, { id }, admin)).testReport.status;
  const masEvaluation = async (token = MAS.regulator.token) => {
    const tracks = expectOk(await gql(EVALUATION, { id: testing.id }, token)).enrolment.tracks;
    return tracks.find((tr: any) => tr.authority.id === MAS.id).evaluation;
  };

  beforeAll(async () => {
    testing = await decided(sb, [FCA, MAS]);
    first = await submitted(
      sb.innovator.token,
      reportInput(testing.id, MAS, [{ criterionId: MAS.criteria.TESTING[0], value: 0.95 }]),
    );
    second = await submitted(
      sb.innovator.token,
      reportInput(testing.id, MAS, [{ criterionId: MAS.criteria.TESTING[0], value: 0.5 }]),
    );
  });

  it('lets only the authority a report was submitted to review it', async () => {
    // The latest result decides: the second report's FAIL.
    expect(await masEvaluation()).toEqual([
      { outcome: 'UNMET', resultId: second.results[0].id, mandatory: true, criterion: { id: MAS.criteria.TESTING[0] } },
    ]);
    // FCA and AI Office see this PARTICIPANTS report but it was not submitted to them.
    expectError(await review(FCA.regulator.token, second.id, 'REJECT'), 'FORBIDDEN');
    expectError(await review(AIO.regulator.token, second.id, 'ACCEPT'), 'FORBIDDEN');
    expectError(await review(sb.innovator.token, second.id, 'ACCEPT'), 'FORBIDDEN');
    expectError(await review(admin, second.id, 'ACCEPT'), 'FORBIDDEN');
    // Those who cannot see it do not learn it exists.
    expectError(await review(ico.token, second.id, 'ACCEPT'), 'NOT_FOUND');
    expectError(await review(rival.token, second.id, 'ACCEPT'), 'NOT_FOUND');
    expectError(await review(negotiator, second.id, 'ACCEPT'), 'NOT_FOUND');
    expectError(await review(MAS.regulator.token, randomUUID(), 'ACCEPT'), 'NOT_FOUND');
    expectError(await review('', second.id, 'ACCEPT'), 'UNAUTHENTICATED');
    expectBadInput(await review(MAS.regulator.token, second.id, 'ACCEPT', ''), 'input.reasons');
    expect(await statusOf(second.id)).toBe('SUBMITTED');
    expect(await statusOf(first.id)).toBe('SUBMITTED');
  });

  it('rejects with reasons; a rejected report’s results no longer count in the evaluation', async () => {
    const rejected = expectOk(
      await review(MAS.regulator.token, second.id, 'REJECT', 'The hold-out set overlaps the training data'),
    ).reviewTestReport;
    expect(rejected).toMatchObject({
      id: second.id,
      status: 'REJECTED',
      reviewReasons: 'The hold-out set overlaps the training data',
    });
    expect(Date.parse(rejected.reviewedAt)).not.toBeNaN();
    // The earlier, passing result counts again.
    expect(await masEvaluation()).toEqual([
      { outcome: 'MET', resultId: first.results[0].id, mandatory: true, criterion: { id: MAS.criteria.TESTING[0] } },
    ]);
    expect(await masEvaluation(sb.innovator.token)).toEqual(await masEvaluation(admin));
    // A report is reviewed once.
    expect(expectError(await review(MAS.regulator.token, second.id, 'ACCEPT'), 'INVALID_TRANSITION').message).toMatch(
      /REJECTED/,
    );
    expect(await statusOf(second.id)).toBe('REJECTED');
  });

  it('accepts with reasons, once; rejecting the last counting report leaves the criterion NOT_SUBMITTED', async () => {
    const accepted = expectOk(
      await review(MAS.regulator.token, first.id, 'ACCEPT', 'Method and lab accreditation verified'),
    ).reviewTestReport;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', reviewReasons: 'Method and lab accreditation verified' });
    expectError(await review(MAS.regulator.token, first.id, 'REJECT'), 'INVALID_TRANSITION');
    expectError(await review(MAS.regulator.token, first.id, 'ACCEPT'), 'INVALID_TRANSITION');
    expect(await statusOf(first.id)).toBe('ACCEPTED');
    expect((await masEvaluation())[0]).toMatchObject({ outcome: 'MET', resultId: first.results[0].id });

    const third = await submitted(
      sb.innovator.token,
      reportInput(testing.id, MAS, [{ criterionId: MAS.criteria.TESTING[0], value: 0.99 }]),
    );
    const fresh = await submitted(
      sb.innovator.token,
      reportInput(testing.id, FCA, [{ criterionId: FCA.criteria.TESTING[0], value: 0.99 }], {
        confidentiality: 'HOME_AUTHORITY',
      }),
    );
    expect((await masEvaluation())[0]).toMatchObject({ outcome: 'MET', resultId: third.results[0].id });
    // A HOME_AUTHORITY report to FCA is invisible to MAS: reviewing it is NOT_FOUND.
    expectError(await review(MAS.regulator.token, fresh.id, 'REJECT'), 'NOT_FOUND');
    expect(
      expectOk(await review(FCA.regulator.token, fresh.id, 'REJECT', 'No method statement')).reviewTestReport.status,
    ).toBe('REJECTED');
    const fcaTrack = expectOk(await gql(EVALUATION, { id: testing.id }, FCA.regulator.token)).enrolment.tracks.find(
      (tr: any) => tr.authority.id === FCA.id,
    );
    expect(fcaTrack.evaluation).toEqual([
      { outcome: 'NOT_SUBMITTED', resultId: null, mandatory: true, criterion: { id: FCA.criteria.TESTING[0] } },
    ]);
  });
});

describe('confidentiality of reports', () => {
  let testing: Ref;
  let home: Record<string, any>;
  let participants: Record<string, any>;
  let open: Record<string, any>;

  beforeAll(async () => {
    testing = await decided(sb, [FCA, MAS, AIO]);
    expect(testing.state).toBe('TESTING');
    home = await submitted(
      sb.innovator.token,
      reportInput(
        testing.id,
        FCA,
        [
          { criterionId: FCA.criteria.EXIT[0], value: 0.0317 },
          { criterionId: FCA.criteria.EXIT[1], attested: true },
        ],
        { confidentiality: 'HOME_AUTHORITY' },
      ),
    );
    participants = await submitted(
      sb.innovator.token,
      reportInput(testing.id, FCA, [{ criterionId: MAS.criteria.EXIT[0], value: 0.0421 }], {
        confidentiality: 'PARTICIPANTS',
      }),
    );
    open = await submitted(
      sb.innovator.token,
      reportInput(testing.id, FCA, [{ criterionId: AIO.criteria.EXIT[0], value: 0.0555 }], {
        confidentiality: 'PUBLIC',
      }),
    );
  });

  it('shows each report, by id and on the enrolment, exactly to those its confidentiality allows', async () => {
    const everyone: [string, () => string, string[], string[] | null][] = [
      // [who, token, reports visible by id, reports listed on the enrolment (null: enrolment invisible)]
      [
        'the enrolling innovator',
        () => sb.innovator.token,
        ['home', 'participants', 'open'],
        ['home', 'participants', 'open'],
      ],
      ['an administrator', () => admin, ['home', 'participants', 'open'], ['home', 'participants', 'open']],
      [
        'FCA (submitted to)',
        () => FCA.regulator.token,
        ['home', 'participants', 'open'],
        ['home', 'participants', 'open'],
      ],
      ['MAS', () => MAS.regulator.token, ['participants', 'open'], ['participants', 'open']],
      ['AI Office', () => AIO.regulator.token, ['participants', 'open'], ['participants', 'open']],
      ['ICO (not in the programme)', () => ico.token, ['open'], null],
      ['another organisation’s innovator', () => rival.token, [], null],
      ['a negotiator', () => negotiator, [], null],
    ];
    const reports: Record<string, Record<string, any>> = { home, participants, open };
    for (const [who, token, byId, listed] of everyone) {
      for (const [name, report] of Object.entries(reports)) {
        const found = expectOk(await gql(TEST_REPORT, { id: report.id }, token())).testReport;
        if (byId.includes(name)) expect({ who, name, report: found }).toEqual({ who, name, report });
        else expect({ who, name, report: found }).toEqual({ who, name, report: null });
      }
      const enrolment = expectOk(await gql(ENROLMENT, { id: testing.id }, token())).enrolment;
      expect({ who, reports: enrolment?.testReports.map((r: any) => r.id) ?? null }).toEqual({
        who,
        reports: listed?.map((n) => reports[n].id) ?? null,
      });
    }
    expectError(await gql(TEST_REPORT, { id: home.id }), 'UNAUTHENTICATED');
    expect(expectOk(await gql(TEST_REPORT, { id: randomUUID() }, admin)).testReport).toBeNull();
    expect(expectOk(await gql(TEST_REPORT, { id: 'not-an-id' }, admin)).testReport).toBeNull();
  });

  it('counts evidence the reader may not see as withheld in the exit report, and never shows it', async () => {
    const exitReport = async (token: string) => expectOk(await gql(EXIT_REPORT, { id: testing.id }, token)).exitReport;
    const criterion = (report: any, authority: SandboxAuthority, index: number) =>
      report.authorities
        .find((a: any) => a.authorityId === authority.id)
        .criteria.find((c: any) => c.criterionId === authority.criteria.EXIT[index]);

    const fca = await exitReport(FCA.regulator.token);
    expect(criterion(fca, FCA, 0)).toMatchObject({
      withheld: 0,
      evidence: [
        { reportId: home.id, resultId: home.results[0].id, outcome: 'PASS', detail: '0.0317 against ≤ 0.1 ratio' },
      ],
    });
    expect(criterion(fca, FCA, 1)).toMatchObject({
      withheld: 0,
      evidence: [{ reportId: home.id, resultId: home.results[1].id, outcome: 'PASS' }],
    });
    expect(criterion(fca, MAS, 0)).toMatchObject({ withheld: 0, evidence: [{ reportId: participants.id }] });
    expect(fca.markdown).toContain('0.0317 against');

    for (const token of [MAS.regulator.token, AIO.regulator.token]) {
      const other = await exitReport(token);
      expect(other.authorities.map((a: any) => a.acronym).sort()).toEqual(['AI Office', 'FCA', 'MAS']);
      expect(criterion(other, FCA, 0)).toMatchObject({ withheld: 1, evidence: [] });
      expect(criterion(other, FCA, 1)).toMatchObject({ withheld: 1, evidence: [] });
      expect(criterion(other, MAS, 0)).toMatchObject({
        withheld: 0,
        evidence: [{ reportId: participants.id, resultId: participants.results[0].id, outcome: 'PASS' }],
      });
      expect(criterion(other, AIO, 0)).toMatchObject({
        withheld: 0,
        evidence: [{ reportId: open.id, resultId: open.results[0].id }],
      });
      const text = JSON.stringify(other);
      expect(text).not.toContain(home.id);
      expect(text).not.toContain(home.results[0].id);
      expect(other.markdown).not.toContain('0.0317');
      expect(other.markdown).toContain('1 withheld (confidential)');
      expect(other.markdown).toContain('0.0421 against');
    }
    // The enrolling innovator sees its own evidence.
    expect(criterion(await exitReport(sb.innovator.token), FCA, 0)).toMatchObject({
      withheld: 0,
      evidence: [{ reportId: home.id }],
    });
    for (const token of [ico.token, rival.token, negotiator])
      expectError(await gql(EXIT_REPORT, { id: testing.id }, token), 'NOT_FOUND');
    expectError(await gql(EXIT_REPORT, { id: testing.id }), 'UNAUTHENTICATED');
  });
});

describe('tenancy and visibility of enrolments (docs/domain.md#roles-and-visibility)', () => {
  let draft: Ref;
  let withdrawnDraft: Ref;
  let testing: Ref;
  let report: Record<string, any>;
  /** The rival organisation's application to the same programme, submitted. */
  let rivals: Ref;

  const list = async (token: string, filter: Vars | null = { programmeId: sb.programmeId }) => {
    const data = expectOk(await gql(ENROLMENTS, { first: 100, filter }, token)).enrolments;
    expect(data.totalCount).toBe(data.edges.length);
    return data.edges.map((e: any) => e.node.id) as string[];
  };
  const byId = async (token: string, id: string) => expectOk(await gql(ENROLMENT, { id }, token)).enrolment;

  /** Every enrolment mutation against `ref`, with a plausible input. */
  const mutations = (ref: Ref): [string, string, Vars][] => {
    const base = { enrolmentId: ref.id, expectedVersion: ref.version };
    return [
      ['updateEnrolmentApplication', UPDATE_APPLICATION, { ...base, targetAuthorityIds: [FCA.id] }],
      ['submitEnrolment', SUBMIT, base],
      ['startReview', START_REVIEW, base],
      ['decideEntry', DECIDE_ENTRY, { ...base, decision: 'ADMIT', reasons: 'fine' }],
      ['requestExit', REQUEST_EXIT, base],
      ['decideExit', DECIDE_EXIT, { ...base, decision: 'AUTHORISED', reasons: 'fine' }],
      ['suspendTrack', SUSPEND, { ...base, ground: 'BREACH_OF_PLAN', reasons: 'fine' }],
      ['resumeTrack', RESUME, base],
      ['withdrawEnrolment', WITHDRAW, base],
      [
        'submitTestReport',
        SUBMIT_REPORT,
        reportInput(ref.id, FCA, [{ criterionId: FCA.criteria.TESTING[0], value: 0.9 }]),
      ],
    ];
  };
  /** Every mutation is refused with `code` (innovator-only ones with FORBIDDEN when `rolesForbid`) and nothing changes. */
  const refusesAll = async (token: string, ref: Ref, code: string, rolesForbid = false) => {
    const before = { ...(await counts()), enrolment: await enrolmentAsAdmin(ref.id) };
    for (const [name, mutation, input] of mutations(ref)) {
      const expected = rolesForbid && name === 'updateEnrolmentApplication' ? 'FORBIDDEN' : code;
      const res = await gql(mutation, { input }, token);
      expect({ name, code: res.errors?.map((e) => e.extensions?.code) }).toEqual({ name, code: [expected] });
      expectError(res, expected);
    }
    expect({ ...(await counts()), enrolment: await enrolmentAsAdmin(ref.id) }).toEqual(before);
  };

  beforeAll(async () => {
    draft = await apply(sb, [FCA, MAS]);
    withdrawnDraft = await act(WITHDRAW, sb.innovator.token, await apply(sb, [FCA]));
    expect(withdrawnDraft.state).toBe('WITHDRAWN');
    testing = await decided(sb, [FCA, MAS]);
    report = await submitted(
      sb.innovator.token,
      reportInput(testing.id, FCA, [{ criterionId: FCA.criteria.TESTING[0], value: 0.9 }]),
    );
    const created = expectOk(
      await gql(
        CREATE_ENROLMENT,
        {
          input: {
            programmeId: sb.programmeId,
            aiSystemId: rival.systemId,
            targetAuthorityIds: [FCA.id],
            entryResults: entryResultsMeeting([FCA]),
          },
        },
        rival.token,
      ),
    ).createEnrolment;
    rivals = await act(SUBMIT, rival.token, created);
  });

  it('an innovator sees only its own organisation’s enrolments; another’s are null, and every mutation on them is NOT_FOUND', async () => {
    const mine = await list(sb.innovator.token);
    expect(mine).toEqual(expect.arrayContaining([draft.id, withdrawnDraft.id, testing.id]));
    expect(mine).not.toContain(rivals.id);
    expect(await list(sb.innovator.token, null)).not.toContain(rivals.id);
    expect(await list(rival.token)).toEqual([rivals.id]);
    expect(await list(rival.token, null)).toEqual([rivals.id]);
    for (const id of [draft.id, withdrawnDraft.id, testing.id]) expect(await byId(rival.token, id)).toBeNull();
    expect(await byId(sb.innovator.token, rivals.id)).toBeNull();
    expect(await byId(sb.innovator.token, testing.id)).toMatchObject({
      id: testing.id,
      testReports: [{ id: report.id }],
    });

    await refusesAll(rival.token, testing, 'NOT_FOUND');
    await refusesAll(rival.token, draft, 'NOT_FOUND');
    await refusesAll(sb.innovator.token, rivals, 'NOT_FOUND');
    // Another organisation's AI system cannot be enrolled, nor its report reviewed.
    const res = await gql(
      CREATE_ENROLMENT,
      { input: { programmeId: sb.programmeId, aiSystemId: rival.systemId, targetAuthorityIds: [FCA.id] } },
      sb.innovator.token,
    );
    expectError(res, 'NOT_FOUND');
    expectError(
      await gql(
        REVIEW_REPORT,
        { input: { reportId: report.id, decision: 'ACCEPT', reasons: 'mine now' } },
        rival.token,
      ),
      'NOT_FOUND',
    );
    expectError(await gql(EXIT_REPORT, { id: testing.id }, rival.token), 'NOT_FOUND');
  });

  it('a regulator sees the submitted enrolments of programmes its authority takes part in — never a draft', async () => {
    for (const regulator of [FCA, MAS, AIO]) {
      const seen = await list(regulator.regulator.token);
      expect(seen).toEqual(expect.arrayContaining([testing.id, rivals.id]));
      expect(seen).not.toContain(draft.id);
      expect(await list(regulator.regulator.token, { programmeId: sb.programmeId, state: 'DRAFT' })).toEqual([]);
      expect(await byId(regulator.regulator.token, draft.id)).toBeNull();
      expect(await byId(regulator.regulator.token, rivals.id)).toMatchObject({ id: rivals.id, state: 'SUBMITTED' });
      expectError(await gql(EXIT_REPORT, { id: draft.id }, regulator.regulator.token), 'NOT_FOUND');
    }
    // A draft is NOT_FOUND to regulators (the innovator-only mutation is FORBIDDEN by role).
    await refusesAll(FCA.regulator.token, draft, 'NOT_FOUND', true);
    await refusesAll(MAS.regulator.token, draft, 'NOT_FOUND', true);
  });

  it('a regulator of an authority the enrolment does not target sees it but may not act on it', async () => {
    // AI Office takes part in the programme; neither application targets it.
    expect(await byId(AIO.regulator.token, rivals.id)).toMatchObject({ id: rivals.id });
    const before = await enrolmentAsAdmin(rivals.id);
    expectError(
      await gql(
        START_REVIEW,
        { input: { enrolmentId: rivals.id, expectedVersion: rivals.version } },
        AIO.regulator.token,
      ),
      'FORBIDDEN',
    );
    expectError(
      await gql(
        SUSPEND,
        {
          input: {
            enrolmentId: testing.id,
            expectedVersion: testing.version,
            ground: 'UNMITIGABLE_RISK',
            reasons: 'Not ours to suspend',
          },
        },
        AIO.regulator.token,
      ),
      'FORBIDDEN',
    );
    expect(await enrolmentAsAdmin(rivals.id)).toEqual(before);
  });

  it('a regulator of an authority outside the programme sees nothing', async () => {
    expect(await list(ico.token, null)).toEqual([]);
    expect(await list(ico.token)).toEqual([]);
    for (const id of [draft.id, testing.id, rivals.id]) expect(await byId(ico.token, id)).toBeNull();
    expect(expectOk(await gql(TEST_REPORT, { id: report.id }, ico.token)).testReport).toBeNull();
    await refusesAll(ico.token, testing, 'NOT_FOUND', true);
    expectError(await gql(EXIT_REPORT, { id: testing.id }, ico.token), 'NOT_FOUND');
    expectError(await gql(FUNNEL, { id: sb.programmeId }, ico.token), 'FORBIDDEN');
  });

  it('negotiators read no enrolment', async () => {
    expectError(await gql(ENROLMENTS, { first: 10 }, negotiator), 'FORBIDDEN');
    expectError(await gql(ENROLMENTS, { first: 10, filter: { programmeId: sb.programmeId } }, negotiator), 'FORBIDDEN');
    for (const id of [draft.id, testing.id, rivals.id]) expect(await byId(negotiator, id)).toBeNull();
    expect(expectOk(await gql(TEST_REPORT, { id: report.id }, negotiator)).testReport).toBeNull();
    expectError(await gql(EXIT_REPORT, { id: testing.id }, negotiator), 'NOT_FOUND');
    await refusesAll(negotiator, testing, 'NOT_FOUND', true);
    const res = await gql(
      CREATE_ENROLMENT,
      { input: { programmeId: sb.programmeId, aiSystemId: sb.systemId, targetAuthorityIds: [FCA.id] } },
      negotiator,
    );
    expectError(res, 'FORBIDDEN');
  });

  it('unauthenticated callers get UNAUTHENTICATED from every enrolment query and mutation', async () => {
    const before = await counts();
    for (const [query, variables] of [
      [ENROLMENTS, { first: 10 }],
      [ENROLMENT, { id: testing.id }],
      [TEST_REPORT, { id: report.id }],
      [EXIT_REPORT, { id: testing.id }],
      [FUNNEL, { id: sb.programmeId }],
      [
        CREATE_ENROLMENT,
        { input: { programmeId: sb.programmeId, aiSystemId: sb.systemId, targetAuthorityIds: [FCA.id] } },
      ],
      [REVIEW_REPORT, { input: { reportId: report.id, decision: 'ACCEPT', reasons: 'anonymous' } }],
      ...mutations(testing).map(([, mutation, input]) => [mutation, { input }]),
    ] as [string, Vars][]) {
      const res = await gql(query, variables);
      expectError(res, 'UNAUTHENTICATED');
      expect(Object.values(res.data ?? {}).filter((v) => v !== null)).toEqual([]);
    }
    expect(await counts()).toEqual(before);
    expect(await enrolmentAsAdmin(testing.id)).toMatchObject({ state: 'TESTING', version: testing.version });
  });

  it('administrators see every enrolment, drafts included, but take no lifecycle step', async () => {
    const all = await list(admin);
    expect(all).toEqual(expect.arrayContaining([draft.id, withdrawnDraft.id, testing.id, rivals.id]));
    expect(await list(admin, null)).toEqual(expect.arrayContaining(all));
    expect(await byId(admin, draft.id)).toMatchObject({ id: draft.id, state: 'DRAFT' });
    expect(expectOk(await gql(EXIT_REPORT, { id: draft.id }, admin)).exitReport.state).toBe('DRAFT');
    await refusesAll(admin, draft, 'FORBIDDEN');
  });
});

describe('programmeFunnel and the cost of the enrolment list', () => {
  let pilot: Sandbox;
  let P: Record<string, SandboxAuthority>;
  let pilotRefs: Record<string, Ref>;

  beforeAll(async () => {
    pilot = await buildSandbox(t);
    const [fca, mas, aio] = pilot.authorities;
    P = { fca, mas, aio };
    // AI Office's mandatory readiness attestation is missing: only its optional impact assessment is given.
    const aioImpactOnly = [
      { criterionId: aio.criteria.ENTRY[1], evidenceReference: 'doc://impact/aio', evidenceSha256: SHA },
    ];
    const exitedRef = await decided(pilot, [fca, mas, aio], {
      systemId: pilot.systemId,
      decline: [aio],
      entryResults: [...entryResultsMeeting([fca, mas]), ...aioImpactOnly],
    });
    await submitted(
      pilot.innovator.token,
      reportInput(exitedRef.id, fca, [
        { criterionId: fca.criteria.TESTING[0], value: 0.9 },
        { criterionId: fca.criteria.EXIT[1], attested: true },
      ]),
    );
    await submitted(
      pilot.innovator.token,
      reportInput(exitedRef.id, mas, [{ criterionId: mas.criteria.TESTING[0], value: 0.7 }], {
        confidentiality: 'HOME_AUTHORITY',
      }),
    );
    let exited = await act(REQUEST_EXIT, pilot.innovator.token, exitedRef);
    exited = await act(DECIDE_EXIT, fca.regulator.token, exited, {
      decision: 'AUTHORISED',
      reasons: 'all exit criteria met',
    });
    exited = await act(DECIDE_EXIT, mas.regulator.token, exited, {
      decision: 'REJECTED',
      reasons: 'accuracy below threshold',
    });
    expect(exited.state).toBe('EXITED');
    const declined = await decided(pilot, [aio], { decline: [aio], entryResults: aioImpactOnly });
    expect(declined.state).toBe('DECLINED');
    const withdrawnRef = await decided(pilot, [fca, mas]);
    await submitted(
      pilot.innovator.token,
      reportInput(withdrawnRef.id, mas, [{ criterionId: mas.criteria.TESTING[0], value: 0.85 }]),
    );
    const withdrawn = await act(WITHDRAW, pilot.innovator.token, withdrawnRef);
    const draft = await apply(pilot, [fca, mas]);
    const pending = await act(SUBMIT, pilot.innovator.token, await apply(pilot, [fca]));
    // FCA admits over its own unmet readiness attestation, with a justification.
    const testing = await decided(pilot, [fca], {
      entryResults: [
        { criterionId: fca.criteria.ENTRY[1], evidenceReference: 'doc://impact/fca', evidenceSha256: SHA },
      ],
      justification: 'Attestation promised within 30 days',
    });
    expect(testing.state).toBe('TESTING');
    await submitted(
      pilot.innovator.token,
      reportInput(testing.id, fca, [
        { criterionId: fca.criteria.TESTING[0], value: 0.81 },
        { criterionId: mas.criteria.EXIT[0], value: 0.05 },
      ]),
    );
    pilotRefs = { exited, declined, withdrawn, draft, pending, testing };
  }, 120_000);

  it('counts applications, submissions, testing, exits, declines and withdrawals, per state and per authority', async () => {
    const funnel = expectOk(await gql(FUNNEL, { id: pilot.programmeId }, P.fca.regulator.token)).programmeFunnel;
    expect(funnel).toMatchObject({
      programmeId: pilot.programmeId,
      applications: 6,
      submitted: 5,
      tested: 3,
      exited: 1,
      declined: 1,
      withdrawn: 1,
    });
    expect(funnel.byState).toEqual([
      { state: 'DECLINED', count: 1 },
      { state: 'DRAFT', count: 1 },
      { state: 'EXITED', count: 1 },
      { state: 'SUBMITTED', count: 1 },
      { state: 'TESTING', count: 1 },
      { state: 'WITHDRAWN', count: 1 },
    ]);
    const row = (a: SandboxAuthority) => funnel.authorities.find((r: any) => r.authorityId === a.id);
    expect(funnel.authorities).toHaveLength(3);
    expect(row(P.fca)).toEqual({
      authorityId: P.fca.id,
      authority: { acronym: 'FCA' },
      targeted: 5,
      pending: 2,
      admitted: 3,
      declined: 0,
      authorised: 1,
      rejected: 0,
      topUnmetCriteria: [
        {
          criterionId: P.fca.criteria.ENTRY[0],
          count: 1,
          criterion: { id: P.fca.criteria.ENTRY[0], key: expect.stringMatching(/^entry\.readiness\./) },
        },
      ],
    });
    expect(row(P.mas)).toEqual({
      authorityId: P.mas.id,
      authority: { acronym: 'MAS' },
      targeted: 3,
      pending: 1,
      admitted: 2,
      declined: 0,
      authorised: 0,
      rejected: 1,
      topUnmetCriteria: [],
    });
    expect(row(P.aio)).toEqual({
      authorityId: P.aio.id,
      authority: { acronym: 'AI Office' },
      targeted: 2,
      pending: 0,
      admitted: 0,
      declined: 2,
      authorised: 0,
      rejected: 0,
      topUnmetCriteria: [
        {
          criterionId: P.aio.criteria.ENTRY[0],
          count: 2,
          criterion: { id: P.aio.criteria.ENTRY[0], key: expect.stringMatching(/^entry\.readiness\./) },
        },
      ],
    });
    expect(funnel.exitOutcomes).toEqual([
      { state: 'AUTHORISED', count: 1 },
      { state: 'REJECTED', count: 1 },
    ]);
    // The same figures for every authority of the programme, administrators and negotiators (aggregates only).
    for (const token of [P.mas.regulator.token, P.aio.regulator.token, admin, negotiator]) {
      expect(expectOk(await gql(FUNNEL, { id: pilot.programmeId }, token)).programmeFunnel).toEqual(funnel);
    }
    // Nothing identifying: no enrolment, system or organisation.
    const text = JSON.stringify(funnel);
    for (const ref of Object.values(pilotRefs)) expect(text).not.toContain(ref.id);
    expect(text).not.toContain(pilot.systemId);
  });

  it('is refused to innovators and to regulators of authorities outside the programme', async () => {
    expectError(await gql(FUNNEL, { id: pilot.programmeId }, pilot.innovator.token), 'FORBIDDEN');
    expectError(await gql(FUNNEL, { id: pilot.programmeId }, rival.token), 'FORBIDDEN');
    expectError(await gql(FUNNEL, { id: pilot.programmeId }, ico.token), 'FORBIDDEN');
    expectError(await gql(FUNNEL, { id: pilot.programmeId }), 'UNAUTHENTICATED');
    expectError(await gql(FUNNEL, { id: randomUUID() }, admin), 'NOT_FOUND');
  });

  it('lists enrolments with their programme, system, organisation, tracks, reports and results in the same number of statements for 2 and 6', async () => {
    const LIST = `query($first: Int, $filter: EnrolmentFilterInput) {
      enrolments(first: $first, filter: $filter) {
        edges { node { programme { name } aiSystem { name } organisation { name } tracks { state authority { acronym } } testReports { id results { outcome } } } }
      }
    }`;
    const cost = async (token: string, first: number, filter?: Vars) => {
      const counter = t.countQueries();
      counter.reset();
      const res = await gql(LIST, { first, filter }, token);
      const statements = counter.queries.length;
      const edges = expectOk(res).enrolments.edges;
      return { statements, edges };
    };
    for (const [who, token, small, large, filter] of [
      ['the innovator', pilot.innovator.token, 2, 6, undefined],
      ['an administrator', admin, 2, 6, { programmeId: pilot.programmeId }],
      ['a regulator', P.fca.regulator.token, 2, 5, { programmeId: pilot.programmeId }],
    ] as [string, string, number, number, Vars | undefined][]) {
      const few = await cost(token, small, filter);
      const many = await cost(token, large, filter);
      expect(few.edges).toHaveLength(small);
      expect(many.edges).toHaveLength(large);
      // The larger page really holds more reports and results to load.
      const reports = (edges: any[]) => edges.flatMap((e) => e.node.testReports);
      expect(reports(many.edges).length).toBeGreaterThan(reports(few.edges).length);
      expect(reports(many.edges).flatMap((r: any) => r.results).length).toBeGreaterThan(0);
      expect(
        many.edges.every(
          (e: any) =>
            e.node.tracks.length > 0 && e.node.programme.name && e.node.aiSystem.name && e.node.organisation.name,
        ),
      ).toBe(true);
      expect({ who, statements: many.statements }).toEqual({ who, statements: few.statements });
      expect(few.statements).toBeGreaterThan(0);
    }
  });
});

describe('the cost of evaluations and allowed transitions on the enrolment list', () => {
  let cost: Sandbox;
  /** The TESTING enrolments, each with an accepted FCA report (AUC met) and a rejected one (AUC unmet). */
  let testing: Ref[];
  let partial: Ref;

  beforeAll(async () => {
    cost = await buildSandbox(t, { cohortCapacity: 12 });
    const [fca, mas, aio] = cost.authorities;
    // First in the list (oldest): under review with the FCA's track pending, so even the page of 2
    // asks the FCA regulator's allowedTransitions for the cohort count an ADMIT would need.
    await act(
      START_REVIEW,
      fca.regulator.token,
      await act(SUBMIT, cost.innovator.token, await apply(cost, [fca, aio])),
    );
    testing = [];
    for (const targets of [[fca, mas], [fca, mas, aio], [fca], [fca, mas]]) {
      const ref = await decided(cost, targets);
      const kept = await submitted(
        cost.innovator.token,
        reportInput(ref.id, fca, [
          { criterionId: fca.criteria.TESTING[0], value: 0.91 },
          { criterionId: fca.criteria.EXIT[1], attested: true },
        ]),
      );
      const rejected = await submitted(
        cost.innovator.token,
        reportInput(ref.id, fca, [{ criterionId: fca.criteria.TESTING[0], value: 0.42 }]),
      );
      expectOk(await review(fca.regulator.token, kept.id, 'ACCEPT'));
      expectOk(await review(fca.regulator.token, rejected.id, 'REJECT'));
      testing.push(ref);
    }
    // Submitted without MAS's mandatory readiness attestation; then under review.
    partial = await act(
      SUBMIT,
      cost.innovator.token,
      await apply(cost, [fca, mas], {
        entryResults: [
          ...entryResultsMeeting([fca]),
          { criterionId: mas.criteria.ENTRY[1], evidenceReference: 'doc://impact/mas', evidenceSha256: SHA },
        ],
      }),
    );
    await act(SUBMIT, cost.innovator.token, await apply(cost, [mas]));
    await act(SUBMIT, cost.innovator.token, await apply(cost, [aio]));
    await apply(cost, [fca, mas, aio]);
    await apply(cost, [fca], { entryResults: [] });
  }, 180_000);

  const review = (token: string, reportId: string, decision: 'ACCEPT' | 'REJECT') =>
    gql(REVIEW_REPORT, { input: { reportId, decision, reasons: `${decision} after review` } }, token);
  const EVALUATED = `id state allowedTransitions { action allowed reason }
    tracks { state authority { acronym }
      entryEvaluation { mandatory outcome resultId metBy criterion { key } }
      evaluation { mandatory outcome resultId metBy }
      testing: evaluation(stage: TESTING) { outcome resultId criterion { id } } }`;
  const LIST = `query($first: Int, $filter: EnrolmentFilterInput) { enrolments(first: $first, filter: $filter) { edges { node { ${EVALUATED} } } } }`;
  const ONE = `query($id: ID!) { enrolment(id: $id) { ${EVALUATED} } }`;

  it('costs the same number of statements for a page of 2 as for a page of 10 (per-request batching, no N+1), with the answers asked one by one', async () => {
    const counter = t.countQueries();
    const page = async (token: string, first: number) => {
      counter.reset();
      const res = await gql(LIST, { first, filter: { programmeId: cost.programmeId } }, token);
      const statements = counter.queries.length;
      return { statements, nodes: expectOk(res).enrolments.edges.map((e: any) => e.node) };
    };
    const measured: Record<string, [number, number]> = {};
    for (const [who, token, large] of [
      ['the innovator', cost.innovator.token, 10],
      ['an administrator', admin, 10],
      ['a regulator', cost.authorities[0].regulator.token, 8],
    ] as [string, string, number][]) {
      const few = await page(token, 2);
      const many = await page(token, large);
      expect(few.nodes).toHaveLength(2);
      expect(many.nodes).toHaveLength(large);
      measured[who] = [few.statements, many.statements];
      // Every enrolment of the larger page answers as it does on its own.
      for (const node of many.nodes) expect(expectOk(await gql(ONE, { id: node.id }, token)).enrolment).toEqual(node);
      const nodes = new Map<string, any>(many.nodes.map((n: any) => [n.id, n]));
      for (const ref of testing) {
        const fcaTrack = nodes.get(ref.id).tracks.find((tr: any) => tr.authority.acronym === 'FCA');
        // The accepted report's AUC counts, the rejected one's does not; the exit attestation is met.
        expect(fcaTrack.testing).toEqual([expect.objectContaining({ outcome: 'MET', resultId: expect.any(String) })]);
        expect(fcaTrack.evaluation.map((e: any) => e.outcome)).toEqual(['NOT_SUBMITTED', 'MET']);
        expect(fcaTrack.entryEvaluation.every((e: any) => e.outcome === 'MET' && e.metBy === 'OWN_RESULT')).toBe(true);
      }
      const masEntry = nodes.get(partial.id).tracks.find((tr: any) => tr.authority.acronym === 'MAS').entryEvaluation;
      // In reading order (by key): the optional impact assessment given, the mandatory readiness attestation missing.
      expect(masEntry.map((e: any) => [e.mandatory, e.outcome])).toEqual([
        [false, 'MET'],
        [true, 'NOT_SUBMITTED'],
      ]);
      expect(many.nodes.every((n: any) => n.allowedTransitions.length > 0 && n.tracks.length > 0)).toBe(true);
    }
    // [page of 2, large page] per caller: the large page costs what the small one does.
    expect(measured).toEqual(Object.fromEntries(Object.entries(measured).map(([who, [few]]) => [who, [few, few]])));
  });
});
