import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays, addMonths, daysBetween } from './day-arithmetic.js';
import { isUtcDay, toUtcDay } from './utc-day.js';

/** Any day from 1900 to 2199, as `YYYY-MM-DD`. */
const day = fc
  .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2199, 11, 31) / 86_400_000 })
  .map((n) => toUtcDay(new Date(n * 86_400_000)));

describe('day arithmetic', () => {
  it.each([
    ['2026-06-01', 30, '2026-07-01'],
    ['2026-12-15', 30, '2027-01-14'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-06-01', 0, '2026-06-01'],
  ])('%s + %i days = %s', (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
    expect(daysBetween(from, to)).toBe(n);
  });

  it.each([
    // The day of the month is kept…
    ['2026-06-15', 3, '2026-09-15'],
    ['2026-10-31', 3, '2027-01-31'],
    // …or clamped to the end of a shorter month: never into the month after.
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2100-12-31', 2, '2101-02-28'],
    ['2099-12-29', 2, '2100-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it('daysBetween inverts addDays, across leap years and centuries', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
        const later = addDays(d, n);
        expect(isUtcDay(later)).toBe(true);
        expect(daysBetween(d, later)).toBe(n);
      }),
    );
  });

  it('addMonths lands in the named month, on the same day of the month or that month’s last day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 36 }), (d, months) => {
        const to = addMonths(d, months);
        expect(isUtcDay(to)).toBe(true);
        const index = (x: string) => Number(x.slice(0, 4)) * 12 + Number(x.slice(5, 7)) - 1;
        expect(index(to) - index(d)).toBe(months);
        const dom = Number(d.slice(8, 10));
        const toDom = Number(to.slice(8, 10));
        if (toDom !== dom) {
          expect(toDom).toBeLessThan(dom);
          // Clamped: the next day is in the following month.
          expect(addDays(to, 1).slice(8, 10)).toBe('01');
        }
        // Adding months never goes back in time, and is monotone in the day.
        expect(to >= d).toBe(true);
        expect(addMonths(addDays(d, 1), months) >= to).toBe(true);
      }),
    );
  });
});
