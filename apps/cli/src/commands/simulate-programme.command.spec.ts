import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { CommandIo } from '../command-io.js';
import { calibrateCommand } from './calibrate.command.js';
import {
  parseSimulateProgrammeArgs,
  SIMULATE_PROGRAMME_USAGE,
  simulateProgrammeCommand,
  type SimulateProgrammeIo,
} from './simulate-programme.command.js';

// simulate-programme and calibrate on fake streams: what each prints, where, and with what exit code.

const SMALL = {
  format: 'sandbridge/programme-scenario@1',
  seed: 3,
  replications: 50,
  startDay: '2026-01-01',
  authorities: ['a', 'b'].map((id) => ({
    id,
    jurisdiction: id.toUpperCase(),
    screeningPassRate: 0.5,
    reviewDays: { min: 10, max: 40 },
    reviewsPerMonth: 2,
    exitAuthoriseRate: 0.8,
  })),
  applicants: { count: 6, targets: { min: 1, max: 2 } },
  designs: [
    {
      name: 'each',
      participants: ['a', 'b'],
      jointEntryRule: 'EACH_AUTHORITY',
      capacity: 3,
      testingDays: 60,
      acceptsRecognisedResults: false,
    },
    {
      name: 'lead a',
      participants: ['a', 'b'],
      lead: 'a',
      jointEntryRule: 'LEAD_DECIDES',
      capacity: 3,
      testingDays: 60,
      acceptsRecognisedResults: false,
    },
  ],
};

function fakeIo(files: Record<string, string>, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: SimulateProgrammeIo & CommandIo = {
    readFile: async (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file ${path}`);
      return files[path];
    },
    readStdin: async () => stdin,
    stdout: async (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    writeFile: async (path, text) => {
      if (path.startsWith('/no-such-dir/')) throw new Error('ENOENT');
      written[path] = text;
    },
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written };
}

const files = { 'small.json': JSON.stringify(SMALL) };

describe('simulate-programme', () => {
  it('--json prints one programme-result@1 document, the same from a file or stdin', async () => {
    const run = fakeIo(files);
    expect(await simulateProgrammeCommand(['--json', 'small.json'], run.io)).toBe(0);
    const result = JSON.parse(run.stdout());
    expect(result.format).toBe('sandbridge/programme-result@1');
    expect(result.designs.map((d: { name: string }) => d.name)).toEqual(['each', 'lead a']);
    expect(run.stderr()).toBe('');
    const piped = fakeIo({}, JSON.stringify(SMALL));
    expect(await simulateProgrammeCommand(['-', '--json'], piped.io)).toBe(0);
    expect(piped.stdout()).toBe(run.stdout());
  });

  it('prints a table per design by default, and CSV rows with --csv', async () => {
    const table = fakeIo(files);
    expect(await simulateProgrammeCommand(['small.json'], table.io)).toBe(0);
    expect(table.stdout()).toContain('1. each\n');
    expect(table.stdout()).toContain('2. lead a\n');
    expect(table.stdout()).toMatch(/admitted \(reached testing\)\s+[\d.]+\s+\d+ – \d+/);
    const csv = fakeIo(files);
    expect(await simulateProgrammeCommand(['--csv', 'small.json'], csv.io)).toBe(0);
    const lines = csv.stdout().trimEnd().split('\n');
    expect(lines[0]).toBe('design,figure,authority,mean,p5,p95,delta_vs_first');
    expect(lines).toHaveLength(1 + 2 * (9 + 2 * 3));
    expect(lines.filter((line) => line.startsWith('lead a,admitted,,'))).toHaveLength(1);
  });

  it('--svg writes the funnel chart with every design and stage, and the same bytes twice', async () => {
    const first = fakeIo(files);
    expect(await simulateProgrammeCommand(['--svg', 'out.svg', 'small.json'], first.io)).toBe(0);
    const svg = first.written['out.svg'];
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['1. each', '2. lead a', 'applications', 'cross-border', 'exited, ≥ 2 authorisations'])
      expect(svg).toContain(text.replace(/&/g, '&amp;'));
    const second = fakeIo(files);
    await simulateProgrammeCommand(['small.json', '--svg=out.svg'], second.io);
    expect(second.written['out.svg']).toBe(svg);
    const failing = fakeIo(files);
    expect(await simulateProgrammeCommand(['--svg', '/no-such-dir/out.svg', 'small.json'], failing.io)).toBe(2);
    expect(failing.stdout()).toBe('');
  });

  it('refuses an invalid scenario with the JSON path, exit code 2, nothing on stdout', async () => {
    const bad = { ...SMALL, designs: [{ ...SMALL.designs[1], lead: 'c' }] };
    const run = fakeIo({ 'bad.json': JSON.stringify(bad) });
    expect(await simulateProgrammeCommand(['bad.json'], run.io)).toBe(2);
    expect(run.stderr()).toBe('$.designs[0].lead: "c" is not a participant\n');
    expect(run.stdout()).toBe('');
    const missing = fakeIo({});
    expect(await simulateProgrammeCommand(['nope.json'], missing.io)).toBe(2);
    expect(missing.stderr()).toContain('simulate-programme: cannot read nope.json');
  });

  it('parses its options and refuses bad usage', async () => {
    expect(parseSimulateProgrammeArgs(['f.json', '--csv', '--svg', 'c.svg'])).toEqual({
      file: 'f.json',
      output: 'csv',
      svg: 'c.svg',
    });
    expect(() => parseSimulateProgrammeArgs(['--json', '--csv', 'f'])).toThrow('choose one');
    expect(() => parseSimulateProgrammeArgs(['--svg', 'f'])).toThrow('name one programme scenario file');
    expect(() => parseSimulateProgrammeArgs(['--workers', '2', 'f'])).toThrow('unknown option --workers');
    const run = fakeIo(files);
    expect(await simulateProgrammeCommand(['a', 'b'], run.io)).toBe(2);
    expect(run.stderr()).toContain(SIMULATE_PROGRAMME_USAGE);
  });
});

describe('calibrate', () => {
  it('prints the calibrated scenario for the FCA cohorts', async () => {
    const run = fakeIo({ 'fca.json': readFileSync('examples/programme/fca-cohorts.json', 'utf8') });
    expect(await calibrateCommand(['fca.json'], run.io)).toBe(0);
    expect(run.stdout()).toBe(
      `${JSON.stringify(JSON.parse(readFileSync('examples/programme/fca-calibrated.json', 'utf8')), null, 2)}\n`,
    );
  });

  it('refuses invalid observations with their path and exit code 2', async () => {
    const run = fakeIo({ 'bad.json': '[{ "authority": "x", "applications": 2, "admitted": 3 }]' });
    expect(await calibrateCommand(['bad.json'], run.io)).toBe(2);
    expect(run.stderr()).toBe('$[0].admitted: must not exceed applications (2)\n');
    const notJson = fakeIo({ 'x.json': '{' });
    expect(await calibrateCommand(['x.json'], notJson.io)).toBe(2);
    expect(notJson.stderr()).toMatch(/^\$: not valid JSON/);
    expect(await calibrateCommand(['--nope', 'x.json'], notJson.io)).toBe(2);
  });
});
