import type { SimulationResult, SimulationTotals, VariantResult } from '@sandbridge/domain';
import { formatNumber } from '@sandbridge/charts';

export { formatNumber };

// The readable and the spreadsheet renderings of a sandbridge/simulation-result@1 (docs/formats.md#simulation-scenario)
// for `simulate` (the default table and --csv). Pure: result in, text out.

/** The §8.2 totals in output order, with the label the table uses. */
export const TOTALS: readonly { key: keyof SimulationTotals; label: string }[] = [
  { key: 'applicable', label: 'applicable criteria' },
  { key: 'satisfiedLocally', label: 'satisfied locally' },
  { key: 'recognised', label: 'recognised' },
  { key: 'recognisedWithConditions', label: 'recognised with conditions' },
  { key: 'gaps', label: 'gaps' },
  { key: 'recognitionRate', label: 'recognition rate' },
  { key: 'testsAvoided', label: 'tests avoided' },
  { key: 'costSaved', label: 'cost saved' },
  { key: 'daysSaved', label: 'days saved' },
  { key: 'marketAccess', label: 'market access (pairs)' },
  { key: 'divergent', label: 'divergent recognitions' },
];

/** How many marginal agreements the table names per variant. */
export const TOP_MARGINAL = 3;

/** 1234567 → "1,234,567"; money that is not whole keeps two decimals. Locale-free, so output is the same everywhere. */

const signed = (n: number, text: string) => (n > 0 ? `+${text}` : n === 0 ? '0' : text);
const formatRate = (rate: number) => `${(rate * 100).toFixed(1)} %`;
const formatRateDelta = (delta: number) => {
  const points = Math.round(delta * 1000) / 10;
  return points === 0 ? '0 pt' : `${points > 0 ? '+' : ''}${points.toFixed(1)} pt`;
};

function formatTotal(key: keyof SimulationTotals, value: number): string {
  return key === 'recognitionRate' ? formatRate(value) : formatNumber(value);
}

function formatDelta(key: keyof SimulationTotals, value: number): string {
  return key === 'recognitionRate' ? formatRateDelta(value) : signed(value, formatNumber(value));
}

/** Lays rows out in columns: the first left-aligned, the others right-aligned (numbers). */
function columns(rows: string[][], indent = '  '): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('   ')
        .trimEnd(),
  );
}

/** Agreements by what they contribute, most first (recognised, then cost saved, then id for a stable order). */
export function topMarginal(variant: VariantResult, count = TOP_MARGINAL): VariantResult['marginal'] {
  return [...variant.marginal]
    .sort(
      (a, b) =>
        b.recognised - a.recognised ||
        b.costSaved - a.costSaved ||
        (a.agreement < b.agreement ? -1 : a.agreement > b.agreement ? 1 : 0),
    )
    .slice(0, count);
}

function variantBlock(variant: VariantResult, isBaseline: boolean): string[] {
  const header = isBaseline ? ['figure', 'value'] : ['figure', 'value', 'vs baseline'];
  const rows = TOTALS.map(({ key, label }) => {
    const row = [label, formatTotal(key, variant.totals[key])];
    if (!isBaseline) row.push(formatDelta(key, variant.deltaVsBaseline[key]));
    return row;
  });
  const lines = [variant.name, ...columns([header, ...rows])];
  const top = topMarginal(variant);
  if (!top.length) {
    lines.push('  no agreement in force, so no marginal contributions');
  } else {
    const more = variant.marginal.length - top.length;
    lines.push(
      `  top agreements by marginal contribution (the variant minus the variant without that agreement)${more > 0 ? `, ${more} more in the JSON` : ''}:`,
    );
    lines.push(
      ...columns(
        [
          ['agreement', 'recognised', 'tests avoided', 'cost saved'],
          ...top.map((m) => [
            m.agreement,
            signed(m.recognised, formatNumber(m.recognised)),
            signed(m.testsAvoided, formatNumber(m.testsAvoided)),
            signed(m.costSaved, formatNumber(m.costSaved)),
          ]),
        ],
        '    ',
      ),
    );
  }
  return lines;
}

/** The default stdout of `simulate`: per variant (baseline first), every total, its delta vs the baseline, and the top marginal agreements. */
export function formatSimulationTable(result: SimulationResult): string {
  const others = result.variants.length - 1;
  const lines = [
    `Simulation as of ${result.asOf}: the baseline${others > 0 ? ` and ${others} variant${others === 1 ? '' : 's'}` : ''}`,
  ];
  result.variants.forEach((variant, index) => lines.push('', ...variantBlock(variant, index === 0)));
  return `${lines.join('\n')}\n`;
}

/**
 * The `--csv` columns: `variant`, then each §8.2 total under its JSON name (`applicable` …
 * `divergent`), then each delta vs the baseline as `delta_<name>` (zeros on the baseline's row).
 * One header row, then one row per variant in result order. Numbers are written as JSON writes
 * them (recognitionRate a fraction, full precision).
 */
export const CSV_COLUMNS: readonly string[] = [
  'variant',
  ...TOTALS.map(({ key }) => key),
  ...TOTALS.map(({ key }) => `delta_${key}`),
];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled.
 * A text starting with = + - @ or a tab is prefixed with an apostrophe first, so a spreadsheet
 * shows a variant name rather than running it as a formula (OWASP "CSV injection").
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `simulate --csv`: the header and one row per variant (see {@link CSV_COLUMNS}); CRLF line ends, as RFC 4180 writes them. */
export function formatSimulationCsv(result: SimulationResult): string {
  const rows = [
    CSV_COLUMNS.map(csvField),
    ...result.variants.map((variant) => [
      csvField(variant.name),
      ...TOTALS.map(({ key }) => csvField(variant.totals[key])),
      ...TOTALS.map(({ key }) => csvField(variant.deltaVsBaseline[key])),
    ]),
  ];
  return rows.map((row) => `${row.join(',')}\r\n`).join('');
}
