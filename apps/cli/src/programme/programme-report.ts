import {
  AUTHORITY_FIGURES,
  type Figure,
  PROGRAMME_METRICS,
  type ProgrammeMetric,
  type ProgrammeResult,
} from '@sandbridge/domain';
import { formatTable } from '../text-table.js';

// The readable and the spreadsheet renderings of a sandbridge/programme-result@1
// (docs/programme-simulation.md) for `simulate-programme` (the default table and --csv). Pure.

/** Each metric with the label the table uses. */
export const METRIC_LABELS: Record<ProgrammeMetric, string> = {
  applications: 'applications',
  admitted: 'admitted (reached testing)',
  crossBorder: 'cross-border (admitted by ≥ 2)',
  exitedWithOne: 'exited with ≥ 1 authorisation',
  exitedWithTwo: 'exited with ≥ 2 authorisations',
  decisionDaysP50: 'days to entry decision, median',
  decisionDaysP90: 'days to entry decision, 90th pct',
  overdueShare: 'tracks decided after 3 months',
  utilisation: 'cohort utilisation (peak)',
};

const SHARES: readonly ProgrammeMetric[] = ['overdueShare', 'utilisation'];

/** A count or a number of days: whole numbers as they are, others with two decimals. Locale-free. */
const plain = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const percent = (n: number) => `${(n * 100).toFixed(1)} %`;

export function formatValue(metric: ProgrammeMetric | null, n: number): string {
  return metric !== null && SHARES.includes(metric) ? percent(n) : plain(n);
}

function formatDelta(metric: ProgrammeMetric, n: number): string {
  if (n === 0) return '0';
  if (SHARES.includes(metric)) {
    const points = (n * 100).toFixed(1);
    return `${n > 0 ? '+' : ''}${points} pt`;
  }
  return `${n > 0 ? '+' : ''}${plain(n)}`;
}

const interval = (metric: ProgrammeMetric | null, f: Figure) =>
  `${formatValue(metric, f.p5)} – ${formatValue(metric, f.p95)}`;

/** The default output: per design, its metrics (mean, 5–95 % interval, difference to the first design) and its authorities. */
export function formatProgrammeTable(result: ProgrammeResult, width = 100): string {
  const lines = [
    `Programme design simulation: seed ${result.scenario.seed}, ${result.scenario.replications.toLocaleString('en-GB')} replication${result.scenario.replications === 1 ? '' : 's'}`,
    'Each figure: the mean over replications and the interval holding 90 % of them (5th – 95th percentile).',
  ];
  result.designs.forEach((design, d) => {
    lines.push('', `${d + 1}. ${design.name}`);
    const rows = [['metric', 'mean', '5 – 95 %', d === 0 ? '' : 'vs design 1']];
    for (const metric of PROGRAMME_METRICS) {
      const f = design.metrics[metric];
      rows.push([
        METRIC_LABELS[metric],
        formatValue(metric, f.mean),
        interval(metric, f),
        d === 0 ? '' : formatDelta(metric, design.deltaVsFirst[metric]),
      ]);
    }
    lines.push(...formatTable(rows, { width, keep: [1, 2] }));
    lines.push('');
    const authorityRows = [['authority', 'admitted', 'declined', 'of which capacity-limited']];
    for (const a of design.byAuthority)
      authorityRows.push([
        a.authority,
        ...AUTHORITY_FIGURES.map((key) => `${formatValue(null, a[key].mean)} (${interval(null, a[key])})`),
      ]);
    lines.push(...formatTable(authorityRows, { width }));
  });
  return `${lines.join('\n')}\n`;
}

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** --csv: one row per design and figure (metrics, then each authority's), with the mean, p5, p95 and the metric's delta. */
export function formatProgrammeCsv(result: ProgrammeResult): string {
  const rows = [['design', 'figure', 'authority', 'mean', 'p5', 'p95', 'delta_vs_first']];
  for (const design of result.designs) {
    for (const metric of PROGRAMME_METRICS) {
      const f = design.metrics[metric];
      rows.push([
        design.name,
        metric,
        '',
        String(f.mean),
        String(f.p5),
        String(f.p95),
        String(design.deltaVsFirst[metric]),
      ]);
    }
    for (const a of design.byAuthority)
      for (const key of AUTHORITY_FIGURES)
        rows.push([design.name, key, a.authority, String(a[key].mean), String(a[key].p5), String(a[key].p95), '']);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
