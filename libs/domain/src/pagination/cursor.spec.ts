import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, MAX_PAGE_SIZE, pageSize } from './cursor.js';

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('cursors', () => {
  it('round-trips any sort key of strings and integers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer()), { minLength: 1, maxLength: 4 }),
        (key) => {
          expect(decodeCursor(encodeCursor(key), key.length)).toEqual(key);
        },
      ),
    );
  });

  it('is opaque and URL-safe', () => {
    const cursor = encodeCursor(['Financial Conduct Authority', '6f1c2c9e-0000-4000-8000-000000000000']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('Financial');
  });

  it.each([
    ['a key of another length', encodeCursor(['GB']), 2],
    ['not base64 JSON', 'not-a-cursor!', 1],
    ['JSON that is not an array', Buffer.from('{"code":"GB"}').toString('base64url'), 1],
    ['an array of objects', Buffer.from('[{"a":1}]').toString('base64url'), 1],
    ['an array with null', Buffer.from('[null]').toString('base64url'), 1],
    ['empty', '', 1],
  ])('refuses %s as BAD_USER_INPUT on `after`', (_, cursor, arity) => {
    const error = failure(() => decodeCursor(cursor, arity));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.errors).toEqual([{ path: 'after', message: 'is not a cursor this list returned' }]);
  });
});

describe('pageSize', () => {
  it('defaults when `first` is absent', () => {
    expect(pageSize({})).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize({ first: null })).toBe(DEFAULT_PAGE_SIZE);
  });

  it('accepts 0 to the maximum', () => {
    expect(pageSize({ first: 0 })).toBe(0);
    expect(pageSize({ first: 7 })).toBe(7);
    expect(pageSize({ first: MAX_PAGE_SIZE })).toBe(MAX_PAGE_SIZE);
  });

  it.each([-1, MAX_PAGE_SIZE + 1, 1.5, Number.NaN])('refuses first = %p as BAD_USER_INPUT on `first`', (first) => {
    const error = failure(() => pageSize({ first }));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.errors).toEqual([{ path: 'first', message: `must be an integer from 0 to ${MAX_PAGE_SIZE}` }]);
  });
});
