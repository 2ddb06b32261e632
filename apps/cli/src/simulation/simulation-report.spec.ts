import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenarioJson, simulate, type SimulationResult, type SimulationTotals } from '@sandbridge/domain';
import {
  CSV_COLUMNS,
  csvField,
  formatNumber,
  formatSimulationCsv,
  formatSimulationTable,
  TOTALS,
  topMarginal,
} from './simulation-report.js';

const totals = (overrides: Partial<SimulationTotals> = {}): SimulationTotals => ({
  applicable: 1200,
  satisfiedLocally: 300,
  recognised: 240,
  recognisedWithConditions: 60,
  gaps: 600,
  recognitionRate: 1 / 3,
  testsAvoided: 240,
  costSaved: 2_400_000,
  daysSaved: 1500,
  marketAccess: 40,
  divergent: 3,
  ...overrides,
});
const zero = totals(Object.fromEntries(TOTALS.map(({ key }) => [key, 0])));

/** A hand-made result whose names exercise quoting: a comma and quotes, a formula-looking name. */
const RESULT: SimulationResult = {
  format: 'sandbridge/simulation-result@1',
  asOf: '2026-06-01',
  variants: [
    {
      name: 'baseline',
      totals: totals(),
      byPair: [],
      deltaVsBaseline: zero,
      marginal: [{ agreement: 'eu-sg', recognised: 240, testsAvoided: 240, costSaved: 2_400_000 }],
    },
    {
      name: 'EU–SG draft, "v2"',
      totals: totals({
        recognised: 400,
        recognisedWithConditions: 20,
        gaps: 480,
        recognitionRate: 0.466667,
        costSaved: 4_000_000,
      }),
      byPair: [],
      deltaVsBaseline: totals({
        applicable: 0,
        satisfiedLocally: 0,
        recognised: 160,
        recognisedWithConditions: -40,
        gaps: -120,
        recognitionRate: 0.133334,
        testsAvoided: 160,
        costSaved: 1_600_000,
        daysSaved: 300,
        marketAccess: 12,
        divergent: 0,
      }),
      marginal: [
        { agreement: 'gb-sg', recognised: 100, testsAvoided: 100, costSaved: 1_000_000 },
        { agreement: 'eu-sg', recognised: 300, testsAvoided: 300, costSaved: 3_000_000 },
        { agreement: 'a-tie', recognised: 100, testsAvoided: 100, costSaved: 1_000_000 },
        { agreement: 'exclude', recognised: -5, testsAvoided: -5, costSaved: -50_000 },
      ],
    },
    { name: '=cmd|"/c calc"!A1', totals: totals(), byPair: [], deltaVsBaseline: zero, marginal: [] },
  ],
};

/** A small RFC 4180 reader, to check the CSV reads back to the same values. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

describe('formatNumber', () => {
  it('groups thousands without a locale and keeps two decimals for money that is not whole', () => {
    expect([0, 7, 999, 1000, 1_234_567, -1_600_000, 1234.5].map(formatNumber)).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '1,234,567',
      '-1,600,000',
      '1,234.50',
    ]);
  });
});

describe('csvField', () => {
  it('quotes a field with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('plain name')).toBe('plain name');
    expect(csvField('EU, SG')).toBe('"EU, SG"');
    expect(csvField('the "v2" draft')).toBe('"the ""v2"" draft"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(0.428571)).toBe('0.428571');
  });

  it('defuses names a spreadsheet would run as formulas', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+44 draft')).toBe("'+44 draft");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });
});

describe('formatSimulationCsv', () => {
  it('writes the documented header and one row per variant that reads back to every total and delta', () => {
    const rows = readCsv(formatSimulationCsv(RESULT));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(CSV_COLUMNS).toEqual([
      'variant',
      ...Object.keys(totals()),
      ...Object.keys(totals()).map((key) => `delta_${key}`),
    ]);
    expect(rows).toHaveLength(1 + RESULT.variants.length);
    RESULT.variants.forEach((variant, index) => {
      const row = rows[index + 1];
      expect(row).toHaveLength(CSV_COLUMNS.length);
      const record = Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, row[i]]));
      for (const { key } of TOTALS) {
        expect(Number(record[key])).toBe(variant.totals[key]);
        expect(Number(record[`delta_${key}`])).toBe(variant.deltaVsBaseline[key]);
      }
    });
    expect(rows[2][0]).toBe('EU–SG draft, "v2"');
    expect(rows[3][0]).toBe('\'=cmd|"/c calc"!A1');
  });

  it('ends every line with CRLF (RFC 4180)', () => {
    const text = formatSimulationCsv(RESULT);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(RESULT.variants.length + 2);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('formatSimulationTable', () => {
  const table = formatSimulationTable(RESULT);
  const block = (name: string) => table.split('\n\n').find((part) => part.startsWith(`${name}\n`))!;

  it('has a block per variant, the baseline first and without a delta column', () => {
    expect(table.split('\n')[0]).toBe('Simulation as of 2026-06-01: the baseline and 2 variants');
    expect(table.indexOf('\nbaseline\n')).toBeLessThan(table.indexOf('\nEU–SG draft, "v2"\n'));
    expect(block('baseline')).toMatch(/^ {2}figure +value$/m);
    expect(block('baseline')).not.toContain('vs baseline');
    expect(block('baseline')).toMatch(/^ {2}recognition rate +33\.3 %$/m);
    expect(block('baseline')).toMatch(/^ {2}cost saved +2,400,000$/m);
  });

  it('shows every total with its signed delta; the rate in percentage points', () => {
    const draft = block('EU–SG draft, "v2"');
    for (const { label } of TOTALS)
      expect(draft).toMatch(new RegExp(`^ {2}${label.replace(/[()]/g, '\\$&')} {2,}`, 'm'));
    expect(draft).toMatch(/^ {2}recognised +400 +\+160$/m);
    expect(draft).toMatch(/^ {2}recognised with conditions +20 +-40$/m);
    expect(draft).toMatch(/^ {2}recognition rate +46\.7 % +\+13\.3 pt$/m);
    expect(draft).toMatch(/^ {2}cost saved +4,000,000 +\+1,600,000$/m);
    expect(draft).toMatch(/^ {2}applicable criteria +1,200 +0$/m);
  });

  it('names the top three agreements by marginal contribution, most first, ties by cost then id', () => {
    const draft = block('EU–SG draft, "v2"');
    const agreements = draft
      .split('\n')
      .filter((line) => /^ {4}\S/.test(line))
      .map((line) => line.trim().split(/ +/)[0]);
    expect(agreements).toEqual(['agreement', 'eu-sg', 'a-tie', 'gb-sg']);
    expect(draft).toContain('1 more in the JSON');
    expect(draft).toMatch(/^ {4}eu-sg +\+300 +\+300 +\+3,000,000$/m);
    expect(topMarginal(RESULT.variants[1], 10).at(-1)!.agreement).toBe('exclude');
    expect(block('=cmd|"/c calc"!A1')).toContain('no agreement in force');
  });

  it('reads the worked example the same way the JSON does', () => {
    const scenario = parseScenarioJson(readFileSync(resolve('examples/simulation/small.scenario.json'), 'utf8'));
    const result = simulate(scenario);
    const text = formatSimulationTable(result);
    for (const variant of result.variants) {
      expect(text).toContain(`\n${variant.name}\n`);
      expect(text).toMatch(new RegExp(`^ {2}recognised +${formatNumber(variant.totals.recognised)}\\b`, 'm'));
    }
  });
});
