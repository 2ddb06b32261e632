import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChunkExecutor, type ChunkOutcome, type ChunkRun, CrosswalkService, EventBus, InProcessChunkExecutor, ScenarioAssembler, SimulationService } from '@sandbridge/application';
import { Clock } from '@sandbridge/common';
import { type Actor, parseScenario, Relation, Role, simulate, simulateChunk } from '@sandbridge/domain';
import { SimulationRunRepository, TransactionalConnection } from '@sandbridge/persistence';
import {
  admitToTesting,
  buildSandbox,
  expectBadInput,
  expectError,
  expectForbidden,
  expectOk,
  reviewTestReport,
  type Sandbox,
  type SandboxAuthority,
  submitTestReport,
  TestApp,
  walkConnection,
  waitFor,
} from '@sandbridge/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

// Simulations (issue 7; DESIGN.md §5, §8.2) end to end: runs as jobs over GraphQL (start, progress
// over graphql-ws, cancel, rerun), results identical to the pure library's, access for negotiators
// only, recorded populations anonymised and never readable across jurisdictions, and chunks stored
// idempotently (a duplicated or retried chunk counts once).

type Vars = Record<string, unknown>;

const RUN_FIELDS = 'id name status jurisdictionCode populationKind populationSize progress { done total fraction } chunkSize createdAt startedAt finishedAt error rerunOf scenario result';
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
const RECORDED = `query($filter: RecordedPopulationInput) { recordedPopulation(filter: $filter) { systems results targets population } }`;
const PROGRESS = 'subscription($runId: ID!) { simulationProgress(runId: $runId) { runId status progress { done total fraction } error occurredAt } }';

const small = JSON.parse(readFileSync(new URL('../examples/simulation/small.scenario.json', import.meta.url), 'utf8'));
const drafts = JSON.parse(readFileSync(new URL('../examples/simulation/demo-drafts.scenario.json', import.meta.url), 'utf8'));
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
let AIO: SandboxAuthority;
let draftId: string;
/** Identifying values of the recorded data: none may appear in a snapshot. */
const secrets: string[] = [];

const gql = (query: string, variables: Vars, token: string) => t.gql<Record<string, any>>(query, variables, token);
const run = async (id: string, token = eu.token) => expectOk(await gql(RUN, { id }, token)).simulationRun;
const start = async (input: Vars, token = eu.token) => expectOk(await gql(START, { input }, token)).startSimulation;

const finished = (id: string, token = eu.token) => waitFor(`run ${id} to finish`, async () => {
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

  // Recorded data: the sandbox's GB-homed system, enrolled with MAS, with an SG-tested AUC result MAS accepted.
  sb = await buildSandbox(t, { authorities: [['SG', 'MAS'], ['EU', 'AI Office']] });
  [MAS, AIO] = sb.authorities;
  const ref = await admitToTesting(t, sb, MAS);
  const report = await submitTestReport(t, sb, {
    enrolmentId: ref.id,
    submittedTo: MAS.id,
    testedIn: 'SG',
    periodEnd: '2026-03-27',
    // Identifying values, listed in `secrets` below: a recorded snapshot must carry none of them.
    lab: { name: 'Merlion Assurance Lab', accredited: true, accreditationBody: 'SAC' },
    confidentiality: 'HOME_AUTHORITY',
    results: [{ criterionId: MAS.criteria.TESTING[0], value: 0.91, evidenceReference: 'doc://secret-evidence/auc', evidenceSha256: 'b'.repeat(64) }],
  });
  expect(report.results[0].outcome).toBe('PASS');
  await reviewTestReport(t, report.id, MAS.regulator.token);
  const masActor: Actor = { accountId: 'simulations-spec', role: Role.REGULATOR, authorityId: MAS.id, organisationId: null, jurisdictionCode: null };
  await t.get(CrosswalkService).create(masActor, { fromCriterionId: MAS.criteria.TESTING[0], toCriterionId: AIO.criteria.TESTING[0], relation: Relation.EQUIVALENT });
  const [system] = await t.dataSource.query('SELECT s.id, s.name, s.organisation_id, o.name AS org FROM ai_system s JOIN organisation o ON o.id = s.organisation_id WHERE s.id = $1', [sb.systemId]);
  secrets.push(system.id, system.name, system.organisation_id, system.org, report.id, report.results[0].id, ref.id, 'Merlion Assurance Lab', 'secret-evidence', sb.innovator.id);

  // An EU–SG draft (never approved): simulated as if signed.
  const agreement = expectOk(
    await gql('mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }', { input: { name: `EU–SG AUC draft ${tag}`, kind: 'BILATERAL', parties: ['EU', 'SG'], effectiveFrom: '2026-01-01' } }, eu.token),
  ).createAgreement;
  draftId = agreement.id;
  expectOk(
    await gql(
      'mutation($input: AddAgreementRuleInput!) { addAgreementRule(input: $input) { id } }',
      { input: { agreementId: draftId, origins: ['SG'], recognising: ['EU'], criteria: [AIO.criteria.TESTING[0]], mode: 'CONFORMITY', effect: 'RECOGNISE', conditions: { requireAccreditedLab: true } } },
      eu.token,
    ),
  );
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('running a scenario', () => {
  it('runs the small example as a job; its result is byte for byte the library’s', async () => {
    const started = await start({ name: 'Small example', scenario: small, chunkSize: 1 });
    expect(started).toMatchObject({ name: 'Small example', jurisdictionCode: 'EU', populationKind: 'EXPLICIT', populationSize: 4, chunkSize: 1, result: null, error: null, rerunOf: null });
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
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${eu.token}` } });
    await new Promise<void>((resolve) =>
      client.subscribe<{ simulationProgress: any }>(
        { query: PROGRESS, variables: { runId: first.id } },
        { next: (r) => (r.errors ? errors.push(...r.errors) : events.push(r.data!.simulationProgress)), error: (e) => (errors.push(e), resolve()), complete: resolve },
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
    expect(events.at(-1)).toMatchObject({ status: 'COMPLETED', progress: { done: 8, total: 8, fraction: 1 }, error: null });

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
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM simulation_chunk WHERE run_id = $1', [started.id])).toEqual([{ n: at }]);

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
    const error = expectBadInput(await gql(START, { input: { scenario: bad } }, eu.token), 'input.scenario.variants[0].remove[0]');
    expect(error.extensions?.errors?.[0].message).toMatch(/no-such-agreement|not|unknown|find/i);
    expectBadInput(await gql(START, { input: { scenario: [] } }, eu.token), 'input.scenario');
    expectBadInput(await gql(START, { input: { scenario: { ...small, population: undefined } } }, eu.token), 'input.scenario.population');
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
    const [{ n: euRuns }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM simulation_run WHERE jurisdiction_code = 'EU'`);
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

describe('recorded populations', () => {
  const parse = (value: unknown) => JSON.stringify(value);
  const noSecrets = (json: string) => {
    for (const secret of secrets) expect([secret, json.includes(secret)]).toEqual([secret, false]);
  };

  it('previews an anonymised snapshot: opaque ids, no names or evidence; the filters select', async () => {
    const all = expectOk(await gql(RECORDED, {}, admin)).recordedPopulation;
    expect(all).toMatchObject({ systems: 1, results: 1, targets: 1 });
    expect(all.population).toEqual({
      systems: [{ id: 's1', sector: 'FINANCE', riskClass: 'HIGH' }],
      results: [
        { id: 'r1', system: 's1', criterion: MAS.criteria.TESTING[0], testedIn: 'SG', testedAt: '2026-03-27', value: 0.91, passed: true, method: 'ISO/IEC 23894:2023 §6.4', lab: { accredited: true, accreditationBody: 'SAC' } },
      ],
      targets: [{ system: 's1', authorities: [MAS.id] }],
    });
    noSecrets(parse(all));

    const count = async (filter: Vars) => expectOk(await gql(RECORDED, { filter }, admin)).recordedPopulation.systems;
    expect(await count({ sectors: ['FINANCE'] })).toBe(1);
    expect(await count({ sectors: ['HEALTH'] })).toBe(0);
    expect(await count({ jurisdictions: ['SG'] })).toBe(1); // tested there
    expect(await count({ jurisdictions: ['GB'] })).toBe(1); // homed there
    expect(await count({ jurisdictions: ['CA'] })).toBe(0);
    expect(await count({ testedFrom: '2026-03-27', testedTo: '2026-03-27' })).toBe(1);
    expect(await count({ testedFrom: '2026-03-28' })).toBe(0);
    expect(await count({ testedTo: '2026-03-26' })).toBe(0);
    const targeted = expectOk(await gql(RECORDED, { filter: { targets: [AIO.id] } }, admin)).recordedPopulation;
    expect(targeted.population.targets).toEqual([{ system: 's1', authorities: [AIO.id] }]);
    expectBadInput(await gql(RECORDED, { filter: { testedFrom: '2026-04-01', testedTo: '2026-03-01' } }, admin), 'filter.testedTo');

    // Negotiators see the counts, but only the systems of their own jurisdiction (this one is GB's).
    const forGb = expectOk(await gql(RECORDED, {}, gb.token)).recordedPopulation;
    expect(forGb).toMatchObject({ systems: 1, population: { systems: [{ id: 's1' }] } });
    const forEu = expectOk(await gql(RECORDED, {}, eu.token)).recordedPopulation;
    expect(forEu).toEqual({ systems: 1, results: 1, targets: 1, population: { systems: [], results: [], targets: [] } });
  });

  it('simulates a stored draft as if signed over the recorded population; the stored snapshot is anonymised; negotiators see own pairs and others aggregated', async () => {
    const input = (name: string) => ({
      name,
      scenario: { asOf: '2026-06-01', costs: { EU: { testCost: 12000, testDays: 30 }, SG: { testCost: 8000, testDays: 21 } } },
      recordedPopulation: { targets: [AIO.id] },
      agreementVariants: [{ name: 'EU–SG draft', agreements: [draftId] }],
    });
    const euRun = await finished((await start(input('EU view'))).id);
    const gbRun = await finished((await start(input('GB view'), gb.token)).id, gb.token);
    expect(euRun).toMatchObject({ status: 'COMPLETED', populationKind: 'RECORDED', populationSize: 1 });
    expect(gbRun.status).toBe('COMPLETED');

    // Stored: complete and explicit (reruns reproduce), the draft IN_FORCE, nothing identifying.
    const [stored] = await t.dataSource.query('SELECT scenario, population_filter FROM simulation_run WHERE id = $1', [euRun.id]);
    noSecrets(parse(stored.scenario));
    expect(stored.scenario.population.systems).toEqual([{ id: 's1', riskClass: 'HIGH', sector: 'FINANCE' }]);
    expect(stored.scenario.baseline).toEqual({ agreements: [] });
    expect(stored.scenario.variants).toHaveLength(1);
    expect(stored.scenario.variants[0].add).toEqual([expect.objectContaining({ id: draftId, status: 'IN_FORCE' })]);
    expect(stored.scenario.reference.criteria.map((c: any) => c.id)).toEqual(expect.arrayContaining([MAS.criteria.TESTING[0], AIO.criteria.TESTING[0]]));
    // Its result is the library's over the stored scenario (admins see the full document).
    const full = await run(euRun.id, admin);
    expect(JSON.stringify(full.result)).toBe(JSON.stringify(simulate(parseScenario(stored.scenario))));
    const variant = full.result.variants[1];
    expect(variant.name).toBe('EU–SG draft');
    expect(variant.totals.recognised).toBe(1);
    expect(variant.byPair).toEqual([{ origin: 'SG', recognising: 'EU', recognised: 1, recognisedWithConditions: 0, divergent: 0 }]);
    expect(full.scenario.population.systems).toHaveLength(1);

    // A negotiator never reads the snapshot through the run: only its filter and size.
    expect(euRun.scenario.population).toEqual({ recorded: { targets: [AIO.id] }, systems: 1 });
    noSecrets(parse(euRun));
    // EU is party to the SG → EU pair: it sees it; for GB it is another jurisdictions' pair, aggregated.
    expect(euRun.result.variants[1].byPair).toEqual([{ origin: 'SG', recognising: 'EU', recognised: 1, recognisedWithConditions: 0, divergent: 0 }]);
    expect(gbRun.result.variants[1].byPair).toEqual([{ origin: '*', recognising: '*', recognised: 1, recognisedWithConditions: 0, divergent: 0 }]);
    expect(gbRun.result.variants[1].totals).toEqual(variant.totals);

    const compared = expectOk(await gql(COMPARE, { ids: [gbRun.id] }, gb.token)).compareSimulationRuns;
    expect(compared).toHaveLength(1);
    expect(compared[0].variants.map((v: any) => v.name)).toEqual(['baseline', 'EU–SG draft']);
    expect(compared[0].variants[1]).toMatchObject({ totals: { recognised: 1, costSaved: 12000 }, deltaVsBaseline: { recognised: 1, costSaved: 12000 }, byPair: [{ origin: '*', recognising: '*', recognised: 1 }] });
    const side = expectOk(await gql(COMPARE, { ids: [euRun.id, (await start({ scenario: small })).id] }, eu.token)).compareSimulationRuns;
    expect(side.map((c: any) => c.run.id)[0]).toBe(euRun.id);
    expect(side[0].variants[1].byPair).toEqual([{ origin: 'SG', recognising: 'EU', recognised: 1, recognisedWithConditions: 0, divergent: 0 }]);
    expectError(await gql(COMPARE, { ids: [euRun.id] }, gb.token), 'NOT_FOUND');

    // Rerun of a recorded run reuses the stored snapshot: same result.
    const again = await finished(expectOk(await gql(RERUN, { input: { id: euRun.id } }, eu.token)).rerunSimulation.id);
    expect(JSON.stringify((await run(again.id, admin)).result)).toBe(JSON.stringify(full.result));
  });
});

describe('chunk delivery', () => {
  const negotiator: () => Actor = () => ({ accountId: eu.id, role: Role.NEGOTIATOR, authorityId: null, organisationId: null, jurisdictionCode: 'EU' });
  /** A SimulationService on the app's repositories with another executor. */
  const serviceWith = (executor: ChunkExecutor) =>
    new SimulationService(t.get(TransactionalConnection), t.get(SimulationRunRepository), t.get(ScenarioAssembler), executor, t.get(EventBus), t.get(Clock));

  it('a chunk reported twice, even concurrently, is stored and counted once', async () => {
    class DuplicatingExecutor extends ChunkExecutor {
      async execute(r: ChunkRun, onChunk: (o: ChunkOutcome) => Promise<void>): Promise<void> {
        for (const spec of r.chunks) {
          const partial = simulateChunk(r.scenario, spec.from, spec.to);
          await Promise.all([onChunk({ chunk: spec.chunk, partial, attempt: 1 }), onChunk({ chunk: spec.chunk, partial, attempt: 2 })]);
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
    expect(await t.dataSource.query('SELECT chunk FROM simulation_chunk WHERE run_id = $1 ORDER BY chunk', [started.id])).toEqual([{ chunk: 0 }, { chunk: 1 }, { chunk: 2 }, { chunk: 3 }]);
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
    const [{ attempts }] = await t.dataSource.query('SELECT attempts FROM simulation_chunk WHERE run_id = $1 AND chunk = 2', [ok.id]);
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
    expect(failed).toMatchObject({ status: 'FAILED', result: null, error: 'simulation failed: chunk 1 failed after 3 attempts: out of memory', progress: { done: 1, total: 4 } });
  });
});
