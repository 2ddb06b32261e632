// What the chart specs read of a sandbridge/simulation-result@1 document: the domain's
// SimulationResult fits it, and so does the JSON the console gets from `SimulationRun.result`.
// The library imports nothing of the platform, so the CLI (Node) and the console (a browser bundle)
// both import it.

export interface ChartPair {
  origin: string;
  recognising: string;
  recognised: number;
  recognisedWithConditions: number;
  divergent?: number;
}

export interface ChartTotals {
  recognised: number;
  recognisedWithConditions: number;
  gaps: number;
  recognitionRate: number;
}

export interface ChartVariant {
  name: string;
  totals: ChartTotals;
  byPair: readonly ChartPair[];
}

export interface ChartResult {
  asOf: string;
  variants: readonly ChartVariant[];
}

/** 1234567 → "1,234,567"; 0.5 → "0.50": the CLI report's number format, used in cell labels. */
export function formatNumber(n: number): string {
  const text = Number.isInteger(n) ? Math.abs(n).toString() : Math.abs(n).toFixed(2);
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
