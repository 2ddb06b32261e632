import type { Spec } from 'vega';
import { type SimulationChartKind, simulationChartSpecOf } from './simulation-chart-of.js';

// A chart's spec drawn to SVG text by vega's View in Node: the API's `chartSvg` (for API users) and
// the CLI. The console draws the same specs in the browser (apps/console's VegaChart).

/** A spec drawn to SVG text (vega's View, no renderer), with the time it took. */
export async function renderSpecSvg(spec: Spec): Promise<{ svg: string; ms: number }> {
  const started = performance.now();
  const vega = await import('vega');
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return { svg, ms: Math.round(performance.now() - started) };
  } finally {
    view.finalize();
  }
}

/** One chart of a result as SVG text, with the time it took (spec and drawing). */
export async function renderSimulationChartSvg(
  result: unknown,
  kind: SimulationChartKind,
  title?: string,
  jurisdictions?: readonly string[],
): Promise<{ svg: string; ms: number }> {
  const started = performance.now();
  const { svg } = await renderSpecSvg(simulationChartSpecOf(result, kind, title, jurisdictions));
  return { svg, ms: Math.round(performance.now() - started) };
}
