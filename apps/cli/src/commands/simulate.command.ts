import {
  parseScenarioJson,
  populationSize,
  type Scenario,
  ScenarioFormatError,
  simulate as simulateInProcess,
  type SimulationResult,
} from '@sandbridge/domain';
import { errorMessage, readInput } from '../command-io.js';
import {
  parseSimulationArgs,
  processSimulationCommandIo,
  readCommandLine,
  type SimulationArgs,
  type SimulationCommandIo,
  UsageError,
  writeResult,
} from '../simulation-command.js';
import { type ProgressReporter, silentProgress, terminalProgress } from '../simulation/simulation-progress.js';
import { formatSimulationCsv, formatSimulationTable } from '../simulation/simulation-report.js';
import { type RedisSimulationOptions, simulateOnRedisQueue } from '../simulation/simulate-on-redis.js';

// Database-free, like `recognise`: the pure simulation core of libs/domain and the file (docs/domain.md
// §8.2); only --workers reaches a service (the Redis queue), and only when REDIS_URL says where.

export const SIMULATE_USAGE = `Usage: sandbridge simulate [--json | --csv] [--svg OUT.svg] [--chunk-size N] [--workers N] FILE
  FILE            a sandbridge/scenario@1 document, or - for stdin
  (default)       a readable summary per variant: totals, deltas vs the baseline, top agreements
  --json          exactly one sandbridge/simulation-result@1 JSON document
  --csv           one CSV row per variant: variant, every total, every delta_<total> vs the baseline
  --svg OUT.svg   also write a chart (recognition matrix per variant, totals per variant) to OUT.svg
  --chunk-size N  population units per chunk (progress and parallelism granularity)
  --workers N     run the chunks on the Redis queue with N workers (needs REDIS_URL)
Progress goes to stderr, as a bar when stderr is a terminal; stdout carries only the result.
Exit codes: 0 done, 2 invalid scenario or usage, 1 unexpected failure.`;

/** What the command reads and writes: the process's streams, files and environment in production, fakes in tests. */
export interface SimulateIo extends SimulationCommandIo {
  env: Readonly<Record<string, string | undefined>>;
  /** A fresh progress reporter for one run. */
  progress(): ProgressReporter;
  /** --workers: the run on the Redis queue. */
  simulateOnRedis(scenario: Scenario, options: RedisSimulationOptions): Promise<SimulationResult>;
}

export function processIo(): SimulateIo {
  return {
    ...processSimulationCommandIo(),
    env: process.env,
    progress: () => (process.stderr.isTTY ? terminalProgress(process.stderr) : silentProgress),
    simulateOnRedis: simulateOnRedisQueue,
  };
}

export interface SimulateArgs extends SimulationArgs {
  chunkSize: number | undefined;
  workers: number | undefined;
}

/** Parses the command line; throws UsageError with a one-line reason. `--opt value` and `--opt=value` both work. */
export function parseSimulateArgs(args: readonly string[]): SimulateArgs {
  const own: Pick<SimulateArgs, 'chunkSize' | 'workers'> = { chunkSize: undefined, workers: undefined };
  const positiveInteger = (option: string, text: string | undefined) => {
    if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < 1) {
      throw new UsageError(
        `${option} needs a whole number of at least 1${text === undefined ? '' : ` (got ${JSON.stringify(text)})`}`,
      );
    }
    return Number(text);
  };
  const parsed = parseSimulationArgs(args, 'name one scenario file (or - for stdin)', (option, value) => {
    if (option === '--chunk-size') own.chunkSize = positiveInteger(option, value());
    else if (option === '--workers') own.workers = positiveInteger(option, value());
    else return false;
    return true;
  });
  return { ...parsed, ...own };
}

/**
 * `simulate [options] FILE|-`: runs a sandbridge/scenario@1 and prints the result (see
 * SIMULATE_USAGE). Exit codes: 0 done, 2 usage or an unreadable or invalid scenario (each problem
 * on stderr as `path: message`), 1 a failure of the run itself.
 */
export async function simulate(args: string[], io: SimulateIo): Promise<number> {
  const options = readCommandLine(args, io, 'simulate', SIMULATE_USAGE, parseSimulateArgs);
  if (typeof options === 'number') return options;
  // Checked before reading anything: a usage problem, whatever the file says.
  const redisUrl = io.env.REDIS_URL?.trim();
  if (options.workers !== undefined && !redisUrl) {
    io.stderr(
      'simulate: --workers needs REDIS_URL (the Redis queue the workers share); without --workers the scenario runs in this process\n',
    );
    return 2;
  }

  const text = await readInput(io, 'simulate', options.file);
  if (text === null) return 2;
  let scenario: Scenario;
  try {
    scenario = parseScenarioJson(text);
  } catch (error) {
    if (!(error instanceof ScenarioFormatError)) throw error;
    io.stderr(
      error.errors.length
        ? error.errors.map((problem) => `${problem.path}: ${problem.message}\n`).join('')
        : `${error.message}\n`,
    );
    return 2;
  }

  const progress = io.progress();
  let result: SimulationResult;
  try {
    const onProgress = (done: number, total: number) => progress.update(done, total);
    // The bar appears before the first chunk finishes (the core reports after each chunk).
    progress.update(0, populationSize(scenario));
    result =
      options.workers !== undefined
        ? await io.simulateOnRedis(scenario, {
            redisUrl: redisUrl!,
            workers: options.workers,
            chunkSize: options.chunkSize,
            onProgress,
          })
        : simulateInProcess(scenario, { chunkSize: options.chunkSize, onProgress });
  } catch (error) {
    progress.stop(); // clears the bar first, so the message gets its own line
    io.stderr(`simulate: the run failed: ${errorMessage(error)}\n`);
    return 1;
  } finally {
    progress.stop();
  }

  const jurisdictions = scenario.reference.jurisdictions.map((jurisdiction) => jurisdiction.code);
  return writeResult(io, 'simulate', options, result, {
    svg: async (drawn) => {
      const { renderSimulationSvg } = await import('../simulation/simulation-chart.js');
      return renderSimulationSvg(drawn, { jurisdictions });
    },
    csv: formatSimulationCsv,
    table: formatSimulationTable,
  });
}
