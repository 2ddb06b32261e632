import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ChunkExecutor,
  type ChunkOutcome,
  type ChunkRun,
  type ChunkScenario,
  computeChunk,
  type PartialOf,
  EventBus,
  InProcessChunkExecutor,
  ScenarioAssembler,
  SimulationCommandService,
  SimulationRunner,
} from '@sandbridge/application';
import { Clock } from '@sandbridge/common';
import { type Actor, parseScenario, Role, simulate, simulateChunk } from '@sandbridge/domain';
import { SimulationRunRepository, TransactionalConnection } from '@sandbridge/persistence';
import {
  buildSandbox,
  expectBadInput,
  expectError,
  expectForbidden,
  expectOk,
  type Sandbox,
  type SandboxAuthority,
  TestApp,
  walkConnection,
  waitFor,
} from '@sandbridge/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

// Simulations (issue 7; docs/domain.md#simulation, §8.2) end to end: runs as jobs over GraphQL (start, progress
// over graphql-ws, cancel, rerun), results identical to the pure library's, access for negotiators
// only, and chunks stored idempotently (a duplicated or retried chunk counts once).

type Vars = Record<string, unknown>;

const RUN_FIELDS =
  'id name status jurisdictionCode populationKind populationSize progress { done total fraction } chunkSize createdAt startedAt finishedAt error rerunOf scenario result';
const START = `mutation($input: StartSimulationInput!) { startSimulation(input: $input) { ${RUN_FIELDS} } }`;
const CANCEL = `mutation($input: SimulationRunIdInput!) { cancelSimulation(input: $input) { ${RUN_FIELDS} } }`;
const RERUN = `mutation($input: SimulationRunIdInput!) { rerunSimulation(input: $input) { ${RUN_FIELDS} } }`;
const RUN = `query($id: ID!) { simulationRun(id: $id) { ${RUN_FIELDS} } }`;
const RUNS = `query($first: Int, $after: String, $filter: SimulationRunFilterInput) {
  simulationRuns(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id name status progress { done total } } } }
}`;
const COMPARE = `query($ids: [ID!]!) { compareSimulationRuns(ids: $ids) {
  run { id status }
  variants { name totals { applicable recognised recognitionRate costSaved } deltaVsBaseline { recognised costSaved } byPair { origin recognising recognised recognisedWithConditions divergent } }
} }`;
const RECORDED = `query($filter: RecordedPopulationInput) { recordedPopulation(filter: $filter) { total { systems } } }`;
const PROGRESS =
  'subscription($runId: ID!) { simulationProgress(runId: $runId) { runId status progress { done total fraction } error occurredAt } }';

const small = JSON.parse(readFileSync(new URL('../examples/simulation/small.scenario.json', import.meta.url), 'utf8'));
const drafts = JSON.parse(
  readFileSync(new URL('../examples/simulation/demo-drafts.scenario.json', import.meta.url), 'utf8'),
);
/** A synthetic scenario large enough to cancel mid-run (many small chunks). */
const large = { ...drafts, population: { synthetic: { ...drafts.population.synthetic, innovators: 50_000 } } };

let t: TestApp;
let wsUrl: string;
let admin: string;
let eu: { id: string; token: string };
let eu2: { id: string; token: string };
let gb: { id: string; token: string };
let sb: Sandbox;
let MAS: SandboxAuthority;

const gql = (query: string, variables: Vars, token: string) => t.gql<Record<string, any>>(query, variables, token);
const run = async (id: string, token = eu.token) => expectOk(await gql(RUN, { id }, token)).simulationRun;
const start = async (input: Vars, token = eu.token) => expectOk(await gql(START, { input }, token)).startSimulation;

const finished = (id: string, token = eu.token) =>
  waitFor(`run ${id} to finish`, async () => {
    const r = await run(id, token);
    return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(r.status) ? r : null;
  });

beforeAll(async () => {
  t = await TestApp.create();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  wsUrl = `ws://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/graphql`;
  admin = await t.adminToken();
  const tag = randomUUID().slice(0, 8);
  eu = await t.accountWithToken(`neg.eu.${tag}@simulations.test`, Role.NEGOTIATOR, { jurisdictionCode: 'EU' });
  eu2 = await t.accountWithToken(`neg.eu2.${tag}@simulations.test`, Role.NEGOTIATOR, { jurisdictionCode: 'EU' });
  gb = await t.accountWithToken(`neg.gb.${tag}@simulations.test`, Role.NEGOTIATOR, { jurisdictionCode: 'GB' });

  sb = await buildSandbox(t, {
    authorities: [
      ['SG', 'MAS'],
      ['EU', 'AI Office'],
    ],
  });
  [MAS] = sb.authorities;
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('running a scenario', () => {
  it('runs the small example as a job; its result is byte for byte the library’s', async () => {
    const started = await start({ name: 'Small example', scenario: small, chunkSize: 1 });
    expect(started).toMatchObject({
      name: 'Small example',
      jurisdictionCode: 'EU',
      populationKind: 'EXPLICIT',
      populationSize: 4,
      chunkSize: 1,
      result: null,
      error: null,
      rerunOf: null,
    });
    expect(started.progress.total).toBe(4);
    const done = await finished(started.id);
    expect(done).toMatchObject({ status: 'COMPLETED', progress: { done: 4, total: 4, fraction: 1 }, error: null });
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    expect(JSON.stringify(done.result)).toBe(JSON.stringify(simulate(parseScenario(small))));
    // The stored scenario is the input, complete and canonical; it reads back as the same scenario.
    expect(parseScenario(done.scenario)).toEqual(parseScenario(small));
  });

  it('streams progress over graphql-ws until COMPLETED; rerunSimulation reproduces the run with the identical result', async () => {
    const first = await start({ name: 'Synthetic drafts', scenario: drafts, chunkSize: 250 });
    expect(first.progress.total).toBe(8);
    const events: any[] = [];
    const errors: unknown[] = [];
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${eu.token}` },
    });
    await new Promise<void>((resolve) =>
      client.subscribe<{ simulationProgress: any }>(
        { query: PROGRESS, variables: { runId: first.id } },
        {
          next: (r) => (r.errors ? errors.push(...r.errors) : events.push(r.data!.simulationProgress)),
          error: (e) => (errors.push(e), resolve()),
          complete: resolve,
        },
      ),
    );
    await client.dispose();
    expect(errors).toEqual([]);
    expect(events.every((e) => e.runId === first.id && e.progress.total === 8)).toBe(true);
    // Several steps, never backwards, ending on COMPLETED with every chunk (the stream then completes).
    const dones = events.map((e) => e.progress.done);
    expect(new Set(dones).size).toBeGreaterThanOrEqual(3);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(events.slice(0, -1).every((e) => e.status === 'RUNNING' || e.status === 'QUEUED')).toBe(true);
    expect(events.at(-1)).toMatchObject({
      status: 'COMPLETED',
      progress: { done: 8, total: 8, fraction: 1 },
      error: null,
    });

    const original = await run(first.id);
    expect(original.status).toBe('COMPLETED');
    expect(JSON.stringify(original.result)).toBe(JSON.stringify(simulate(parseScenario(drafts))));
    // Another negotiator of the same jurisdiction may rerun it.
    const again = expectOk(await gql(RERUN, { input: { id: first.id } }, eu2.token)).rerunSimulation;
    expect(again.id).not.toBe(first.id);
    expect(again).toMatchObject({ rerunOf: first.id, name: 'Synthetic drafts', chunkSize: 250 });
    const rerun = await finished(again.id);
    expect(rerun.status).toBe('COMPLETED');
    expect(JSON.stringify(rerun.scenario)).toBe(JSON.stringify(original.scenario));
    expect(JSON.stringify(rerun.result)).toBe(JSON.stringify(original.result));
  });

  it('cancels a large run mid-way: CANCELLED, no result, progress stops; a finished run cannot be cancelled', async () => {
    const started = await start({ name: 'Large', scenario: large, chunkSize: 100 });
    expect(started.progress.total).toBe(500);
    await waitFor('some progress', async () => (await run(started.id)).progress.done > 0);
    // Another negotiator of the jurisdiction cancels it.
    const cancelled = expectOk(await gql(CANCEL, { input: { id: started.id } }, eu2.token)).cancelSimulation;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', result: null });
    expect(cancelled.finishedAt).not.toBeNull();
    const at = cancelled.progress.done;
    expect(at).toBeLessThan(500);
    await sleep(500);
    const later = await run(started.id);
    expect(later).toMatchObject({ status: 'CANCELLED', result: null, progress: { done: at, total: 500 } });
    expect(
      await t.dataSource.query('SELECT count(*)::int AS n FROM simulation_chunk WHERE run_id = $1', [started.id]),
    ).toEqual([{ n: at }]);

    const again = expectError(await gql(CANCEL, { input: { id: started.id } }, eu.token), 'INVALID_TRANSITION');
    expect(again.message).toMatch(/CANCELLED/);
  });
});

describe('access and validation', () => {
  it('only negotiators start runs: innovators, regulators and administrators are FORBIDDEN', async () => {
    for (const [label, token] of [
      ['innovator', sb.innovator.token],
      ['regulator', MAS.regulator.token],
      ['admin', admin],
    ] as const) {
      expectForbidden(await gql(START, { input: { scenario: small } }, token), label);
    }
    expectForbidden(await gql(RUNS, {}, sb.innovator.token), 'innovator lists runs');
    expectForbidden(await gql(RECORDED, {}, MAS.regulator.token), 'regulator previews the recorded population');
  });

  it('refuses an invalid scenario with BAD_USER_INPUT and JSON paths, storing nothing', async () => {
    const before = await t.count('simulation_run');
    const bad = { ...small, variants: [{ ...small.variants[3], remove: ['no-such-agreement'] }] };
    const error = expectBadInput(
      await gql(START, { input: { scenario: bad } }, eu.token),
      'input.scenario.variants[0].remove[0]',
    );
    expect(error.extensions?.errors?.[0].message).toMatch(/no-such-agreement|not|unknown|find/i);
    expectBadInput(await gql(START, { input: { scenario: [] } }, eu.token), 'input.scenario');
    expectBadInput(
      await gql(START, { input: { scenario: { ...small, population: undefined } } }, eu.token),
      'input.scenario.population',
    );
    expectBadInput(await gql(START, { input: { scenario: small, chunkSize: 0 } }, eu.token), 'input.chunkSize');
    expect(await t.count('simulation_run')).toBe(before);
  });

  it('NOT_FOUND for unknown runs (null for the single-object query); another jurisdiction’s runs are invisible', async () => {
    const unknown = randomUUID();
    expect(await run(unknown)).toBeNull();
    expectError(await gql(CANCEL, { input: { id: unknown } }, eu.token), 'NOT_FOUND');
    expectError(await gql(RERUN, { input: { id: unknown } }, eu.token), 'NOT_FOUND');
    expectError(await gql(COMPARE, { ids: [unknown] }, eu.token), 'NOT_FOUND');
    const euRun = await start({ scenario: small });
    expect(await run(euRun.id, gb.token)).toBeNull();
    expectError(await gql(CANCEL, { input: { id: euRun.id } }, gb.token), 'NOT_FOUND');
    expectError(await gql(RERUN, { input: { id: euRun.id } }, gb.token), 'NOT_FOUND');
    expect((await run(euRun.id, admin)).id).toBe(euRun.id);
    await finished(euRun.id);
  });

  it('lists runs as a Relay connection: a negotiator its jurisdiction’s, an administrator all; filter by status; constant SQL per page', async () => {
    await start({ name: 'GB run', scenario: small }, gb.token);
    for (let i = 0; i < 3; i++) await finished((await start({ name: `Page ${i}`, scenario: small })).id);
    const all = await walkConnection((after) => gql(RUNS, { first: 2, after }, eu.token), 'simulationRuns', 2);
    expect(all.pages).toBeGreaterThan(1);
    const ids = all.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.nodes.some((n) => n.name === 'GB run')).toBe(false);
    const [{ n: euRuns }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM simulation_run WHERE jurisdiction_code = 'EU'`,
    );
    expect(all.totalCount).toBe(euRuns);
    const everything = await walkConnection((after) => gql(RUNS, { first: 50, after }, admin), 'simulationRuns', 50);
    expect(everything.totalCount).toBe(await t.count('simulation_run'));
    const cancelled = expectOk(await gql(RUNS, { filter: { status: 'CANCELLED' } }, eu.token)).simulationRuns;
    expect(cancelled.edges.length).toBeGreaterThan(0);
    expect(cancelled.edges.every((e: any) => e.node.status === 'CANCELLED')).toBe(true);

    // Wait for every run to finish, so no background chunk writes are counted below.
    for (const id of everything.nodes.map((n) => n.id)) await finished(id, admin);
    const counter = t.countQueries();
    expectOk(await gql(RUNS, { first: 2 }, admin));
    const two = counter.queries.filter((q) => /simulation_run/.test(q)).length;
    counter.reset();
    expectOk(await gql(RUNS, { first: 50 }, admin));
    const many = counter.queries.filter((q) => /simulation_run/.test(q)).length;
    expect(many).toBe(two);
    expect(many).toBeLessThanOrEqual(2);
  });
});

// Recorded populations (anonymised snapshots under disclosure control): test/disclosure.e2e-spec.ts.

describe('chunk delivery', () => {
  const negotiator: () => Actor = () => ({
    accountId: eu.id,
    role: Role.NEGOTIATOR,
    authorityId: null,
    organisationId: null,
    jurisdictionCode: 'EU',
  });
  /** The simulation commands on the app's repositories, with a runner on another executor. */
  const serviceWith = (executor: ChunkExecutor) =>
    new SimulationCommandService(
      t.get(TransactionalConnection),
      t.get(SimulationRunRepository),
      t.get(ScenarioAssembler),
      new SimulationRunner(
        t.get(TransactionalConnection),
        t.get(SimulationRunRepository),
        executor,
        t.get(EventBus),
        t.get(Clock),
      ),
      t.get(Clock),
    );

  it('a chunk reported twice, even concurrently, is stored and counted once', async () => {
    class DuplicatingExecutor extends ChunkExecutor {
      async execute<S extends ChunkScenario>(r: ChunkRun<S>, onChunk: (o: ChunkOutcome<S>) => Promise<void>) {
        for (const spec of r.chunks) {
          const partial = computeChunk(r.kind, r.scenario, spec.from, spec.to) as PartialOf<S>;
          await Promise.all([
            onChunk({ chunk: spec.chunk, partial, attempt: 1 }),
            onChunk({ chunk: spec.chunk, partial, attempt: 2 }),
          ]);
          await onChunk({ chunk: spec.chunk, partial, attempt: 3 });
        }
      }
    }
    const service = serviceWith(new DuplicatingExecutor());
    const started = await service.start(negotiator(), { scenario: small, chunkSize: 1 });
    const done = await finished(started.id);
    expect(done.status).toBe('COMPLETED');
    expect(done.progress).toEqual({ done: 4, total: 4, fraction: 1 });
    expect(JSON.stringify(done.result)).toBe(JSON.stringify(simulate(parseScenario(small))));
    expect(
      await t.dataSource.query('SELECT chunk FROM simulation_chunk WHERE run_id = $1 ORDER BY chunk', [started.id]),
    ).toEqual([{ chunk: 0 }, { chunk: 1 }, { chunk: 2 }, { chunk: 3 }]);
  });

  it('a chunk that fails once is retried and counted once; one that keeps failing fails the run with a clear error', async () => {
    let failures = 0;
    const flaky = serviceWith(
      new InProcessChunkExecutor({
        retries: 1,
        compute: (s, from, to) => {
          if (from === 2 && failures++ === 0) throw new Error('worker lost');
          return simulateChunk(s, from, to);
        },
      }),
    );
    const ok = await finished((await flaky.start(negotiator(), { scenario: small, chunkSize: 1 })).id);
    expect(failures).toBe(2);
    expect(ok).toMatchObject({ status: 'COMPLETED', progress: { done: 4, total: 4 } });
    expect(JSON.stringify(ok.result)).toBe(JSON.stringify(simulate(parseScenario(small))));
    const [{ attempts }] = await t.dataSource.query(
      'SELECT attempts FROM simulation_chunk WHERE run_id = $1 AND chunk = 2',
      [ok.id],
    );
    expect(attempts).toBe(2);

    const broken = serviceWith(
      new InProcessChunkExecutor({
        retries: 2,
        compute: (s, from, to) => {
          if (from === 1) throw new Error('out of memory');
          return simulateChunk(s, from, to);
        },
      }),
    );
    const failed = await finished((await broken.start(negotiator(), { scenario: small, chunkSize: 1 })).id);
    expect(failed).toMatchObject({
      status: 'FAILED',
      result: null,
      error: 'simulation failed: chunk 1 failed after 3 attempts: out of memory',
      progress: { done: 1, total: 4 },
    });
  });
});
