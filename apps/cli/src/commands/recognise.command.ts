import { CaseFormatError, parseRecognitionCaseJson, type RecognitionCase, resolveCase } from '@sandbridge/domain';
import { type CommandIo, processCommandIo, readInput } from '../command-io.js';
import { explainResult } from './recognise-explain.js';

// Database-free on purpose: this module imports the pure domain library only, never Nest, TypeORM
// or the configuration, so `recognise` answers from the file alone (DESIGN.md §8).

export const RECOGNISE_USAGE = `Usage: sandbridge recognise [--explain] FILE
  FILE        a sandbridge/recognition-case@1 document, or - for stdin
  --explain   print a readable table instead of the sandbridge/recognition-result@1 JSON`;

/** What the command reads and writes (see CommandIo). */
export type RecogniseIo = CommandIo;

export const processIo = (): RecogniseIo => processCommandIo();

/**
 * `recognise [--explain] FILE|-`: resolves a recognition case. Stdout gets exactly one JSON document
 * (or the table with --explain); everything else goes to stderr. Exit codes: 0 resolved, 2 usage
 * or an unreadable or invalid case (its message names the JSON path of the first problem).
 */
export async function recognise(args: string[], io: RecogniseIo): Promise<number> {
  const explain = args.includes('--explain');
  const options = args.filter((arg) => arg.startsWith('--'));
  const files = args.filter((arg) => !arg.startsWith('--'));
  if (args.includes('--help')) {
    io.stderr(`${RECOGNISE_USAGE}\n`);
    return 0;
  }
  const unknown = options.find((option) => option !== '--explain');
  if (unknown || files.length !== 1) {
    io.stderr(
      `${unknown ? `recognise: unknown option ${unknown}` : 'recognise: name one case file (or - for stdin)'}\n${RECOGNISE_USAGE}\n`,
    );
    return 2;
  }
  const [file] = files;
  const text = await readInput(io, 'recognise', file);
  if (text === null) return 2;
  let input: RecognitionCase;
  try {
    input = parseRecognitionCaseJson(text);
  } catch (error) {
    if (!(error instanceof CaseFormatError)) throw error;
    io.stderr(`${error.message}\n`);
    return 2;
  }
  const output = resolveCase(input);
  await io.stdout(explain ? explainResult(input, output) : `${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
