import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type LocalWorkers, simulateOnRedis } from '@sandbridge/application';
import { parseScenario, populationSize, type Scenario, simulate, SyntheticGenerator } from '@sandbridge/domain';
import { Redis } from 'ioredis';
import { syntheticScenario } from './simulation-scenario.js';

/**
 * npm run bench:simulation — one synthetic scenario (BENCH_INNOVATORS innovators, 10,000 by default,
 * × BENCH_JURISDICTIONS jurisdictions, 20, × BENCH_VARIANTS variants, 3, plus the baseline) run three
 * ways: in this process (`simulate`), then on 1 and on 2 worker processes through Redis
 * (`simulateOnRedis`, as `simulate --workers N` does), all with the same chunks (BENCH_CHUNK, 250
 * units). The three results must be byte-identical (exit 1 otherwise). Without REDIS_URL only the
 * in-process run is measured.
 *
 * Figures: wall time (Redis runs: in all, and without the workers' start-up), throughput in
 * system–target resolutions/s and criterion verdicts/s (of the baseline and every variant; the
 * re-resolutions behind each agreement's marginal contribution are extra work, not counted), peak
 * memory and speed-up against in-process. Memory: the main process's peak RSS for in-process is
 * the kernel's high-water mark (`process.resourceUsage().maxRSS`, taken right after that run, which
 * comes first); during the Redis runs it is sampled every 50 ms (RSS and heap used); each worker
 * reports its own kernel high-water RSS as it stops.
 */

const INNOVATORS = positive('BENCH_INNOVATORS', 10_000);
const JURISDICTIONS = positive('BENCH_JURISDICTIONS', 20);
const VARIANTS = positive('BENCH_VARIANTS', 3);
const CHUNK = positive('BENCH_CHUNK', 250);

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a positive integer (got ${raw})`);
  return Number(raw);
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (count: number, ms: number) => `${Math.round(count / (ms / 1000)).toLocaleString('en-GB')}/s`;

/** Busy share of all cores over `ms`, from /proc/stat (null where there is none). */
async function cpuBusy(ms = 1000): Promise<number | null> {
  const sample = () =>
    cpus().reduce(
      (acc, cpu) => ({
        idle: acc.idle + cpu.times.idle,
        total: acc.total + Object.values(cpu.times).reduce((a, b) => a + b, 0),
      }),
      { idle: 0, total: 0 },
    );
  const a = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = sample();
  return b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : null;
}

/** Peak RSS and heap of this process, sampled while the event loop is free. */
function sampler(): { stop(): { rss: number; heap: number } } {
  let rss = 0;
  let heap = 0;
  const take = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  take();
  const timer = setInterval(take, 50);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return { rss, heap };
    },
  };
}

interface Measured {
  label: string;
  ms: number;
  runMs: number;
  json: string;
  mainRss: number;
  mainHeap: number;
  workerRssKb: (number | undefined)[];
}

async function main(): Promise<void> {
  const scenario: Scenario = parseScenario(
    syntheticScenario({ seed: 2026, innovators: INNOVATORS, jurisdictions: JURISDICTIONS, variants: VARIANTS }),
  );
  const sets = 1 + scenario.variants.length;
  // What one agreement set resolves: each innovator's targets (system–target pairs), and the target criteria applicable to it.
  if (!('synthetic' in scenario.population)) throw new Error('expected a synthetic population');
  const generator = new SyntheticGenerator(scenario.population.synthetic, scenario.reference, scenario.asOf);
  let pairs = 0;
  for (let i = 0; i < populationSize(scenario); i++) pairs += generator.unit(i).target.authorities.length;

  const busy = await cpuBusy();
  console.log(
    `bench:simulation — ${INNOVATORS.toLocaleString('en-GB')} synthetic innovators × ${JURISDICTIONS} jurisdictions × ${VARIANTS} variants (+ baseline), chunks of ${CHUNK}`,
  );
  console.log(
    `machine: ${availableParallelism()} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, busy ${busy === null ? '?' : `${Math.round(busy * 100)}%`} over the last second` +
      (busy !== null && busy > 0.25 ? ' — NOT idle: other processes share these cores, figures are pessimistic' : ''),
  );
  console.log(
    `reference: ${scenario.reference.criteria.length} criteria, ${scenario.reference.crosswalks.length} crosswalks, ${scenario.baseline.agreements.length} baseline agreements`,
  );

  const runs: Measured[] = [];
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const start = performance.now();
  const inProcess = simulate(scenario, {
    chunkSize: CHUNK,
    // simulate is synchronous: a timer would never fire, so memory is sampled at each chunk.
    onProgress: () => void (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)),
  });
  const inProcessMs = performance.now() - start;
  runs.push({
    label: 'in-process',
    ms: inProcessMs,
    runMs: inProcessMs,
    json: JSON.stringify(inProcess),
    mainRss: process.resourceUsage().maxRSS * 1024,
    mainHeap: heapPeak,
    workerRssKb: [],
  });
  const applicable = inProcess.variants.reduce((sum, v) => sum + v.totals.applicable, 0);

  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    console.log(
      '\nREDIS_URL is not set: the runs on worker processes are left out (set it, e.g. REDIS_URL=redis://127.0.0.1:6379).',
    );
  } else {
    const prefix = `bench-sim-${randomUUID().slice(0, 8)}`;
    try {
      for (const workers of [1, 2]) {
        const memory = sampler();
        let ready = 0;
        let lastChunk = 0;
        let pool: LocalWorkers | undefined;
        const began = performance.now();
        const result = await simulateOnRedis(scenario, {
          redisUrl,
          prefix,
          workers,
          chunkSize: CHUNK,
          onProgress: () => void (lastChunk = performance.now()),
          onWorkers: (started) => {
            ready = performance.now();
            pool = started;
          },
        });
        const ms = performance.now() - began;
        const { rss, heap } = memory.stop();
        // Without start-up: from the workers being ready to the last chunk reported (the workers' stop is left out too).
        const runMs = lastChunk - ready;
        runs.push({
          label: `${workers} worker${workers > 1 ? 's' : ''} on Redis`,
          ms,
          runMs,
          json: JSON.stringify(result),
          mainRss: rss,
          mainHeap: heap,
          workerRssKb: pool?.workers.map((w) => w.maxRssKb) ?? [],
        });
      }
    } finally {
      await removeKeys(redisUrl, prefix);
    }
  }

  const base = runs[0];
  console.log(
    `\nper run: ${(pairs * sets).toLocaleString('en-GB')} system–target resolutions, ${applicable.toLocaleString('en-GB')} criterion verdicts (${sets} agreement sets)\n`,
  );
  const header = [
    'run',
    'wall',
    'without start-up',
    'resolutions',
    'verdicts',
    'speed-up',
    'main peak RSS',
    'main peak heap',
    'workers peak RSS',
  ];
  const rows = runs.map((r) => [
    r.label,
    seconds(r.ms),
    seconds(r.runMs),
    rate(pairs * sets, r.runMs),
    rate(applicable, r.runMs),
    `${(base.ms / r.ms).toFixed(2)}× (${(base.runMs / r.runMs).toFixed(2)}×)`,
    mib(r.mainRss),
    mib(r.mainHeap),
    r.workerRssKb.length ? r.workerRssKb.map((kb) => (kb === undefined ? '?' : mib(kb * 1024))).join(' + ') : '—',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log('\nspeed-up = in-process wall time / this run’s wall time (in brackets: without the workers’ start-up).');

  const different = runs.filter((r) => r.json !== base.json);
  if (different.length) {
    console.error(`\nFAIL: results differ from in-process: ${different.map((r) => r.label).join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log(
      `\nresults: byte-identical across ${runs.length} run(s) (${base.json.length.toLocaleString('en-GB')} bytes of JSON).`,
    );
  }
}

async function removeKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
