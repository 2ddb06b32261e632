// A vega spec drawn as SVG in the page. vega is loaded on first use (it never counts towards the
// console's initial JavaScript); the SVG is a picture (role="img", named by `label`) and the figures
// it draws are in the table the page puts beside it. The time from the spec to the drawn SVG is kept
// on the element (data-render-ms) for the browser test and the benchmark.
import { Center, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Spec } from 'vega';

export function VegaChart({ spec, label }: { spec: Spec; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');

  useEffect(() => {
    let cancelled = false;
    const started = performance.now();
    setState('drawing');
    void (async () => {
      try {
        const vega = await import('vega');
        const view = new vega.View(vega.parse(spec), { renderer: 'none' });
        const svg = await view.toSVG();
        view.finalize();
        if (cancelled || !box.current) return;
        box.current.innerHTML = svg;
        const drawn = box.current.querySelector('svg');
        drawn?.setAttribute('aria-hidden', 'true');
        drawn?.setAttribute('focusable', 'false');
        box.current.dataset.renderMs = String(Math.round(performance.now() - started));
        setState('drawn');
      } catch {
        if (!cancelled) setState('failed');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [spec]);

  return (
    <>
      {state === 'drawing' && (
        <Center py="md">
          <Loader size="sm" aria-label={`Drawing: ${label}`} />
        </Center>
      )}
      {state === 'failed' && <Text c="red">The chart could not be drawn; its figures are in the table.</Text>}
      <div
        ref={box}
        role="img"
        aria-label={label}
        data-chart-state={state}
        style={{ overflowX: 'auto', maxWidth: '100%' }}
      />
    </>
  );
}
