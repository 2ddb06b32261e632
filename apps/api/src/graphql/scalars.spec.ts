import { describe, expect, it } from '@jest/globals';
import { Kind } from 'graphql';
import { DateScalar, DateTimeScalar, utcDay } from './scalars.js';

// Days PostgreSQL cannot store (year 0000) passed graphql-scalars' Date and failed in the database
// as "date out of range"; both scalars now keep to 1000-01-01..9999-12-31.
describe('Date', () => {
  it.each(['1000-01-01', '2026-06-01', '9999-12-31'])('takes %s (as a variable and as a literal)', (day) => {
    expect(utcDay(DateScalar.parseValue(day) as Date)).toBe(day);
    expect(utcDay(DateScalar.parseLiteral({ kind: Kind.STRING, value: day }, null) as Date)).toBe(day);
  });

  it.each(['0000-01-01', '0999-12-31', '10000-01-01', '+010000-01-01', '-000001-01-01'])(
    'refuses %s with the range',
    (day) => {
      expect(() => DateScalar.parseValue(day)).toThrow('must be a day between 1000-01-01 and 9999-12-31');
      expect(() => DateScalar.parseLiteral({ kind: Kind.STRING, value: day }, null)).toThrow(
        'must be a day between 1000-01-01 and 9999-12-31',
      );
    },
  );

  it('still refuses what graphql-scalars refuses, and prints days unchanged', () => {
    expect(() => DateScalar.parseValue('2026-02-30')).toThrow();
    expect(() => DateScalar.parseValue(20260101)).toThrow();
    expect(DateScalar.serialize('2026-06-01')).toBe('2026-06-01');
  });
});

describe('DateTime', () => {
  it('takes an instant and prints it as ISO text', () => {
    expect((DateTimeScalar.parseValue('2026-06-01T10:00:00Z') as Date).toISOString()).toBe('2026-06-01T10:00:00.000Z');
    expect(DateTimeScalar.serialize(new Date('2026-06-01T10:00:00Z'))).toBe('2026-06-01T10:00:00.000Z');
  });

  it.each(['0000-01-01T00:00:00Z', '+010000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z'])(
    'refuses %s, a day out of range',
    (value) => {
      expect(() => DateTimeScalar.parseValue(value)).toThrow('between 1000-01-01 and 9999-12-31');
      expect(() => DateTimeScalar.parseLiteral({ kind: Kind.STRING, value }, null)).toThrow(
        'between 1000-01-01 and 9999-12-31',
      );
    },
  );

  it.each(['soon', '', 'NaN'])('refuses %j, no instant', (value) => {
    expect(() => DateTimeScalar.parseValue(value)).toThrow('is not a valid DateTime');
  });
});
