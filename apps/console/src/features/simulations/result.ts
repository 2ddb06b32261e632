// A run's sandbridge/simulation-result@1 (SimulationRun.result) as the page reads it, and the
// figures each chart shows as rows: the same rows make the table beside the chart and its CSV/JSON.

export interface Totals {
  applicable: number | null;
  satisfiedLocally: number | null;
  recognised: number | null;
  recognisedWithConditions: number | null;
  gaps: number | null;
  recognitionRate: number | null;
  testsAvoided: number | null;
  costSaved: number | null;
  daysSaved: number | null;
  marketAccess: number | null;
  divergent: number | null;
  suppressed?: boolean;
}

export interface Pair {
  origin: string;
  recognising: string;
  recognised: number | null;
  recognisedWithConditions: number | null;
  divergent: number | null;
  suppressed?: boolean;
}

export interface Marginal {
  agreement: string;
  recognised: number | null;
  testsAvoided: number | null;
  costSaved: number | null;
  suppressed?: boolean;
}

export interface Variant {
  name: string;
  totals: Totals;
  deltaVsBaseline: Totals;
  byPair: Pair[];
  marginal: Marginal[];
}

export interface SimulationResultDoc {
  format: string;
  asOf: string;
  variants: Variant[];
}

/** The totals in the order the tables show them, with their words. */
export const TOTALS: { key: keyof Omit<Totals, 'suppressed'>; label: string }[] = [
  { key: 'applicable', label: 'Applicable criteria' },
  { key: 'satisfiedLocally', label: 'Satisfied locally' },
  { key: 'recognised', label: 'Recognised' },
  { key: 'recognisedWithConditions', label: 'Recognised with conditions' },
  { key: 'gaps', label: 'Gaps' },
  { key: 'recognitionRate', label: 'Recognition rate' },
  { key: 'testsAvoided', label: 'Tests avoided' },
  { key: 'costSaved', label: 'Cost saved' },
  { key: 'daysSaved', label: 'Days saved' },
  { key: 'marketAccess', label: 'Market access' },
  { key: 'divergent', label: 'Divergent' },
];

export const rate = (value: number | null | undefined): string =>
  value == null ? 'suppressed' : `${(Math.round(value * 1000) / 10).toFixed(1)} %`;

export const count = (value: number | null | undefined): string =>
  value == null ? 'suppressed' : value.toLocaleString('en-GB');

export function figure(key: keyof Totals, value: number | null | undefined): string {
  return key === 'recognitionRate' ? rate(value) : count(value);
}

export function signedFigure(key: keyof Totals, value: number | null | undefined): string {
  if (value == null) return 'suppressed';
  const text = figure(key, value);
  return value > 0 ? `+${text}` : text;
}

/** Rows as CSV (RFC 4180: quoted when needed), the header from the first row's keys. */
export function toCsv(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '';
  const keys = Object.keys(rows[0]);
  const cell = (value: unknown) => {
    const text = value == null ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[keys.join(','), ...rows.map((row) => keys.map((k) => cell(row[k])).join(','))].join('\n')}\n`;
}
