// Replications in ranges, partials merged, the result finished (docs/programme-simulation.md): a job
// system computes ranges of replications separately (threads, processes, machines) and merges them in
// any order; the result is byte for byte the one computed in one go, because a partial keeps every
// replication's figures (percentiles are then exact) and the means are summed in replication order.
import { DesignModel, nearestRank, rowWidth } from './programme-model.js';
import {
  AUTHORITY_FIGURES,
  type AuthorityFigures,
  type DesignResult,
  type Figure,
  PROGRAMME_METRICS,
  PROGRAMME_RESULT_FORMAT,
  type ProgrammeMetric,
  type ProgrammePartial,
  type ProgrammeResult,
  type ProgrammeScenario,
  type ProgrammeSegment,
} from './programme-scenario.js';

// Compiling a design allocates its workspace: once per scenario object, not once per range.
const models = new WeakMap<ProgrammeScenario, DesignModel[]>();

function modelsOf(scenario: ProgrammeScenario): DesignModel[] {
  let compiled = models.get(scenario);
  if (!compiled) {
    compiled = scenario.designs.map((design) => new DesignModel(scenario, design));
    models.set(scenario, compiled);
  }
  return compiled;
}

/**
 * The figures of replications `[from, to)` of every design. Replication r is a pure function of the
 * scenario and r: the same in any range, and the same whatever designs sit beside it.
 */
export function simulateProgrammeReplications(scenario: ProgrammeScenario, from: number, to: number): ProgrammePartial {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from || to > scenario.replications)
    throw new RangeError(`replications [${from}, ${to}) are not within [0, ${scenario.replications})`);
  if (from === to) return { segments: [] };
  const designs = modelsOf(scenario).map((model) => {
    const row = new Float64Array((to - from) * model.width);
    for (let r = from; r < to; r++) model.run(r, row, (r - from) * model.width);
    return Array.from(row);
  });
  return { segments: [{ from, to, designs }] };
}

/**
 * Partials merged into one: their segments ordered by `from`, adjacent ones joined. Associative and
 * order-independent (the result is the same canonical partial whatever the grouping or order);
 * overlapping replications are refused, since they would count twice.
 */
export function mergeProgrammePartials(parts: readonly ProgrammePartial[]): ProgrammePartial {
  const segments = parts.flatMap((part) => part.segments).sort((x, y) => x.from - y.from || x.to - y.to);
  // Runs of adjacent segments, each joined once (joining pairwise would copy a long run again and again).
  const runs: ProgrammeSegment[][] = [];
  for (const segment of segments) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (previous && segment.from < previous.to)
      throw new RangeError(`replications [${segment.from}, ${segment.to}) overlap [${previous.from}, ${previous.to})`);
    if (previous && segment.from === previous.to) run.push(segment);
    else runs.push([segment]);
  }
  return {
    segments: runs.map((run) => ({
      from: run[0].from,
      to: run[run.length - 1].to,
      designs: run[0].designs.map((_, d) => {
        const values: number[] = [];
        for (const segment of run) for (const v of segment.designs[d]) values.push(v);
        return values;
      }),
    })),
  };
}

/** Half away from zero at 6 decimals, and never -0. */
export function round6(x: number): number {
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 1e6)) / 1e6;
  return r === 0 ? 0 : r;
}

/** One column over all replications: the exact mean (summed in replication order) and the rounded figure. */
function figure(
  values: readonly number[],
  width: number,
  column: number,
  replications: number,
): { exact: number; figure: Figure } {
  const column_ = new Float64Array(replications);
  let sum = 0;
  for (let r = 0; r < replications; r++) {
    const v = values[r * width + column];
    column_[r] = v;
    sum += v;
  }
  column_.sort();
  const exact = sum / replications;
  return {
    exact,
    figure: {
      mean: round6(exact),
      p5: round6(nearestRank(column_, replications, 5)),
      p95: round6(nearestRank(column_, replications, 95)),
    },
  };
}

/**
 * `sandbridge/programme-result@1` from the partials of every replication (merged here, in any
 * order): per design its metrics and per-authority figures as `{ mean, p5, p95 }` over replications,
 * and each metric's mean minus the first design's (from unrounded means, then rounded).
 */
export function finishProgrammeSimulation(
  scenario: ProgrammeScenario,
  partials: readonly ProgrammePartial[],
): ProgrammeResult {
  const { segments } = mergeProgrammePartials(partials);
  const n = scenario.replications;
  if (segments.length !== 1 || segments[0].from !== 0 || segments[0].to !== n)
    throw new RangeError(
      `the partials cover ${segments.map((s) => `[${s.from}, ${s.to})`).join(' ') || 'nothing'}, not [0, ${n})`,
    );
  const values = segments[0].designs;
  let firstMeans: number[] | null = null;
  const designs = scenario.designs.map((design, d): DesignResult => {
    const width = rowWidth(design);
    if (values[d]?.length !== n * width)
      throw new RangeError(`design ${d} has ${values[d]?.length} values, not ${n * width}`);
    const exact: number[] = [];
    const metrics = {} as Record<ProgrammeMetric, Figure>;
    PROGRAMME_METRICS.forEach((metric, column) => {
      const f = figure(values[d], width, column, n);
      exact.push(f.exact);
      metrics[metric] = f.figure;
    });
    const byAuthority = design.participants.map((authority, p): AuthorityFigures => {
      const figures = { authority } as AuthorityFigures;
      AUTHORITY_FIGURES.forEach((key, k) => {
        figures[key] = figure(values[d], width, PROGRAMME_METRICS.length + 3 * p + k, n).figure;
      });
      return figures;
    });
    firstMeans ??= exact;
    const deltaVsFirst = {} as Record<ProgrammeMetric, number>;
    PROGRAMME_METRICS.forEach((metric, column) => {
      deltaVsFirst[metric] = round6(exact[column] - firstMeans![column]);
    });
    return { name: design.name, metrics, byAuthority, deltaVsFirst };
  });
  return {
    format: PROGRAMME_RESULT_FORMAT,
    scenario: { seed: scenario.seed, replications: n },
    designs,
  };
}

export interface ProgrammeSimulationOptions {
  /** Replications per range (the granularity of progress); the result does not depend on it. */
  chunkSize?: number;
  /** Called after each range with replications done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Every replication of the scenario, in ranges of `chunkSize`, finished into the result. */
export function simulateProgramme(
  scenario: ProgrammeScenario,
  options: ProgrammeSimulationOptions = {},
): ProgrammeResult {
  const total = scenario.replications;
  const chunkSize = options.chunkSize ?? total;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1)
    throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const partials: ProgrammePartial[] = [];
  for (let from = 0; from < total; from += chunkSize) {
    const to = Math.min(total, from + chunkSize);
    partials.push(simulateProgrammeReplications(scenario, from, to));
    options.onProgress?.(to, total);
  }
  return finishProgrammeSimulation(scenario, partials);
}
