import { describe, expect, it } from '@jest/globals';
import { betaCdf, betaQuantile, logGamma } from './beta-distribution.js';
import { calibrate } from './programme-calibration.js';
import { readProgrammeScenario } from './programme-scenario-format.js';

// The calibration against a Beta posterior computed independently here: the density integrated
// numerically (Simpson's rule on a fine grid), never the continued fraction under test.

/** The unnormalised density t^(a−1) (1 − t)^(b−1), with its limits at 0 and 1 (a, b ≥ 1). */
const density = (t: number, a: number, b: number) =>
  Math.exp((a === 1 ? 0 : (a - 1) * Math.log(t)) + (b === 1 ? 0 : (b - 1) * Math.log(1 - t)));

/** ∫₀ˣ of the density by Simpson's rule on `steps` intervals. */
function simpson(x: number, a: number, b: number, steps = 40_000): number {
  const h = x / steps;
  let sum = density(0, a, b) + density(x, a, b);
  for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * density(i * h, a, b);
  return (sum * h) / 3;
}

/** P(X ≤ x) for X ~ Beta(a, b): the integral up to x over the integral up to 1. */
const integratedCdf = (x: number, a: number, b: number) => simpson(x, a, b) / simpson(1, a, b);

describe('Beta distribution', () => {
  it('logGamma matches factorials', () => {
    for (const n of [1, 2, 5, 10, 50, 170]) {
      let log = 0;
      for (let k = 2; k < n; k++) log += Math.log(k);
      expect(logGamma(n)).toBeCloseTo(log, 8);
    }
  });

  it.each([
    [103, 175],
    [1, 1],
    [2, 9],
    [25, 45],
    [1, 40],
  ])('the CDF and its quantiles agree with the integrated density of Beta(%i, %i)', (a, b) => {
    for (const x of [0.05, 0.2, 0.37, 0.5, 0.8]) expect(betaCdf(x, a, b)).toBeCloseTo(integratedCdf(x, a, b), 7);
    for (const q of [0.05, 0.5, 0.95]) expect(integratedCdf(betaQuantile(q, a, b), a, b)).toBeCloseTo(q, 7);
  });
});

describe('calibrate', () => {
  const fca = [
    { authority: 'gb-fca', jurisdiction: 'GB', applications: 69, admitted: 24 },
    { authority: 'gb-fca', jurisdiction: 'GB', applications: 77, admitted: 31 },
    { authority: 'gb-fca', jurisdiction: 'GB', applications: 61, admitted: 18 },
    { authority: 'gb-fca', jurisdiction: 'GB', applications: 69, admitted: 29 },
    { authority: 'sg-mas', applications: 10, admitted: 0 },
  ];

  it('pools each authority’s funnels into Beta(1 + admitted, 1 + declined): mean and 90% interval', () => {
    const calibrated = calibrate(fca);
    if ('errors' in calibrated) throw new Error(JSON.stringify(calibrated.errors));
    const [gb, sg] = calibrated.document.calibration.authorities;
    expect(gb).toMatchObject({
      authority: 'gb-fca',
      applications: 276,
      admitted: 102,
      declined: 174,
      alpha: 103,
      beta: 175,
    });
    expect(gb.mean).toBe(0.370504); // 103 / 278
    // Rounded to 6 decimals: within a few millionths of the integrated posterior's percentiles.
    expect(Math.abs(integratedCdf(gb.p5, 103, 175) - 0.05)).toBeLessThan(1e-5);
    expect(Math.abs(integratedCdf(gb.p95, 103, 175) - 0.95)).toBeLessThan(1e-5);
    expect(sg).toMatchObject({ alpha: 1, beta: 11, mean: 0.083333 });
    // Beta(1, 11) has a closed form: P(X ≤ x) = 1 − (1 − x)^11.
    expect(sg.p95).toBeCloseTo(1 - Math.pow(0.05, 1 / 11), 6);
  });

  it('writes a runnable programme-scenario@1: the posterior means as screening rates', () => {
    const calibrated = calibrate(fca);
    if ('errors' in calibrated) throw new Error('refused');
    const reading = readProgrammeScenario(JSON.parse(JSON.stringify(calibrated.document)));
    if ('errors' in reading) throw new Error(JSON.stringify(reading.errors));
    expect(reading.scenario.authorities.map((a) => [a.id, a.jurisdiction, a.screeningPassRate])).toEqual([
      ['gb-fca', 'GB', 0.370504],
      ['sg-mas', 'sg-mas', 0.083333],
    ]);
    expect(reading.scenario.applicants.count).toBe(57); // 286 applications over 5 observations
    expect(reading.scenario.designs[0].participants).toEqual(['gb-fca', 'sg-mas']);
  });

  it.each<[string, unknown, string]>([
    ['not an array', { authority: 'x' }, '$: must be an array'],
    ['empty', [], '$: must list at least one observation'],
    ['missing admitted', [{ authority: 'x', applications: 3 }], '$[0].admitted: is required'],
    [
      'admitted > applications',
      [{ authority: 'x', applications: 3, admitted: 4 }],
      '$[0].admitted: must not exceed applications (3)',
    ],
    [
      'fractional',
      [{ authority: 'x', applications: 3.5, admitted: 1 }],
      '$[0].applications: must be a whole number, at least 0',
    ],
    [
      'two jurisdictions',
      [
        { authority: 'x', jurisdiction: 'GB', applications: 3, admitted: 1 },
        { authority: 'x', jurisdiction: 'SG', applications: 3, admitted: 1 },
      ],
      '$[1].jurisdiction: "x" is in "GB" at $[0].jurisdiction',
    ],
  ])('refuses %s with its path', (_, value, expected) => {
    const calibrated = calibrate(value);
    expect('errors' in calibrated && `${calibrated.errors[0].path}: ${calibrated.errors[0].message}`).toBe(expected);
  });
});
