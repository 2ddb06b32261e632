// One main() that reads top to bottom as the run it performs (check agreement, then time each contender): kept in one file.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  BULK_OUTCOMES,
  bulkDecisions,
  type CaseResult,
  type CaseSystem,
  compileRecognition,
  createBulkOutput,
  prepareBulkSystem,
  type RecognitionDecision,
  RecognitionIndex,
  resolvePreparedBulk,
  resolveQuery,
  syntheticCase,
  syntheticRecognition,
} from '@sandbridge/domain';
import { naiveResolve, PlainCandidates } from './recognition-baselines.js';
import { RulesEngineBaseline } from './recognition-rules-engine.js';

/**
 * npm run bench:recognition — the recognition engine's bulk mode over a seeded synthetic set
 * (default: 20 jurisdictions × 100 criteria, 40 agreements × 5 rules, 10,000 systems × 60 results,
 * each system against all 20 authorities), next to two baselines measured in the same run on the
 * same data — a naive scan of all rules per candidate, and the rules in json-rules-engine — after
 * checking that all of them, and the explained mode, decide the same on a sample. Also the
 * explained mode's time per system (all authorities).
 *
 * Settings: BENCH_SEED (20260601), BENCH_SYSTEMS (10000), BENCH_RUNS (3 timed bulk passes),
 * BENCH_SAMPLE (200: systems for the explained mode, the naive scan and the agreement check),
 * BENCH_JRE_SAMPLE (100: systems for json-rules-engine); `--quick` = 1,000 systems, samples 50/25,
 * one run. Run with --expose-gc (the npm script does) for memory figures taken after a collection.
 */

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const SEED = positive('BENCH_SEED', 20260601);
const SYSTEMS = positive('BENCH_SYSTEMS', quick ? 1000 : 10_000);
const RUNS = positive('BENCH_RUNS', quick ? 1 : 3);
const SAMPLE = Math.min(SYSTEMS, positive('BENCH_SAMPLE', quick ? 50 : 200));
const JRE_SAMPLE = Math.min(SAMPLE, positive('BENCH_JRE_SAMPLE', quick ? 25 : 100));
const EXPLAINED_LIMIT_MS = 5;
const BULK_LIMIT_MS = 1000;
const JRE_RATIO_FLOOR = 30;

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a positive integer (got ${raw})`);
  return Number(raw);
}

const gc = (globalThis as { gc?: () => void }).gc;
const MB = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Heap (after a collection when --expose-gc) before a phase, the peak sampled during it, and what it keeps. */
class HeapWatch {
  private readonly base: number;
  private peak: number;
  private peakRss: number;
  constructor() {
    gc?.();
    this.base = process.memoryUsage().heapUsed;
    this.peak = this.base;
    this.peakRss = process.memoryUsage.rss();
  }
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
    this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss());
  }
  end(): { peakDelta: number; retainedDelta: number; peakRss: number } {
    this.sample();
    gc?.();
    return {
      peakDelta: this.peak - this.base,
      retainedDelta: process.memoryUsage().heapUsed - this.base,
      peakRss: this.peakRss,
    };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2
    ? sorted[(sorted.length - 1) / 2]
    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
}

/** Wall and CPU (user + system, this process) milliseconds since `start()`. */
function stopwatch(): () => { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
  };
}

/** Evenly spread system numbers. */
const spread = (count: number) => Array.from({ length: count }, (_, i) => Math.floor((i * SYSTEMS) / count));

function firstDifference(
  label: string,
  system: string,
  authority: string,
  a: RecognitionDecision[],
  b: RecognitionDecision[],
): void {
  const i = a.findIndex((x, k) => JSON.stringify(x) !== JSON.stringify(b[k]));
  if (a.length !== b.length || i >= 0) {
    throw new Error(
      `${label} disagree for ${system} @ ${authority}: ${JSON.stringify(a[i])} vs ${JSON.stringify(b[i])} (lengths ${a.length}, ${b.length})`,
    );
  }
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  say(`bench:recognition — seed ${SEED}${quick ? ' (--quick)' : ''}`);
  say(
    `node ${process.version} on ${process.platform}/${process.arch}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}); load avg ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  say(
    `memory: heapUsed via process.memoryUsage(), ${gc ? 'after gc()' : 'WITHOUT gc (run with --expose-gc)'} before each phase; "peak Δ" = max heapUsed sampled during the phase − that baseline; "kept Δ" = heapUsed after the phase (and gc) − baseline; RSS = max sampled`,
  );
  say();

  // The set.
  let t = performance.now();
  const set = syntheticRecognition({ seed: SEED, systems: SYSTEMS });
  const staticMs = performance.now() - t;
  const authorities = set.static.authorities;
  const rulesTotal = set.static.agreements.reduce((n, a) => n + a.rules.length, 0);
  let watch = new HeapWatch();
  t = performance.now();
  const population: { system: CaseSystem; results: CaseResult[] }[] = Array.from({ length: SYSTEMS }, (_, n) =>
    set.system(n),
  );
  const populationMs = performance.now() - t;
  const populationMemory = watch.end();
  const resultsTotal = population.reduce((n, p) => n + p.results.length, 0);
  const criteriaPerTarget = authorities.map((a) => set.static.criteria.filter((c) => c.authority === a.id).length);
  const verdictsPerSystem = criteriaPerTarget.reduce((a, b) => a + b, 0);
  const verdictsTotal = verdictsPerSystem * SYSTEMS;
  say(
    `set: ${set.static.jurisdictions.length} jurisdictions (one authority each), ${set.static.criteria.length} criteria, ${set.static.crosswalks.length} crosswalks, ` +
      `${set.static.agreements.length} agreements × ${rulesTotal / set.static.agreements.length} rules; ${fmt(SYSTEMS)} systems, ${fmt(resultsTotal)} results; ` +
      `each system against all ${authorities.length} authorities = ${fmt(verdictsTotal)} criterion verdicts`,
  );
  say(
    `generated in ${ms(staticMs)} ms (static) + ${ms(populationMs)} ms (systems and results as plain CaseSystem/CaseResult objects: ${MB(populationMemory.retainedDelta)} of heap)`,
  );

  watch = new HeapWatch();
  t = performance.now();
  const compiled = compileRecognition(set.static);
  const compileMs = performance.now() - t;
  const compileMemory = watch.end();
  say(`compileRecognition: ${ms(compileMs)} ms, ${MB(compileMemory.retainedDelta)} kept`);
  say();

  // Agreement first: the bulk mode, the explained mode and both baselines decide the same on the sample.
  const sample = spread(SAMPLE);
  const jreSample = sample.slice(0, JRE_SAMPLE);
  const sampleCase = syntheticCase(set, sample);
  t = performance.now();
  const index = new RecognitionIndex(sampleCase);
  const indexMs = performance.now() - t;
  const plain = new PlainCandidates(set.static);
  const jre = new RulesEngineBaseline(plain);
  const out = createBulkOutput(compiled);
  const prepared = prepareBulkSystem(compiled, population[0].system, population[0].results);
  let checked = 0;
  for (const [i, n] of sample.entries()) {
    const { system, results } = population[n];
    prepareBulkSystem(compiled, system, results, prepared);
    for (const [a, authority] of authorities.entries()) {
      resolvePreparedBulk(compiled, prepared, a, out);
      const bulk = bulkDecisions(compiled, out);
      const explained = resolveQuery(index, system.id, authority.id).criteria.map(
        ({ criterion, outcome, result, agreement, rule, divergent }) => ({
          criterion,
          outcome,
          result,
          agreement,
          rule,
          divergent,
        }),
      );
      firstDifference('bulk and explained', system.id, authority.id, bulk, explained);
      firstDifference(
        'bulk and naive',
        system.id,
        authority.id,
        bulk,
        naiveResolve(plain, system, results, authority.id),
      );
      if (i < JRE_SAMPLE)
        firstDifference(
          'bulk and json-rules-engine',
          system.id,
          authority.id,
          bulk,
          await jre.resolve(system, results, authority.id),
        );
      checked += bulk.length;
    }
  }
  say(
    `agreement: bulk = explained = naive on ${SAMPLE} systems, and = json-rules-engine on ${JRE_SAMPLE} of them (${fmt(checked)} criterion verdicts compared field by field: outcome, result, agreement, rule, divergent)`,
  );
  say();

  // 1. Bulk: every system prepared once, then resolved against every authority.
  const counts = new Float64Array(BULK_OUTCOMES.length);
  let divergent = 0;
  const bulkPass = (systems: number, record: boolean, heap?: HeapWatch) => {
    for (let n = 0; n < systems; n++) {
      const { system, results } = population[n];
      prepareBulkSystem(compiled, system, results, prepared);
      for (let a = 0; a < authorities.length; a++) {
        resolvePreparedBulk(compiled, prepared, a, out);
        if (record) {
          for (let k = 0; k < out.count; k++) {
            counts[out.outcome[k]]++;
            divergent += out.divergent[k];
          }
        }
      }
      if (heap && (n & 255) === 0) heap.sample();
    }
  };
  bulkPass(Math.min(SYSTEMS, 500), false); // warm-up: let the JIT settle
  const bulkRuns: { wall: number; cpu: number }[] = [];
  let bulkMemory = { peakDelta: 0, retainedDelta: 0, peakRss: 0 };
  for (let run = 0; run < RUNS; run++) {
    counts.fill(0);
    divergent = 0;
    const heap = new HeapWatch();
    const stop = stopwatch();
    bulkPass(SYSTEMS, true, heap);
    bulkRuns.push(stop());
    const memory = heap.end();
    if (run === 0 || memory.peakDelta > bulkMemory.peakDelta) bulkMemory = memory;
  }
  const bulkMs = median(bulkRuns.map((r) => r.wall));
  const bulkCpu = median(bulkRuns.map((r) => r.cpu));
  const countedTotal = counts.reduce((a, b) => a + b, 0);
  if (countedTotal !== verdictsTotal) throw new Error(`bulk wrote ${countedTotal} verdicts, expected ${verdictsTotal}`);

  // 2. Explained mode: per system, all authorities, with every check and candidate.
  const perSystem: number[] = [];
  const perSystemCpu: number[] = [];
  for (const n of sample.slice(0, 20)) for (const a of authorities) resolveQuery(index, population[n].system.id, a.id); // warm-up
  let heap = new HeapWatch();
  for (const n of sample) {
    const stop = stopwatch();
    for (const a of authorities) resolveQuery(index, population[n].system.id, a.id);
    const spent = stop();
    perSystem.push(spent.wall);
    perSystemCpu.push(spent.cpu);
    heap.sample();
  }
  const explainedMemory = heap.end();
  const explainedSorted = [...perSystem].sort((a, b) => a - b);
  const cpuSorted = [...perSystemCpu].sort((a, b) => a - b);
  const explained = { wall: perSystem.reduce((a, b) => a + b, 0), cpu: perSystemCpu.reduce((a, b) => a + b, 0) };

  // 3. Naive scan on the sample.
  heap = new HeapWatch();
  let stop = stopwatch();
  for (const n of sample) {
    const { system, results } = population[n];
    for (const a of authorities) naiveResolve(plain, system, results, a.id);
    heap.sample();
  }
  const naive = stop();
  const naiveMemory = heap.end();

  // 4. json-rules-engine on its sample.
  heap = new HeapWatch();
  stop = stopwatch();
  for (const n of jreSample) {
    const { system, results } = population[n];
    for (const a of authorities) await jre.resolve(system, results, a.id);
    heap.sample();
  }
  const jreTime = stop();
  const jreMemory = heap.end();

  // Rates from CPU time (this process's user + system): the machine is shared, so wall time also
  // counts other processes' turns; the wall-clock figures are printed next to them.
  const bulkRate = (verdictsTotal / bulkCpu) * 1000;
  const rateOf = (systems: number, time: { cpu: number }) => ((verdictsPerSystem * systems) / time.cpu) * 1000;
  const explainedRate = rateOf(SAMPLE, explained);
  const naiveRate = rateOf(SAMPLE, naive);
  const jreRate = rateOf(JRE_SAMPLE, jreTime);
  const row = (
    name: string,
    systems: number,
    time: { wall: number; cpu: number },
    rate: number,
    memory: { peakDelta: number },
  ) => {
    const measured = systems === SYSTEMS;
    return [
      name,
      fmt(systems),
      measured ? `${ms(time.cpu)} ms` : `${fmt((verdictsTotal / rate) * 1000)} ms (scaled)`,
      measured ? `${ms(time.wall)} ms` : `${fmt((time.wall * SYSTEMS) / systems)} ms (scaled)`,
      fmt(rate),
      ms(time.cpu / systems),
      MB(memory.peakDelta),
      measured ? '1×' : `${(bulkRate / rate).toFixed(0)}×`,
    ];
  };
  const table = [
    [
      'mode',
      'systems run',
      `CPU time, ${fmt(SYSTEMS)} systems`,
      'wall time',
      'verdicts/s (CPU)',
      'CPU ms/system',
      'heap peak Δ',
      'bulk faster by',
    ],
    row('bulk (compiled, typed arrays)', SYSTEMS, { wall: bulkMs, cpu: bulkCpu }, bulkRate, bulkMemory),
    row('explained (resolveQuery)', SAMPLE, explained, explainedRate, explainedMemory),
    row('naive scan of all rules', SAMPLE, naive, naiveRate, naiveMemory),
    row('json-rules-engine', JRE_SAMPLE, jreTime, jreRate, jreMemory),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  for (const r of table)
    say(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   '));
  say();
  say(
    `bulk: ${RUNS} timed pass${RUNS > 1 ? 'es' : ''} over all ${fmt(SYSTEMS)} systems after a 500-system warm-up: ${bulkRuns.map((r) => `CPU ${ms(r.cpu)} ms (wall ${ms(r.wall)} ms)`).join(', ')}; median shown. One JavaScript thread: CPU time is one core's time (≈ wall time on an idle machine).`,
  );
  say(
    `      includes prepareBulkSystem of each system's ${resultsTotal / SYSTEMS} plain results and reading every output slot; heap kept Δ ${MB(bulkMemory.retainedDelta)}, RSS peak ${MB(bulkMemory.peakRss)}`,
  );
  say(
    `baselines: run on the first ${SAMPLE} (naive, explained) / ${JRE_SAMPLE} (json-rules-engine) of ${SAMPLE} evenly spread systems, each against all ${authorities.length} authorities; their totals are SCALED to ${fmt(SYSTEMS)} systems by verdicts/s`,
  );
  say(
    `           json-rules-engine: ${jre.ruleCount} rule entries in per-pair engines (rules in force only); one await engine.run(facts) per candidate result`,
  );
  say(
    `explained: per system (${authorities.length} targets, full checks and candidates), ${SAMPLE} systems after a 20-system warm-up: CPU median ${ms(median(perSystemCpu))} ms, p95 ${ms(percentile(cpuSorted, 95))} ms, max ${ms(cpuSorted[cpuSorted.length - 1])} ms; wall median ${ms(median(perSystem))} ms, p95 ${ms(percentile(explainedSorted, 95))} ms; RecognitionIndex for the sample built in ${ms(indexMs)} ms`,
  );
  say();
  say(`outcomes (bulk, all ${fmt(verdictsTotal)} verdicts):`);
  BULK_OUTCOMES.forEach((outcome, code) =>
    say(
      `  ${outcome.padEnd(27)} ${fmt(counts[code]).padStart(12)}  ${((100 * counts[code]) / verdictsTotal).toFixed(2).padStart(6)}%`,
    ),
  );
  say(`  ${'divergent (of recognised)'.padEnd(27)} ${fmt(divergent).padStart(12)}`);
  say();
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  say(
    `targets: bulk full set < ${BULK_LIMIT_MS} ms: CPU ${ms(bulkCpu)} ms, wall ${ms(bulkMs)} ms — ${verdict(bulkCpu < BULK_LIMIT_MS)}${bulkMs >= BULK_LIMIT_MS ? ' (on CPU time; wall time includes waiting for a busy machine)' : ''}`,
  );
  say(
    `         bulk ≥ ${JRE_RATIO_FLOOR}× json-rules-engine: ${(bulkRate / jreRate).toFixed(0)}× — ${verdict(bulkRate / jreRate >= JRE_RATIO_FLOOR)}`,
  );
  say(
    `         explained per system < ${EXPLAINED_LIMIT_MS} ms: CPU median ${ms(median(perSystemCpu))} ms, p95 ${ms(percentile(cpuSorted, 95))} ms — ${verdict(percentile(cpuSorted, 95) < EXPLAINED_LIMIT_MS)}`,
  );
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (error) => {
    console.error('bench:recognition failed:', error);
    process.exitCode = 1;
  },
);
