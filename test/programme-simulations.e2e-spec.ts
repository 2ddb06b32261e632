import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { renderProgrammeFunnelSvg } from '@sandbridge/charts';
import {
  AiSystemService,
  ChunkExecutor,
  type ChunkOutcome,
  type ChunkRun,
  type ChunkScenario,
  computeChunk,
  EventBus,
  type PartialOf,
  ProgrammeService,
  ProgrammeSimulationCommandService,
  SimulationRunner,
} from '@sandbridge/application';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  calibrate,
  JointEntryRule,
  readProgrammeScenario,
  RiskClass,
  Role,
  simulateProgramme,
} from '@sandbridge/domain';
import { AuthorityRepository, SimulationRunRepository, TransactionalConnection } from '@sandbridge/persistence';
import {
  buildSandbox,
  entryResultsMeeting,
  expectBadInput,
  expectError,
  expectForbidden,
  expectOk,
  type Sandbox,
  type SandboxAuthority,
  TestApp,
  waitFor,
} from '@sandbridge/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { simulateProgrammeCommand } from '../apps/cli/src/commands/simulate-programme.command.js';

// Programme design simulations through the API (docs/programme-simulation.md#the-api): runs are
// simulation jobs of kind PROGRAMME — chunks of replications stored once each, progress over
// graphql-ws, cancel, rerun, resume after a crash — whose result is the CLI's `--json`, byte for byte.
// Who: regulators for designs their authority takes part in, negotiators; each run its starter's alone.

const GFIN = 'examples/programme/gfin-2019.json';
const gfin = JSON.parse(readFileSync(new URL(`../${GFIN}`, import.meta.url), 'utf8'));
/** The GFIN population with fewer replications: the same model, a run of a few seconds. */
const small = { ...gfin, replications: 400 };

const RUN_FIELDS = `id name status replications chunkSize progress { done total fraction } error rerunOf
  createdAt startedAt finishedAt scenario result
  designs { name metrics { metric mean p5 p95 deltaVsFirst } byAuthority { authority admitted { mean p5 p95 } declined { mean } capacityLimited { mean } } }`;
const START = `mutation($input: StartProgrammeSimulationInput!) { startProgrammeSimulation(input: $input) { ${RUN_FIELDS} } }`;
const RUN = `query($id: ID!) { programmeSimulationRun(id: $id) { ${RUN_FIELDS} } }`;
const RUNS =
  'query($first: Int, $after: String) { programmeSimulationRuns(first: $first, after: $after) { totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } } }';
const CANCEL = `mutation($input: SimulationRunIdInput!) { cancelProgrammeSimulation(input: $input) { ${RUN_FIELDS} } }`;
const RERUN = `mutation($input: SimulationRunIdInput!) { rerunProgrammeSimulation(input: $input) { ${RUN_FIELDS} } }`;
const CALIBRATE = 'mutation($input: CalibrateProgrammeInput!) { calibrateProgramme(input: $input) }';
const DESIGN = `query($programmeId: ID!, $replications: Int, $applicants: Int) {
  programmeDesignScenario(programmeId: $programmeId, replications: $replications, applicants: $applicants)
}`;
const PROGRESS =
  'subscription($runId: ID!) { programmeSimulationProgress(runId: $runId) { runId status progress { done total } error } }';

let t: TestApp;
let wsUrl: string;
let sb: Sandbox;
let FCA: SandboxAuthority;
let MAS: SandboxAuthority;
let euOffice: { id: string; token: string };
let negotiator: { id: string; token: string };
let admin: string;

const gql = (query: string, variables: Record<string, unknown>, token: string) => t.gql(query, variables, token);
const start = async (input: Record<string, unknown>, token = FCA.regulator.token) =>
  expectOk(await gql(START, { input }, token)).startProgrammeSimulation;
const run = async (id: string, token = FCA.regulator.token) =>
  expectOk(await gql(RUN, { id }, token)).programmeSimulationRun;
const finished = (id: string, token = FCA.regulator.token) =>
  waitFor(
    `programme run ${id} to finish`,
    async () => {
      const r = await run(id, token);
      return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(r.status) ? r : null;
    },
    120_000,
    100,
  );

/** What `sandbridge simulate-programme --json FILE` prints, from the CLI's own command in this process. */
async function cliJson(file: string): Promise<string> {
  let out = '';
  const code = await simulateProgrammeCommand(['--json', file], {
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => '',
    stdout: async (text) => void (out += text),
    stderr: () => {},
    writeFile: async () => {},
  });
  expect(code).toBe(0);
  return out;
}

const library = (document: unknown) => {
  const reading = readProgrammeScenario(document);
  if ('errors' in reading) throw new Error(JSON.stringify(reading.errors));
  return JSON.stringify(simulateProgramme(reading.scenario));
};

beforeAll(async () => {
  t = await TestApp.create();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  wsUrl = `ws://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/graphql`;
  admin = await t.adminToken();
  sb = await buildSandbox(t, {
    authorities: [
      ['GB', 'FCA'],
      ['SG', 'MAS'],
    ],
  });
  ({ FCA, MAS } = sb.authority as Record<'FCA' | 'MAS', SandboxAuthority>);
  const tag = randomUUID().slice(0, 8);
  euOffice = await t.accountWithToken(`reg.eu.${tag}@programme-simulations.test`, Role.REGULATOR, {
    authorityId: await t.authorityId('EU', 'AI Office'),
  });
  negotiator = await t.accountWithToken(`neg.gb.${tag}@programme-simulations.test`, Role.NEGOTIATOR, {
    jurisdictionCode: 'GB',
  });
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('running a programme scenario as a job', () => {
  it('gfin-2019.json through the API gives the same bytes as `simulate-programme --json`; typed designs mirror it', async () => {
    const started = await start({ name: 'GFIN 2019', scenario: gfin, chunkSize: 1000 });
    expect(started).toMatchObject({
      name: 'GFIN 2019',
      replications: 10_000,
      chunkSize: 1000,
      progress: { total: 10 },
      result: null,
      designs: null,
      rerunOf: null,
    });
    const done = await finished(started.id);
    expect(done).toMatchObject({ status: 'COMPLETED', progress: { done: 10, total: 10, fraction: 1 }, error: null });
    expect(`${JSON.stringify(done.result, null, 2)}\n`).toBe(await cliJson(GFIN));
    // The typed fields are the document's figures.
    expect(done.designs.map((d: { name: string }) => d.name)).toEqual(gfin.designs.map((d: any) => d.name));
    for (const [i, design] of done.designs.entries()) {
      const metrics = Object.fromEntries(design.metrics.map((m: any) => [m.metric, m]));
      for (const [metric, figure] of Object.entries(done.result.designs[i].metrics))
        expect(metrics[metric]).toEqual({
          metric,
          ...(figure as object),
          deltaVsFirst: done.result.designs[i].deltaVsFirst[metric],
        });
      expect(design.byAuthority[0]).toEqual({
        authority: 'gb-fca',
        admitted: done.result.designs[i].byAuthority[0].admitted,
        declined: { mean: done.result.designs[i].byAuthority[0].declined.mean },
        capacityLimited: { mean: done.result.designs[i].byAuthority[0].capacityLimited.mean },
      });
    }
    // Each chunk's partial is stored once, under the run.
    expect(
      await t.dataSource.query('SELECT count(*)::int AS n FROM simulation_chunk WHERE run_id = $1', [started.id]),
    ).toEqual([{ n: 10 }]);
  }, 180_000);

  it('streams progress over graphql-ws until COMPLETED; rerun reproduces the result byte for byte', async () => {
    const first = await start({ name: 'Progress', scenario: small, chunkSize: 50 });
    expect(first.progress.total).toBe(8);
    const events: any[] = [];
    const errors: unknown[] = [];
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${FCA.regulator.token}` },
    });
    await new Promise<void>((resolve) =>
      client.subscribe<{ programmeSimulationProgress: any }>(
        { query: PROGRESS, variables: { runId: first.id } },
        {
          next: (r) => (r.errors ? errors.push(...r.errors) : events.push(r.data!.programmeSimulationProgress)),
          error: (e) => (errors.push(e), resolve()),
          complete: resolve,
        },
      ),
    );
    await client.dispose();
    expect(errors).toEqual([]);
    expect(events.every((e) => e.runId === first.id && e.progress.total === 8)).toBe(true);
    const dones = events.map((e) => e.progress.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ status: 'COMPLETED', progress: { done: 8, total: 8 }, error: null });

    const original = await run(first.id);
    expect(JSON.stringify(original.result)).toBe(library(small));
    // Its funnel chart, drawn by the API: the spec `simulate-programme --svg` draws, titled with the run's name.
    const chart = expectOk(
      await gql(
        'query($id: ID!) { programmeSimulationRun(id: $id) { chartSvg } }',
        { id: first.id },
        FCA.regulator.token,
      ),
    ).programmeSimulationRun.chartSvg;
    expect(chart).toBe(await renderProgrammeFunnelSvg(original.result, 'Progress'));
    expect(chart).toContain(`1. ${original.result.designs[0].name}`);
    const again = expectOk(await gql(RERUN, { input: { id: first.id } }, FCA.regulator.token)).rerunProgrammeSimulation;
    expect(again).toMatchObject({ rerunOf: first.id, name: 'Progress', chunkSize: 50, status: 'QUEUED' });
    const rerun = await finished(again.id);
    expect(JSON.stringify(rerun.scenario)).toBe(JSON.stringify(original.scenario));
    expect(JSON.stringify(rerun.result)).toBe(JSON.stringify(original.result));

    // Someone else's run does not exist for the caller: not read, listed, rerun, cancelled or followed.
    expect(await run(first.id, negotiator.token)).toBeNull();
    expect(await run(first.id, MAS.regulator.token)).toBeNull();
    expectError(await gql(RERUN, { input: { id: first.id } }, negotiator.token), 'NOT_FOUND');
    expectError(await gql(CANCEL, { input: { id: first.id } }, MAS.regulator.token), 'NOT_FOUND');
    const mine = expectOk(await gql(RUNS, { first: 100 }, FCA.regulator.token)).programmeSimulationRuns;
    // Newest first.
    expect(mine.edges.slice(0, 2).map((e: any) => e.node.id)).toEqual([again.id, first.id]);
    expect(expectOk(await gql(RUNS, {}, negotiator.token)).programmeSimulationRuns.totalCount).toBe(0);
    // A recognition run query does not see a programme run.
    expect(
      expectOk(await gql('query($id: ID!) { simulationRun(id: $id) { id } }', { id: first.id }, negotiator.token))
        .simulationRun,
    ).toBeNull();
  }, 120_000);

  it('cancels a run mid-way: CANCELLED, no result, no more chunks; a finished run cannot be cancelled', async () => {
    const started = await start({ name: 'Large', scenario: gfin, chunkSize: 20 }, negotiator.token);
    expect(started.progress.total).toBe(500);
    await waitFor('some progress', async () => (await run(started.id, negotiator.token)).progress.done > 0);
    const cancelled = expectOk(
      await gql(CANCEL, { input: { id: started.id } }, negotiator.token),
    ).cancelProgrammeSimulation;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', result: null, designs: null });
    const at = cancelled.progress.done;
    expect(at).toBeLessThan(500);
    await sleep(500);
    expect(await run(started.id, negotiator.token)).toMatchObject({
      status: 'CANCELLED',
      progress: { done: at, total: 500 },
    });
    const again = expectError(await gql(CANCEL, { input: { id: started.id } }, negotiator.token), 'INVALID_TRANSITION');
    expect(again.message).toMatch(/CANCELLED/);
  }, 120_000);
});

describe('refusals', () => {
  it('a scenario the reader refuses is BAD_USER_INPUT at its JSON path under input.scenario', async () => {
    const before = await t.count('simulation_run');
    const noLead = structuredClone(gfin);
    noLead.designs[2].lead = undefined;
    expectBadInput(
      await gql(START, { input: { scenario: noLead } }, negotiator.token),
      'input.scenario.designs[2].lead',
    );
    expectBadInput(
      await gql(START, { input: { scenario: { ...gfin, replications: 0 } } }, negotiator.token),
      'input.scenario.replications',
    );
    expectBadInput(await gql(START, { input: { scenario: 'nope' } }, negotiator.token), 'input.scenario');
    // Nothing stored for a refused start.
    expect(await t.count('simulation_run')).toBe(before);
  });

  it('a regulator runs only designs its own authority takes part in (BAD_USER_INPUT naming where)', async () => {
    // The EU AI Office is not among the GFIN authorities.
    const error = expectBadInput(
      await gql(START, { input: { scenario: small } }, euOffice.token),
      'input.scenario.authorities',
    );
    expect(error.extensions?.errors?.[0].message).toMatch(/"eu-ai-office"/);
    // The FCA is, but not in the second design.
    const without = structuredClone(small);
    without.designs[1].participants = without.designs[1].participants.filter((p: string) => p !== 'gb-fca');
    expectBadInput(
      await gql(START, { input: { scenario: without } }, FCA.regulator.token),
      'input.scenario.designs[1].participants',
    );
    // MAS (sg-mas) takes part in every GFIN design.
    expect((await start({ scenario: { ...small, replications: 10 } }, MAS.regulator.token)).status).toBe('QUEUED');
  });

  it('innovators and administrators may not simulate programme designs', async () => {
    for (const token of [sb.innovator.token, admin]) {
      expectForbidden(await gql(START, { input: { scenario: small } }, token));
      expectForbidden(await gql(RUNS, {}, token));
      expectForbidden(await gql(CALIBRATE, { input: { observations: [] } }, token));
      expectForbidden(await gql(DESIGN, { programmeId: sb.programmeId }, token));
    }
  });

  it('calibrateProgramme returns the runnable scenario of `calibrate`; bad observations name their path', async () => {
    const observations = JSON.parse(
      readFileSync(new URL('../examples/programme/fca-cohorts.json', import.meta.url), 'utf8'),
    );
    const calibrated = expectOk(await gql(CALIBRATE, { input: { observations } }, negotiator.token)).calibrateProgramme;
    const expected = calibrate(observations);
    expect('document' in expected && JSON.stringify(calibrated)).toBe(
      'document' in expected && JSON.stringify(expected.document),
    );
    expect('scenario' in readProgrammeScenario(calibrated)).toBe(true);
    expectBadInput(
      await gql(
        CALIBRATE,
        {
          input: {
            observations: [
              { authority: 'x', applications: 3, admitted: 1 },
              { authority: 'y', applications: 2, admitted: 5 },
            ],
          },
        },
        FCA.regulator.token,
      ),
      'input.observations[1].admitted',
    );
  });
});

describe('simulating a stored programme', () => {
  const CREATE = 'mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { id version state } }';
  const step = (name: string, type = 'EnrolmentActionInput') =>
    `mutation($input: ${type}!) { ${name}(input: $input) { id version state } }`;

  /** One enrolment of `systemId` targeting `authority`, submitted, reviewed and decided by it. */
  async function decided(authority: SandboxAuthority, systemId: string, decision: 'ADMIT' | 'DECLINE') {
    let ref = expectOk(
      await gql(
        CREATE,
        {
          input: {
            programmeId: sb.programmeId,
            aiSystemId: systemId,
            targetAuthorityIds: [authority.id],
            entryResults: entryResultsMeeting([authority]),
          },
        },
        sb.innovator.token,
      ),
    ).createEnrolment;
    const act = async (mutation: string, token: string, extra: Record<string, unknown> = {}) =>
      (ref = Object.values(
        expectOk(
          await gql(mutation, { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } }, token),
        ),
      )[0]);
    await act(step('submitEnrolment'), sb.innovator.token);
    await act(step('startReview'), authority.regulator.token);
    await act(step('decideEntry', 'DecideEntryInput'), authority.regulator.token, {
      decision,
      reasons: `${authority.acronym}: ${decision.toLowerCase()}`,
    });
    expect(ref.state).toBe(decision === 'ADMIT' ? 'TESTING' : 'DECLINED');
  }

  it('programmeDesignScenario: the stored DRAFT design and two variants; small cells get the prior, not a figure', async () => {
    const systems = t.get(AiSystemService);
    const admin_: Actor = {
      accountId: 'spec',
      role: Role.ADMIN,
      authorityId: null,
      organisationId: null,
      jurisdictionCode: null,
    };
    const system = async (name: string) =>
      (
        await systems.register(admin_, {
          organisationId: sb.innovator.organisationId,
          name: `${name} ${randomUUID().slice(0, 6)}`,
          sector: 'FINANCE',
          intendedPurpose: 'Scores loan applicants.',
          riskClass: RiskClass.HIGH,
        })
      ).id;
    // The FCA decides 5 enrolments (2 admitted, 3 declined); MAS 2 (declined): under the limit of 5.
    await decided(FCA, await system('Admitted one'), 'ADMIT');
    await decided(FCA, await system('Admitted two'), 'ADMIT');
    for (let i = 0; i < 3; i++) await decided(FCA, sb.systemId, 'DECLINE');
    for (let i = 0; i < 2; i++) await decided(MAS, sb.systemId, 'DECLINE');

    const draft = await t.get(ProgrammeService).create(admin_, {
      name: `Draft joint pilot ${randomUUID().slice(0, 6)}`,
      leadAuthorityId: FCA.id,
      participantAuthorityIds: [MAS.id],
      sectors: ['FINANCE'],
      maxTestingDays: 120,
      cohortCapacity: 4,
      jointEntryRule: JointEntryRule.EACH_AUTHORITY,
      applicationOpens: '2027-01-04',
      applicationCloses: '2027-02-01',
    });
    const scenario = expectOk(
      await gql(DESIGN, { programmeId: draft.id, replications: 300 }, FCA.regulator.token),
    ).programmeDesignScenario;
    expect(scenario).toMatchObject({
      format: 'sandbridge/programme-scenario@1',
      replications: 300,
      startDay: '2027-02-01',
      applicants: { count: 12, targets: { min: 1, max: 2 } },
      authorities: [
        { id: 'gb-fca', jurisdiction: 'GB', screeningPassRate: 0.428571 },
        { id: 'sg-mas', jurisdiction: 'SG', screeningPassRate: 0.5 },
      ],
    });
    expect(scenario.designs).toEqual([
      expect.objectContaining({
        name: 'As designed',
        jointEntryRule: 'EACH_AUTHORITY',
        acceptsRecognisedResults: false,
      }),
      expect.objectContaining({
        name: 'Recognised results accepted',
        jointEntryRule: 'EACH_AUTHORITY',
        acceptsRecognisedResults: true,
      }),
      expect.objectContaining({
        name: 'UNANIMOUS entry',
        jointEntryRule: 'UNANIMOUS',
        acceptsRecognisedResults: false,
      }),
    ]);
    for (const design of scenario.designs)
      expect(design).toMatchObject({
        participants: ['gb-fca', 'sg-mas'],
        lead: 'gb-fca',
        capacity: 4,
        testingDays: 120,
      });
    const [fca, mas] = scenario.calibration.authorities;
    expect(fca).toMatchObject({
      authority: 'gb-fca',
      decided: 5,
      admitted: 2,
      declined: 3,
      alpha: 3,
      beta: 4,
      suppressed: false,
    });
    // MAS's 2 decisions are withheld: no count, no rate computed from them — the prior Beta(1, 1).
    expect(mas).toMatchObject({
      authority: 'sg-mas',
      decided: null,
      admitted: null,
      declined: null,
      alpha: 1,
      beta: 1,
      mean: 0.5,
      p5: 0.05,
      p95: 0.95,
      suppressed: true,
    });
    expect(mas.note).toMatch(/fewer than 5/);

    // A participant's regulator reads it too; the DRAFT does not exist for others (negotiators included).
    expect(
      expectOk(await gql(DESIGN, { programmeId: draft.id, replications: 300 }, MAS.regulator.token))
        .programmeDesignScenario,
    ).toEqual(scenario);
    expectError(await gql(DESIGN, { programmeId: draft.id }, negotiator.token), 'NOT_FOUND');
    // A negotiator simulates the design of an OPEN programme.
    expect(
      expectOk(await gql(DESIGN, { programmeId: sb.programmeId }, negotiator.token)).programmeDesignScenario.designs,
    ).toHaveLength(3);
    expectError(await gql(DESIGN, { programmeId: draft.id }, euOffice.token), 'NOT_FOUND');
    // An OPEN programme the EU AI Office does not take part in: seen, but not its design to simulate.
    expectForbidden(await gql(DESIGN, { programmeId: sb.programmeId }, euOffice.token));
    expectBadInput(await gql(DESIGN, { programmeId: draft.id, replications: 0 }, FCA.regulator.token), 'replications');

    // Runnable as it is: started by the lead's regulator, the result is the library's for the document.
    const started = await start({ name: 'Draft pilot', scenario });
    const done = await finished(started.id);
    expect(done.status).toBe('COMPLETED');
    expect(JSON.stringify(done.result)).toBe(library(scenario));
    expect(done.designs.map((d: { name: string }) => d.name)).toEqual(scenario.designs.map((d: any) => d.name));
  }, 180_000);
});

describe('resuming after a crash', () => {
  /** Stores the first `k` chunks, then hangs: the process "dies" with the run RUNNING. */
  class DyingExecutor extends ChunkExecutor {
    constructor(private readonly k: number) {
      super();
    }
    async execute<S extends ChunkScenario>(r: ChunkRun<S>, onChunk: (o: ChunkOutcome<S>) => Promise<void>) {
      for (const spec of r.chunks.slice(0, this.k))
        await onChunk({
          chunk: spec.chunk,
          partial: computeChunk(r.kind, r.scenario, spec.from, spec.to) as PartialOf<S>,
          attempt: 1,
        });
      await new Promise(() => {});
    }
  }

  it('a run whose process died after 2 of 4 chunks completes at the next start with the uninterrupted result', async () => {
    const dyingRunner = new SimulationRunner(
      t.get(TransactionalConnection),
      t.get(SimulationRunRepository),
      new DyingExecutor(2),
      t.get(EventBus),
      t.get(Clock),
    );
    const dying = new ProgrammeSimulationCommandService(
      t.get(SimulationRunRepository),
      t.get(AuthorityRepository),
      dyingRunner,
    );
    const actor: Actor = {
      accountId: negotiator.id,
      role: Role.NEGOTIATOR,
      authorityId: null,
      organisationId: null,
      jurisdictionCode: 'GB',
    };
    const started = await dying.start(actor, { scenario: small, chunkSize: 100, name: 'Crashes' });
    await waitFor('two chunks stored', async () => (await run(started.id, negotiator.token)).progress.done === 2);
    expect(await run(started.id, negotiator.token)).toMatchObject({
      status: 'RUNNING',
      progress: { done: 2, total: 4 },
    });
    // What a dead process's session does on PostgreSQL: its advisory locks go (no-op on the embedded database).
    await dyingRunner.onApplicationShutdown();

    t = await t.reopen();
    const token = await t.login(
      `${(await t.dataSource.query('SELECT email FROM account WHERE id = $1', [negotiator.id]))[0].email}`,
    );
    const done = await finished(started.id, token);
    expect(done).toMatchObject({ status: 'COMPLETED', progress: { done: 4, total: 4 } });
    expect(JSON.stringify(done.result)).toBe(library(small));
  }, 180_000);
});
