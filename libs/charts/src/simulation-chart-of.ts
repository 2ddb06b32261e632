import type { ChartResult } from './chart-result.js';
import type { MatrixMeasure } from './chart-layout.js';
import { marginalChartSpec } from './marginal-chart-spec.js';
import { simulationChartSpec } from './simulation-chart-spec.js';
import { savingsChartSpec, totalsChartSpec, type TotalsGroup } from './totals-chart-spec.js';
import type { Spec } from 'vega';

// A simulation-result@1 document as the charts read it, and the spec of the chart of one kind: plain
// data, no vega code. The console draws it in the browser (vega with vega-interpreter: no `Function`,
// as its content security policy demands); the API (`chartSvg`) and the CLI draw the same specs to SVG
// text (simulation-svg.ts).

export type SimulationChartKind =
  'MATRICES_RECOGNISED' | 'MATRICES_WITH_CONDITIONS' | 'MATRICES_DIVERGENT' | 'MARGINAL' | 'TOTALS' | 'SAVINGS';

const MEASURE_OF: Record<Exclude<SimulationChartKind, 'MARGINAL' | 'TOTALS' | 'SAVINGS'>, MatrixMeasure> = {
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
    deltaVsBaseline?: Record<string, Figure>;
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

/** The jurisdictions of a scenario@1 document's own reference (none when it uses the platform's). */
export function scenarioJurisdictions(scenario: unknown): string[] {
  const listed = (scenario as { reference?: { jurisdictions?: { code?: unknown }[] } } | null)?.reference
    ?.jurisdictions;
  return Array.isArray(listed) ? listed.flatMap((j) => (typeof j?.code === 'string' ? [j.code] : [])) : [];
}

/** A result's variants as the totals panels read them: the first is the baseline. */
export function totalsGroupsOf(result: unknown): TotalsGroup[] {
  return (result as ResultDoc).variants.map((v, index) => ({
    name: v.name,
    totals: v.totals,
    deltaVsBaseline: v.deltaVsBaseline ?? null,
    baseline: index === 0,
  }));
}

/**
 * The spec of one chart of a result (see SimulationChartKind); `jurisdictions` (the scenario's) are
 * on the matrices' axes even where no pair was recognised.
 */
export function simulationChartSpecOf(
  result: unknown,
  kind: SimulationChartKind,
  title?: string,
  jurisdictions?: readonly string[],
): Spec {
  const doc = result as ResultDoc;
  switch (kind) {
    case 'MARGINAL':
      return marginalChartSpec(
        doc.variants.flatMap((v) =>
          (v.marginal ?? []).map((m) => ({ variant: v.name, agreement: m.agreement, value: m.recognised ?? 0 })),
        ),
        { measure: 'criteria recognised' },
      );
    case 'TOTALS':
      return totalsChartSpec(totalsGroupsOf(doc));
    case 'SAVINGS':
      return savingsChartSpec(totalsGroupsOf(doc));
    case 'MATRICES_RECOGNISED':
    case 'MATRICES_WITH_CONDITIONS':
    case 'MATRICES_DIVERGENT':
      return simulationChartSpec(chartResultOf(doc), { measure: MEASURE_OF[kind], title, jurisdictions });
  }
}

/**
 * The runs compared (compareSimulationRuns: each run's name and its variants, none until COMPLETED)
 * as the comparison chart's rows, "run: variant".
 */
export function comparisonGroupsOf(runs: readonly { name: string; variants: unknown[] }[]): TotalsGroup[] {
  return runs.flatMap((run) =>
    totalsGroupsOf({ asOf: '', variants: run.variants }).map((g) => ({ ...g, name: `${run.name}: ${g.name}` })),
  );
}
