import { DomainError } from '../errors/domain-error.js';

/** Page request as the API receives it (Relay: `first` items after `after`). */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A cursor is the sort key of the last item seen, opaque to clients (base64url of JSON). */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number'))
      return key;
  } catch {
    // fall through to the coded error
  }
  throw DomainError.badInput([{ path: 'after', message: 'is not a cursor this list returned' }]);
}

/** Validates `first` and returns the page size to use. */
export function pageSize(request: PageRequest): number {
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw DomainError.badInput([{ path: 'first', message: `must be an integer from 0 to ${MAX_PAGE_SIZE}` }]);
  }
  return first;
}

export interface Page<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}
