import type { Spec } from 'vega';
import type { ChartResult as SimulationResult } from './chart-result.js';
import { FONT, matrixLayout, type MatrixMeasure, MEASURE_LABELS, PANEL_LEFT, SERIES } from './chart-layout.js';
import { matrixPanels } from './chart-matrices.js';
import { totalsGroup, totalsLayout } from './chart-totals.js';

// The `simulate --svg` chart, for a negotiator's brief: per variant, the origin × recognising matrix
// of criteria recognised (small multiples on one colour scale, so variants compare at a glance), then
// the per-variant totals as grouped bars with the recognition rate above each group.
// The spec is built here as plain data (pure, unit-tested); vega only lays it out and draws it.

export interface SimulationChartOptions {
  /** What the matrices count (default: recognised with or without conditions). */
  measure?: MatrixMeasure;
  /** Every jurisdiction to show on the matrix axes (e.g. the scenario's); codes found in `byPair` are added. */
  jurisdictions?: readonly string[];
  /** The chart's heading; defaults to "Recognition simulation as of <asOf>". */
  title?: string;
}

/** The vega spec of the chart: deterministic (same result and options → the same spec). */
export function simulationChartSpec(result: SimulationResult, options: SimulationChartOptions = {}): Spec {
  const measure = options.measure ?? 'recognisedAny';
  const layout = matrixLayout(result, options.jurisdictions, measure);
  const { columns, panelWidth, panelTop, side, matricesTop, maxCount } = layout;
  const panels = matrixPanels(result, layout, measure);
  const totals = totalsLayout(result, layout);
  const { barsTop, barsHeight, barsWidth } = totals;
  const bars = totalsGroup(result, totals);

  const width = Math.max(columns * panelWidth, PANEL_LEFT + barsWidth);
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    description: `Sandbridge simulation result as of ${result.asOf}`,
    width,
    height: barsTop + 24 + barsHeight,
    padding: 16,
    autosize: { type: 'pad' },
    background: '#ffffff',
    config: {
      font: FONT,
      text: { font: FONT },
      title: { font: FONT, subtitleFont: FONT },
      axis: { labelFont: FONT, titleFont: FONT, labelColor: '#222222', titleColor: '#222222' },
      legend: { labelFont: FONT, titleFont: FONT, labelFontSize: 11, titleFontSize: 11 },
    },
    title: {
      text: options.title ?? `Recognition simulation as of ${result.asOf}`,
      // Two short lines: without a font, vega estimates text at 0.8 em per character, and one long line would widen the whole SVG.
      subtitle: [
        measure === 'recognisedAny'
          ? 'Criteria recognised (with or without conditions),'
          : `Criteria ${MEASURE_LABELS[measure]},`,
        'by origin (rows) → recognising jurisdiction (columns); grey: same jurisdiction',
      ],
      anchor: 'start',
      fontSize: 16,
      subtitleFontSize: 12,
      subtitleColor: '#333333',
      offset: 8,
    },
    scales: [
      { name: 'color', type: 'linear', domain: [0, maxCount], range: { scheme: 'blues' }, zero: true },
      {
        name: 'seriesColour',
        type: 'ordinal',
        domain: SERIES.map((series) => series.key),
        range: SERIES.map((series) => series.colour),
      },
    ],
    legends: [
      {
        fill: 'color',
        type: 'gradient',
        title: MEASURE_LABELS[measure],
        orient: 'none',
        legendX: width + 8,
        legendY: matricesTop + panelTop,
        gradientLength: Math.max(120, Math.min(side, 240)),
        format: ',d',
      },
      {
        fill: 'seriesColour',
        title: 'outcome',
        orient: 'none',
        labelLimit: 280,
        legendX: PANEL_LEFT + barsWidth + 16,
        legendY: barsTop + 24,
        encode: {
          labels: {
            update: {
              text: {
                signal: `${JSON.stringify(Object.fromEntries(SERIES.map((series) => [series.key, series.label])))}[datum.value]`,
              },
            },
          },
        },
      },
    ],
    marks: [...panels, bars],
  } as Spec;
}
