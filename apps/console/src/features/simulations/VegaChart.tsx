// A picture of a run's result (or of runs compared): the shared vega spec (@sandbridge/charts, built
// by the page from the result it already has) drawn here, in the browser, as SVG. vega compiles its
// expressions with `Function`, which the console's content security policy (script-src 'self')
// rightly forbids; so the spec is parsed to its AST (`parse(spec, config, { ast: true })`) and
// vega-interpreter evaluates the expressions instead (docs/console.md). vega is loaded on first use
// only: the pages that draw charts import this module lazily, and this module imports vega lazily.
// The SVG is a picture (role="img", named by `label`); the figures it draws are in the table the page
// puts beside it. The time from the result arriving (`since`, the page's clock) to drawn is kept on
// the element (data-render-ms) for the browser test and bench:console.
import { Center, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Spec, View } from 'vega';

type Vega = { vega: typeof import('vega'); expressionInterpreter: object };
let loading: Promise<Vega> | undefined;

/** vega and its interpreter, loaded once (a chunk of their own); a page may ask early, before its data. */
export function loadVega(): Promise<Vega> {
  loading ??= Promise.all([import('vega'), import('vega-interpreter')]).then(([vega, { expressionInterpreter }]) => ({
    vega,
    expressionInterpreter,
  }));
  // A failed load (the network) is tried again by the next chart.
  loading.catch(() => (loading = undefined));
  return loading;
}

export function VegaChart({ spec, label, since }: { spec: Spec; label: string; since?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');
  // `since` times the first drawing only; a redraw (another measure) is timed from its asking.
  const first = useRef(true);

  useEffect(() => {
    let cancelled = false;
    let view: View | undefined;
    const started = first.current && since !== undefined ? since : performance.now();
    first.current = false;
    setState('drawing');
    void loadVega()
      .then(async ({ vega, expressionInterpreter }) => {
        const container = box.current;
        if (cancelled || !container) return;
        // vega's own element: vega names it (role, aria-label) as a document of its own; here the
        // picture is the box, named by `label`, and what vega draws is hidden from assistive technology.
        const canvas = document.createElement('div');
        container.replaceChildren(canvas);
        view = new vega.View(vega.parse(spec, undefined, { ast: true }), {
          expr: expressionInterpreter,
          renderer: 'svg',
          container: canvas,
        });
        for (const name of ['role', 'aria-roledescription', 'aria-label']) canvas.removeAttribute(name);
        canvas.setAttribute('aria-hidden', 'true');
        await view.runAsync();
        if (cancelled) return;
        container.querySelector('svg')?.setAttribute('focusable', 'false');
        container.dataset.renderMs = String(Math.max(1, Math.round(performance.now() - started)));
        setState('drawn');
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        console.warn('The chart could not be drawn', error);
        setState('failed');
      });
    return () => {
      cancelled = true;
      view?.finalize();
    };
  }, [spec, since]);

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
