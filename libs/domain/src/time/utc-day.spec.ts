import { describe, expect, it } from '@jest/globals';
import { isDayOutOfRange, isUtcDay, toUtcDay } from './utc-day.js';

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
    // Only days PostgreSQL stores and ISO writes with four digits: 1000-01-01 to 9999-12-31.
    ['0000-01-01', false],
    ['0999-12-31', false],
    ['1000-01-01', true],
    ['9999-12-31', true],
    ['10000-01-01', false],
    ['+010000-01-01', false],
    ['-0001-01-01', false],
  ])('%s is a day: %s', (value, expected) => {
    expect(isUtcDay(value)).toBe(expected);
  });

  it.each([
    ['0000-01-01', true],
    ['0999-12-31T10:00:00Z', true],
    ['10000-01-01', true],
    ['+010000-01-01', true],
    ['-000001-01-01', true],
    ['1000-01-01', false],
    ['9999-12-31', false],
    ['soon', false],
  ])('%s is a day out of range: %s', (value, expected) => {
    expect(isDayOutOfRange(value)).toBe(expected);
  });
});
