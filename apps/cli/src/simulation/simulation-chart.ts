import type { SimulationResult } from '@sandbridge/domain';
import type { Spec } from 'vega';
import { formatNumber } from './simulation-report.js';

// The `simulate --svg` chart, for a negotiator's brief: per variant, the origin × recognising matrix
// of criteria recognised (small multiples on one colour scale, so variants compare at a glance), then
// the per-variant totals as grouped bars with the recognition rate above each group.
// The spec is built here as plain data (pure, unit-tested); vega only lays it out and draws it.

export interface SimulationChartOptions {
  /** Every jurisdiction to show on the matrix axes (e.g. the scenario's); codes found in `byPair` are added. */
  jurisdictions?: readonly string[];
  /** The chart's heading; defaults to "Recognition simulation as of <asOf>". */
  title?: string;
}

/** The three outcome series of the totals chart, in legend order. Colours differ in lightness too, so a grey-scale print keeps them apart. */
const SERIES = [
  { key: 'recognised', label: 'recognised', colour: '#1b5e20' },
  { key: 'recognisedWithConditions', label: 'recognised with conditions', colour: '#f9a825' },
  { key: 'gaps', label: 'gaps (a test still needed)', colour: '#c62828' },
] as const;

const FONT = 'Helvetica, Arial, sans-serif';
const MAX_ROW_WIDTH = 960;
const PANEL_LEFT = 64; // room for the origin labels and the axis title left of each matrix
const PANEL_TOP = 48; // one line of the variant's name and the recognising labels above each matrix
const TITLE_LINE = 16;
const MAX_TITLE_LINES = 3;
/** Vega's own estimate of text width when no font metrics are available (0.8 em per character). */
const estimateWidth = (text: string, fontSize: number) => Math.ceil(0.8 * fontSize * text.length);
const PANEL_BOTTOM = 28; // the recognising axis title below each matrix
const PANEL_GAP = 28;

/** 1234 → "1.2k": counts fit a matrix cell whatever the population size. */
export function compactCount(n: number): string {
  const abs = Math.abs(n);
  const short = (value: number, suffix: string) => `${value >= 9.95 ? Math.round(value) : value.toFixed(1)}${suffix}`;
  if (abs < 1000) return String(n);
  const sign = n < 0 ? '-' : '';
  if (abs < 999_500) return sign + short(abs / 1000, 'k');
  return sign + short(abs / 1_000_000, 'M');
}

/**
 * Breaks a name into lines of at most `maxChars` characters, at spaces when it can (a longer word
 * is cut), keeping at most `maxLines` (the last one ends with … when text was left out).
 */
export function wrapText(text: string, maxChars: number, maxLines = MAX_TITLE_LINES): string[] {
  const width = Math.max(1, maxChars);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length) {
      const candidate = line ? `${line} ${rest}` : rest;
      if (candidate.length <= width) {
        line = candidate;
        rest = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.length ? lines : [''];
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, Math.max(0, width - 1))}…`;
  return kept;
}

/** A cell's label: the exact count (1,234) when it fits the cell, else compact (12k). */
export function cellLabel(count: number, cellWidth: number): string {
  const exact = formatNumber(count);
  // About 6.5 px per character at the cells' 11 px font, with a little margin.
  return exact.length <= Math.floor((cellWidth - 4) / 6.5) ? exact : compactCount(count);
}

const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)} %`;

/** The vega spec of the chart: deterministic (same result and options → the same spec). */
export function simulationChartSpec(result: SimulationResult, options: SimulationChartOptions = {}): Spec {
  const codes = new Set(options.jurisdictions ?? []);
  for (const variant of result.variants)
    for (const pair of variant.byPair) codes.add(pair.origin).add(pair.recognising);
  const jurisdictions = [...codes].sort();
  const n = Math.max(jurisdictions.length, 1);
  const variants = result.variants;

  // Matrix geometry: cells shrink as jurisdictions grow, and lose their numbers when too small to read.
  const cell = Math.max(16, Math.min(40, Math.floor(400 / n)));
  const labelCells = cell >= 26;
  const side = n * cell;
  // A panel widens (up to a point) for its variant's name; a longer name wraps onto more lines.
  const longestName = Math.max(...variants.map((variant) => estimateWidth(variant.name, 13)));
  const panelWidth = Math.max(PANEL_LEFT + side + PANEL_GAP, Math.min(longestName + PANEL_GAP, 360));
  const titleRoom = panelWidth - 8; // from the matrix's left edge to the next panel's matrix
  const titles = variants.map((variant) => wrapText(variant.name, Math.floor(titleRoom / (0.8 * 13))));
  const titleLines = Math.max(...titles.map((lines) => lines.length));
  const panelTop = PANEL_TOP + (titleLines - 1) * TITLE_LINE;
  const columns = Math.max(1, Math.min(variants.length, Math.floor(MAX_ROW_WIDTH / panelWidth)));
  const rows = Math.ceil(variants.length / columns);
  const panelHeight = panelTop + side + PANEL_BOTTOM + PANEL_GAP;
  const matricesTop = 0;
  const matricesHeight = rows * panelHeight;

  const cellsOf = (index: number) => {
    const counts = new Map(variants[index].byPair.map((pair) => [`${pair.origin}\u0000${pair.recognising}`, pair]));
    return jurisdictions.flatMap((origin) =>
      jurisdictions.map((recognising) => {
        const pair = counts.get(`${origin}\u0000${recognising}`);
        const count = pair ? pair.recognised + pair.recognisedWithConditions : 0;
        const self = origin === recognising;
        return { origin, recognising, count, self, label: self || count === 0 ? '' : cellLabel(count, cell) };
      }),
    );
  };
  const maxCount = Math.max(
    1,
    ...variants.flatMap((variant) => variant.byPair.map((pair) => pair.recognised + pair.recognisedWithConditions)),
  );

  const panels = variants.map((variant, index) => ({
    type: 'group' as const,
    name: `matrix-${index}`,
    title: {
      text: titles[index],
      anchor: 'start' as const,
      fontSize: 13,
      fontWeight: 'bold' as const,
      offset: 8,
      lineHeight: TITLE_LINE,
    },
    encode: {
      enter: {
        x: { value: (index % columns) * panelWidth + PANEL_LEFT },
        y: { value: matricesTop + Math.floor(index / columns) * panelHeight + panelTop },
        // The full name for screen readers and search (the title may be wrapped).
        description: { value: `Recognition matrix: ${variant.name}` },
        width: { value: side },
        height: { value: side },
      },
    },
    data: [{ name: `cells-${index}`, values: cellsOf(index) }],
    scales: [
      { name: 'col', type: 'band' as const, domain: jurisdictions, range: [0, side] },
      { name: 'row', type: 'band' as const, domain: jurisdictions, range: [0, side] },
    ],
    axes: [
      { orient: 'top' as const, scale: 'col', domain: false, ticks: false, labelPadding: 4, labelFontSize: 11 },
      {
        orient: 'bottom' as const,
        scale: 'col',
        domain: false,
        ticks: false,
        labels: false,
        title: 'recognising →',
        titleFontSize: 11,
        titleFontWeight: 'normal' as const,
        titlePadding: 6,
      },
      {
        orient: 'left' as const,
        scale: 'row',
        domain: false,
        ticks: false,
        labelPadding: 4,
        labelFontSize: 11,
        title: 'origin →',
        titleFontSize: 11,
        titleFontWeight: 'normal' as const,
        titlePadding: 6,
      },
    ],
    marks: [
      {
        type: 'rect' as const,
        from: { data: `cells-${index}` },
        encode: {
          enter: {
            x: { scale: 'col', field: 'recognising' },
            width: { scale: 'col', band: 1 },
            y: { scale: 'row', field: 'origin' },
            height: { scale: 'row', band: 1 },
            // A jurisdiction never recognises its own results (that is local satisfaction): grey it out.
            fill: [
              { test: 'datum.self', value: '#d9d9d9' },
              { test: 'datum.count === 0', value: '#f7f7f7' },
              { scale: 'color', field: 'count' },
            ],
            stroke: { value: '#ffffff' },
            strokeWidth: { value: 1 },
          },
        },
      },
      ...(labelCells
        ? [
            {
              type: 'text' as const,
              from: { data: `cells-${index}` },
              encode: {
                enter: {
                  x: { scale: 'col', field: 'recognising', band: 0.5 },
                  y: { scale: 'row', field: 'origin', band: 0.5 },
                  align: { value: 'center' as const },
                  baseline: { value: 'middle' as const },
                  fontSize: { value: 11 },
                  text: { field: 'label' },
                  fill: [{ test: `datum.count > ${maxCount * 0.55}`, value: '#ffffff' }, { value: '#111111' }],
                },
              },
            },
          ]
        : []),
    ],
  }));

  // Totals: one group of bars per variant, keyed by position so that equal names stay apart.
  const totals = variants.flatMap((variant, index) =>
    SERIES.map((series) => ({ variant: index, series: series.key, value: variant.totals[series.key] })),
  );
  const rates = variants.map((variant, index) => ({
    variant: index,
    label: `rate ${percent(variant.totals.recognitionRate)}`,
    top: Math.max(...SERIES.map((series) => variant.totals[series.key])),
  }));
  const barsTop = matricesTop + matricesHeight + 24;
  const barsHeight = 220;
  const barsWidth = Math.max(
    Math.min(columns * panelWidth, MAX_ROW_WIDTH) - PANEL_LEFT - PANEL_GAP,
    variants.length * 200,
  );
  const groupWidth = barsWidth / Math.max(variants.length, 1);

  const bars = {
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
        'Criteria recognised (with or without conditions),',
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
        title: 'criteria recognised',
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

/**
 * Renders the chart to SVG text. Vega numbers clip paths and gradients from a counter shared by the
 * whole process, so the ids are renumbered in order of appearance: the same input gives the same
 * bytes whatever was rendered before.
 */
export async function renderSimulationSvg(
  result: SimulationResult,
  options: SimulationChartOptions = {},
): Promise<string> {
  const vega = await import('vega');
  const view = new vega.View(vega.parse(simulationChartSpec(result, options)), { renderer: 'none' });
  try {
    return `${normaliseIds(await view.toSVG())}\n`;
  } finally {
    view.finalize();
  }
}

/** Renumbers vega's generated element ids (`clip12`, `gradient_3`) and their references, in order of appearance. */
export function normaliseIds(svg: string): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\bid="((?:clip|gradient_?|pattern_?)\d+)"/g)) {
    if (!renamed.has(match[1])) renamed.set(match[1], `sb-${renamed.size + 1}`);
  }
  if (!renamed.size) return svg;
  // Only inside id="…" and url(#…), never in text (a variant may well be named "clip1").
  return svg.replace(
    /(\bid="|url\(#)((?:clip|gradient_?|pattern_?)\d+)(?=[")])/g,
    (whole, before: string, id: string) => (renamed.has(id) ? before + renamed.get(id) : whole),
  );
}
