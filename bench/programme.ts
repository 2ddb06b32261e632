import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import type { ChunkExecutor } from '@sandbridge/application';
import {
  finishProgrammeSimulation,
  planChunks,
  SimulationKind,
  type ProgrammePartial,
  type ProgrammeScenario,
  readProgrammeScenarioJson,
  simulateProgramme,
  simulateProgrammeReplications,
} from '@sandbridge/domain';

/**
 * npm run bench:programme — the GFIN-sized programme scenario (examples/programme/gfin-2019.json:
 * 44 applicants, 17 authorities, 4 designs, 10,000 replications; BENCH_PROGRAMME_FILE names another)
 * run in this process, then the same replications split in two halves over 2 worker_threads whose
 * partials are merged here — as the job system will merge chunks. Both results must be byte-identical
 * (exit 1 otherwise). Figures: wall time, replications per second (each replication runs every
 * design), the speed-up, and peak memory: the kernel's high-water RSS after the in-process run, and
 * the process's RSS (workers included: threads share it) sampled every 20 ms during the threaded run.
 *
 * Then the same scenario through the job machinery (docs/programme-simulation.md#runs-as-jobs), in
 * chunks of BENCH_PROGRAMME_CHUNK replications (default 500) as a PROGRAMME run: the in-process chunk
 * executor (the API's default), and with REDIS_URL the Redis executor with 2 worker processes on this
 * machine (`npm run worker` ×2: dist must be built) — the same run, its partials merged here. Peak
 * memory there is this process's sampled RSS plus each worker's own high-water RSS.
 */

const FILE = process.env.BENCH_PROGRAMME_FILE ?? 'examples/programme/gfin-2019.json';

function read(text: string): ProgrammeScenario {
  const reading = readProgrammeScenarioJson(text);
  if ('errors' in reading) throw new Error(reading.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return reading.scenario;
}

if (!isMainThread) {
  const { text, from, to } = workerData as { text: string; from: number; to: number };
  const partial = simulateProgrammeReplications(read(text), from, to);
  parentPort!.postMessage(partial);
} else {
  await main();
}

function inWorker(text: string, from: number, to: number): Promise<ProgrammePartial> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { text, from, to } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function main(): Promise<void> {
  const text = readFileSync(FILE, 'utf8');
  const scenario = read(text);
  const n = scenario.replications;
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  const perSecond = (ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en-GB');
  process.stderr.write(
    `bench:programme — ${FILE}: ${scenario.applicants.count} applicants, ${scenario.authorities.length} authorities, ` +
      `${scenario.designs.length} designs, ${n.toLocaleString('en-GB')} replications; ${availableParallelism()} cores\n`,
  );

  const started = performance.now();
  const inProcess = JSON.stringify(simulateProgramme(scenario));
  const inProcessMs = performance.now() - started;
  const inProcessRss = process.resourceUsage().maxRSS * 1024;

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const threadedStart = performance.now();
  const half = Math.ceil(n / 2);
  const partials = await Promise.all([inWorker(text, half, n), inWorker(text, 0, half)]);
  const threaded = JSON.stringify(finishProgrammeSimulation(scenario, partials));
  const threadedMs = performance.now() - threadedStart;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);

  const rows = [
    ['run', 'wall time', 'replications/s', 'peak RSS'],
    ['in process', `${(inProcessMs / 1000).toFixed(2)} s`, perSecond(inProcessMs), mib(inProcessRss)],
    ['2 worker_threads, merged', `${(threadedMs / 1000).toFixed(2)} s`, perSecond(threadedMs), mib(peak)],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  console.log(`speed-up with 2 threads: ×${(inProcessMs / threadedMs).toFixed(2)}`);
  const identical = inProcess === threaded;
  console.log(`results byte-identical: ${identical ? 'yes' : 'NO'}`);
  if (!identical) process.exitCode = 1;

  await throughJobs(scenario, inProcess, { perSecond, mib });
}

/** One PROGRAMME run through a chunk executor: wall time, sampled peak RSS, the finished result's JSON. */
async function runChunks(
  executor: ChunkExecutor,
  scenario: ProgrammeScenario,
  chunkSize: number,
): Promise<{ ms: number; peak: number; json: string }> {
  const chunks = planChunks(scenario.replications, chunkSize);
  const partials = new Map<number, ProgrammePartial>();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  await executor.execute(
    { runId: randomUUID(), kind: SimulationKind.PROGRAMME, scenario, chunks },
    async ({ chunk, partial }) => void partials.set(chunk, partial),
    new AbortController().signal,
  );
  const json = JSON.stringify(finishProgrammeSimulation(scenario, [...partials.values()]));
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { ms, peak: Math.max(peak, process.memoryUsage().rss), json };
}

async function throughJobs(
  scenario: ProgrammeScenario,
  expected: string,
  format: { perSecond: (ms: number) => string; mib: (bytes: number) => string },
): Promise<void> {
  // Loaded here, not at the top: the worker_threads above load this file too and need none of it
  // (a relative path: the build rewrites the `@sandbridge/*` aliases of static imports only).
  const { InProcessChunkExecutor, LocalWorkers, RedisChunkExecutor } = await import('../libs/application/src/index.js');
  const chunkSize = Number(process.env.BENCH_PROGRAMME_CHUNK ?? 500);
  const chunks = planChunks(scenario.replications, chunkSize).length;
  console.log(`\nthrough the job machinery: ${chunks} chunks of ${chunkSize} replications`);
  const rows = [['run', 'wall time', 'replications/s', 'peak RSS']];
  const local = await runChunks(new InProcessChunkExecutor(), scenario, chunkSize);
  rows.push([
    'in-process executor',
    `${(local.ms / 1000).toFixed(2)} s`,
    format.perSecond(local.ms),
    format.mib(local.peak),
  ]);
  const results = [local.json];
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    const prefix = `bench-programme-${randomUUID().slice(0, 8)}`;
    const workers = await LocalWorkers.start(2, { redisUrl, prefix });
    const executor = new RedisChunkExecutor({ redisUrl, prefix });
    try {
      const remote = await runChunks(executor, scenario, chunkSize);
      await executor.close();
      await workers.stop();
      const workersKb = workers.workers.reduce((sum, w) => sum + (w.maxRssKb ?? 0), 0);
      rows.push([
        '2 worker processes (Redis)',
        `${(remote.ms / 1000).toFixed(2)} s`,
        format.perSecond(remote.ms),
        `${format.mib(remote.peak)} + workers ${format.mib(workersKb * 1024)}`,
      ]);
      results.push(remote.json);
    } finally {
      await executor.close();
      await workers.stop();
    }
  } else {
    console.log(
      'REDIS_URL is not set: the run on 2 worker processes is left out (e.g. REDIS_URL=redis://127.0.0.1:6379).',
    );
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  const identical = results.every((json) => json === expected);
  console.log(`job results byte-identical to the in-process run: ${identical ? 'yes' : 'NO'}`);
  if (!identical) process.exitCode = 1;
}
