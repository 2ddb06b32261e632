import type { Spec } from 'vega';
import { FONT } from './chart-layout.js';

// Each agreement's marginal value as horizontal bars: what the variant would lose without it
// (negative for an EXCLUDE rule, which takes recognitions away). One bar per variant and agreement.

export interface MarginalBar {
  variant: string;
  agreement: string;
  /** The figure drawn (e.g. criteria recognised thanks to the agreement). */
  value: number;
}

export interface MarginalChartOptions {
  title?: string;
  /** The value axis' title. */
  measure?: string;
}

/** The vega spec of the marginal-value bars: deterministic (same bars → the same spec). */
export function marginalChartSpec(bars: readonly MarginalBar[], options: MarginalChartOptions = {}): Spec {
  const rows = bars.map((bar, index) => ({ ...bar, row: index, label: `${bar.variant} · ${bar.agreement}` }));
  const rowHeight = 24;
  const height = Math.max(rowHeight, rows.length * rowHeight);
  const labelWidth = Math.min(360, Math.max(120, ...rows.map((row) => Math.ceil(0.8 * 11 * row.label.length))));
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    description: options.title ?? 'Marginal value of each agreement',
    width: 420,
    height,
    padding: { left: labelWidth + 16, top: 16, right: 48, bottom: 16 },
    autosize: { type: 'pad' },
    background: '#ffffff',
    config: {
      font: FONT,
      text: { font: FONT },
      title: { font: FONT },
      axis: { labelFont: FONT, titleFont: FONT, labelColor: '#222222', titleColor: '#222222' },
    },
    title: {
      text: options.title ?? 'Marginal value of each agreement',
      anchor: 'start',
      fontSize: 14,
      offset: 8,
    },
    data: [{ name: 'bars', values: rows }],
    signals: [{ name: 'labels', value: rows.map((row) => row.label) }],
    scales: [
      { name: 'row', type: 'band', domain: rows.map((row) => row.row), range: [0, height], paddingInner: 0.2 },
      {
        name: 'value',
        type: 'linear',
        domain: { data: 'bars', field: 'value' },
        domainMin: Math.min(0, ...rows.map((row) => row.value)),
        domainMax: Math.max(1, ...rows.map((row) => row.value)),
        range: [0, 420],
        nice: true,
        zero: true,
      },
    ],
    axes: [
      {
        orient: 'left',
        scale: 'row',
        labelLimit: labelWidth,
        labelFontSize: 11,
        encode: { labels: { update: { text: { signal: 'labels[datum.value]' } } } },
      },
      {
        orient: 'bottom',
        scale: 'value',
        grid: true,
        format: ',d',
        tickCount: 5,
        title: options.measure ?? 'recognised',
      },
    ],
    marks: [
      {
        type: 'rect',
        from: { data: 'bars' },
        encode: {
          enter: {
            y: { scale: 'row', field: 'row' },
            height: { scale: 'row', band: 1 },
            x: { scale: 'value', value: 0 },
            x2: { scale: 'value', field: 'value' },
            fill: [{ test: 'datum.value < 0', value: '#c62828' }, { value: '#1b5e20' }],
          },
        },
      },
      {
        type: 'text',
        from: { data: 'bars' },
        encode: {
          enter: {
            y: { scale: 'row', field: 'row', band: 0.5 },
            x: { scale: 'value', field: 'value', offset: { signal: 'datum.value < 0 ? -4 : 4' } },
            align: { signal: "datum.value < 0 ? 'right' : 'left'" },
            baseline: { value: 'middle' },
            fontSize: { value: 11 },
            text: { signal: "format(datum.value, ',d')" },
            fill: { value: '#111111' },
          },
        },
      },
    ],
  } as Spec;
}
