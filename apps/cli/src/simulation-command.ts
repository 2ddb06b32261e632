import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type CommandIo, errorMessage, processCommandIo } from './command-io.js';

// What `simulate` and `simulate-programme` share: their command line — one scenario FILE (or - for
// stdin), --json | --csv, --svg OUT.svg, and each command's own options — the answers to --help and
// to bad usage, and how a result is written: the chart first, then stdout.

/** What a simulation command reads and writes: a file command's streams, and the chart's file. */
export interface SimulationCommandIo extends CommandIo {
  writeFile(path: string, text: string): Promise<void>;
}

export function processSimulationCommandIo(): SimulationCommandIo {
  return { ...processCommandIo(), writeFile: (path, text) => writeFile(resolve(path), text, 'utf8') };
}

/** The options every simulation command takes. */
export interface SimulationArgs {
  file: string;
  output: 'table' | 'json' | 'csv';
  svg: string | null;
}

/** A command line that cannot be run as given (exit code 2). */
export class UsageError extends Error {}

/**
 * Parses a simulation command line; throws UsageError with a one-line reason. `--opt value` and
 * `--opt=value` both work. `option` takes the command's own options: given one and its value (read
 * once asked for; undefined when there is none), it says whether the option is the command's.
 * `noFile` is the reason given when the command line does not name exactly one file.
 */
export function parseSimulationArgs(
  args: readonly string[],
  noFile: string,
  option: (name: string, value: () => string | undefined) => boolean = () => false,
): SimulationArgs {
  const files: string[] = [];
  const parsed: SimulationArgs = { file: '', output: 'table', svg: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-' || !arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const value = () => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('--') && next !== '-')) return undefined;
      i++;
      return next;
    };
    switch (name) {
      case '--json':
      case '--csv': {
        if (inline !== undefined) throw new UsageError(`${name} takes no value`);
        const output = name === '--json' ? 'json' : 'csv';
        if (parsed.output !== 'table' && parsed.output !== output)
          throw new UsageError('--json and --csv both write stdout: choose one');
        parsed.output = output;
        break;
      }
      case '--svg': {
        const path = value();
        if (!path || path === '-')
          throw new UsageError('--svg needs the path of the file to write (stdout carries the result)');
        parsed.svg = path;
        break;
      }
      default:
        if (!option(name, value)) throw new UsageError(`unknown option ${name}`);
    }
  }
  if (files.length !== 1) throw new UsageError(noFile);
  parsed.file = files[0];
  return parsed;
}

/**
 * The command line's options, or the exit code when there is nothing to run: --help writes `usage`
 * to stderr (0); a command line `parse` refuses writes the reason and `usage` (2).
 */
export function readCommandLine<T extends SimulationArgs>(
  args: string[],
  io: CommandIo,
  command: string,
  usage: string,
  parse: (args: readonly string[]) => T,
): T | number {
  if (args.includes('--help')) {
    io.stderr(`${usage}\n`);
    return 0;
  }
  try {
    return parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${command}: ${error.message}\n${usage}\n`);
    return 2;
  }
}

/** How a command writes its result: the chart (SVG text) and the result as CSV and as a readable table. */
export interface ResultFormats<R> {
  svg(result: R): Promise<string>;
  csv(result: R): string;
  table(result: R): string;
}

/**
 * Writes a run's result: the chart first, to `options.svg` when asked for — when it cannot be
 * written, stdout stays empty rather than half a report (exit code 2) — then the result on stdout
 * as --json, --csv or the table (0).
 */
export async function writeResult<R>(
  io: SimulationCommandIo,
  command: string,
  options: SimulationArgs,
  result: R,
  formats: ResultFormats<R>,
): Promise<number> {
  if (options.svg !== null) {
    const svg = await formats.svg(result);
    try {
      await io.writeFile(options.svg, svg);
    } catch (error) {
      io.stderr(`${command}: cannot write ${options.svg}: ${errorMessage(error)}\n`);
      return 2;
    }
  }
  const output =
    options.output === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : options.output === 'csv'
        ? formats.csv(result)
        : formats.table(result);
  await io.stdout(output);
  return 0;
}
