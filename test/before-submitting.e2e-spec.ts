import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CriterionService, EventBus } from '@sandbridge/application';
import { Category, CriterionKind, Role, Stage } from '@sandbridge/domain';
import {
  agreePlan,
  buildSandbox,
  expectBadInput,
  expectError,
  expectOk,
  type GraphQLResponse,
  type Sandbox,
  type SandboxAuthority,
  TestApp,
} from '@sandbridge/testing';

// What an innovator sees before it commits to anything (issue 14): the entry evaluation of its DRAFT
// application per authority and criterion, and a server-side preview of a test report
// (previewTestReport) — the same checks and errors as submitTestReport, each result evaluated as
// submission evaluates it, every testing track's criteria now and with the report — which writes
// nothing: no statement that writes, no row, no audit entry, no event.

type Vars = Record<string, unknown>;
interface Ref {
  id: string;
  state: string;
  version: number;
}

const REF = 'id state version';
const step = (name: string, type = 'EnrolmentActionInput') =>
  `mutation($input: ${type}!) { ${name}(input: $input) { ${REF} } }`;
const CREATE_ENROLMENT = `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`;
const UPDATE_APPLICATION = `mutation($input: UpdateEnrolmentApplicationInput!) { updateEnrolmentApplication(input: $input) { ${REF} } }`;
const REGISTER_SYSTEM = `mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }`;
const DRAFT_VIEW = `query($id: ID!) { enrolment(id: $id) { state
  entryResults { outcome detail criterion { id } }
  tracks { state authority { acronym } entryEvaluation { mandatory outcome resultId criterion { id key title kind stage } } } } }`;
const PREVIEW = `query($input: PreviewTestReportInput!) { previewTestReport(input: $input) {
  passed failed insufficientEvidence
  results { position value evidenceReference evidenceSha256 attested outcome detail criterion { id } }
  tracks { stage authority { acronym } criteria { mandatory current outcome metBy position criterion { id } } } } }`;
const SUBMIT = `mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) {
  id results { position value evidenceReference evidenceSha256 attested outcome detail criterion { id } } } }`;
const EVALUATIONS = `query($id: ID!) { enrolment(id: $id) { version tracks { authority { acronym }
  testing: evaluation(stage: TESTING) { outcome criterion { id } } exit: evaluation(stage: EXIT) { outcome criterion { id } } } } }`;

const SHA = 'c'.repeat(64);

let t: TestApp;
let sb: Sandbox;
let FCA: SandboxAuthority;
let MAS: SandboxAuthority;
let AIO: SandboxAuthority;
let systems = 0;

const gql = (query: string, variables: Vars, token?: string): Promise<GraphQLResponse> =>
  t.gql(query, variables, token);

async function act(mutation: string, token: string, ref: Ref, extra: Vars = {}): Promise<Ref> {
  const data = expectOk(
    await gql(mutation, { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } }, token),
  );
  return Object.values(data)[0] as Ref;
}

/** A DRAFT application of a new system of the sandbox's innovator. */
async function draft(targets: SandboxAuthority[], entryResults: Vars[]): Promise<Ref> {
  const system = expectOk(
    await gql(
      REGISTER_SYSTEM,
      {
        input: {
          name: `Preview model ${++systems}`,
          sector: 'FINANCE',
          riskClass: 'HIGH',
          intendedPurpose: 'Scores consumer loan applicants.',
        },
      },
      sb.innovator.token,
    ),
  ).registerAiSystem.id;
  const input = {
    programmeId: sb.programmeId,
    aiSystemId: system,
    targetAuthorityIds: targets.map((a) => a.id),
    entryResults,
  };
  return expectOk(await gql(CREATE_ENROLMENT, { input }, sb.innovator.token)).createEnrolment;
}

/** A new enrolment in TESTING: FCA and MAS admitted, the AI Office declined; their sandbox plan agreed. */
async function inTesting(): Promise<Ref> {
  let e = await draft(
    [FCA, MAS, AIO],
    [FCA, MAS, AIO].map((a) => ({ criterionId: a.criteria.ENTRY[0], attested: true })),
  );
  e = await act(step('submitEnrolment'), sb.innovator.token, e);
  e = await act(step('startReview'), FCA.regulator.token, e);
  const decide = step('decideEntry', 'DecideEntryInput');
  e = await act(decide, FCA.regulator.token, e, { decision: 'ADMIT', reasons: 'Ready' });
  e = await act(decide, MAS.regulator.token, e, { decision: 'ADMIT', reasons: 'Ready' });
  e = await act(decide, AIO.regulator.token, e, { decision: 'DECLINE', reasons: 'Not in scope' });
  expect(e.state).toBe('TESTING');
  return (await agreePlan(t, e, sb.innovator.token, [FCA.regulator.token, MAS.regulator.token])).enrolment;
}

/** A report submitted to FCA: FCA's AUC (passes), MAS's AUC (fails), FCA's disparity without a value, FCA's final report attested. */
function report(enrolmentId: string, overrides: Vars = {}): Vars {
  return {
    enrolmentId,
    submittedTo: FCA.id,
    periodStart: '2026-10-01',
    periodEnd: '2026-10-31',
    lab: { name: 'Meridian AI Assurance Lab', accredited: true, accreditationBody: 'UKAS' },
    method: { id: 'ISO42001:A.6.2.4', version: '2023' },
    testedIn: 'GB',
    confidentiality: 'PARTICIPANTS',
    results: [
      { criterionId: FCA.criteria.TESTING[0], value: 0.85 },
      { criterionId: MAS.criteria.TESTING[0], value: 0.7 },
      { criterionId: FCA.criteria.EXIT[0], evidenceReference: 'doc://disparity', evidenceSha256: SHA },
      { criterionId: FCA.criteria.EXIT[1], attested: true },
    ],
    ...overrides,
  };
}

type Row = Record<string, any>;
const byStage = (tracks: Row[]) =>
  Object.fromEntries(
    tracks.map((tr) => [
      `${tr.authority.acronym} ${tr.stage}`,
      tr.criteria.map((c: Row) => [c.criterion.id, c.mandatory, c.current, c.outcome, c.metBy, c.position]),
    ]),
  );

beforeAll(async () => {
  t = await TestApp.create();
  sb = await buildSandbox(t);
  ({ FCA, MAS, 'AI Office': AIO } = sb.authority);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('the entry evaluation of a DRAFT application', () => {
  it('shows the innovator, per targeted authority and criterion, what is met, unmet and mandatory — and follows each change', async () => {
    // FCA's mandatory attestation given; nothing for MAS.
    let e = await draft([FCA, MAS], [{ criterionId: FCA.criteria.ENTRY[0], attested: true }]);
    const view = async () => expectOk(await gql(DRAFT_VIEW, { id: e.id }, sb.innovator.token)).enrolment;
    const evaluation = (enrolment: Row) =>
      Object.fromEntries(
        enrolment.tracks.map((tr: Row) => [
          tr.authority.acronym,
          // Criteria come in key order: sorted by id here, as the expectations list them.
          tr.entryEvaluation
            .map((c: Row) => [c.criterion.id, c.criterion.stage, c.mandatory, c.outcome])
            .sort((a: string[], b: string[]) => a[0].localeCompare(b[0])),
        ]),
      );
    const sorted = (rows: unknown[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    let seen = await view();
    expect(seen.state).toBe('DRAFT');
    expect(seen.tracks.every((tr: Row) => tr.state === 'PENDING')).toBe(true);
    expect(evaluation(seen)).toEqual({
      FCA: sorted([
        [FCA.criteria.ENTRY[0], 'ENTRY', true, 'MET'],
        [FCA.criteria.ENTRY[1], 'ENTRY', false, 'NOT_SUBMITTED'],
      ]),
      MAS: sorted([
        [MAS.criteria.ENTRY[0], 'ENTRY', true, 'NOT_SUBMITTED'],
        [MAS.criteria.ENTRY[1], 'ENTRY', false, 'NOT_SUBMITTED'],
      ]),
    });
    // Each criterion names itself, and the result that decided it is the application's own.
    const fcaMet = seen.tracks
      .find((tr: Row) => tr.authority.acronym === 'FCA')
      .entryEvaluation.find((c: Row) => c.criterion.id === FCA.criteria.ENTRY[0]);
    expect(fcaMet.criterion).toMatchObject({ key: expect.any(String), title: expect.any(String), kind: 'ATTESTATION' });
    expect(seen.entryResults.map((r: Row) => r.criterion.id)).toEqual([FCA.criteria.ENTRY[0]]);
    expect(fcaMet.resultId).not.toBeNull();

    // A changed application is evaluated again: MAS's mandatory attestation refused, its evidence without a hash.
    e = await act(UPDATE_APPLICATION, sb.innovator.token, e, {
      entryResults: [
        { criterionId: FCA.criteria.ENTRY[0], attested: true },
        { criterionId: MAS.criteria.ENTRY[0], attested: false },
        { criterionId: MAS.criteria.ENTRY[1], evidenceReference: 'doc://impact' },
      ],
    });
    seen = await view();
    expect(evaluation(seen).MAS).toEqual(
      sorted([
        [MAS.criteria.ENTRY[0], 'ENTRY', true, 'UNMET'],
        [MAS.criteria.ENTRY[1], 'ENTRY', false, 'INSUFFICIENT_EVIDENCE'],
      ]),
    );
    expect(seen.entryResults.find((r: Row) => r.criterion.id === MAS.criteria.ENTRY[1]).detail).toBe(
      'evidence without a valid SHA-256 content hash',
    );

    // No regulator sees a DRAFT, however it is asked.
    for (const a of [FCA, MAS])
      expect(expectOk(await gql(DRAFT_VIEW, { id: e.id }, a.regulator.token)).enrolment).toBeNull();
  });
});

describe('previewTestReport', () => {
  let e: Ref;
  beforeAll(async () => {
    e = await inTesting();
  }, 120_000);

  it('evaluates each result as the submission then does, in the order given, with the counts', async () => {
    const input = report(e.id, {
      results: [
        { criterionId: FCA.criteria.TESTING[0], value: 0.85 },
        { criterionId: MAS.criteria.TESTING[0], value: 0.7 },
        { criterionId: FCA.criteria.EXIT[0], evidenceReference: 'doc://disparity' },
        { criterionId: FCA.criteria.EXIT[1], attested: true },
      ],
    });
    const preview = expectOk(await gql(PREVIEW, { input }, sb.innovator.token)).previewTestReport;
    expect(preview.results).toEqual([
      {
        position: 0,
        value: 0.85,
        evidenceReference: null,
        evidenceSha256: null,
        attested: null,
        outcome: 'PASS',
        detail: '0.85 against ≥ 0.8 ratio',
        criterion: { id: FCA.criteria.TESTING[0] },
      },
      expect.objectContaining({ position: 1, outcome: 'FAIL', detail: '0.7 against ≥ 0.8 ratio' }),
      expect.objectContaining({ position: 2, outcome: 'INSUFFICIENT_EVIDENCE', detail: 'no measured value' }),
      expect.objectContaining({ position: 3, outcome: 'PASS', detail: 'attested', attested: true }),
    ]);
    expect([preview.passed, preview.failed, preview.insufficientEvidence]).toEqual([2, 1, 1]);

    const submitted = expectOk(
      await gql(SUBMIT, { input: { ...input, idempotencyKey: randomUUID() } }, sb.innovator.token),
    ).submitTestReport;
    expect([...submitted.results].sort((a: Row, b: Row) => a.position - b.position)).toEqual(preview.results);
  });

  it('shows every testing track’s TESTING and EXIT criteria now and with the report, and which result would decide each', async () => {
    const fresh = await inTesting();
    const preview = expectOk(await gql(PREVIEW, { input: report(fresh.id) }, sb.innovator.token)).previewTestReport;
    // The AI Office declined: its track tests nothing. The MAS track counts the PARTICIPANTS report too.
    expect(byStage(preview.tracks)).toEqual({
      'FCA TESTING': [[FCA.criteria.TESTING[0], true, 'NOT_SUBMITTED', 'MET', 'OWN_RESULT', 0]],
      'FCA EXIT': [
        [FCA.criteria.EXIT[0], true, 'NOT_SUBMITTED', 'INSUFFICIENT_EVIDENCE', null, 2],
        [FCA.criteria.EXIT[1], true, 'NOT_SUBMITTED', 'MET', 'OWN_RESULT', 3],
      ],
      'MAS TESTING': [[MAS.criteria.TESTING[0], true, 'NOT_SUBMITTED', 'UNMET', null, 1]],
      'MAS EXIT': [
        [MAS.criteria.EXIT[0], true, 'NOT_SUBMITTED', 'NOT_SUBMITTED', null, null],
        [MAS.criteria.EXIT[1], true, 'NOT_SUBMITTED', 'NOT_SUBMITTED', null, null],
      ],
    });
    expect(preview.tracks.map((tr: Row) => `${tr.authority.acronym} ${tr.stage}`)).toEqual(
      expect.arrayContaining(['FCA TESTING', 'FCA EXIT']),
    );

    // Submitted to the FCA alone (HOME_AUTHORITY), MAS may not read it: its criterion would stay as it is.
    const home = expectOk(
      await gql(PREVIEW, { input: report(fresh.id, { confidentiality: 'HOME_AUTHORITY' }) }, sb.innovator.token),
    ).previewTestReport;
    expect(byStage(home.tracks)['MAS TESTING']).toEqual([
      [MAS.criteria.TESTING[0], true, 'NOT_SUBMITTED', 'NOT_SUBMITTED', null, null],
    ]);

    // Once a report is in, `current` is what the track's evaluation says, and the newest report decides.
    expectOk(
      await gql(
        SUBMIT,
        {
          input: report(fresh.id, {
            results: [
              { criterionId: FCA.criteria.TESTING[0], value: 0.6 },
              { criterionId: FCA.criteria.EXIT[1], attested: true },
            ],
            idempotencyKey: randomUUID(),
          }),
        },
        sb.innovator.token,
      ),
    );
    const retest = expectOk(
      await gql(
        PREVIEW,
        { input: report(fresh.id, { results: [{ criterionId: FCA.criteria.TESTING[0], value: 0.9 }] }) },
        sb.innovator.token,
      ),
    ).previewTestReport;
    const after = byStage(retest.tracks);
    expect(after['FCA TESTING']).toEqual([[FCA.criteria.TESTING[0], true, 'UNMET', 'MET', 'OWN_RESULT', 0]]);
    expect(after['FCA EXIT']).toEqual([
      [FCA.criteria.EXIT[0], true, 'NOT_SUBMITTED', 'NOT_SUBMITTED', null, null],
      [FCA.criteria.EXIT[1], true, 'MET', 'MET', 'OWN_RESULT', null],
    ]);
    const evaluated = expectOk(await gql(EVALUATIONS, { id: fresh.id }, sb.innovator.token)).enrolment;
    for (const track of evaluated.tracks.filter((tr: Row) => tr.authority.acronym !== 'AI Office')) {
      for (const [stage, rows] of [
        ['TESTING', track.testing],
        ['EXIT', track.exit],
      ] as const) {
        const previewed = retest.tracks.find(
          (tr: Row) => tr.authority.acronym === track.authority.acronym && tr.stage === stage,
        );
        expect(previewed.criteria.map((c: Row) => [c.criterion.id, c.current])).toEqual(
          rows.map((c: Row) => [c.criterion.id, c.outcome]),
        );
      }
    }
  });

  it('counts the first of two results for one criterion (positions compared as numbers, not as text)', async () => {
    const attested = { criterionId: FCA.criteria.EXIT[1], attested: true };
    // Positions 2 and 10: as text, "10" would sort before "2".
    const results = [
      attested,
      attested,
      { criterionId: FCA.criteria.TESTING[0], value: 0.6 },
      ...Array.from({ length: 7 }, () => attested),
      { criterionId: FCA.criteria.TESTING[0], value: 0.9 },
    ];
    const preview = expectOk(
      await gql(PREVIEW, { input: report(e.id, { results }) }, sb.innovator.token),
    ).previewTestReport;
    expect(byStage(preview.tracks)['FCA TESTING']).toEqual([
      [FCA.criteria.TESTING[0], true, expect.any(String), 'UNMET', null, 2],
    ]);
    expect(byStage(preview.tracks)['FCA EXIT'][1]).toEqual([
      FCA.criteria.EXIT[1],
      true,
      expect.any(String),
      'MET',
      'OWN_RESULT',
      0,
    ]);
  });

  it('writes nothing: no writing statement, no row, no audit entry, no event, the same version', async () => {
    const events: string[] = [];
    const subscription = t.get(EventBus).events$.subscribe((event) => {
      if (event.enrolmentId === e.id) events.push(event.type);
    });
    try {
      const tables = ['test_report', 'test_result', 'audit_entry', 'enrolment', 'enrolment_track', 'incident'];
      const rows = () => Promise.all(tables.map((table) => t.count(table)));
      const version = async () => expectOk(await gql(EVALUATIONS, { id: e.id }, sb.innovator.token)).enrolment.version;
      const before = { rows: await rows(), version: await version() };
      const counter = t.countQueries();
      counter.reset();
      expectOk(await gql(PREVIEW, { input: report(e.id) }, sb.innovator.token));
      expectBadInput(
        await gql(PREVIEW, { input: report(e.id, { testedIn: 'XX' }) }, sb.innovator.token),
        'input.testedIn',
      );
      expect(counter.queries.length).toBeGreaterThan(0);
      expect(
        counter.queries.filter((q) => /\b(INSERT|UPDATE|DELETE|TRUNCATE)\b|FOR UPDATE|pg_advisory/i.test(q)),
      ).toEqual([]);
      expect({ rows: await rows(), version: await version() }).toEqual(before);
      expect(events).toEqual([]);

      // The same report submitted does all of that (so the checks above can see it).
      counter.reset();
      expectOk(await gql(SUBMIT, { input: { ...report(e.id), idempotencyKey: randomUUID() } }, sb.innovator.token));
      expect(counter.queries.some((q) => /\bINSERT INTO "?test_report"?/i.test(q))).toBe(true);
      expect(await t.count('test_report')).toBe(before.rows[0] + 1);
      expect(events).toEqual(['TEST_REPORT_SUBMITTED']);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('refuses what submitTestReport refuses, with the same code, message and field paths', async () => {
    const other = await t.createOrganisation(`Rival ${randomUUID().slice(0, 8)}`, 'SG');
    const rival = await t.accountWithToken(`rival.${randomUUID().slice(0, 8)}@preview.test`, Role.INNOVATOR, {
      organisationId: other,
    });
    const ico = await t.accountWithToken(`ico.${randomUUID().slice(0, 8)}@preview.test`, Role.REGULATOR, {
      authorityId: await t.authorityId('GB', 'ICO'),
    });
    const negotiator = await t.accountWithToken(`neg.${randomUUID().slice(0, 8)}@preview.test`, Role.NEGOTIATOR, {
      jurisdictionCode: 'GB',
    });
    const admin = await t.adminToken();
    const notTesting = await draft([FCA], [{ criterionId: FCA.criteria.ENTRY[0], attested: true }]);
    const criteria = t.get(CriterionService);
    const unpublished = await criteria.create(
      {
        accountId: 'preview-test',
        role: Role.REGULATOR,
        authorityId: FCA.id,
        organisationId: null,
        jurisdictionCode: null,
      },
      {
        key: `testing.unpublished.${randomUUID().slice(0, 8)}`,
        title: 'Not yet published',
        stage: Stage.TESTING,
        category: Category.ACCOUNTABILITY,
        kind: CriterionKind.ATTESTATION,
        statement: 'Yes.',
      },
    );
    const result = (criterionId: string, fields: Vars = { attested: true }) => ({ criterionId, ...fields });
    const cases: [string, string, Vars, string, string[]?][] = [
      ['another organisation’s innovator', rival.token, report(e.id), 'NOT_FOUND'],
      ['a regulator of an authority not in the programme', ico.token, report(e.id), 'NOT_FOUND'],
      ['a negotiator', negotiator.token, report(e.id), 'NOT_FOUND'],
      ['a made-up enrolment', sb.innovator.token, report(randomUUID()), 'NOT_FOUND'],
      ['a regulator of the programme', FCA.regulator.token, report(e.id), 'FORBIDDEN'],
      ['an administrator', admin, report(e.id), 'FORBIDDEN'],
      ['a declined authority', sb.innovator.token, report(e.id, { submittedTo: AIO.id }), 'INVALID_TRANSITION'],
      ['a DRAFT enrolment', sb.innovator.token, report(notTesting.id), 'INVALID_TRANSITION'],
      [
        'a period that ends before it starts, an unknown jurisdiction',
        sb.innovator.token,
        report(e.id, { periodStart: '2026-11-01', testedIn: 'XX' }),
        'BAD_USER_INPUT',
        ['input.periodEnd', 'input.testedIn'],
      ],
      [
        'results naming an unknown criterion, an unpublished one, and giving nothing',
        sb.innovator.token,
        report(e.id, {
          results: [
            result(randomUUID()),
            result(unpublished.id),
            result(FCA.criteria.TESTING[0], {}),
            result(FCA.criteria.TESTING[0], { value: 0.9 }),
          ],
        }),
        'BAD_USER_INPUT',
        ['input.results.0.criterionId', 'input.results.1.criterionId', 'input.results.2'],
      ],
      [
        'a malformed hash, a short lab name',
        sb.innovator.token,
        report(e.id, {
          lab: { name: 'L', accredited: true },
          results: [result(FCA.criteria.EXIT[0], { evidenceReference: 'doc://x', evidenceSha256: 'ABC' })],
        }),
        'BAD_USER_INPUT',
        ['input.lab.name', 'input.results.0.evidenceSha256'],
      ],
      ['no results', sb.innovator.token, report(e.id, { results: [] }), 'BAD_USER_INPUT', ['input.results']],
    ];
    const before = await Promise.all(['test_report', 'test_result'].map((table) => t.count(table)));
    for (const [who, token, input, code, paths] of cases) {
      const previewed = await gql(PREVIEW, { input }, token);
      const submitted = await gql(SUBMIT, { input: { ...input, idempotencyKey: randomUUID() } }, token);
      const [p, s] = paths
        ? [expectBadInput(previewed, ...paths), expectBadInput(submitted, ...paths)]
        : [expectError(previewed, code), expectError(submitted, code)];
      expect({ who, code: p.extensions?.code, errors: p.extensions?.errors }).toEqual({
        who,
        code,
        errors: s.extensions?.errors,
      });
      // The service's own refusals name the report as not saved; the pipe's are the same message for both.
      expect({ who, message: p.message }).toEqual({
        who,
        message: s.message.replace('The report was not saved', 'The report would not be saved'),
      });
      expect(previewed.data).toBeNull();
    }
    expect(await Promise.all(['test_report', 'test_result'].map((table) => t.count(table)))).toEqual(before);
  });
});
