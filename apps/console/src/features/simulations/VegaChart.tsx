// A picture of a run's result: the shared vega spec (@sandbridge/charts) drawn to SVG by vega's View
// in the API (`SimulationRun.chartSvg`). vega compiles its expressions with `Function`, which the
// console's content security policy (script-src 'self') rightly forbids in the browser; the API draws
// the same spec the CLI does. The SVG is a picture (role="img", named by `label`); the figures it
// draws are in the table the page puts beside it. The time from asking to drawn is kept on the
// element (data-render-ms) for the browser test.
import { Center, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { type SimulationChartKind, SimulationRunChartDocument } from '../../gql/graphql';

export function VegaChart({ runId, kind, label }: { runId: string; kind: SimulationChartKind; label: string }) {
  const client = useClient();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');

  useEffect(() => {
    let cancelled = false;
    const started = performance.now();
    setState('drawing');
    void client
      .query(SimulationRunChartDocument, { id: runId, kind })
      .toPromise()
      .then((answer) => {
        const svg = answer.data?.simulationRun?.chartSvg;
        if (cancelled || !box.current) return;
        if (!svg) return setState('failed');
        box.current.innerHTML = svg;
        const drawn = box.current.querySelector('svg');
        drawn?.setAttribute('aria-hidden', 'true');
        drawn?.setAttribute('focusable', 'false');
        box.current.dataset.renderMs = String(Math.round(performance.now() - started));
        setState('drawn');
      });
    return () => {
      cancelled = true;
    };
  }, [client, runId, kind]);

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
