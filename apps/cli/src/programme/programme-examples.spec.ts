import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { calibrate, type ProgrammeResult, readProgrammeScenarioJson, simulateProgramme } from '@sandbridge/domain';
import { formatProgrammeTable } from './programme-report.js';

// The worked examples of examples/programme: they read and run, the calibrated scenario is what
// `calibrate` writes, and every table in the README is what `simulate-programme` prints.

const EXAMPLES = resolve(process.cwd(), 'examples/programme');
const read = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');

function run(name: string): ProgrammeResult {
  const reading = readProgrammeScenarioJson(read(name));
  if ('errors' in reading) throw new Error(JSON.stringify(reading.errors));
  return simulateProgramme(reading.scenario);
}

/** The fenced text blocks of the README, in order. */
const blocks = () => [...read('README.md').matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('examples/programme', () => {
  const gfin = run('gfin-2019.json');
  const fca = run('fca-calibrated.json');

  it('gfin-2019 has 44 applicants, 17 authorities and four designs, and reproduces the pilot’s screening', () => {
    const reading = readProgrammeScenarioJson(read('gfin-2019.json'));
    if ('errors' in reading) throw new Error('refused');
    expect(reading.scenario.applicants.count).toBe(44);
    expect(reading.scenario.authorities).toHaveLength(17);
    expect(gfin.designs.map((d) => d.name)).toHaveLength(4);
    const [asRun, , lead] = gfin.designs;
    // About 8 of 44 admitted, as observed; a cross-border admission rare.
    expect(asRun.metrics.admitted.mean).toBeGreaterThan(7);
    expect(asRun.metrics.admitted.mean).toBeLessThan(9);
    expect(asRun.metrics.crossBorder.p5).toBe(0);
    expect(lead.metrics.crossBorder.mean).toBeGreaterThan(asRun.metrics.crossBorder.mean);
  });

  it('fca-calibrated.json is what calibrate writes from fca-cohorts.json', () => {
    const calibrated = calibrate(JSON.parse(read('fca-cohorts.json')));
    if ('errors' in calibrated) throw new Error(JSON.stringify(calibrated.errors));
    expect(JSON.parse(read('fca-calibrated.json'))).toEqual(calibrated.document);
    // The four observed cohorts (24, 31, 18, 29 admitted) against the calibrated run's 5–95 % band.
    expect(fca.designs[0].metrics.admitted.p5).toBeLessThanOrEqual(24);
    expect(fca.designs[0].metrics.admitted.p95).toBeGreaterThanOrEqual(31);
  });

  it("the README's tables are the CLI's output", () => {
    expect(blocks()).toEqual([formatProgrammeTable(gfin), formatProgrammeTable(fca)]);
  });
});
