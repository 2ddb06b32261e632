import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sandbridge/domain';
import { admitToTesting, buildSandbox, expectBadInput, expectOk, type Sandbox, TestApp } from '@sandbridge/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

// Text PostgreSQL cannot store (issue: NUL reached the database and came back as
// INTERNAL_SERVER_ERROR; a lone UTF-16 surrogate was silently stored as U+FFFD) is refused by the
// global validation pipe for every GraphQL argument: BAD_USER_INPUT naming the path, nothing written.
// Run on PGlite and, with DATABASE_URL, on a real PostgreSQL — both refused NUL and replaced surrogates.

type Vars = Record<string, unknown>;
const NUL = 'Acme\u0000Labs';
const LONE = 'Acme\uD800Labs';

const ORG = 'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }';
const SYSTEM = 'mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }';
const REPORT = 'mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id } }';
const START = 'mutation($input: StartSimulationInput!) { startSimulation(input: $input) { id } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const PROGRESS = 'subscription($runId: ID!) { simulationProgress(runId: $runId) { runId status } }';

const small = JSON.parse(readFileSync(new URL('../examples/simulation/small.scenario.json', import.meta.url), 'utf8'));

let t: TestApp;
let admin: string;
let negotiator: string;
let sb: Sandbox;
let wsUrl: string;

const count = async (table: string): Promise<number> =>
  (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

/** Sends the operation, expects BAD_USER_INPUT at exactly `paths` and no new row in `table`. */
async function refused(table: string, query: string, variables: Vars, token: string | undefined, ...paths: string[]) {
  const before = await count(table);
  const error = expectBadInput(await t.gql(query, variables, token), ...paths);
  expect(await count(table)).toBe(before);
  return error;
}

beforeAll(async () => {
  t = await TestApp.create();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  wsUrl = `ws://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/graphql`;
  admin = await t.adminToken();
  negotiator = (
    await t.accountWithToken(`neg.${randomUUID().slice(0, 8)}@input-text.test`, Role.NEGOTIATOR, {
      jurisdictionCode: 'EU',
    })
  ).token;
  sb = await buildSandbox(t, { authorities: [['SG', 'MAS']] });
});

afterAll(async () => {
  await t?.close();
});

describe('NUL and lone surrogates in GraphQL arguments', () => {
  it('an organisation name: BAD_USER_INPUT at input.name, no organisation; the same name without them is created', async () => {
    const error = await refused(
      'organisation',
      ORG,
      { input: { name: NUL, homeJurisdictionCode: 'GB' } },
      admin,
      'input.name',
    );
    expect(error.extensions?.errors).toEqual([
      { path: 'input.name', message: 'must not contain the NUL character (U+0000)' },
    ]);
    // The message names the problem, never repeats the raw character.
    expect(error.message).toBe('Invalid input: input.name: must not contain the NUL character (U+0000)');
    const lone = await refused(
      'organisation',
      ORG,
      { input: { name: LONE, homeJurisdictionCode: 'GB' } },
      admin,
      'input.name',
    );
    expect(lone.extensions?.errors?.[0].message).toMatch(/lone UTF-16 surrogate/);
    // Two names differing only in a lone surrogate used to collide (both stored with U+FFFD).
    await refused(
      'organisation',
      ORG,
      { input: { name: 'Acme\uDC00Labs', homeJurisdictionCode: 'GB' } },
      admin,
      'input.name',
    );
    expect(
      expectOk(await t.gql(ORG, { input: { name: 'Acme 🤖 Labs', homeJurisdictionCode: 'GB' } }, admin))
        .createOrganisation.name,
    ).toBe('Acme 🤖 Labs');
  });

  it('an AI system: every bad field is named at once, next to the ordinary validation problems', async () => {
    const input = { name: NUL, intendedPurpose: `Scores loans ${LONE}`, sector: 'FINANCE', riskClass: 'HIGH' };
    await refused('ai_system', SYSTEM, { input }, sb.innovator.token, 'input.name', 'input.intendedPurpose');
  });

  it('a test report: nested input objects and list items by dotted path, no report written', async () => {
    const [MAS] = sb.authorities;
    const ref = await admitToTesting(t, sb, MAS);
    const input = {
      enrolmentId: ref.id,
      submittedTo: MAS.id,
      testedIn: 'SG',
      periodStart: '2026-01-05',
      periodEnd: '2026-03-27',
      lab: { name: `Merlion${'\u0000'}Lab`, accredited: true, accreditationBody: 'SAC' },
      method: { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
      confidentiality: 'PARTICIPANTS',
      idempotencyKey: randomUUID(),
      results: [
        {
          criterionId: MAS.criteria.TESTING[0],
          value: 0.91,
          evidenceReference: `doc://${NUL}`,
          evidenceSha256: 'b'.repeat(64),
        },
      ],
    };
    await refused(
      'test_report',
      REPORT,
      { input },
      sb.innovator.token,
      'input.lab.name',
      'input.results.0.evidenceReference',
    );
    expect(await count('test_result')).toBe(0);
    // The same report with clean text is accepted (the refusal was about the text only).
    const clean = {
      ...input,
      lab: { ...input.lab, name: 'Merlion Lab' },
      results: [{ ...input.results[0], evidenceReference: 'doc://auc' }],
    };
    expect(expectOk(await t.gql(REPORT, { input: clean }, sb.innovator.token)).submitTestReport.id).toBeTruthy();
  });

  it('a simulation scenario (JSON scalar): values and keys by JSON path, no run stored', async () => {
    const scenario = {
      ...small,
      variants: [{ name: NUL, add: [] }],
      costs: { ...small.costs, [`G${'\u0000'}B`]: { testCost: 1, testDays: 1 } },
      note: LONE,
    };
    const error = await refused(
      'simulation_run',
      START,
      { input: { name: 'Run', scenario } },
      negotiator,
      'input.scenario.variants[0].name',
      'input.scenario.costs',
      'input.scenario.note',
    );
    expect(error.extensions?.errors).toContainEqual({
      path: 'input.scenario.costs',
      message: 'has a key "G\\u0000B" that must not contain the NUL character (U+0000)',
    });
    // The run's own name is an ordinary String field.
    await refused('simulation_run', START, { input: { name: NUL, scenario: small } }, negotiator, 'input.name');
  });

  it('login: a plain String argument is checked too (it used to fail in the account lookup)', async () => {
    await refused('account', LOGIN, { e: `admin${'\u0000'}@sandbridge.test`, p: 'x' }, undefined, 'email');
    await refused('account', LOGIN, { e: 'someone@sandbridge.test', p: LONE }, undefined, 'password');
  });

  it('a subscription argument over graphql-ws: BAD_USER_INPUT with the path', async () => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${negotiator}` },
    });
    const errors: any[] = [];
    await new Promise<void>((resolve) =>
      client.subscribe(
        { query: PROGRESS, variables: { runId: `x${'\u0000'}` } },
        {
          next: (r) => void (r.errors && errors.push(...r.errors)),
          error: (e) => (errors.push(e), resolve()),
          complete: resolve,
        },
      ),
    );
    await client.dispose();
    expect(errors.map((e) => [e.extensions?.code, e.extensions?.errors])).toEqual([
      ['BAD_USER_INPUT', [{ path: 'runId', message: 'must not contain the NUL character (U+0000)' }]],
    ]);
  });
});
