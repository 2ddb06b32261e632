import { CaseFormatError, parseRecognitionCaseJson, type RecognitionCase, resolveCase } from '@sandbridge/domain';
import { type CommandIo, processCommandIo, readInput } from '../command-io.js';
import { DEFAULT_WIDTH, explainResult } from './recognise-explain.js';

// Database-free on purpose: this module imports the pure domain library only, never Nest, TypeORM
// or the configuration, so `recognise` answers from the file alone (docs/formats.md).

export const RECOGNISE_USAGE = `Usage: sandbridge recognise [--explain [--width N]] FILE
  FILE        a sandbridge/recognition-case@1 document, or - for stdin
  --explain   print a readable table instead of the sandbridge/recognition-result@1 JSON: each
              criterion by key and id, with its outcome, the result and agreement/rule, and why
  --width N   fit the table to N columns (default: the terminal's width, or ${DEFAULT_WIDTH})`;

const MIN_WIDTH = 40;

/** What the command reads and writes (see CommandIo), and the terminal's width when stdout is one. */
export type RecogniseIo = CommandIo & { columns?: number };

export const processIo = (): RecogniseIo => ({
  ...processCommandIo(),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
});

interface RecogniseArgs {
  explain: boolean;
  width: number | null;
  files: string[];
}

/** The arguments, or the problem with them (for the usage message). */
function readArgs(args: string[]): RecogniseArgs | string {
  const read: RecogniseArgs = { explain: false, width: null, files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--explain') read.explain = true;
    else if (arg === '--width' || arg.startsWith('--width=')) {
      const value = arg === '--width' ? args[++i] : arg.slice('--width='.length);
      const width = Number(value);
      if (!Number.isInteger(width) || width < MIN_WIDTH)
        return `--width takes a whole number of columns, at least ${MIN_WIDTH} (was ${value ?? 'missing'})`;
      read.width = width;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else read.files.push(arg);
  }
  if (read.files.length !== 1) return 'name one case file (or - for stdin)';
  return read;
}

/**
 * `recognise [--explain [--width N]] FILE|-`: resolves a recognition case. Stdout gets exactly one
 * JSON document (or the table with --explain, fitted to N columns, else the terminal's width, else
 * DEFAULT_WIDTH); everything else goes to stderr. Exit codes: 0 resolved, 2 usage or an unreadable
 * or invalid case (its message names the JSON path of the first problem).
 */
export async function recognise(args: string[], io: RecogniseIo): Promise<number> {
  if (args.includes('--help')) {
    io.stderr(`${RECOGNISE_USAGE}\n`);
    return 0;
  }
  const read = readArgs(args);
  if (typeof read === 'string') {
    io.stderr(`recognise: ${read}\n${RECOGNISE_USAGE}\n`);
    return 2;
  }
  const { explain, files } = read;
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
  await io.stdout(
    explain
      ? explainResult(input, output, read.width ?? io.columns ?? DEFAULT_WIDTH)
      : `${JSON.stringify(output, null, 2)}\n`,
  );
  return 0;
}
