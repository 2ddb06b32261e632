import type { ChartResult as SimulationResult } from './chart-result.js';
import { cellLabel, type MatrixLayout, type MatrixMeasure, measureOf, PANEL_LEFT, TITLE_LINE } from './chart-layout.js';

/** One recognition matrix per variant (origin × recognising jurisdiction), as vega groups. */
export function matrixPanels(result: SimulationResult, layout: MatrixLayout, measure: MatrixMeasure = 'recognisedAny') {
  const variants = result.variants;
  const {
    jurisdictions,
    cell,
    labelCells,
    side,
    panelWidth,
    titles,
    panelTop,
    columns,
    panelHeight,
    matricesTop,
    maxCount,
  } = layout;
  const cellsOf = (index: number) => {
    const counts = new Map(variants[index].byPair.map((pair) => [`${pair.origin}\u0000${pair.recognising}`, pair]));
    return jurisdictions.flatMap((origin) =>
      jurisdictions.map((recognising) => {
        const pair = counts.get(`${origin}\u0000${recognising}`);
        const count = pair ? measureOf(pair, measure) : 0;
        const self = origin === recognising;
        return { origin, recognising, count, self, label: self || count === 0 ? '' : cellLabel(count, cell) };
      }),
    );
  };
  return variants.map((variant, index) => ({
    type: 'group' as const,
    name: `matrix-${index}`,
    title: {
      text: titles[index],
      anchor: 'start' as const,
      fontSize: 13,
      fontWeight: 'bold' as const,
      offset: 8,
      lineHeight: TITLE_LINE,
    },
    encode: {
      enter: {
        x: { value: (index % columns) * panelWidth + PANEL_LEFT },
        y: { value: matricesTop + Math.floor(index / columns) * panelHeight + panelTop },
        // The full name for screen readers and search (the title may be wrapped).
        description: { value: `Recognition matrix: ${variant.name}` },
        width: { value: side },
        height: { value: side },
      },
    },
    data: [{ name: `cells-${index}`, values: cellsOf(index) }],
    scales: [
      { name: 'col', type: 'band' as const, domain: jurisdictions, range: [0, side] },
      { name: 'row', type: 'band' as const, domain: jurisdictions, range: [0, side] },
    ],
    axes: [
      { orient: 'top' as const, scale: 'col', domain: false, ticks: false, labelPadding: 4, labelFontSize: 11 },
      {
        orient: 'bottom' as const,
        scale: 'col',
        domain: false,
        ticks: false,
        labels: false,
        title: 'recognising →',
        titleFontSize: 11,
        titleFontWeight: 'normal' as const,
        titlePadding: 6,
      },
      {
        orient: 'left' as const,
        scale: 'row',
        domain: false,
        ticks: false,
        labelPadding: 4,
        labelFontSize: 11,
        title: 'origin →',
        titleFontSize: 11,
        titleFontWeight: 'normal' as const,
        titlePadding: 6,
      },
    ],
    marks: [
      {
        type: 'rect' as const,
        from: { data: `cells-${index}` },
        encode: {
          enter: {
            x: { scale: 'col', field: 'recognising' },
            width: { scale: 'col', band: 1 },
            y: { scale: 'row', field: 'origin' },
            height: { scale: 'row', band: 1 },
            // A jurisdiction never recognises its own results (that is local satisfaction): grey it out.
            fill: [
              { test: 'datum.self', value: '#d9d9d9' },
              { test: 'datum.count === 0', value: '#f7f7f7' },
              { scale: 'color', field: 'count' },
            ],
            stroke: { value: '#ffffff' },
            strokeWidth: { value: 1 },
          },
        },
      },
      ...(labelCells
        ? [
            {
              type: 'text' as const,
              from: { data: `cells-${index}` },
              encode: {
                enter: {
                  x: { scale: 'col', field: 'recognising', band: 0.5 },
                  y: { scale: 'row', field: 'origin', band: 0.5 },
                  align: { value: 'center' as const },
                  baseline: { value: 'middle' as const },
                  fontSize: { value: 11 },
                  text: { field: 'label' },
                  fill: [{ test: `datum.count > ${maxCount * 0.55}`, value: '#ffffff' }, { value: '#111111' }],
                },
              },
            },
          ]
        : []),
    ],
  }));
}
