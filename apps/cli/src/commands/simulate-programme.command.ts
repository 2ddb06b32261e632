import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type ProgrammeResult,
  type ProgrammeScenario,
  readProgrammeScenarioJson,
  simulateProgramme,
} from '@sandbridge/domain';
import { type CommandIo, errorMessage, processCommandIo, readInput } from '../command-io.js';
import { formatProgrammeCsv, formatProgrammeTable } from '../programme/programme-report.js';

// Database-free, like `simulate`: the pure programme simulation of libs/domain and the file
// (docs/programme-simulation.md). Everything runs in this process.

export const SIMULATE_PROGRAMME_USAGE = `Usage: sandbridge simulate-programme [--json | --csv] [--svg OUT.svg] FILE
  FILE            a sandbridge/programme-scenario@1 document, or - for stdin
  (default)       a readable table per design: each metric's mean and 5–95 % interval, the
                  difference to the first design, and each authority's admitted/declined
  --json          exactly one sandbridge/programme-result@1 JSON document
  --csv           one CSV row per design and figure: mean, p5, p95, delta vs the first design
  --svg OUT.svg   also write the funnel of every design (means with 5–95 % intervals) to OUT.svg
Exit codes: 0 done, 2 invalid scenario or usage, 1 unexpected failure.`;

export interface SimulateProgrammeIo extends CommandIo {
  writeFile(path: string, text: string): Promise<void>;
}

export function processIo(): SimulateProgrammeIo {
  return { ...processCommandIo(), writeFile: (path, text) => writeFile(resolve(path), text, 'utf8') };
}

export interface SimulateProgrammeArgs {
  file: string;
  output: 'table' | 'json' | 'csv';
  svg: string | null;
}

/** A command line that cannot be run as given (exit code 2). */
export class UsageError extends Error {}

/** Parses the command line; throws UsageError with a one-line reason. `--svg out.svg` and `--svg=out.svg` both work. */
export function parseSimulateProgrammeArgs(args: readonly string[]): SimulateProgrammeArgs {
  const files: string[] = [];
  const parsed: SimulateProgrammeArgs = { file: '', output: 'table', svg: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-' || !arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const option = eq < 0 ? arg : arg.slice(0, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    switch (option) {
      case '--json':
      case '--csv': {
        if (inline !== undefined) throw new UsageError(`${option} takes no value`);
        const output = option === '--json' ? 'json' : 'csv';
        if (parsed.output !== 'table' && parsed.output !== output)
          throw new UsageError('--json and --csv both write stdout: choose one');
        parsed.output = output;
        break;
      }
      case '--svg': {
        let path = inline;
        if (path === undefined && args[i + 1] !== undefined && !args[i + 1].startsWith('--')) path = args[++i];
        if (!path || path === '-')
          throw new UsageError('--svg needs the path of the file to write (stdout carries the result)');
        parsed.svg = path;
        break;
      }
      default:
        throw new UsageError(`unknown option ${option}`);
    }
  }
  if (files.length !== 1) throw new UsageError('name one programme scenario file (or - for stdin)');
  parsed.file = files[0];
  return parsed;
}

/**
 * `simulate-programme [options] FILE|-`: runs a sandbridge/programme-scenario@1 and prints the
 * result. Exit codes: 0 done, 2 usage or an unreadable or invalid scenario (each problem on stderr
 * as `path: message`), 1 a failure of the run itself.
 */
export async function simulateProgrammeCommand(args: string[], io: SimulateProgrammeIo): Promise<number> {
  if (args.includes('--help')) {
    io.stderr(`${SIMULATE_PROGRAMME_USAGE}\n`);
    return 0;
  }
  let options: SimulateProgrammeArgs;
  try {
    options = parseSimulateProgrammeArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`simulate-programme: ${error.message}\n${SIMULATE_PROGRAMME_USAGE}\n`);
    return 2;
  }
  const text = await readInput(io, 'simulate-programme', options.file);
  if (text === null) return 2;
  const reading = readProgrammeScenarioJson(text);
  if ('errors' in reading) {
    io.stderr(reading.errors.map((problem) => `${problem.path}: ${problem.message}\n`).join(''));
    return 2;
  }
  const scenario: ProgrammeScenario = reading.scenario;
  let result: ProgrammeResult;
  try {
    result = simulateProgramme(scenario);
  } catch (error) {
    io.stderr(`simulate-programme: the run failed: ${errorMessage(error)}\n`);
    return 1;
  }
  // The chart first: when it cannot be written, stdout stays empty rather than half a report.
  if (options.svg !== null) {
    const { renderProgrammeFunnelSvg } = await import('@sandbridge/charts');
    try {
      await io.writeFile(options.svg, await renderProgrammeFunnelSvg(result));
    } catch (error) {
      io.stderr(`simulate-programme: cannot write ${options.svg}: ${errorMessage(error)}\n`);
      return 2;
    }
  }
  const output =
    options.output === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : options.output === 'csv'
        ? formatProgrammeCsv(result)
        : formatProgrammeTable(result);
  await io.stdout(output);
  return 0;
}
