import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { formatTable, wrapText } from './text-table.js';

const UUID = '3f2a1b4c-1234-4abc-9def-0123456789ab';

describe('wrapText', () => {
  it('keeps text that fits, fills words greedily and keeps the text’s own line breaks', () => {
    expect(wrapText('every check passed', 40)).toEqual(['every check passed']);
    expect(wrapText('resultAge (expected <= 540; was 578)', 16)).toEqual([
      'resultAge',
      '(expected <=',
      '540; was 578)',
    ]);
    expect(wrapText('key\nid', 40)).toEqual(['key', 'id']);
    expect(wrapText('', 10)).toEqual(['']);
  });

  it('breaks a long id after a separator where one fits, else cuts it', () => {
    expect(wrapText(UUID, 24)).toEqual(['3f2a1b4c-1234-4abc-9def-', '0123456789ab']);
    expect(wrapText('entry.data-protection-impact-assessment', 20)).toEqual([
      'entry.data-',
      'protection-impact-',
      'assessment',
    ]);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('never makes a line wider than the width, and loses nothing but the spaces it breaks at', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120, unit: fc.constantFrom('a', 'b', ' ', '-', '.', '\n', 'é') }),
        fc.integer({ min: 1, max: 30 }),
        (text, width) => {
          const lines = wrapText(text, width);
          expect(lines.every((line) => line.length <= width)).toBe(true);
          expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/[ \n]/g, ''));
        },
      ),
    );
  });
});

describe('formatTable', () => {
  const rows = [
    ['criterion', 'outcome', 'why'],
    [
      `fairness.gap\n${UUID}`,
      'RECOGNISED_WITH_CONDITIONS',
      'coverage (expected full (EQUIVALENT or SUPERSET); was SUBSET (partial))',
    ],
    ['a', 'GAP', 'no corresponding result from another jurisdiction'],
  ];

  it('pads columns to their natural width when the table fits, the last column unpadded', () => {
    expect(
      formatTable(
        [
          ['a', 'bb', 'c'],
          ['ccc', 'd', 'e'],
        ],
        { width: 80 },
      ),
    ).toEqual(['  a    bb  c', '  ccc  d   e']);
  });

  it('fits the width by narrowing the widest columns and wrapping their cells; a kept column is never wrapped', () => {
    for (const width of [60, 70, 90, 120]) {
      const lines = formatTable(rows, { width, keep: [1] });
      expect({ width, over: lines.filter((line) => line.length > width) }).toEqual({ width, over: [] });
      expect(lines.filter((line) => line.includes('RECOGNISED_WITH_CONDITIONS'))).toHaveLength(1);
    }
    const narrow = formatTable(rows, { width: 60, keep: [1] });
    expect(narrow[0]).toMatch(/^ {2}criterion +outcome +why$/);
    expect(narrow[1]).toMatch(/^ {2}fairness\.gap +RECOGNISED_WITH_CONDITIONS +coverage/);
  });

  it('stops at the minimum widths: the line is then as narrow as they allow', () => {
    const lines = formatTable(rows, { width: 20, keep: [1], minimums: { 2: 12 } });
    expect(Math.max(...lines.map((line) => line.length))).toBe(2 + 10 + 2 + 26 + 2 + 12);
  });
});
