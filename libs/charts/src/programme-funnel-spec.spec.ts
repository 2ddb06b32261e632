import { describe, expect, it } from '@jest/globals';
import { estimateWidth } from './chart-layout.js';
import {
  type FunnelResult,
  funnelRows,
  PROGRAMME_FUNNEL,
  programmeFunnelSpec,
  renderProgrammeFunnelSvg,
} from './programme-funnel-spec.js';

// The funnel chart the API draws for the console and `simulate-programme --svg` writes.

const figure = (mean: number, p5: number, p95: number) => ({ mean, p5, p95 });
const metrics = (admitted: number) => ({
  applications: figure(44, 44, 44),
  admitted: figure(admitted, admitted - 4, admitted + 5),
  crossBorder: figure(0.57, 0, 2),
  exitedWithOne: figure(5.88, 2, 10),
  exitedWithTwo: figure(0.28, 0, 1),
  utilisation: figure(0.187, 0.091, 0.295),
});
const result: FunnelResult = {
  scenario: { seed: 2019, replications: 100 },
  designs: [
    { name: 'Pilot as run', metrics: metrics(8.24) },
    { name: 'Unanimous entry', metrics: metrics(5) },
  ],
};

describe('programme funnel chart', () => {
  it('has one row per stage, labelled with the mean and its 5–95 % interval', () => {
    expect(funnelRows(result.designs[0].metrics).map((r) => r.label)).toEqual([
      '44 (44–44)',
      '8.24 (4.24–13.24)',
      '0.57 (0–2)',
      '5.88 (2–10)',
      '0.28 (0–1)',
    ]);
  });

  it('draws a panel per design, titled, the same bytes for the same result', async () => {
    const svg = await renderProgrammeFunnelSvg(result, 'GFIN designs');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('GFIN designs');
    expect(svg).toContain('1. Pilot as run');
    expect(svg).toContain('2. Unanimous entry');
    expect(svg).toContain('8.24 (4.24–13.24)');
    expect(svg).toContain('5 (1–10)');
    expect(await renderProgrammeFunnelSvg(result, 'GFIN designs')).toBe(svg);
  });

  it('gives the stage labels room to read in full, the longest too', async () => {
    const spec = programmeFunnelSpec(result) as unknown as {
      config: { axis: { labelFontSize: number } };
      marks: { axes: { orient: string; labelLimit: number }[] }[];
    };
    const fontSize = spec.config.axis.labelFontSize;
    const longest = Math.max(...PROGRAMME_FUNNEL.map((f) => estimateWidth(f.label, fontSize)));
    for (const panel of spec.marks) {
      const axis = panel.axes.find((a) => a.orient === 'left');
      expect(axis?.labelLimit).toBeGreaterThanOrEqual(longest);
    }
    const svg = await renderProgrammeFunnelSvg(result);
    for (const { label } of PROGRAMME_FUNNEL) expect(svg).toContain(`>${label}</text>`);
    expect(svg).not.toContain('…');
  });
});
