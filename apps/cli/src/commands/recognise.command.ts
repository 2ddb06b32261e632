import {
  CaseFormatError,
  type CriterionResolution,
  parseRecognitionCaseJson,
  type RecognitionCase,
  type RecognitionCheck,
  RecognitionOutcome,
  type RecognitionResult,
  resolveCase,
} from '@sandbridge/domain';
import { type CommandIo, processCommandIo, readInput } from '../command-io.js';

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

const dash = (value: string | null) => value ?? '-';

function describeCheck(check: RecognitionCheck): string {
  return `${check.name} (expected ${check.expected}; was ${check.actual})`;
}

/** The "why" column: what decided the outcome, in a line. */
function why(resolution: CriterionResolution): string {
  const failed = (checks: RecognitionCheck[]) => checks.filter((check) => !check.passed);
  switch (resolution.outcome) {
    case RecognitionOutcome.NOT_APPLICABLE:
    case RecognitionOutcome.SATISFIED_LOCALLY:
      return resolution.checks.map(describeCheck).at(-1)!;
    case RecognitionOutcome.RECOGNISED:
      return resolution.divergent ? "divergent: the value misses this criterion's own threshold" : 'every check passed';
    case RecognitionOutcome.RECOGNISED_WITH_CONDITIONS: {
      const supplementary = resolution.supplementary;
      const text =
        supplementary === null
          ? null
          : typeof supplementary === 'string'
            ? supplementary
            : `${supplementary.text}${supplementary.criteria.length ? ` [${supplementary.criteria.join(', ')}]` : ''}`;
      return (
        [
          ...failed(resolution.checks).map(describeCheck),
          ...(text ? [`supplementary: ${text}`] : []),
          ...(resolution.divergent ? ['divergent'] : []),
        ].join('; ') || 'effect RECOGNISE_WITH_CONDITIONS'
      );
    }
    case RecognitionOutcome.GAP:
      if (!resolution.candidates.length) return 'no corresponding result from another jurisdiction';
      return resolution.candidates
        .map((candidate) => `${candidate.result}: ${failed(candidate.checks).map(describeCheck).join(', ')}`)
        .join(' | ');
  }
}

/** The result as a readable table: per query, per criterion, outcome, result, agreement/rule and why. */
export function explainResult(input: RecognitionCase, output: RecognitionResult): string {
  const jurisdictionOf = new Map(input.authorities.map((authority) => [authority.id, authority.jurisdiction]));
  const lines = [`Recognition as of ${output.asOf}`];
  for (const query of output.resolutions) {
    lines.push('', `${query.system} -> ${query.authority} (${jurisdictionOf.get(query.authority)})`);
    const rows = [
      ['criterion', 'outcome', 'result', 'agreement/rule', 'why'],
      ...query.criteria.map((c) => [
        c.criterion,
        c.outcome,
        dash(c.result),
        c.agreement ? `${c.agreement}/${c.rule}` : '-',
        why(c),
      ]),
    ];
    if (rows.length === 1) {
      lines.push('  (the authority has no criteria in this case)');
      continue;
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    for (const row of rows)
      lines.push(`  ${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')}`);
  }
  return `${lines.join('\n')}\n`;
}
