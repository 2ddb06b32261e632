// A picture of a run's result (or of runs compared): the shared vega spec (@sandbridge/charts) drawn
// to SVG by vega's View in the API (`SimulationRun.chartSvg`, `compareSimulationRunsChartSvg`). vega
// compiles its expressions with `Function`, which the console's content security policy (script-src
// 'self') rightly forbids in the browser; its CSP-safe interpreter (vega-interpreter) is not among the
// console's dependencies, so the API draws the same spec the CLI does, and keeps each picture once
// drawn (docs/console.md). The SVG is a picture (role="img", named by `label`); the figures it draws
// are in the table the page puts beside it. The time from the result arriving (`since`, the page's
// clock) to drawn is kept on the element (data-render-ms) for the browser test and bench:console.
import { Center, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import {
  CompareSimulationRunsChartDocument,
  type SimulationChartKind,
  SimulationRunChartDocument,
} from '../../gql/graphql';

/** What to draw: one chart of a run, or the runs compared side by side. */
export type ChartSource = { runId: string; kind: SimulationChartKind } | { compareIds: string[] };

export function VegaChart({ source, label, since }: { source: ChartSource; label: string; since?: number }) {
  const client = useClient();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');
  // One string for the effect's dependencies: the same source is not fetched again.
  const key = JSON.stringify(source);
  // `since` times the first drawing only; a redraw (another measure) is timed from its asking.
  const first = useRef(true);

  useEffect(() => {
    let cancelled = false;
    const started = first.current && since !== undefined ? since : performance.now();
    first.current = false;
    const wanted = JSON.parse(key) as ChartSource;
    setState('drawing');
    const svgOf =
      'compareIds' in wanted
        ? client
            .query(CompareSimulationRunsChartDocument, { ids: wanted.compareIds })
            .toPromise()
            .then((answer) => answer.data?.compareSimulationRunsChartSvg)
        : client
            .query(SimulationRunChartDocument, { id: wanted.runId, kind: wanted.kind })
            .toPromise()
            .then((answer) => answer.data?.simulationRun?.chartSvg);
    void svgOf.then((svg) => {
      if (cancelled || !box.current) return;
      if (!svg) return setState('failed');
      box.current.innerHTML = svg;
      const drawn = box.current.querySelector('svg');
      drawn?.setAttribute('aria-hidden', 'true');
      drawn?.setAttribute('focusable', 'false');
      box.current.dataset.renderMs = String(Math.max(1, Math.round(performance.now() - started)));
      setState('drawn');
    });
    return () => {
      cancelled = true;
    };
  }, [client, key, since]);

  return (
    <>
      {state === 'drawing' && (
        <Center py="md">
          <Loader size="sm" aria-label={`Drawing: ${label}`} />
        </Center>
      )}
      {state === 'failed' && <Text c="red">The chart could not be drawn; its figures are in the table.</Text>}
      {/* A wide chart scrolls sideways: its box takes the focus, so the keyboard can scroll it. */}
      <div tabIndex={0} role="group" aria-label={`Chart: ${label}`} style={{ overflowX: 'auto', maxWidth: '100%' }}>
        <div ref={box} role="img" aria-label={label} data-chart-state={state} />
      </div>
    </>
  );
}
