import type { Spec } from 'vega';
import { type BarPanel, type BarSeries, barPanelsSpec } from './bar-panels-spec.js';
import { formatNumber } from './chart-result.js';
import { percent, SERIES } from './chart-layout.js';

// The totals of variants as bar panels, each bar labelled with its figure and its difference from
// the baseline: the outcomes and the recognition rate (TOTALS), the days and cost saved (SAVINGS),
// and both for every variant of up to 10 runs side by side (the comparison).

type Figure = number | null | undefined;

/** What the panels read of a variant: its totals and their differences from its run's baseline. */
export interface TotalsGroup {
  /** The row's name ("baseline", a variant's, or "run: variant" in a comparison). */
  name: string;
  totals: Record<string, Figure>;
  deltaVsBaseline?: Record<string, Figure> | null;
  /** The run's baseline: no difference is written. */
  baseline?: boolean;
}

const signed = (text: string, n: number) => (n > 0 ? `+${text}` : text);

/** "3 (+1)", "57.1 % (+14.3 %)", "suppressed": a figure in words, with its difference from the baseline. */
function label(group: TotalsGroup, key: string, words: (n: number) => string): string {
  const value = group.totals[key];
  if (value == null) return 'suppressed';
  const delta = group.deltaVsBaseline?.[key];
  if (group.baseline || delta == null || delta === 0) return words(value);
  return `${words(value)} (${signed(words(delta), delta)})`;
}

function panel(
  groups: readonly TotalsGroup[],
  title: string,
  measure: string,
  series: readonly BarSeries[],
  words: (n: number) => string = formatNumber,
  format = ',d',
): BarPanel {
  return {
    title,
    measure,
    format,
    series,
    bars: groups.flatMap((group, index) =>
      series.map((s) => ({
        group: index,
        series: s.key,
        value: group.totals[s.key] ?? 0,
        label: label(group, s.key, words),
      })),
    ),
  };
}

const OUTCOMES: readonly BarSeries[] = SERIES.map((s) => ({ key: s.key, label: s.label, colour: s.colour }));

const outcomes = (groups: readonly TotalsGroup[]) =>
  panel(groups, 'Target criteria by outcome (in brackets: vs baseline)', 'criteria', OUTCOMES);
const rate = (groups: readonly TotalsGroup[]) =>
  panel(
    groups,
    'Recognition rate',
    'share of target criteria recognised',
    [{ key: 'recognitionRate', label: 'recognition rate', colour: '#1565c0' }],
    percent,
    '.0%',
  );
const days = (groups: readonly TotalsGroup[]) =>
  panel(groups, 'Days saved', 'days', [{ key: 'daysSaved', label: 'days saved', colour: '#6a1b9a' }]);
const cost = (groups: readonly TotalsGroup[]) =>
  panel(groups, 'Cost saved', 'cost', [{ key: 'costSaved', label: 'cost saved', colour: '#00695c' }]);

/** Per variant: criteria by outcome and the recognition rate, with the differences from the baseline. */
export function totalsChartSpec(groups: readonly TotalsGroup[], title = 'Totals per variant'): Spec {
  return barPanelsSpec(
    title,
    groups.map((g) => g.name),
    [outcomes(groups), rate(groups)],
  );
}

/** Per variant: the days and the cost saved, with the differences from the baseline. */
export function savingsChartSpec(groups: readonly TotalsGroup[], title = 'Days and cost saved per variant'): Spec {
  return barPanelsSpec(
    title,
    groups.map((g) => g.name),
    [days(groups), cost(groups)],
  );
}

/** Every variant of up to 10 runs side by side: outcomes, rate, days and cost saved. */
export function comparisonChartSpec(groups: readonly TotalsGroup[], title = 'Runs side by side'): Spec {
  return barPanelsSpec(
    title,
    groups.map((g) => g.name),
    [outcomes(groups), rate(groups), days(groups), cost(groups)],
  );
}
