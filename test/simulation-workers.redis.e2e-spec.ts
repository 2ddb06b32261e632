import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type ChunkOutcome,
  cancelledKey,
  chunkJobId,
  createChunkWorker,
  LocalWorkers,
  RedisChunkExecutor,
  scenarioKey,
  SIMULATION_QUEUE,
  simulateOnRedis,
} from '@sandbridge/application';
import {
  type ChunkSpec,
  finaliseSimulation,
  mergePartials,
  parseScenario,
  planChunks,
  populationSize,
  type Scenario,
  type SimulationPartial,
  simulate,
  simulateChunk,
  SyntheticGenerator,
} from '@sandbridge/domain';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { syntheticScenario } from '../bench/simulation-scenario.js';

import { ensureBuilt } from './ensure-built.js';

// Issue 7, simulation on Redis: worker processes (the built apps/worker) consume chunk jobs that
// RedisChunkExecutor enqueues. The result must be byte-identical to the in-process `simulate`
// whatever the number of workers and the chunking, and survive a worker killed mid-chunk.
// Every test uses its own key prefix, so runs of other test files or helpers on the same Redis
// never meet these queues; the keys are deleted after each test.

const REDIS_URL = process.env.REDIS_URL!;
// Short locks so that a killed worker's chunk comes back in ~2 s instead of BullMQ's 30 s.
const FAST = { lockDurationMs: 2000, stalledIntervalMs: 1000 };

let redis: Redis;
let prefix: string;
const toClose: { close(): Promise<void> }[] = [];
const pools: LocalWorkers[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  for (const start = Date.now(); ; await sleep(50)) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
  }
}

/** Every key of this test's prefix (BullMQ's and ours). */
async function keysOf(p: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${p}:*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/** A small synthetic scenario: `innovators` innovators over 8 jurisdictions and 3 variants. */
function synthetic(innovators: number, seed = 11): Scenario {
  return parseScenario(syntheticScenario({ seed, innovators, jurisdictions: 8, variants: 3 }));
}

/** The same people written out: the synthetic generator's units as an explicit population (a §8.2 document). */
function explicitFrom(innovators: number, seed: number): Scenario {
  const raw = syntheticScenario({ seed, innovators, jurisdictions: 8, variants: 3 });
  const s = parseScenario(raw);
  if (!('synthetic' in s.population)) throw new Error('expected a synthetic scenario');
  const generator = new SyntheticGenerator(s.population.synthetic, s.reference, s.asOf);
  const units = Array.from({ length: populationSize(s) }, (_, i) => generator.unit(i));
  raw.population = {
    systems: units.map((u) => u.system),
    results: units.flatMap((u) => u.results),
    targets: units.map((u) => u.target),
  };
  return parseScenario(raw);
}

const json = (value: unknown) => JSON.stringify(value);

beforeAll(async () => {
  await ensureBuilt();
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
}, 300_000);

beforeEach(() => {
  prefix = `test-sim-${randomUUID().slice(0, 8)}`;
});

afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.stop();
  for (const closable of toClose.splice(0)) await closable.close();
  const keys = await keysOf(prefix);
  if (keys.length) await redis.del(...keys);
});

afterAll(async () => {
  await redis.quit();
});

describe('simulation on Redis workers gives the in-process result, byte for byte', () => {
  it('a synthetic population: in-process (two chunkings), one worker, three workers (two chunkings)', async () => {
    const scenario = synthetic(1000);
    const expected = json(simulate(scenario));
    expect(json(simulate(scenario, { chunkSize: 37 }))).toBe(expected);
    const progress: [number, number][] = [];
    const one = await simulateOnRedis(scenario, {
      redisUrl: REDIS_URL,
      prefix,
      workers: 1,
      chunkSize: 300,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(json(one)).toBe(expected);
    // Progress in units, as simulate reports it: four chunks of 300, 300, 300 and 100, in some order.
    expect(progress).toHaveLength(4);
    expect(progress.at(-1)).toEqual([1000, 1000]);
    expect(progress.map(([done]) => done).every((done, i, all) => i === 0 || done > all[i - 1])).toBe(true);
    const three = await simulateOnRedis(scenario, { redisUrl: REDIS_URL, prefix, workers: 3, chunkSize: 97 });
    expect(json(three)).toBe(expected);
    const threeOther = await simulateOnRedis(scenario, { redisUrl: REDIS_URL, prefix, workers: 3, chunkSize: 250 });
    expect(json(threeOther)).toBe(expected);
    // The figures are not trivial: something is recognised in every set, and variants differ.
    const result = JSON.parse(expected) as { variants: { name: string; totals: { recognised: number } }[] };
    expect(result.variants.map((v) => v.name)).toEqual(['baseline', 'variant 1', 'variant 2', 'variant 3']);
    expect(result.variants.every((v) => v.totals.recognised > 0)).toBe(true);
    expect(new Set(result.variants.map((v) => v.totals.recognised)).size).toBeGreaterThan(1);
    // Every key of these runs is gone once they finished: jobs removed as reported, scenarios deleted.
    expect((await keysOf(prefix)).filter((key) => key.includes('simulation-run') || /-\d+$/.test(key))).toEqual([]);
  }, 240_000);

  it('an explicit population (the same innovators written out) gives the synthetic one’s result, on three workers too', async () => {
    const scenario = synthetic(600, 23);
    const explicit = explicitFrom(600, 23);
    expect(populationSize(explicit)).toBe(600);
    const expected = json(simulate(scenario));
    expect(json(simulate(explicit, { chunkSize: 50 }))).toBe(expected);
    expect(json(await simulateOnRedis(explicit, { redisUrl: REDIS_URL, prefix, workers: 3, chunkSize: 31 }))).toBe(
      expected,
    );
  }, 240_000);
});

describe('a worker process killed mid-chunk', () => {
  it('loses no chunk and counts none twice: another worker takes the stalled chunk over, the result is unchanged', async () => {
    const scenario = synthetic(1200, 5);
    const chunks = planChunks(populationSize(scenario), 150);
    const expected = json(simulate(scenario));
    const workers = await LocalWorkers.start(3, { redisUrl: REDIS_URL, prefix, ...FAST });
    pools.push(workers);
    const executor = new RedisChunkExecutor({ redisUrl: REDIS_URL, prefix, reconcileIntervalMs: 500 });
    toClose.push(executor);
    const queue = new Queue(SIMULATION_QUEUE, { connection: { ...redisOptions() }, prefix });
    toClose.push(queue);

    const runId = randomUUID();
    const outcomes: ChunkOutcome[] = [];
    const execution = executor.execute(
      { runId, scenario, chunks },
      async (outcome) => void outcomes.push(outcome),
      new AbortController().signal,
    );

    // A chunk in progress, and the worker process that holds it (BullMQ records the worker's name, host:pid).
    const victim = await until(async () => {
      const [job] = await queue.getJobs(['active']);
      return job?.processedBy ? { jobId: job.id!, pid: Number(job.processedBy.split(':').at(-1)) } : undefined;
    }, 'a chunk in progress');
    expect(workers.pids).toContain(victim.pid);
    const child = workers.workers.find((w) => w.pid === victim.pid)!.process;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    // Still in progress at the moment of the kill: the worker has not finished it.
    expect(await (await queue.getJob(victim.jobId))!.getState()).toBe('active');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    await execution;
    const killedChunk = chunks.find((spec) => chunkJobId(runId, spec.chunk) === victim.jobId)!;
    // Every chunk reported exactly once here; the killed one on its second start (by another worker).
    expect(outcomes.map((o) => o.chunk).sort((a, b) => a - b)).toEqual(chunks.map((spec) => spec.chunk));
    expect(outcomes.find((o) => o.chunk === killedChunk.chunk)!.attempt).toBeGreaterThanOrEqual(2);
    const byChunk = new Map(outcomes.map((o) => [o.chunk, o.partial]));
    const merged = mergePartials(chunks.map((spec) => byChunk.get(spec.chunk)!));
    expect(merged.units).toBe(1200);
    expect(json(finaliseSimulation(scenario, merged))).toBe(expected);
  }, 240_000);
});

describe('missed events', () => {
  it('chunks that finished while no executor listened are found by the sweep and not computed again', async () => {
    // As after an API restart: a run was enqueued and its chunks computed while nobody listened.
    let computed = 0;
    const worker = createChunkWorker({
      redisUrl: REDIS_URL,
      prefix,
      ...FAST,
      compute: (s, from, to) => {
        computed += 1;
        return simulateChunk(s, from, to);
      },
      sliceUnits: 1000,
      sliceMs: 60_000, // one compute call per chunk, so that calls count chunks
    });
    toClose.push(worker);
    await worker.waitUntilReady();
    const queue = new Queue(SIMULATION_QUEUE, { connection: { ...redisOptions() }, prefix });
    toClose.push(queue);
    const scenario = synthetic(90, 4);
    const chunks = planChunks(90, 30);
    const runId = randomUUID();
    await redis.set(scenarioKey(prefix, runId), JSON.stringify(scenario), 'EX', 600);
    await queue.addBulk(
      chunks.map((spec) => ({
        name: 'chunk',
        data: { runId, ...spec },
        opts: { jobId: chunkJobId(runId, spec.chunk) },
      })),
    );
    await until(async () => (await queue.getJobCounts('completed')).completed === 3, 'the three chunks to be computed');
    expect(computed).toBe(3);

    const executor = new RedisChunkExecutor({ redisUrl: REDIS_URL, prefix, reconcileIntervalMs: 200 });
    toClose.push(executor);
    const outcomes: ChunkOutcome[] = [];
    await executor.execute(
      { runId, scenario, chunks },
      async (outcome) => void outcomes.push(outcome),
      new AbortController().signal,
    );
    expect(outcomes.map((o) => [o.chunk, o.attempt]).sort()).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    expect(computed).toBe(3);
    expect(json(finaliseSimulation(scenario, mergePartials(outcomes.map((o) => o.partial))))).toBe(
      json(simulate(scenario)),
    );
    expect(await queue.getJobCounts('completed', 'wait', 'active')).toEqual({ completed: 0, wait: 0, active: 0 });
  }, 120_000);
});

describe('cancelling a run', () => {
  it('removes its waiting chunks, stops the chunk in progress, and the worker goes on with the next run', async () => {
    // A worker in this process (the same code as apps/worker's) so the test can watch it closely.
    const worker = createChunkWorker({ redisUrl: REDIS_URL, prefix, ...FAST, sliceUnits: 4, sliceMs: 20 });
    toClose.push(worker);
    await worker.waitUntilReady();
    const executor = new RedisChunkExecutor({ redisUrl: REDIS_URL, prefix, reconcileIntervalMs: 200 });
    toClose.push(executor);
    const queue = new Queue(SIMULATION_QUEUE, { connection: { ...redisOptions() }, prefix });
    toClose.push(queue);

    const scenario = synthetic(1200, 9);
    const chunks: ChunkSpec[] = planChunks(populationSize(scenario), 40);
    const runId = randomUUID();
    const abort = new AbortController();
    const reported: number[] = [];
    await executor.execute(
      { runId, scenario, chunks },
      async ({ chunk }) => {
        reported.push(chunk);
        if (reported.length === 2) abort.abort();
      },
      abort.signal,
    );
    expect(reported).toHaveLength(2);
    // No chunk of the run waits any more; the run is marked cancelled and its scenario is gone.
    const ofRun = (jobs: { id?: string }[]) => jobs.filter((job) => job.id?.startsWith(`${runId}-`));
    expect(ofRun(await queue.getJobs(['wait', 'delayed', 'prioritized']))).toEqual([]);
    expect(await redis.exists(cancelledKey(prefix, runId))).toBe(1);
    expect(await redis.exists(scenarioKey(prefix, runId))).toBe(0);
    // What the worker held around the abort: a chunk it finished while the second report was being
    // handled (completed, never reported) and the one it took next, failed as cancelled at its next
    // look at the mark and never retried. Nothing after that.
    await until(
      async () => ofRun(await queue.getJobs(['active'])).length === 0,
      'the worker to drop the cancelled chunk',
      10_000,
    );
    const settled = ofRun(await queue.getJobs(['completed', 'failed']));
    expect(settled.length).toBeLessThanOrEqual(2);
    for (const job of settled) {
      const state = await queue.getJobState(job.id!);
      if (state === 'failed') expect((await queue.getJob(job.id!))!.failedReason).toMatch(/cancelled/);
    }
    await sleep(1500);
    expect(ofRun(await queue.getJobs(['completed', 'failed', 'active', 'wait', 'delayed'])).length).toBe(
      settled.length,
    );
    expect(reported.length + settled.length).toBeLessThanOrEqual(4); // of 30 chunks

    // The worker is free for the next run.
    const small = synthetic(60, 3);
    const outcomes: SimulationPartial[] = [];
    const smallChunks = planChunks(60, 20);
    await executor.execute(
      { runId: randomUUID(), scenario: small, chunks: smallChunks },
      async ({ partial }) => void outcomes.push(partial),
      new AbortController().signal,
    );
    expect(outcomes).toHaveLength(3);
    expect(json(finaliseSimulation(small, mergePartials(outcomes)))).toBe(json(simulate(small)));
  }, 240_000);
});

/** ioredis options from REDIS_URL, for BullMQ classes that take options rather than a URL. */
function redisOptions(): { host: string; port: number; password?: string; db?: number; maxRetriesPerRequest: null } {
  const url = new URL(REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
    maxRetriesPerRequest: null,
  };
}
