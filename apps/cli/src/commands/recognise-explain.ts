import {
  type CriterionResolution,
  type RecognitionCase,
  type RecognitionCheck,
  RecognitionOutcome,
  type RecognitionResult,
} from '@sandbridge/domain';

// `recognise --explain`: the result as a table a person reads in a terminal.

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
