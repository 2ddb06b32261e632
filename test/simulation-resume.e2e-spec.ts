import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
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
import {
  type Actor,
  parseScenario,
  planChunks,
  PopulationKind,
  populationSize,
  Role,
  simulate,
  simulateChunk,
  SimulationKind,
} from '@sandbridge/domain';
import { SimulationRunRepository, TransactionalConnection } from '@sandbridge/persistence';
import { expectOk, TestApp, waitFor } from '@sandbridge/testing';

// Simulation runs outlive the API process (docs/domain.md#simulation): a run left QUEUED or RUNNING — by a crash
// or by a shutdown mid-run — is resumed when the API starts again on the same database, computing
// only the chunks with no stored partial, and ends with the uninterrupted run's result, byte for byte.

const RUN =
  'query($id: ID!) { simulationRun(id: $id) { id status progress { done total } error startedAt finishedAt result } }';
const START =
  'mutation($input: StartSimulationInput!) { startSimulation(input: $input) { id status progress { total } } }';

const small = JSON.parse(readFileSync(new URL('../examples/simulation/small.scenario.json', import.meta.url), 'utf8'));
const drafts = JSON.parse(
  readFileSync(new URL('../examples/simulation/demo-drafts.scenario.json', import.meta.url), 'utf8'),
);
/** Many chunks, so that a shutdown lands mid-run. */
const medium = { ...drafts, population: { synthetic: { ...drafts.population.synthetic, innovators: 12_000 } } };
const expected = (scenario: unknown) => JSON.stringify(simulate(parseScenario(scenario)));

let t: TestApp;
let eu: { email: string; id: string; token: string };
const negotiator = (): Actor => ({
  accountId: eu.id,
  role: Role.NEGOTIATOR,
  authorityId: null,
  organisationId: null,
  jurisdictionCode: 'EU',
});

const run = async (id: string) => expectOk(await t.gql<Record<string, any>>(RUN, { id }, eu.token)).simulationRun;
const finished = (id: string) =>
  waitFor(`run ${id} to finish`, async () => {
    const r = await run(id);
    return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(r.status) ? r : null;
  });
const storedChunks = async (id: string): Promise<{ chunk: number; attempts: number }[]> =>
  t.dataSource.query('SELECT chunk, attempts FROM simulation_chunk WHERE run_id = $1 ORDER BY chunk', [id]);

/**
 * Restarts the API on the same database with the in-process executor observed: returns, per run id,
 * the chunk numbers each resumed execution was asked to compute.
 */
async function restart(): Promise<Map<string, number[][]>> {
  const executed = new Map<string, number[][]>();
  const original = InProcessChunkExecutor.prototype.execute;
  jest.spyOn(InProcessChunkExecutor.prototype, 'execute').mockImplementation(function (
    this: InProcessChunkExecutor,
    r,
    onChunk,
    signal,
  ) {
    executed.set(r.runId, [...(executed.get(r.runId) ?? []), r.chunks.map((c) => c.chunk)]);
    return original.call(this, r, onChunk, signal);
  });
  t = await t.reopen();
  eu = { ...eu, token: await t.login(eu.email) };
  return executed;
}

/** An executor that stores the first `k` chunks, then hangs — the process "dies" with the run RUNNING. */
class DyingExecutor extends ChunkExecutor {
  constructor(private readonly k: number) {
    super();
  }
  async execute<S extends ChunkScenario>(
    r: ChunkRun<S>,
    onChunk: (o: ChunkOutcome<S>) => Promise<void>,
  ): Promise<void> {
    for (const spec of r.chunks.slice(0, this.k))
      await onChunk({
        chunk: spec.chunk,
        partial: computeChunk(r.kind, r.scenario, spec.from, spec.to) as PartialOf<S>,
        attempt: 1,
      });
    await new Promise(() => {});
  }
}

beforeAll(async () => {
  t = await TestApp.create();
  const email = `neg.eu.resume@simulations.test`;
  eu = { email, ...(await t.accountWithToken(email, Role.NEGOTIATOR, { jurisdictionCode: 'EU' })) };
}, 120_000);

afterEach(() => {
  jest.restoreAllMocks();
});

afterAll(async () => {
  await t?.close();
});

describe('resuming runs at start', () => {
  it('a run whose process died after 2 of 4 chunks completes after a restart: only chunks 2 and 3 are computed, the result is the library’s', async () => {
    // A service outside the application: closing the application runs no shutdown hook for it — a crash.
    const dyingRunner = new SimulationRunner(
      t.get(TransactionalConnection),
      t.get(SimulationRunRepository),
      new DyingExecutor(2),
      t.get(EventBus),
      t.get(Clock),
    );
    const dying = new SimulationCommandService(
      t.get(TransactionalConnection),
      t.get(SimulationRunRepository),
      t.get(ScenarioAssembler),
      dyingRunner,
      t.get(Clock),
    );
    const started = await dying.start(negotiator(), { scenario: small, chunkSize: 1 });
    await waitFor('two chunks stored', async () => (await run(started.id)).progress.done === 2);
    expect(await run(started.id)).toMatchObject({ status: 'RUNNING', progress: { done: 2, total: 4 } });
    // What a dead process's session does on PostgreSQL: its advisory locks go (no-op on the embedded database).
    await dyingRunner.onApplicationShutdown();

    const executed = await restart();
    const done = await finished(started.id);
    expect(done).toMatchObject({ status: 'COMPLETED', error: null, progress: { done: 4, total: 4 } });
    expect(JSON.stringify(done.result)).toBe(expected(small));
    expect(executed.get(started.id)).toEqual([[2, 3]]);
    // The two chunks stored before the crash are the ones the result was merged from (attempt 1 each, kept).
    expect(await storedChunks(started.id)).toEqual([0, 1, 2, 3].map((chunk) => ({ chunk, attempts: 1 })));
  }, 120_000);

  it('resumes runs left QUEUED, RUNNING with some chunks, and RUNNING with every chunk but no result', async () => {
    const runs = t.get(SimulationRunRepository);
    const scenario = parseScenario(small);
    const insert = () =>
      runs.insert({
        kind: SimulationKind.RECOGNITION,
        name: 'Left over',
        createdBy: eu.id,
        jurisdictionCode: 'EU',
        scenario: small,
        populationKind: PopulationKind.EXPLICIT,
        populationFilter: null,
        populationSize: populationSize(scenario),
        chunkSize: 1,
        chunksTotal: 4,
        rerunOf: null,
      });
    const storeChunks = async (id: string, chunks: number[]) => {
      expect(await runs.markRunning(id, new Date())).toBe(true);
      const plan = planChunks(populationSize(scenario), 1);
      for (const chunk of chunks) {
        const stored = await t
          .get(TransactionalConnection)
          .withTransaction(() =>
            runs.storeChunk(id, chunk, simulateChunk(scenario, plan[chunk].from, plan[chunk].to) as never, 7),
          );
        expect(stored.stored).toBe(true);
      }
    };
    const queued = await insert();
    const partial = await insert();
    await storeChunks(partial.id, [0, 2]);
    const complete = await insert();
    await storeChunks(complete.id, [0, 1, 2, 3]);
    expect(await run(complete.id)).toMatchObject({ status: 'RUNNING', progress: { done: 4, total: 4 }, result: null });

    const executed = await restart();
    for (const id of [queued.id, partial.id, complete.id]) {
      const done = await finished(id);
      expect(done).toMatchObject({ status: 'COMPLETED', error: null, progress: { done: 4, total: 4 } });
      expect(JSON.stringify(done.result)).toBe(expected(small));
      expect(done.startedAt).not.toBeNull();
    }
    expect(executed.get(queued.id)).toEqual([[0, 1, 2, 3]]);
    expect(executed.get(partial.id)).toEqual([[1, 3]]);
    // Nothing left to compute: finalised from the stored partials, without calling the executor.
    expect(executed.has(complete.id)).toBe(false);
    // Pre-stored chunks were reused, not recomputed (attempt 7 marks them).
    expect((await storedChunks(partial.id)).map((c) => c.attempts)).toEqual([7, 1, 7, 1]);
  }, 120_000);

  it('a graceful shutdown mid-run leaves the run RUNNING (not FAILED); the next start finishes it with the uninterrupted result', async () => {
    const started = expectOk(
      await t.gql<Record<string, any>>(
        START,
        { input: { name: 'Interrupted', scenario: medium, chunkSize: 200 } },
        eu.token,
      ),
    ).startSimulation;
    const total = started.progress.total;
    expect(total).toBeGreaterThanOrEqual(40);
    await waitFor('a few chunks stored', async () => (await run(started.id)).progress.done >= 3);

    const executed = await restart();
    const done = await finished(started.id);
    expect(done).toMatchObject({ status: 'COMPLETED', error: null, progress: { done: total, total } });
    expect(JSON.stringify(done.result)).toBe(expected(medium));
    // The resumed execution computed only what was missing at the shutdown: a strict, non-empty remainder.
    const [resumed] = executed.get(started.id) ?? [];
    expect(resumed.length).toBeGreaterThan(0);
    expect(resumed.length).toBeLessThan(total - 2);
    expect(resumed).toEqual(Array.from({ length: resumed.length }, (_, i) => total - resumed.length + i));
  }, 180_000);
});
