import {
  type ProgrammeResult,
  type ProgrammeScenario,
  readProgrammeScenarioJson,
  simulateProgramme,
} from '@sandbridge/domain';
import { errorMessage, readInput } from '../command-io.js';
import {
  parseSimulationArgs,
  processSimulationCommandIo,
  readCommandLine,
  type SimulationCommandIo,
  writeResult,
} from '../simulation-command.js';
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

export type SimulateProgrammeIo = SimulationCommandIo;

export const processIo = processSimulationCommandIo;

/** Parses the command line; throws UsageError with a one-line reason. `--svg out.svg` and `--svg=out.svg` both work. */
export const parseSimulateProgrammeArgs = (args: readonly string[]) =>
  parseSimulationArgs(args, 'name one programme scenario file (or - for stdin)');

/**
 * `simulate-programme [options] FILE|-`: runs a sandbridge/programme-scenario@1 and prints the
 * result. Exit codes: 0 done, 2 usage or an unreadable or invalid scenario (each problem on stderr
 * as `path: message`), 1 a failure of the run itself.
 */
export async function simulateProgrammeCommand(args: string[], io: SimulateProgrammeIo): Promise<number> {
  const options = readCommandLine(args, io, 'simulate-programme', SIMULATE_PROGRAMME_USAGE, parseSimulateProgrammeArgs);
  if (typeof options === 'number') return options;
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
  return writeResult(io, 'simulate-programme', options, result, {
    svg: async (drawn) => (await import('@sandbridge/charts')).renderProgrammeFunnelSvg(drawn),
    csv: formatProgrammeCsv,
    table: formatProgrammeTable,
  });
}
