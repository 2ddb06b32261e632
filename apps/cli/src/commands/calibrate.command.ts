import { calibrate } from '@sandbridge/domain';
import { type CommandIo, processCommandIo, readInput } from '../command-io.js';

// `calibrate FILE`: observed sandbox funnels in, a runnable sandbridge/programme-scenario@1 out
// (docs/programme-simulation.md#calibration). Database-free.

export const CALIBRATE_USAGE = `Usage: sandbridge calibrate FILE
  FILE   a JSON array of observed funnels [{ "authority", "applications", "admitted", "jurisdiction"? }],
         or - for stdin
Prints a sandbridge/programme-scenario@1 whose screening rates are the Beta(1 + admitted, 1 + declined)
posterior means, with each authority's 90 % credible interval in its "calibration" field.
Exit codes: 0 done, 2 invalid observations or usage.`;

export const processIo = processCommandIo;

export async function calibrateCommand(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help')) {
    io.stderr(`${CALIBRATE_USAGE}\n`);
    return 0;
  }
  const unknown = args.find((arg) => arg.startsWith('--'));
  if (unknown !== undefined || args.length !== 1) {
    io.stderr(
      `calibrate: ${unknown !== undefined ? `unknown option ${unknown}` : 'name one observations file (or - for stdin)'}\n${CALIBRATE_USAGE}\n`,
    );
    return 2;
  }
  const text = await readInput(io, 'calibrate', args[0]);
  if (text === null) return 2;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    io.stderr(`$: not valid JSON (${error instanceof Error ? error.message : String(error)})\n`);
    return 2;
  }
  const calibrated = calibrate(value);
  if ('errors' in calibrated) {
    io.stderr(calibrated.errors.map((problem) => `${problem.path}: ${problem.message}\n`).join(''));
    return 2;
  }
  await io.stdout(`${JSON.stringify(calibrated.document, null, 2)}\n`);
  return 0;
}
