import type { Figure, ProgrammeMetric, ProgrammeResult } from '@sandbridge/domain';
import type { Spec } from 'vega';
import { FONT } from '../simulation/chart-layout.js';
import { normaliseIds } from '../simulation/simulation-chart.js';
import { formatValue } from './programme-report.js';

// The `simulate-programme --svg` chart: per design, its funnel — applications, admitted, cross-border,
// exited with one and with two authorisations — as bars of the mean with the 5–95 % interval drawn
// across each, one panel per design on one shared scale so that designs compare at a glance. The spec
// is plain data built here (pure, unit-tested); vega lays it out and draws it, as `simulate --svg` does.

/** The funnel's stages, top to bottom. */
export const FUNNEL: readonly { metric: ProgrammeMetric; label: string }[] = [
  { metric: 'applications', label: 'applications' },
  { metric: 'admitted', label: 'admitted (testing)' },
  { metric: 'crossBorder', label: 'cross-border' },
  { metric: 'exitedWithOne', label: 'exited, ≥ 1 authorisation' },
  { metric: 'exitedWithTwo', label: 'exited, ≥ 2 authorisations' },
];

const LEFT = 190;
const BAR_ROW = 26;
const PANEL_TITLE = 28;
const PANEL_GAP = 36;
const WIDTH = 520;

export interface FunnelRow {
  stage: string;
  mean: number;
  p5: number;
  p95: number;
  label: string;
}

/** The rows of one design's funnel panel. */
export function funnelRows(metrics: Record<ProgrammeMetric, Figure>): FunnelRow[] {
  return FUNNEL.map(({ metric, label }) => ({
    stage: label,
    ...metrics[metric],
    label: `${formatValue(metric, metrics[metric].mean)} (${formatValue(metric, metrics[metric].p5)}–${formatValue(metric, metrics[metric].p95)})`,
  }));
}

/** The vega spec of the chart: deterministic (the same result gives the same spec). */
export function programmeChartSpec(result: ProgrammeResult, title?: string): Spec {
  const max = Math.max(1, ...result.designs.flatMap((d) => FUNNEL.map(({ metric }) => d.metrics[metric].p95)));
  const panelHeight = FUNNEL.length * BAR_ROW;
  const step = PANEL_TITLE + panelHeight + PANEL_GAP;
  const panels = result.designs.map((design, d) => ({
    type: 'group',
    name: `design-${d}`,
    description: `${design.name}: ${FUNNEL.map(({ metric, label }) => `${label} ${formatValue(metric, design.metrics[metric].mean)}`).join(', ')}`,
    encode: {
      enter: {
        x: { value: 0 },
        y: { value: d * step },
        width: { value: WIDTH },
        height: { value: PANEL_TITLE + panelHeight },
      },
    },
    data: [{ name: 'funnel', values: funnelRows(design.metrics) }],
    scales: [
      {
        name: 'stage',
        type: 'band',
        domain: FUNNEL.map((f) => f.label),
        range: [PANEL_TITLE, PANEL_TITLE + panelHeight],
        padding: 0.25,
      },
    ],
    axes: [{ orient: 'left', scale: 'stage', labelLimit: LEFT - 10, ticks: false, domain: false }],
    marks: [
      {
        type: 'text',
        encode: {
          enter: {
            x: { value: 0 },
            y: { value: 0 },
            baseline: { value: 'top' },
            text: { value: `${d + 1}. ${design.name}` },
            fontSize: { value: 13 },
            fontWeight: { value: 'bold' },
            fill: { value: '#222222' },
            limit: { value: WIDTH },
          },
        },
      },
      {
        type: 'rect',
        from: { data: 'funnel' },
        encode: {
          enter: {
            x: { scale: 'x', value: 0 },
            x2: { scale: 'x', field: 'mean' },
            y: { scale: 'stage', field: 'stage' },
            height: { scale: 'stage', band: 1 },
            fill: { value: '#4a78a8' },
          },
        },
      },
      {
        type: 'rule',
        from: { data: 'funnel' },
        encode: {
          enter: {
            x: { scale: 'x', field: 'p5' },
            x2: { scale: 'x', field: 'p95' },
            y: { scale: 'stage', field: 'stage', band: 0.5 },
            stroke: { value: '#222222' },
            strokeWidth: { value: 1.5 },
          },
        },
      },
      ...(['p5', 'p95'] as const).map((end) => ({
        type: 'rule',
        from: { data: 'funnel' },
        encode: {
          enter: {
            x: { scale: 'x', field: end },
            y: { scale: 'stage', field: 'stage', band: 0.2 },
            y2: { scale: 'stage', field: 'stage', band: 0.8 },
            stroke: { value: '#222222' },
            strokeWidth: { value: 1.5 },
          },
        },
      })),
      {
        type: 'text',
        from: { data: 'funnel' },
        encode: {
          enter: {
            x: { scale: 'x', field: 'p95', offset: 6 },
            y: { scale: 'stage', field: 'stage', band: 0.5 },
            baseline: { value: 'middle' },
            text: { field: 'label' },
            fontSize: { value: 11 },
            fill: { value: '#222222' },
          },
        },
      },
    ],
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    description: `Sandbridge programme design simulation, seed ${result.scenario.seed}, ${result.scenario.replications} replications`,
    width: WIDTH,
    height: result.designs.length * step - PANEL_GAP + 24,
    padding: { left: LEFT, right: 16, top: 16, bottom: 16 },
    autosize: { type: 'pad' },
    background: '#ffffff',
    config: {
      font: FONT,
      text: { font: FONT },
      title: { font: FONT, subtitleFont: FONT },
      axis: { labelFont: FONT, titleFont: FONT, labelColor: '#222222', titleColor: '#222222', labelFontSize: 11 },
    },
    title: {
      text: title ?? 'Programme design simulation: the funnel per design',
      subtitle: [`Bars: the mean over ${result.scenario.replications} replications; lines: 5th–95th percentile`],
      anchor: 'start',
      fontSize: 16,
      subtitleFontSize: 12,
      subtitleColor: '#333333',
      offset: 8,
    },
    scales: [{ name: 'x', type: 'linear', domain: [0, max], range: [0, WIDTH - 170], nice: true, zero: true }],
    axes: [{ orient: 'bottom', scale: 'x', title: 'enrolments', tickMinStep: 1, offset: 4 }],
    marks: panels,
  } as Spec;
}

/** Renders the chart to SVG text, with vega's generated ids renumbered so that the same input gives the same bytes. */
export async function renderProgrammeSvg(result: ProgrammeResult): Promise<string> {
  const vega = await import('vega');
  const view = new vega.View(vega.parse(programmeChartSpec(result)), { renderer: 'none' });
  try {
    return `${normaliseIds(await view.toSVG())}\n`;
  } finally {
    view.finalize();
  }
}
