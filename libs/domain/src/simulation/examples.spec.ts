import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScenarioJson } from './scenario-format.js';
import { finaliseSimulation, simulate, simulateChunk } from './simulation.js';
import { isSynthetic, type Scenario } from './scenario.js';

// The worked scenarios of examples/simulation (deliverable 6 of issue 7).
const EXAMPLES = resolve(process.cwd(), 'examples/simulation');
const read = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');

describe('examples/simulation', () => {
  it('small.scenario.json gives small.expected.json byte for byte', () => {
    const result = simulate(parseScenarioJson(read('small.scenario.json')));
    expect(`${JSON.stringify(result, null, 2)}\n`).toBe(read('small.expected.json'));
  });

  it('demo-drafts.scenario.json parses: the demo authorities, two competing drafts, a synthetic population', () => {
    const s: Scenario = parseScenarioJson(read('demo-drafts.scenario.json'));
    expect(s.reference.authorities.map((a) => `${a.id}@${a.jurisdiction}`)).toEqual([
      'gb-fca@GB',
      'sg-mas@SG',
      'eu-ai-office@EU',
      'ca-osfi@CA',
    ]);
    expect(s.variants.map((v) => [v.name, v.add.map((a) => `${a.id}:${a.kind}:${a.parties.join('+')}`)])).toEqual([
      ['EU-SG bilateral (draft)', ['eu-sg-2026:BILATERAL:EU+SG']],
      ['GB-SG-CA plurilateral (draft)', ['gb-sg-ca-2026:PLURILATERAL:CA+GB+SG']],
    ]);
    expect(isSynthetic(s.population) && s.population.synthetic.innovators).toBe(2000);
  });

  it('demo-drafts: on its first 200 innovators each draft recognises tests that the baseline does not', () => {
    const s = parseScenarioJson(read('demo-drafts.scenario.json'));
    const first: Scenario = {
      ...s,
      population: isSynthetic(s.population)
        ? { synthetic: { ...s.population.synthetic, innovators: 200 } }
        : s.population,
    };
    const [baseline, bilateral, plurilateral] = finaliseSimulation(first, simulateChunk(first, 0, 200)).variants;
    expect(baseline.totals.recognised + baseline.totals.recognisedWithConditions).toBe(0);
    expect(bilateral.deltaVsBaseline.recognised + bilateral.deltaVsBaseline.recognisedWithConditions).toBeGreaterThan(
      0,
    );
    expect(plurilateral.deltaVsBaseline.recognised).toBeGreaterThan(0);
    // Only its parties' pairs appear.
    expect(bilateral.byPair.every((p) => ['EU', 'SG'].includes(p.origin) && ['EU', 'SG'].includes(p.recognising))).toBe(
      true,
    );
    expect(
      plurilateral.byPair.every(
        (p) => ['CA', 'GB', 'SG'].includes(p.origin) && ['CA', 'GB', 'SG'].includes(p.recognising),
      ),
    ).toBe(true);
    expect(plurilateral.marginal.map((m) => m.agreement)).toEqual(['gb-sg-ca-2026']);
  });
});
