import { describe, expect, it } from '@jest/globals';
import { isUtcDay, toUtcDay } from './utc-day.js';

describe('UTC days', () => {
  it('reduces an instant to its UTC calendar day', () => {
    expect(toUtcDay(new Date('2026-06-01T23:30:00-02:00'))).toBe('2026-06-02');
    expect(toUtcDay(new Date('2026-06-01T00:30:00+02:00'))).toBe('2026-05-31');
  });

  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-06-01T00:00:00Z', false],
  ])('%s is a day: %s', (value, expected) => {
    expect(isUtcDay(value)).toBe(expected);
  });
});
