import type { ChartPair, ChartResult as SimulationResult } from './chart-result.js';
import { formatNumber } from './chart-result.js';

// Geometry and text of the simulation chart (simulation-chart-spec.ts assembles the spec).

/** What a matrix cell counts: criteria recognised with or without conditions (the default), either alone, or divergent ones. */
export type MatrixMeasure = 'recognisedAny' | 'recognised' | 'recognisedWithConditions' | 'divergent';

export const MEASURE_LABELS: Record<MatrixMeasure, string> = {
  recognisedAny: 'criteria recognised',
  recognised: 'recognised without conditions',
  recognisedWithConditions: 'recognised with conditions',
  divergent: 'divergent',
};

/** A pair's count under `measure`. */
export function measureOf(pair: ChartPair, measure: MatrixMeasure = 'recognisedAny'): number {
  if (measure === 'recognisedAny') return pair.recognised + pair.recognisedWithConditions;
  return pair[measure] ?? 0;
}

/** The three outcome series of the totals chart, in legend order. Colours differ in lightness too, so a grey-scale print keeps them apart. */
export const SERIES = [
  { key: 'recognised', label: 'recognised', colour: '#1b5e20' },
  { key: 'recognisedWithConditions', label: 'recognised with conditions', colour: '#f9a825' },
  { key: 'gaps', label: 'gaps (a test still needed)', colour: '#c62828' },
] as const;

export const FONT = 'Helvetica, Arial, sans-serif';
export const MAX_ROW_WIDTH = 960;
export const PANEL_LEFT = 64; // room for the origin labels and the axis title left of each matrix
export const PANEL_TOP = 48; // one line of the variant's name and the recognising labels above each matrix
export const TITLE_LINE = 16;
const MAX_TITLE_LINES = 3;
/** Vega's own estimate of text width when no font metrics are available (0.8 em per character). */
export const estimateWidth = (text: string, fontSize: number) => Math.ceil(0.8 * fontSize * text.length);
export const PANEL_BOTTOM = 28; // the recognising axis title below each matrix
export const PANEL_GAP = 28;

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

export const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)} %`;

/** Where the matrices go: cell size, panel size and arrangement, shared by every variant's panel. */
export interface MatrixLayout {
  jurisdictions: string[];
  cell: number;
  /** Whether cells are large enough to carry their count. */
  labelCells: boolean;
  side: number;
  panelWidth: number;
  /** Each variant's name, wrapped to its panel. */
  titles: string[][];
  panelTop: number;
  columns: number;
  panelHeight: number;
  matricesTop: number;
  matricesHeight: number;
  /** The largest count of any cell (the colour scale's top). */
  maxCount: number;
}

export function matrixLayout(
  result: SimulationResult,
  shown: readonly string[] = [],
  measure: MatrixMeasure = 'recognisedAny',
): MatrixLayout {
  const codes = new Set(shown);
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

  const maxCount = Math.max(
    1,
    ...variants.flatMap((variant) => variant.byPair.map((pair) => measureOf(pair, measure))),
  );
  return {
    jurisdictions,
    cell,
    labelCells,
    side,
    panelWidth,
    titles,
    panelTop,
    columns,
    panelHeight,
    matricesTop,
    matricesHeight,
    maxCount,
  };
}
