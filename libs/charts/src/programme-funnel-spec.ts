import type { Spec } from 'vega';
import { FONT, estimateWidth } from './chart-layout.js';

// The programme design chart: per design, its funnel — applications, admitted, cross-border, exited
// with one and with two authorisations — as bars of the mean with the 5–95 % interval drawn across
// each, one panel per design on one shared scale so that designs compare at a glance. The spec is
// plain data (deterministic: the same result gives the same spec); the CLI (`simulate-programme
// --svg`) and the API (`ProgrammeSimulationRun.chartSvg`, for the console) both draw it with vega.

/** A figure over replications: the mean and the 5th and 95th percentiles. */
export interface FunnelFigure {
  mean: number;
  p5: number;
  p95: number;
}

/** A sandbridge/programme-result@1 document as the chart reads it. */
export interface FunnelResult {
  scenario: { seed: number; replications: number };
  designs: { name: string; metrics: Record<string, FunnelFigure> }[];
}

/** The funnel's stages, top to bottom: the result's metric and its label. */
export const PROGRAMME_FUNNEL: readonly { metric: string; label: string }[] = [
  { metric: 'applications', label: 'applications' },
  { metric: 'admitted', label: 'admitted (testing)' },
  { metric: 'crossBorder', label: 'cross-border' },
  { metric: 'exitedWithOne', label: 'exited, ≥ 1 authorisation' },
  { metric: 'exitedWithTwo', label: 'exited, ≥ 2 authorisations' },
];

const LABEL_FONT_SIZE = 11;
/**
 * The stage labels' width limit: the longest label as vega measures it without a canvas (its
 * estimate, the widest it gets), so that no label is cut ("exited, ≥ 1 authori…").
 */
const STAGE_LABEL_LIMIT = Math.max(...PROGRAMME_FUNNEL.map((f) => estimateWidth(f.label, LABEL_FONT_SIZE)));
const BAR_ROW = 26;
const PANEL_TITLE = 28;
const PANEL_GAP = 36;
const WIDTH = 520;

/** A count as the CLI's table prints it: whole numbers as they are, others with two decimals. Locale-free. */
export const formatCount = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export interface FunnelRow {
  stage: string;
  mean: number;
  p5: number;
  p95: number;
  label: string;
}

/** The rows of one design's funnel panel. */
export function funnelRows(metrics: Record<string, FunnelFigure>): FunnelRow[] {
  return PROGRAMME_FUNNEL.map(({ metric, label }) => {
    const { mean, p5, p95 } = metrics[metric];
    return { stage: label, mean, p5, p95, label: `${formatCount(mean)} (${formatCount(p5)}–${formatCount(p95)})` };
  });
}

/** The vega spec of the chart. */
export function programmeFunnelSpec(result: FunnelResult, title?: string): Spec {
  const max = Math.max(
    1,
    ...result.designs.flatMap((d) => PROGRAMME_FUNNEL.map(({ metric }) => d.metrics[metric].p95)),
  );
  const panelHeight = PROGRAMME_FUNNEL.length * BAR_ROW;
  const step = PANEL_TITLE + panelHeight + PANEL_GAP;
  const panels = result.designs.map((design, d) => ({
    type: 'group',
    name: `design-${d}`,
    description: `${design.name}: ${PROGRAMME_FUNNEL.map(({ metric, label }) => `${label} ${formatCount(design.metrics[metric].mean)}`).join(', ')}`,
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
        domain: PROGRAMME_FUNNEL.map((f) => f.label),
        range: [PANEL_TITLE, PANEL_TITLE + panelHeight],
        padding: 0.25,
      },
    ],
    axes: [{ orient: 'left', scale: 'stage', labelLimit: STAGE_LABEL_LIMIT, ticks: false, domain: false }],
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
    // The stage labels get their room from autosize 'pad' (it grows the view to hold them); the
    // padding is only the margin round it.
    padding: 16,
    autosize: { type: 'pad' },
    background: '#ffffff',
    config: {
      font: FONT,
      text: { font: FONT },
      title: { font: FONT, subtitleFont: FONT },
      axis: {
        labelFont: FONT,
        titleFont: FONT,
        labelColor: '#222222',
        titleColor: '#222222',
        labelFontSize: LABEL_FONT_SIZE,
      },
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

/** Renumbers vega's generated element ids (`clip12`, `gradient_3`) and their references, in order of appearance. */
function normaliseIds(svg: string): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\bid="((?:clip|gradient_?|pattern_?)\d+)"/g)) {
    if (!renamed.has(match[1])) renamed.set(match[1], `sb-${renamed.size + 1}`);
  }
  if (!renamed.size) return svg;
  return svg.replace(
    /(\bid="|url\(#)((?:clip|gradient_?|pattern_?)\d+)(?=[")])/g,
    (whole, before: string, id: string) => (renamed.has(id) ? before + renamed.get(id) : whole),
  );
}

/** The chart as SVG text, with vega's generated ids renumbered so that the same result gives the same bytes. */
export async function renderProgrammeFunnelSvg(result: FunnelResult, title?: string): Promise<string> {
  const vega = await import('vega');
  const view = new vega.View(vega.parse(programmeFunnelSpec(result, title)), { renderer: 'none' });
  try {
    return `${normaliseIds(await view.toSVG())}\n`;
  } finally {
    view.finalize();
  }
}
