import {
  type CriterionResolution,
  type RecognitionCase,
  type RecognitionCheck,
  RecognitionOutcome,
  type RecognitionResult,
} from '@sandbridge/domain';
import { formatTable } from '../text-table.js';

// `recognise --explain`: the result as a table a person reads in a terminal.

/** The width `--explain` fits when stdout is not a terminal and none is given. */
export const DEFAULT_WIDTH = 100;

const HEADER = ['criterion', 'outcome', 'result', 'agreement/rule', 'why'];
const [OUTCOME_COLUMN, WHY_COLUMN] = [HEADER.indexOf('outcome'), HEADER.indexOf('why')];
/** The "why" column keeps room for a readable phrase; the others wrap down to 10 characters (100 columns fit). */
const WHY_MINIMUM = 30;

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

/**
 * How the table names a criterion: its key — with `vN` when the case holds another version of that
 * key for the same authority — and, on the next line, its id when that differs from the key.
 */
function criterionNames(input: RecognitionCase): Map<string, string> {
  const versions = new Map<string, number>();
  const keyOf = (authority: string, key: string) => `${authority}\u0000${key}`;
  for (const c of input.criteria)
    versions.set(keyOf(c.authority, c.key), (versions.get(keyOf(c.authority, c.key)) ?? 0) + 1);
  return new Map(
    input.criteria.map((c) => {
      const version = (versions.get(keyOf(c.authority, c.key)) ?? 0) > 1 ? ` v${c.version}` : '';
      return [c.id, `${c.key}${version}${c.id === c.key ? '' : `\n${c.id}`}`];
    }),
  );
}

/**
 * The result as a readable table of at most `width` columns (where the outcome column and short
 * cells allow it): per query, per criterion — named by key and id — outcome, result,
 * agreement/rule and why, long cells wrapped inside their column.
 */
export function explainResult(input: RecognitionCase, output: RecognitionResult, width = DEFAULT_WIDTH): string {
  const jurisdictionOf = new Map(input.authorities.map((authority) => [authority.id, authority.jurisdiction]));
  const names = criterionNames(input);
  const lines = [`Recognition as of ${output.asOf}`];
  for (const query of output.resolutions) {
    lines.push('', `${query.system} -> ${query.authority} (${jurisdictionOf.get(query.authority)})`);
    if (!query.criteria.length) {
      lines.push('  (the authority has no criteria in this case)');
      continue;
    }
    const rows = [
      HEADER,
      ...query.criteria.map((c) => [
        names.get(c.criterion) ?? c.criterion,
        c.outcome,
        dash(c.result),
        c.agreement ? `${c.agreement}/${c.rule}` : '-',
        why(c),
      ]),
    ];
    lines.push(...formatTable(rows, { width, keep: [OUTCOME_COLUMN], minimums: { [WHY_COLUMN]: WHY_MINIMUM } }));
  }
  return `${lines.join('\n')}\n`;
}
