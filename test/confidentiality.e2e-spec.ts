import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  agreePlan,
  buildSandbox,
  entryResultsMeeting,
  expectOk,
  reviewTestReport,
  type Sandbox,
  type SandboxAuthority,
  TestApp,
} from '@sandbridge/testing';

// Confidentiality covers what a result reveals, not only its report: a result counts
// toward an authority's criterion only if that authority may read its report, and a reader who may
// not read the result that decided an outcome sees the outcome as WITHHELD, with no result id or
// value — in track evaluations, in the exit report (structured and Markdown), and in recognition
// status and the passport (resolved with what the target authority may read).

type Vars = Record<string, unknown>;
interface Ref {
  id: string;
  state: string;
  version: number;
}

const REF = 'id state version';
const CREATE_ENROLMENT = `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`;
const step = (name: string, type = 'EnrolmentActionInput') =>
  `mutation($input: ${type}!) { ${name}(input: $input) { ${REF} } }`;
const REGISTER_SYSTEM = `mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }`;
const ENROLMENT_SYSTEM = `query($id: ID!) { enrolment(id: $id) { aiSystem { id } } }`;
const STATUS = `query($s: ID!, $a: ID!) { recognitionStatus(aiSystemId: $s, authorityId: $a) { criteria { criterion { id } outcome result } } }`;
const CASE = `query($s: ID!, $a: ID!) { recognitionCase(aiSystemId: $s, authorityId: $a) }`;
const PASSPORT = `query($s: ID!) { recognitionPassport(aiSystemId: $s) { authorities { authority { id } satisfiedLocally testsNeeded { id } } } }`;
const CHECK = 'name expected actual passed';
const FULL_STATUS = `query($s: ID!, $a: ID!) {
  recognitionStatus(aiSystemId: $s, authorityId: $a) {
    criteria { criterion { id } outcome result agreement rule divergent supplementary checks { ${CHECK} } candidates { result checks { ${CHECK} } } }
  }
}`;
const FULL_PASSPORT = `query($s: ID!) {
  recognitionPassport(aiSystemId: $s) { authorities { authority { id } satisfiedLocally recognised recognisedWithConditions gaps notApplicable withheld testsNeeded { id } } }
}`;
const SUBMIT_REPORT = `mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id results { id value } } }`;
const EVALUATION = `query($id: ID!) {
  enrolment(id: $id) { id tracks { authority { id } evaluation(stage: TESTING) { outcome resultId metBy recognition { result } } } }
}`;
const EXIT_REPORT = `query($id: ID!) {
  exitReport(enrolmentId: $id) {
    markdown
    authorities { authorityId criteria { criterionId outcome metBy withheld evidence { reportId resultId detail } } }
  }
}`;

let t: TestApp;
let sb: Sandbox;
let FCA: SandboxAuthority;
let MAS: SandboxAuthority;
let AIO: SandboxAuthority;
let admin: string;

const gql = (query: string, variables: Vars, token?: string) => t.gql(query, variables, token);

async function act(mutation: string, token: string, ref: Ref, extra: Vars = {}): Promise<Ref> {
  const data = expectOk(
    await gql(mutation, { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } }, token),
  );
  return Object.values(data)[0] as Ref;
}

/** A new system of the sandbox's innovator, applied, submitted and admitted by every target, its sandbox plan agreed: TESTING. */
async function testing(targets: SandboxAuthority[]): Promise<Ref> {
  const input = {
    name: `Scoring model ${randomUUID().slice(0, 6)}`,
    sector: 'FINANCE',
    riskClass: 'HIGH',
    intendedPurpose: 'Scores consumer loan applicants.',
  };
  const systemId = expectOk(await gql(REGISTER_SYSTEM, { input }, sb.innovator.token)).registerAiSystem.id;
  let ref = expectOk(
    await gql(
      CREATE_ENROLMENT,
      {
        input: {
          programmeId: sb.programmeId,
          aiSystemId: systemId,
          targetAuthorityIds: targets.map((a) => a.id),
          entryResults: entryResultsMeeting(targets),
        },
      },
      sb.innovator.token,
    ),
  ).createEnrolment as Ref;
  ref = await act(step('submitEnrolment'), sb.innovator.token, ref);
  ref = await act(step('startReview'), targets[0].regulator.token, ref);
  for (const authority of targets)
    ref = await act(step('decideEntry', 'DecideEntryInput'), authority.regulator.token, ref, {
      decision: 'ADMIT',
      reasons: 'Ready to test',
    });
  expect(ref.state).toBe('TESTING');
  return (
    await agreePlan(
      t,
      ref,
      sb.innovator.token,
      targets.map((a) => a.regulator.token),
    )
  ).enrolment;
}

async function submit(
  enrolmentId: string,
  submittedTo: SandboxAuthority,
  confidentiality: string,
  results: Vars[],
  testedIn = 'GB',
): Promise<{ id: string; results: { id: string; value: number | null }[] }> {
  const input = {
    enrolmentId,
    submittedTo: submittedTo.id,
    periodStart: '2025-01-06',
    periodEnd: '2025-03-28',
    lab: { name: 'Turing Assurance Lab', accredited: true, accreditationBody: 'UKAS' },
    method: { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
    testedIn,
    confidentiality,
    idempotencyKey: randomUUID(),
    results,
  };
  return expectOk(await gql(SUBMIT_REPORT, { input }, sb.innovator.token)).submitTestReport;
}

/** The TESTING evaluation of one authority's track, as `token` reads it. */
async function testingOf(
  enrolmentId: string,
  authority: SandboxAuthority,
  token: string,
): Promise<Record<string, unknown>[]> {
  const enrolment = expectOk(await gql(EVALUATION, { id: enrolmentId }, token)).enrolment;
  return enrolment.tracks.find((tr: any) => tr.authority.id === authority.id).evaluation;
}

async function exitReportOf(enrolmentId: string, token: string): Promise<Record<string, any>> {
  return expectOk(await gql(EXIT_REPORT, { id: enrolmentId }, token)).exitReport;
}

const exitCriteria = (report: Record<string, any>, authority: SandboxAuthority) =>
  report.authorities.find((a: any) => a.authorityId === authority.id).criteria;

beforeAll(async () => {
  t = await TestApp.create();
  sb = await buildSandbox(t);
  [FCA, MAS, AIO] = sb.authorities;
  admin = await t.adminToken();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('a HOME_AUTHORITY report read by another participating authority', () => {
  let enrolment: Ref;
  /** HOME_AUTHORITY, submitted to FCA: FCA's testing AUC and both its exit criteria, all passing. */
  let home: Awaited<ReturnType<typeof submit>>;
  /** PARTICIPANTS, submitted to MAS: MAS's and the AI Office's testing AUC. */
  let shared: Awaited<ReturnType<typeof submit>>;

  beforeAll(async () => {
    enrolment = await testing([FCA, MAS, AIO]);
    home = await submit(enrolment.id, FCA, 'HOME_AUTHORITY', [
      { criterionId: FCA.criteria.TESTING[0], value: 0.9137 },
      { criterionId: FCA.criteria.EXIT[0], value: 0.0317 },
      { criterionId: FCA.criteria.EXIT[1], attested: true },
    ]);
    shared = await submit(enrolment.id, MAS, 'PARTICIPANTS', [
      { criterionId: MAS.criteria.TESTING[0], value: 0.8821 },
      { criterionId: AIO.criteria.TESTING[0], value: 0.8533 },
    ]);
  }, 60_000);

  it('shows its outcome as WITHHELD, without the result id, to regulators of the other authorities', async () => {
    for (const other of [MAS, AIO]) {
      expect({ reader: other.acronym, evaluation: await testingOf(enrolment.id, FCA, other.regulator.token) }).toEqual({
        reader: other.acronym,
        evaluation: [{ outcome: 'WITHHELD', resultId: null, metBy: null, recognition: null }],
      });
    }
  });

  it('shows the innovator, the authority it was submitted to and administrators MET with the deciding result', async () => {
    for (const [who, token] of [
      ['the innovator', sb.innovator.token],
      ['FCA', FCA.regulator.token],
      ['an administrator', admin],
    ]) {
      expect({ who, evaluation: await testingOf(enrolment.id, FCA, token) }).toEqual({
        who,
        evaluation: [{ outcome: 'MET', resultId: home.results[0].id, metBy: 'OWN_RESULT', recognition: null }],
      });
    }
  });

  it('counts a PARTICIPANTS report, submitted to MAS, for every authority of the programme, and shows it to all of them', async () => {
    for (const token of [sb.innovator.token, FCA.regulator.token, MAS.regulator.token, AIO.regulator.token]) {
      expect(await testingOf(enrolment.id, MAS, token)).toEqual([
        { outcome: 'MET', resultId: shared.results[0].id, metBy: 'OWN_RESULT', recognition: null },
      ]);
      expect(await testingOf(enrolment.id, AIO, token)).toEqual([
        { outcome: 'MET', resultId: shared.results[1].id, metBy: 'OWN_RESULT', recognition: null },
      ]);
    }
  });

  it('withholds the outcomes it decides in the exit report, structured and Markdown, from the other authorities', async () => {
    for (const other of [MAS, AIO]) {
      const report = await exitReportOf(enrolment.id, other.regulator.token);
      expect(exitCriteria(report, FCA)).toEqual([
        { criterionId: FCA.criteria.EXIT[0], outcome: 'WITHHELD', metBy: null, withheld: 1, evidence: [] },
        { criterionId: FCA.criteria.EXIT[1], outcome: 'WITHHELD', metBy: null, withheld: 1, evidence: [] },
      ]);
      const text = JSON.stringify(report);
      for (const hidden of [home.id, ...home.results.map((r) => r.id), '0.0317', '0.9137'])
        expect({ reader: other.acronym, leaked: text.includes(hidden) }).toEqual({
          reader: other.acronym,
          leaked: false,
        });
      const fcaRows = report.markdown
        .split('\n')
        .filter((line: string) => line.includes(`(${FCA.acronym})`) && line.startsWith('| '));
      expect(fcaRows).toHaveLength(2);
      for (const row of fcaRows) expect(row).toMatch(/\| WITHHELD \| 1 withheld \(confidential\) \|$/);
    }
  });

  it('shows the exit report’s outcomes to the innovator and to FCA as MET, with the evidence', async () => {
    for (const token of [sb.innovator.token, FCA.regulator.token]) {
      const report = await exitReportOf(enrolment.id, token);
      expect(exitCriteria(report, FCA)).toEqual([
        {
          criterionId: FCA.criteria.EXIT[0],
          outcome: 'MET',
          metBy: 'OWN_RESULT',
          withheld: 0,
          evidence: [{ reportId: home.id, resultId: home.results[1].id, detail: '0.0317 against ≤ 0.1 ratio' }],
        },
        {
          criterionId: FCA.criteria.EXIT[1],
          outcome: 'MET',
          metBy: 'OWN_RESULT',
          withheld: 0,
          evidence: [{ reportId: home.id, resultId: home.results[2].id, detail: 'attested' }],
        },
      ]);
      expect(report.markdown).toContain('0.0317 against');
      expect(report.markdown).not.toContain('WITHHELD');
    }
  });
});

describe('a HOME_AUTHORITY report submitted to MAS', () => {
  let enrolment: Ref;
  let systemId: string;
  let home: Awaited<ReturnType<typeof submit>>;

  beforeAll(async () => {
    enrolment = await testing([FCA, MAS]);
    systemId = expectOk(await gql(ENROLMENT_SYSTEM, { id: enrolment.id }, sb.innovator.token)).enrolment.aiSystem.id;
    // Results for FCA's criteria in a report only MAS may read (and review).
    home = await submit(enrolment.id, MAS, 'HOME_AUTHORITY', [
      { criterionId: FCA.criteria.TESTING[0], value: 0.9411 },
      { criterionId: MAS.criteria.TESTING[0], value: 0.9022 },
      { criterionId: FCA.criteria.EXIT[1], attested: true },
    ]);
    await reviewTestReport(t, home.id, MAS.regulator.token);
  }, 60_000);

  it('never counts toward FCA’s criteria, whoever reads the evaluation', async () => {
    for (const [who, token] of [
      ['FCA', FCA.regulator.token],
      ['MAS', MAS.regulator.token],
      ['the innovator', sb.innovator.token],
      ['an administrator', admin],
    ]) {
      expect({ who, evaluation: await testingOf(enrolment.id, FCA, token) }).toEqual({
        who,
        evaluation: [{ outcome: 'NOT_SUBMITTED', resultId: null, metBy: null, recognition: null }],
      });
    }
  });

  it('counts toward MAS’s own criteria', async () => {
    for (const token of [MAS.regulator.token, sb.innovator.token]) {
      expect(await testingOf(enrolment.id, MAS, token)).toEqual([
        { outcome: 'MET', resultId: home.results[1].id, metBy: 'OWN_RESULT', recognition: null },
      ]);
    }
    expect(await testingOf(enrolment.id, MAS, FCA.regulator.token)).toEqual([
      { outcome: 'WITHHELD', resultId: null, metBy: null, recognition: null },
    ]);
  });

  it('counts toward neither FCA’s recognition status nor its passport page once MAS accepts it', async () => {
    // Tested in GB, FCA's jurisdiction: FCA's AUC would be satisfied locally if FCA could read it. MAS's case carries it.
    const masCase = expectOk(await gql(CASE, { s: systemId, a: MAS.id }, sb.innovator.token)).recognitionCase;
    expect(masCase.results.map((r: any) => r.id).sort()).toEqual(home.results.map((r) => r.id).sort());
    for (const [who, token] of [
      ['the innovator', sb.innovator.token],
      ['MAS', MAS.regulator.token],
      ['FCA', FCA.regulator.token],
    ]) {
      const status = expectOk(await gql(STATUS, { s: systemId, a: FCA.id }, token)).recognitionStatus;
      expect({ who, auc: status.criteria.find((c: any) => c.criterion.id === FCA.criteria.TESTING[0]) }).toEqual({
        who,
        auc: { criterion: { id: FCA.criteria.TESTING[0] }, outcome: 'GAP', result: null },
      });
      // The exported case for FCA carries no result FCA may not read.
      expect({
        who,
        results: expectOk(await gql(CASE, { s: systemId, a: FCA.id }, token)).recognitionCase.results,
      }).toEqual({ who, results: [] });
      const pages = expectOk(await gql(PASSPORT, { s: systemId }, token)).recognitionPassport.authorities;
      const page = (a: SandboxAuthority) => pages.find((p: any) => p.authority.id === a.id);
      expect({
        who,
        fca: page(FCA).satisfiedLocally,
        needed: page(FCA)
          .testsNeeded.map((c: any) => c.id)
          .includes(FCA.criteria.TESTING[0]),
      }).toEqual({ who, fca: 0, needed: true });
    }
  });

  it('leaves FCA’s exit criterion NOT_SUBMITTED in the exit report', async () => {
    for (const token of [FCA.regulator.token, MAS.regulator.token, sb.innovator.token]) {
      const [, finalReport] = exitCriteria(await exitReportOf(enrolment.id, token), FCA);
      expect(finalReport).toMatchObject({ criterionId: FCA.criteria.EXIT[1], outcome: 'NOT_SUBMITTED', metBy: null });
    }
  });
});

describe('recognition decided by a HOME_AUTHORITY report submitted to MAS and tested in Singapore', () => {
  let systemId: string;
  let home: Awaited<ReturnType<typeof submit>>;
  const HIDDEN_VALUE = 0.93173;

  beforeAll(async () => {
    const enrolment = await testing([FCA, MAS]);
    systemId = expectOk(await gql(ENROLMENT_SYSTEM, { id: enrolment.id }, sb.innovator.token)).enrolment.aiSystem.id;
    home = await submit(
      enrolment.id,
      MAS,
      'HOME_AUTHORITY',
      [{ criterionId: MAS.criteria.TESTING[0], value: HIDDEN_VALUE }],
      'SG',
    );
    await reviewTestReport(t, home.id, MAS.regulator.token);
  }, 60_000);

  const statusOf = async (authority: SandboxAuthority, token: string) =>
    expectOk(await gql(FULL_STATUS, { s: systemId, a: authority.id }, token)).recognitionStatus;
  const passportOf = async (token: string) =>
    expectOk(await gql(FULL_PASSPORT, { s: systemId }, token)).recognitionPassport;
  const pageOf = (passport: any, authority: SandboxAuthority) =>
    passport.authorities.find((p: any) => p.authority.id === authority.id);
  const auc = (status: any) => status.criteria.find((c: any) => c.criterion.id === MAS.criteria.TESTING[0]);

  it('shows FCA’s regulator MAS’s criterion as WITHHELD, in the status and the passport, with no result id or value anywhere', async () => {
    const status = await statusOf(MAS, FCA.regulator.token);
    expect(auc(status)).toEqual({
      criterion: { id: MAS.criteria.TESTING[0] },
      outcome: 'WITHHELD',
      result: null,
      agreement: null,
      rule: null,
      divergent: false,
      supplementary: null,
      checks: [expect.objectContaining({ name: 'applicable', passed: true })],
      candidates: [],
    });
    const passport = await passportOf(FCA.regulator.token);
    const page = pageOf(passport, MAS);
    expect({
      satisfiedLocally: page.satisfiedLocally,
      withheld: page.withheld,
      needed: page.testsNeeded.map((c: any) => c.id).includes(MAS.criteria.TESTING[0]),
    }).toEqual({
      satisfiedLocally: 0,
      withheld: 1,
      needed: false,
    });
    expect(passport.authorities.filter((p: any) => p.withheld > 0).map((p: any) => p.authority.id)).toEqual([MAS.id]);
    const text = JSON.stringify({ status, passport });
    for (const hidden of [home.id, home.results[0].id, String(HIDDEN_VALUE)])
      expect({ hidden, leaked: text.includes(hidden) }).toEqual({ hidden, leaked: false });
  });

  it('shows MAS’s regulator, the innovator and administrators MAS’s criterion SATISFIED_LOCALLY with the result, nothing withheld', async () => {
    for (const [who, token] of [
      ['MAS', MAS.regulator.token],
      ['the innovator', sb.innovator.token],
      ['an administrator', admin],
    ]) {
      expect({ who, auc: auc(await statusOf(MAS, token)) }).toMatchObject({
        who,
        auc: { outcome: 'SATISFIED_LOCALLY', result: home.results[0].id, agreement: null, rule: null },
      });
      const passport = await passportOf(token);
      expect({
        who,
        satisfiedLocally: pageOf(passport, MAS).satisfiedLocally,
        withheld: passport.authorities.map((p: any) => p.withheld).reduce((a: number, b: number) => a + b, 0),
      }).toEqual({
        who,
        satisfiedLocally: 1,
        withheld: 0,
      });
    }
  });

  it('leaves FCA’s own criteria as FCA’s evidence makes them, whoever reads them', async () => {
    for (const token of [FCA.regulator.token, MAS.regulator.token, sb.innovator.token]) {
      const status = await statusOf(FCA, token);
      expect(status.criteria.map((c: any) => c.outcome)).not.toContain('WITHHELD');
      expect(status.criteria.find((c: any) => c.criterion.id === FCA.criteria.TESTING[0])).toMatchObject({
        outcome: 'GAP',
        result: null,
      });
    }
  });

  it('exports FCA’s regulator a case for MAS without the result (its own view: a file cannot carry WITHHELD)', async () => {
    expect(expectOk(await gql(CASE, { s: systemId, a: MAS.id }, FCA.regulator.token)).recognitionCase.results).toEqual(
      [],
    );
    expect(
      expectOk(await gql(CASE, { s: systemId, a: MAS.id }, MAS.regulator.token)).recognitionCase.results.map(
        (r: any) => r.id,
      ),
    ).toEqual([home.results[0].id]);
  });
});
