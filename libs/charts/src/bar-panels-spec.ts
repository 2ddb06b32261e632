import type { Spec } from 'vega';
import { FONT } from './chart-layout.js';

// Panels of horizontal bars, one under the other, sharing their rows (groups: the variants, or every
// run's variants side by side): each panel its own measure and scale, each bar labelled with its
// figure in words (e.g. "3 (+1)": the value and its difference from the baseline), so the picture
// reads without a legend. The totals, the days and cost saved and the runs compared are drawn so.

export interface BarSeries {
  key: string;
  label: string;
  colour: string;
}

export interface PanelBar {
  /** The row: an index into the spec's groups. */
  group: number;
  series: string;
  /** The length drawn (a suppressed figure draws 0). */
  value: number;
  /** The figure in words, beside the bar. */
  label: string;
}

export interface BarPanel {
  title: string;
  /** The value axis' title. */
  measure: string;
  /** The value axis' d3 format (',d' for counts, '.0%' for rates). */
  format: string;
  series: readonly BarSeries[];
  bars: readonly PanelBar[];
}

const BAR = 14; // one series' bar, in px
const AXIS_ROOM = 44; // the value axis and its title below a panel
const TITLE_ROOM = 28; // a panel's title above it
const PLOT_WIDTH = 400;
const LABEL_ROOM = 150; // the figures written right of the bars

/** The vega spec of bar panels: deterministic (same groups and panels → the same spec). */
export function barPanelsSpec(title: string, groups: readonly string[], panels: readonly BarPanel[]): Spec {
  // Vega's estimate of text without font metrics is 0.8 em a character; a little more, so no name is cut.
  const labelWidth = Math.min(400, Math.max(100, ...groups.map((name) => Math.ceil(0.9 * 11 * name.length))));
  let top = 0;
  const marks = panels.map((panel, index) => {
    const rowHeight = Math.max(1, panel.series.length) * BAR + 8;
    const height = Math.max(1, groups.length) * rowHeight;
    const y = top + TITLE_ROOM;
    top = y + height + AXIS_ROOM;
    const values = panel.bars.map((bar) => bar.value);
    const legend = panel.series.length > 1 ? ` (${panel.series.map((s) => s.label).join(', ')})` : '';
    return {
      type: 'group' as const,
      name: `panel-${index}`,
      title: { text: panel.title, anchor: 'start' as const, fontSize: 13, fontWeight: 'bold' as const, offset: 8 },
      encode: {
        enter: {
          x: { value: 0 },
          y: { value: y },
          width: { value: PLOT_WIDTH },
          height: { value: height },
          description: { value: `${panel.title}${legend}` },
        },
      },
      data: [{ name: `bars-${index}`, values: panel.bars }],
      scales: [
        {
          name: 'group',
          type: 'band' as const,
          domain: groups.map((_, i) => i),
          range: [0, height],
          paddingInner: 0.15,
          paddingOuter: 0.05,
        },
        {
          name: 'series',
          type: 'band' as const,
          domain: panel.series.map((s) => s.key),
          range: [0, { signal: "bandwidth('group')" }],
          paddingInner: 0.1,
        },
        {
          name: 'value',
          type: 'linear' as const,
          domain: [Math.min(0, ...values), Math.max(0, ...values) || 1],
          range: [0, PLOT_WIDTH],
          nice: true,
          zero: true,
        },
        {
          name: 'colour',
          type: 'ordinal' as const,
          domain: panel.series.map((s) => s.key),
          range: panel.series.map((s) => s.colour),
        },
      ],
      axes: [
        {
          orient: 'left' as const,
          scale: 'group',
          labelLimit: labelWidth,
          labelFontSize: 11,
          ticks: false,
          encode: { labels: { update: { text: { signal: 'groupNames[datum.value]' } } } },
        },
        {
          orient: 'bottom' as const,
          scale: 'value',
          grid: true,
          format: panel.format,
          tickCount: 5,
          labelFontSize: 11,
          title: panel.measure,
          titleFontSize: 11,
        },
      ],
      marks: [
        {
          type: 'rect' as const,
          from: { data: `bars-${index}` },
          encode: {
            enter: {
              y: { scale: 'group', field: 'group', offset: { scale: 'series', field: 'series' } },
              height: { scale: 'series', band: 1 },
              x: { scale: 'value', value: 0 },
              x2: { scale: 'value', field: 'value' },
              fill: { scale: 'colour', field: 'series' },
            },
          },
        },
        {
          type: 'text' as const,
          from: { data: `bars-${index}` },
          encode: {
            enter: {
              y: { scale: 'group', field: 'group', offset: { scale: 'series', field: 'series', band: 0.5 } },
              // Right of the bar's end, or of zero for a negative figure, so it never covers a label.
              x: { scale: 'value', signal: 'max(datum.value, 0)', offset: 4 },
              align: { value: 'left' as const },
              baseline: { value: 'middle' as const },
              fontSize: { value: 11 },
              text: { field: 'label' },
              fill: { value: '#111111' },
            },
          },
        },
      ],
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    description: title,
    width: PLOT_WIDTH + LABEL_ROOM,
    height: Math.max(top, 40),
    padding: { left: labelWidth + 16, top: 16, right: 16, bottom: 8 },
    autosize: { type: 'pad' },
    background: '#ffffff',
    config: {
      font: FONT,
      text: { font: FONT },
      title: { font: FONT },
      axis: { labelFont: FONT, titleFont: FONT, labelColor: '#222222', titleColor: '#222222' },
    },
    title: { text: title, anchor: 'start', fontSize: 14, offset: 8 },
    signals: [{ name: 'groupNames', value: [...groups] }],
    marks,
  } as Spec;
}
