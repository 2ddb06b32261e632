import type { ChartResult } from './chart-result.js';
import type { MatrixMeasure } from './chart-layout.js';
import { marginalChartSpec } from './marginal-chart-spec.js';
import { simulationChartSpec } from './simulation-chart-spec.js';

// A simulation-result@1 document as the charts read it, and the chart of one kind as SVG text. The
// API renders it for the console (vega compiles its expressions with `Function`, which the console's
// content security policy forbids in the browser); the CLI renders the same specs.

export type SimulationChartKind =
  'MATRICES_RECOGNISED' | 'MATRICES_WITH_CONDITIONS' | 'MATRICES_DIVERGENT' | 'MARGINAL';

const MEASURE_OF: Record<Exclude<SimulationChartKind, 'MARGINAL'>, MatrixMeasure> = {
  MATRICES_RECOGNISED: 'recognised',
  MATRICES_WITH_CONDITIONS: 'recognisedWithConditions',
  MATRICES_DIVERGENT: 'divergent',
};

type Figure = number | null | undefined;
interface ResultDoc {
  asOf: string;
  variants: {
    name: string;
    totals: Record<string, Figure>;
    byPair: {
      origin: string;
      recognising: string;
      recognised: Figure;
      recognisedWithConditions: Figure;
      divergent?: Figure;
    }[];
    marginal?: { agreement: string; recognised: Figure }[];
  }[];
}

/**
 * The result (as the API gives it, disclosure control applied) as the charts read it: a suppressed
 * figure (null) counts 0 in the picture, and the "*" row of pairs summed for disclosure is left out
 * of the matrices (the figures tables show both as they are).
 */
export function chartResultOf(result: ResultDoc): ChartResult {
  return {
    asOf: result.asOf,
    variants: result.variants.map((v) => ({
      name: v.name,
      totals: {
        recognised: v.totals.recognised ?? 0,
        recognisedWithConditions: v.totals.recognisedWithConditions ?? 0,
        gaps: v.totals.gaps ?? 0,
        recognitionRate: v.totals.recognitionRate ?? 0,
      },
      byPair: v.byPair
        .filter((p) => p.origin !== '*')
        .map((p) => ({
          origin: p.origin,
          recognising: p.recognising,
          recognised: p.recognised ?? 0,
          recognisedWithConditions: p.recognisedWithConditions ?? 0,
          divergent: p.divergent ?? 0,
        })),
    })),
  };
}

/** One chart of a result as SVG text (vega's View, no renderer), with the time it took. */
export async function renderSimulationChartSvg(
  result: unknown,
  kind: SimulationChartKind,
  title?: string,
): Promise<{ svg: string; ms: number }> {
  const started = performance.now();
  const doc = result as ResultDoc;
  const spec =
    kind === 'MARGINAL'
      ? marginalChartSpec(
          doc.variants.flatMap((v) =>
            (v.marginal ?? []).map((m) => ({ variant: v.name, agreement: m.agreement, value: m.recognised ?? 0 })),
          ),
          { measure: 'criteria recognised' },
        )
      : simulationChartSpec(chartResultOf(doc), { measure: MEASURE_OF[kind], title });
  const vega = await import('vega');
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return { svg, ms: Math.round(performance.now() - started) };
  } finally {
    view.finalize();
  }
}
