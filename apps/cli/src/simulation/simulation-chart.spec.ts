import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenarioJson, simulate, type SimulationResult, type VariantResult } from '@sandbridge/domain';
import { cellLabel, compactCount, wrapText } from './chart-layout.js';
import { normaliseIds, renderSimulationSvg, simulationChartSpec } from './simulation-chart.js';

const scenarioOf = (name: string) => parseScenarioJson(readFileSync(resolve('examples/simulation', name), 'utf8'));
const codesOf = (name: string) => scenarioOf(name).reference.jurisdictions.map((jurisdiction) => jurisdiction.code);
const DEMO = simulate(scenarioOf('demo-drafts.scenario.json'));
const SMALL = simulate(scenarioOf('small.scenario.json'));

/** As the name appears in SVG text: XML-escaped. */
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Group = {
  name: string;
  title: { text: string[] };
  data: { name: string; values: any[] }[];
  signals?: { name: string; value: unknown }[];
};
const groups = (spec: any) => spec.marks as Group[];
const cellsOf = (spec: any, index: number) =>
  groups(spec).find((group) => group.name === `matrix-${index}`)!.data[0].values;

describe('simulationChartSpec', () => {
  it('has one matrix per variant, in result order, over every jurisdiction of the scenario', () => {
    const jurisdictions = codesOf('demo-drafts.scenario.json');
    const spec = simulationChartSpec(DEMO, { jurisdictions });
    const matrices = groups(spec).filter((group) => group.name.startsWith('matrix-'));
    expect(matrices.map((group) => group.title.text.join(' '))).toEqual(DEMO.variants.map((variant) => variant.name));
    for (const [index] of DEMO.variants.entries()) {
      const cells = cellsOf(spec, index);
      expect(cells).toHaveLength(jurisdictions.length ** 2);
      expect(new Set(cells.map((cell) => cell.origin))).toEqual(new Set(jurisdictions));
    }
  });

  it("fills each cell with the pair's recognised + recognised-with-conditions count, zero elsewhere", () => {
    const spec = simulationChartSpec(DEMO, { jurisdictions: codesOf('demo-drafts.scenario.json') });
    DEMO.variants.forEach((variant, index) => {
      const cells = cellsOf(spec, index);
      const expected = new Map(
        variant.byPair.map((pair) => [
          `${pair.origin}>${pair.recognising}`,
          pair.recognised + pair.recognisedWithConditions,
        ]),
      );
      for (const cell of cells) expect(cell.count).toBe(expected.get(`${cell.origin}>${cell.recognising}`) ?? 0);
      expect(cells.filter((cell) => cell.count > 0)).toHaveLength(
        variant.byPair.filter((pair) => pair.recognised + pair.recognisedWithConditions > 0).length,
      );
    });
    // One colour scale for every matrix, up to the largest count of any variant.
    const max = Math.max(
      ...DEMO.variants.flatMap((variant) =>
        variant.byPair.map((pair) => pair.recognised + pair.recognisedWithConditions),
      ),
    );
    expect((spec.scales as any[]).find((scale) => scale.name === 'color').domain).toEqual([0, max]);
  });

  it('adds the jurisdictions found in byPair to those given, sorted', () => {
    const spec = simulationChartSpec(SMALL, { jurisdictions: ['ZZ'] });
    const codes = [...new Set(cellsOf(spec, 0).map((cell) => cell.origin))];
    const fromPairs = SMALL.variants.flatMap((variant) =>
      variant.byPair.flatMap((pair) => [pair.origin, pair.recognising]),
    );
    expect(codes).toEqual([...new Set([...fromPairs, 'ZZ'])].sort());
  });

  it('plots recognised, with conditions and gaps per variant, with the recognition rate', () => {
    const spec = simulationChartSpec(SMALL);
    const bars = groups(spec).find((group) => group.name === 'totals')!;
    const totals = bars.data.find((data) => data.name === 'totals')!.values;
    expect(totals).toHaveLength(SMALL.variants.length * 3);
    SMALL.variants.forEach((variant, index) => {
      expect(totals.filter((row) => row.variant === index).map((row) => row.value)).toEqual([
        variant.totals.recognised,
        variant.totals.recognisedWithConditions,
        variant.totals.gaps,
      ]);
    });
    const rates = bars.data.find((data) => data.name === 'rates')!.values.map((row) => row.label);
    expect(rates).toEqual(
      SMALL.variants.map((variant) => `rate ${(Math.round(variant.totals.recognitionRate * 1000) / 10).toFixed(1)} %`),
    );
  });
});

describe('renderSimulationSvg', () => {
  it('draws every jurisdiction code and every variant name, with titles, axis labels and legends', async () => {
    const jurisdictions = codesOf('demo-drafts.scenario.json');
    const svg = await renderSimulationSvg(DEMO, { jurisdictions });
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg.endsWith('</svg>\n')).toBe(true);
    for (const code of jurisdictions) expect(svg).toContain(`>${code}</text>`);
    for (const variant of DEMO.variants) expect(svg).toContain(`>${xml(variant.name)}</text>`);
    for (const text of [
      `Recognition simulation as of ${DEMO.asOf}`,
      'origin →',
      'recognising →',
      'criteria recognised',
      'target criteria',
      'recognised with conditions',
      'gaps (a test still needed)',
    ]) {
      expect(svg).toContain(xml(text));
    }
  });

  it("keeps a long or odd variant name whole: wrapped on screen, in full in the matrix's aria-label", async () => {
    const name = 'EU–SG draft <v2> & the annex on accredited laboratories, as tabled on 12 May';
    const result: SimulationResult = {
      ...SMALL,
      variants: SMALL.variants.map((variant, index): VariantResult => (index === 1 ? { ...variant, name } : variant)),
    };
    const svg = await renderSimulationSvg(result);
    expect(svg).toContain(`aria-label="Recognition matrix: ${xml(name)}"`);
    // The panel's title: every word, over several lines.
    const title = /aria-label="Title text '[^']*12 May'"[^>]*>(<text[^>]*>.*?<\/text>)/.exec(svg)![1];
    const lines = [...title.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1]);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(xml(name));
  });

  it('gives the same bytes for the same input, whatever was rendered before in the process', async () => {
    const options = { jurisdictions: codesOf('demo-drafts.scenario.json') };
    const first = await renderSimulationSvg(DEMO, options);
    await renderSimulationSvg(SMALL);
    const second = await renderSimulationSvg(DEMO, options);
    expect(second).toBe(first);
    expect(first).not.toMatch(/id="(clip|gradient_?)\d+"/);
    expect(await renderSimulationSvg(SMALL)).not.toBe(first);
  });
});

describe('chart helpers', () => {
  it('normaliseIds renumbers generated ids and their references, never text', () => {
    const svg =
      '<clipPath id="clip7"/><g clip-path="url(#clip7)"/><linearGradient id="gradient_12"/><rect fill="url(#gradient_12)"/><text>clip7</text>';
    expect(normaliseIds(svg)).toBe(
      '<clipPath id="sb-1"/><g clip-path="url(#sb-1)"/><linearGradient id="sb-2"/><rect fill="url(#sb-2)"/><text>clip7</text>',
    );
  });

  it('compactCount and cellLabel keep a count readable in a small cell', () => {
    expect([0, 999, 1000, 4039, 9960, 12_345, 999_499, 999_500, 2_500_000].map(compactCount)).toEqual([
      '0',
      '999',
      '1.0k',
      '4.0k',
      '10k',
      '12k',
      '999k',
      '1.0M',
      '2.5M',
    ]);
    expect(cellLabel(4039, 40)).toBe('4,039');
    expect(cellLabel(12_345, 40)).toBe('12k');
    expect(cellLabel(4039, 26)).toBe('4.0k');
  });

  it('wrapText breaks at spaces, cuts an overlong word, and marks what it leaves out', () => {
    expect(wrapText('EU-SG bilateral (draft)', 16)).toEqual(['EU-SG bilateral', '(draft)']);
    expect(wrapText('baseline', 16)).toEqual(['baseline']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('one two three four five six', 5, 2)).toEqual(['one', 'two…']);
  });
});
