import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { chartResultOf, totalsGroupsOf } from './simulation-chart-of.js';
import { renderSimulationChartSvg, renderSpecSvg } from './simulation-svg.js';
import { comparisonChartSpec } from './totals-chart-spec.js';

// The pictures the API draws for the console, from the small example's known result
// (examples/simulation/small.expected.json): same specs as the CLI's.

const result = JSON.parse(
  readFileSync(new URL('../../../examples/simulation/small.expected.json', import.meta.url), 'utf8'),
);

describe('renderSimulationChartSvg', () => {
  it('draws the matrices of the measure asked for, titled and with its legend', async () => {
    const { svg } = await renderSimulationChartSvg(result, 'MATRICES_DIVERGENT', 'small');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Recognition matrix: A: GB-SG equivalence');
    expect(svg).toContain('Criteria divergent,');
    // The colour scale's legend is titled by the measure; the recognised picture is another one.
    expect(svg).toContain("Gradient legend titled 'divergent'");
    const recognised = await renderSimulationChartSvg(result, 'MATRICES_RECOGNISED', 'small');
    expect(recognised.svg).toContain("Gradient legend titled 'recognised without conditions'");
    expect(recognised.svg).not.toBe(svg);
  });

  it('draws each agreement’s marginal value as bars, C’s EXCLUDE below zero', async () => {
    const { svg } = await renderSimulationChartSvg(result, 'MARGINAL');
    expect(svg).toContain('Marginal value of each agreement');
    expect(svg).toContain('C: EU denies SG robustness · eu-deny');
    expect(svg).toContain('−2');
  });

  it('draws the totals per variant with each figure’s difference from the baseline', async () => {
    const { svg } = await renderSimulationChartSvg(result, 'TOTALS');
    expect(svg).toContain('Target criteria by outcome');
    // A: GB-SG equivalence recognises 3 criteria, one more than the baseline; its rate is 4/7 (+1/7).
    const a = result.variants[1];
    expect(a.totals.recognised).toBe(3);
    expect(svg).toContain('>3 (+1)<');
    expect(svg).toContain('57.1 % (+14.3 %)');
    expect(svg).toContain('A: GB-SG equivalence');
  });

  it('draws the days and cost saved per variant, with the differences from the baseline', async () => {
    const { svg } = await renderSimulationChartSvg(result, 'SAVINGS');
    expect(svg).toContain('Days saved');
    expect(svg).toContain('Cost saved');
    expect(svg).toContain('>55 (+25)<');
    expect(svg).toContain('>34,000 (+10,000)<');
  });

  it('draws runs side by side: every run’s variants as rows', async () => {
    const groups = [
      ...totalsGroupsOf(result).map((g) => ({ ...g, name: `first: ${g.name}` })),
      ...totalsGroupsOf(result).map((g) => ({ ...g, name: `second: ${g.name}` })),
    ];
    const { svg } = await renderSpecSvg(comparisonChartSpec(groups));
    for (const panel of ['Target criteria by outcome', 'Recognition rate', 'Days saved', 'Cost saved'])
      expect(svg).toContain(panel);
    expect(svg).toContain('first: baseline');
    expect(svg).toContain('second: A: GB-SG equivalence');
  });

  it('reads suppressed figures as 0 and leaves the summed "*" row out of the matrices', () => {
    const suppressed = {
      asOf: '2026-06-01',
      variants: [
        {
          name: 'baseline',
          totals: { recognised: null, recognisedWithConditions: 2, gaps: 1, recognitionRate: null },
          byPair: [
            { origin: '*', recognising: '*', recognised: 3, recognisedWithConditions: 0, divergent: 0 },
            { origin: 'SG', recognising: 'EU', recognised: null, recognisedWithConditions: null, divergent: null },
          ],
        },
      ],
    };
    expect(chartResultOf(suppressed).variants[0]).toEqual({
      name: 'baseline',
      totals: { recognised: 0, recognisedWithConditions: 2, gaps: 1, recognitionRate: 0 },
      byPair: [{ origin: 'SG', recognising: 'EU', recognised: 0, recognisedWithConditions: 0, divergent: 0 }],
    });
  });
});
