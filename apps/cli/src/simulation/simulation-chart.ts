import type { SimulationResult } from '@sandbridge/domain';
import { type SimulationChartOptions, simulationChartSpec } from '@sandbridge/charts';

// The `simulate --svg` chart: its spec is @sandbridge/charts' (shared with the console's Simulations
// page); this renders it to SVG text in Node.

export { type SimulationChartOptions, simulationChartSpec } from '@sandbridge/charts';

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
