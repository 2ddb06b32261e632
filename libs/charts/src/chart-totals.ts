import type { ChartResult as SimulationResult } from './chart-result.js';
import { MAX_ROW_WIDTH, type MatrixLayout, PANEL_GAP, PANEL_LEFT, percent, SERIES, wrapText } from './chart-layout.js';

/** Where the totals chart goes, below the matrices. */
export interface TotalsLayout {
  barsTop: number;
  barsHeight: number;
  barsWidth: number;
}

export function totalsLayout(
  result: SimulationResult,
  { matricesTop, matricesHeight, columns, panelWidth }: MatrixLayout,
): TotalsLayout {
  const variants = result.variants;
  const barsTop = matricesTop + matricesHeight + 24;
  const barsHeight = 220;
  const barsWidth = Math.max(
    Math.min(columns * panelWidth, MAX_ROW_WIDTH) - PANEL_LEFT - PANEL_GAP,
    variants.length * 200,
  );
  return { barsTop, barsHeight, barsWidth };
}

/** The per-variant totals as grouped bars, the recognition rate above each group, as one vega group. */
export function totalsGroup(result: SimulationResult, { barsTop, barsHeight, barsWidth }: TotalsLayout) {
  const variants = result.variants;
  // Totals: one group of bars per variant, keyed by position so that equal names stay apart.
  const totals = variants.flatMap((variant, index) =>
    SERIES.map((series) => ({ variant: index, series: series.key, value: variant.totals[series.key] })),
  );
  const rates = variants.map((variant, index) => ({
    variant: index,
    label: `rate ${percent(variant.totals.recognitionRate)}`,
    top: Math.max(...SERIES.map((series) => variant.totals[series.key])),
  }));
  const groupWidth = barsWidth / Math.max(variants.length, 1);

  return {
    type: 'group' as const,
    name: 'totals',
    title: {
      text: 'Target criteria by outcome, per variant (label: recognition rate)',
      anchor: 'start' as const,
      fontSize: 13,
      fontWeight: 'bold' as const,
      offset: 16,
    },
    encode: {
      enter: {
        x: { value: PANEL_LEFT },
        y: { value: barsTop + 24 },
        width: { value: barsWidth },
        height: { value: barsHeight },
      },
    },
    // Names wrapped to their group's width (an array is drawn as lines).
    signals: [
      {
        name: 'variantNames',
        value: variants.map((variant) => wrapText(variant.name, Math.floor(groupWidth / (0.8 * 12)), 2)),
      },
    ],
    data: [
      { name: 'totals', values: totals },
      { name: 'rates', values: rates },
    ],
    scales: [
      {
        name: 'variant',
        type: 'band' as const,
        domain: variants.map((_, index) => index),
        range: [0, barsWidth],
        paddingInner: 0.25,
        paddingOuter: 0.1,
      },
      {
        name: 'series',
        type: 'band' as const,
        domain: SERIES.map((series) => series.key),
        range: [0, { signal: "bandwidth('variant')" }],
        paddingInner: 0.08,
      },
      {
        name: 'value',
        type: 'linear' as const,
        domain: { data: 'totals', field: 'value' },
        range: [barsHeight, 0],
        nice: true,
        zero: true,
      },
    ],
    axes: [
      {
        orient: 'bottom' as const,
        scale: 'variant',
        labelFontSize: 12,
        labelLimit: 0,
        labelBaseline: 'top' as const,
        labelLineHeight: 14,
        encode: { labels: { update: { text: { signal: 'variantNames[datum.value]' } } } },
      },
      {
        orient: 'left' as const,
        scale: 'value',
        grid: true,
        gridScale: 'variant',
        labelFontSize: 11,
        title: 'target criteria',
        titleFontSize: 11,
        format: ',d',
        tickCount: 5,
      },
    ],
    marks: [
      {
        type: 'rect' as const,
        from: { data: 'totals' },
        encode: {
          enter: {
            x: { scale: 'variant', field: 'variant', offset: { scale: 'series', field: 'series' } },
            width: { scale: 'series', band: 1 },
            y: { scale: 'value', field: 'value' },
            y2: { scale: 'value', value: 0 },
            fill: { scale: 'seriesColour', field: 'series' },
          },
        },
      },
      {
        type: 'text' as const,
        from: { data: 'rates' },
        encode: {
          enter: {
            x: { scale: 'variant', field: 'variant', band: 0.5 },
            y: { scale: 'value', field: 'top', offset: -6 },
            align: { value: 'center' as const },
            baseline: { value: 'bottom' as const },
            fontSize: { value: 12 },
            fontWeight: { value: 'bold' as const },
            text: { field: 'label' },
            fill: { value: '#111111' },
          },
        },
      },
    ],
  };
}
