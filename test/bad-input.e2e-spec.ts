import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sandbridge/domain';
import {
  admitToTesting,
  buildSandbox,
  expectBadInput,
  expectNoLeak,
  expectOk,
  type GraphQLResponse,
  type Sandbox,
  TestApp,
  waitFor,
} from '@sandbridge/testing';

// Inputs that used to come back as INTERNAL_SERVER_ERROR (issue 11, finding 8): a day PostgreSQL
// cannot store (year 0000), a lone surrogate in an e-mail address, a JSON value nested 10,000
// deep, more than 50 bad enum values in one list. Each is BAD_USER_INPUT naming the path, and
// nothing is written. The fuzz test (input-fuzz.e2e-spec.ts) looks for more of the same.

type Vars = Record<string, unknown>;

const small = JSON.parse(readFileSync(new URL('../examples/simulation/small.scenario.json', import.meta.url), 'utf8'));

const CREATE_AGREEMENT = 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }';
const UPDATE_AGREEMENT = 'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { id } }';
const ADD_RULE = 'mutation($input: AddAgreementRuleInput!) { addAgreementRule(input: $input) { id rules { id } } }';
const UPDATE_RULE = 'mutation($input: UpdateAgreementRuleInput!) { updateAgreementRule(input: $input) { id } }';
const CREATE_PROGRAMME = 'mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }';
const UPDATE_PROGRAMME = 'mutation($input: UpdateProgrammeInput!) { updateProgramme(input: $input) { id } }';
const SUBMIT_REPORT = 'mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id } }';
const RECORDED = 'query($filter: RecordedPopulationInput) { recordedPopulation(filter: $filter) { runnable } }';
const PASSPORT = 'query($id: ID!, $asOf: Date) { recognitionPassport(aiSystemId: $id, asOf: $asOf) { __typename } }';
const STATUS =
  'query($id: ID!, $authority: ID!, $asOf: Date) { recognitionStatus(aiSystemId: $id, authorityId: $authority, asOf: $asOf) { __typename } }';
const CASE =
  'query($id: ID!, $authority: ID!, $asOf: Date) { recognitionCase(aiSystemId: $id, authorityId: $authority, asOf: $asOf) }';
const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }';
const START = 'mutation($input: StartSimulationInput!) { startSimulation(input: $input) { id } }';
const CREATE_CRITERION = 'mutation($input: CreateCriterionInput!) { createCriterion(input: $input) { id } }';

let t: TestApp;
let admin: string;
let negotiator: string;
let sb: Sandbox;
let agreementId: string;
let ruleId: string;
let enrolmentId: string;

/** Every table's row count: a refused request must change none. */
async function snapshot(): Promise<Record<string, number>> {
  const tables: { name: string }[] = await t.dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '%migration%'`,
  );
  return (
    await t.dataSource.query(
      `SELECT ${tables.map(({ name }) => `(SELECT count(*)::int FROM "${name}") AS "${name}"`).join(', ')}`,
    )
  )[0];
}

/** BAD_USER_INPUT at exactly `paths` and nothing written; returns the error. */
async function refused(send: () => Promise<GraphQLResponse>, ...paths: string[]) {
  const before = await snapshot();
  const error = expectBadInput(await send(), ...paths);
  expect(await snapshot()).toEqual(before);
  return error;
}

/** Sends a raw JSON body (for values JSON.stringify cannot write). */
async function raw(body: string, token: string): Promise<GraphQLResponse> {
  const res = await t
    .http()
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('authorization', `Bearer ${token}`)
    .send(body);
  return { status: res.status, data: res.body.data, errors: res.body.errors };
}

beforeAll(async () => {
  t = await TestApp.create();
  admin = await t.adminToken();
  negotiator = (
    await t.accountWithToken(`neg.${randomUUID().slice(0, 8)}@bad-input.test`, Role.NEGOTIATOR, {
      jurisdictionCode: 'GB',
    })
  ).token;
  sb = await buildSandbox(t, {
    authorities: [
      ['GB', 'FCA'],
      ['SG', 'MAS'],
    ],
  });
  agreementId = expectOk(
    await t.gql(
      CREATE_AGREEMENT,
      { input: { name: 'GB–SG MRA', kind: 'BILATERAL', parties: ['GB', 'SG'] } },
      negotiator,
    ),
  ).createAgreement.id;
  const rule = { agreementId, origins: ['SG'], recognising: ['GB'], mode: 'CONFORMITY', effect: 'RECOGNISE' };
  ruleId = expectOk(await t.gql(ADD_RULE, { input: rule }, negotiator)).addAgreementRule.rules[0].id;
  enrolmentId = (await admitToTesting(t, sb, sb.authority.FCA)).id;
});

afterAll(async () => {
  await t?.close();
});

describe('days PostgreSQL cannot store (they reached the database: "date out of range")', () => {
  const BAD_DAYS = ['0000-01-01', '0999-12-31', '10000-01-01', '-0001-01-01'];

  it.each(BAD_DAYS)(
    '%s in agreement windows, rule windows and programme dates: BAD_USER_INPUT at the field',
    async (day) => {
      const FCA = sb.authority.FCA;
      const cases: [string, Vars, string, string][] = [
        [
          CREATE_AGREEMENT,
          { name: 'Bad window', kind: 'BILATERAL', parties: ['GB', 'SG'], effectiveFrom: day },
          negotiator,
          'input.effectiveFrom',
        ],
        [
          CREATE_AGREEMENT,
          { name: 'Bad window', kind: 'BILATERAL', parties: ['GB', 'SG'], effectiveTo: day },
          negotiator,
          'input.effectiveTo',
        ],
        [UPDATE_AGREEMENT, { id: agreementId, effectiveFrom: day }, negotiator, 'input.effectiveFrom'],
        [UPDATE_AGREEMENT, { id: agreementId, effectiveTo: day }, negotiator, 'input.effectiveTo'],
        [
          ADD_RULE,
          {
            agreementId,
            origins: ['SG'],
            recognising: ['GB'],
            mode: 'CONFORMITY',
            effect: 'RECOGNISE',
            effectiveFrom: day,
          },
          negotiator,
          'input.effectiveFrom',
        ],
        [
          ADD_RULE,
          {
            agreementId,
            origins: ['SG'],
            recognising: ['GB'],
            mode: 'CONFORMITY',
            effect: 'RECOGNISE',
            effectiveTo: day,
          },
          negotiator,
          'input.effectiveTo',
        ],
        [
          UPDATE_RULE,
          {
            id: ruleId,
            origins: ['SG'],
            recognising: ['GB'],
            mode: 'CONFORMITY',
            effect: 'RECOGNISE',
            effectiveFrom: day,
          },
          negotiator,
          'input.effectiveFrom',
        ],
        [
          UPDATE_RULE,
          {
            id: ruleId,
            origins: ['SG'],
            recognising: ['GB'],
            mode: 'CONFORMITY',
            effect: 'RECOGNISE',
            effectiveTo: day,
          },
          negotiator,
          'input.effectiveTo',
        ],
        [
          CREATE_PROGRAMME,
          {
            name: `Bad dates ${day}`,
            cohortCapacity: 5,
            maxTestingDays: 90,
            jointEntryRule: 'EACH_AUTHORITY',
            applicationOpens: day,
          },
          FCA.regulator.token,
          'input.applicationOpens',
        ],
        [
          CREATE_PROGRAMME,
          {
            name: `Bad dates ${day}`,
            cohortCapacity: 5,
            maxTestingDays: 90,
            jointEntryRule: 'EACH_AUTHORITY',
            applicationCloses: day,
          },
          FCA.regulator.token,
          'input.applicationCloses',
        ],
        [
          UPDATE_PROGRAMME,
          { id: sb.programmeId, applicationOpens: day },
          FCA.regulator.token,
          'input.applicationOpens',
        ],
        [
          UPDATE_PROGRAMME,
          { id: sb.programmeId, applicationCloses: day },
          FCA.regulator.token,
          'input.applicationCloses',
        ],
      ];
      for (const [query, input, token, path] of cases) await refused(() => t.gql(query, { input }, token), path);
    },
  );

  it.each(BAD_DAYS)('%s as a test report period: BAD_USER_INPUT, no report', async (day) => {
    const FCA = sb.authority.FCA;
    const input = {
      enrolmentId,
      submittedTo: FCA.id,
      testedIn: 'GB',
      periodStart: '2026-01-05',
      periodEnd: '2026-03-27',
      lab: { name: 'Thames Lab', accredited: true, accreditationBody: 'UKAS' },
      method: { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
      confidentiality: 'PARTICIPANTS',
      idempotencyKey: randomUUID(),
      results: [{ criterionId: FCA.criteria.TESTING[0], value: 0.91 }],
    };
    await refused(
      () => t.gql(SUBMIT_REPORT, { input: { ...input, periodStart: day } }, sb.innovator.token),
      'input.periodStart',
    );
    await refused(
      () => t.gql(SUBMIT_REPORT, { input: { ...input, periodEnd: day } }, sb.innovator.token),
      'input.periodEnd',
    );
  });

  it.each(BAD_DAYS)('%s in query arguments: recordedPopulation filters and recognition asOf', async (day) => {
    const FCA = sb.authority.FCA;
    await refused(() => t.gql(RECORDED, { filter: { testedFrom: day } }, admin), 'filter.testedFrom');
    await refused(() => t.gql(RECORDED, { filter: { testedTo: day } }, admin), 'filter.testedTo');
    await refused(() => t.gql(PASSPORT, { id: sb.systemId, asOf: day }, admin), 'asOf');
    await refused(() => t.gql(STATUS, { id: sb.systemId, authority: FCA.id, asOf: day }, admin), 'asOf');
    await refused(() => t.gql(CASE, { id: sb.systemId, authority: FCA.id, asOf: day }, admin), 'asOf');
  });

  it('the ends of the range are accepted: 1000-01-01 and 9999-12-31', async () => {
    const created = expectOk(
      await t.gql(
        CREATE_AGREEMENT,
        {
          input: {
            name: 'Long window',
            kind: 'BILATERAL',
            parties: ['GB', 'SG'],
            effectiveFrom: '1000-01-01',
            effectiveTo: '9999-12-31',
          },
        },
        negotiator,
      ),
    );
    expect(created.createAgreement.id).toBeTruthy();
    expectOk(await t.gql(RECORDED, { filter: { testedFrom: '1000-01-01', testedTo: '9999-12-31' } }, admin));
  });

  it('the same day in a simulation scenario (a JSON document) is refused at its JSON path', async () => {
    const scenario = { ...small, asOf: '0000-01-01' };
    const error = await refused(
      () => t.gql(START, { input: { name: 'Year zero', scenario } }, negotiator),
      'input.scenario.asOf',
    );
    expect(error.extensions?.errors?.[0].message).toMatch(/1000-01-01/);
  });
});

describe('other inputs that became INTERNAL_SERVER_ERROR', () => {
  it('a lone surrogate in createAccount.email (URIError): BAD_USER_INPUT at input.email, no account', async () => {
    for (const email of ['fuzz\uD800@bad-input.test', 'fuzz@bad\uDC00input.test']) {
      await refused(
        () =>
          t.gql(
            CREATE_ACCOUNT,
            { input: { email, displayName: 'Fuzz', password: 'a-long-test-password', role: 'ADMIN' } },
            admin,
          ),
        'input.email',
      );
    }
  });

  it('a JSON scalar nested 10,000 deep (RangeError): BAD_USER_INPUT at the JSON value, no run', async () => {
    const depth = 10_000;
    const nested = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    const body = `{"query": ${JSON.stringify(START)}, "variables": {"input": {"name": "Deep", "scenario": {"format": "sandbridge/scenario@1", "variants": ${nested}}}}}`;
    const error = await refused(() => raw(body, negotiator), 'input.scenario');
    expect(error.extensions?.errors?.[0].message).toMatch(/nested more than 64/);
    // An object nested as deep, in an agreement rule's supplementary conditions.
    const objects = `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
    const rule = `{"query": ${JSON.stringify(ADD_RULE)}, "variables": {"input": {"agreementId": "${agreementId}", "origins": ["SG"], "recognising": ["GB"], "mode": "CONFORMITY", "effect": "RECOGNISE_WITH_CONDITIONS", "supplementary": ${objects}}}}`;
    await refused(() => raw(rule, negotiator), 'input.supplementary');
  });

  it('JSON nested 64 deep is still a document the API reads (the limit is above any real one)', async () => {
    const note = JSON.parse(`${'['.repeat(63)}1${']'.repeat(63)}`);
    const { id } = expectOk(
      await t.gql(START, { input: { name: 'Nested', scenario: { ...small, note } } }, negotiator),
    ).startSimulation;
    expect(id).toBeTruthy();
    // The run's workers write chunks in the background; let it finish so the next test's
    // "nothing written" snapshot sees only what that test's request did.
    await waitFor('the nested run to finish', async () => {
      const run = expectOk(await t.gql('query($id: ID!) { simulationRun(id: $id) { status } }', { id }, negotiator));
      return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(run.simulationRun.status);
    });
  });

  it('51 or more unknown enum values in one list (graphql-js stops at 50 errors): BAD_USER_INPUT with the paths, no criterion', async () => {
    const input = {
      key: 'fuzz.enums',
      title: 'Enums',
      stage: 'TESTING',
      category: 'ROBUSTNESS',
      kind: 'ATTESTATION',
      riskClasses: Array.from({ length: 60 }, () => 'NOT_A_RISK'),
    };
    const before = await snapshot();
    const res = await t.gql(CREATE_CRITERION, { input }, sb.authority.FCA.regulator.token);
    expect(await snapshot()).toEqual(before);
    expectNoLeak(res);
    expect(new Set(res.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
    const paths = res.errors!.flatMap((e) => e.extensions?.errors?.map((p) => p.path) ?? []);
    expect(paths.slice(0, 50)).toEqual(Array.from({ length: 50 }, (_, i) => `input.riskClasses.${i}`));
    expect(res.errors!.at(-1)!.extensions?.errors).toEqual([
      { path: '', message: 'too many invalid values: the first 50 are listed with their paths' },
    ]);
  });
});
