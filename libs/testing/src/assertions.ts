import { expect } from '@jest/globals';
import type { GraphQLResponse } from './test-app.js';

export type GqlError = NonNullable<GraphQLResponse['errors']>[number];

/**
 * No error may carry a stack trace, SQL, driver details or a password hash, whatever went wrong
 * (docs/architecture.md#api-conventions): its extensions hold only `code` (and `errors` for bad input),
 * with the documented refinements beside it (`reason`, `retryAfterSeconds`, `limit`, `max`, `actual`).
 */
const EXTENSION_KEYS = ['code', 'errors', 'reason', 'retryAfterSeconds', 'limit', 'max', 'actual'];

export function expectNoLeak(res: GraphQLResponse): void {
  for (const error of res.errors ?? []) {
    expect(Object.keys(error.extensions ?? {}).filter((k) => !EXTENSION_KEYS.includes(k))).toEqual([]);
    if (error.extensions && 'reason' in error.extensions) expect(error.extensions.reason).toMatch(/^[A-Z][A-Z_]*$/);
    expect(error.extensions).not.toHaveProperty('stacktrace');
    expect(error.extensions).not.toHaveProperty('exception');
    expect(JSON.stringify(error)).not.toMatch(
      /\bSELECT\b|\bINSERT\b|\bUPDATE\s+"|\bDELETE\b|QueryFailedError|node_modules|\.[jt]s:\d+|password_hash|scrypt\$/,
    );
  }
}

/** Exactly one error, with this code; returns it. */
export function expectError(res: GraphQLResponse, code: string): GqlError {
  expectNoLeak(res);
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  return res.errors![0];
}

/** BAD_USER_INPUT naming exactly these field paths, each with a message. */
export function expectBadInput(res: GraphQLResponse, ...paths: string[]): GqlError {
  const error = expectError(res, 'BAD_USER_INPUT');
  const problems = error.extensions?.errors ?? [];
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(typeof problem.path).toBe('string');
    expect(typeof problem.message).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
  }
  expect([...new Set(problems.map((p) => p.path))].sort()).toEqual([...paths].sort());
  return error;
}

/** No errors; returns the data. */
export function expectOk<T = Record<string, any>>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  expect(res.data).toBeTruthy();
  return res.data!;
}

/** Exactly one error, this code, naming `label` (who asked) in a failure; returns it. */
function expectRefusal(res: GraphQLResponse, code: string, label: string): GqlError {
  expect([label, res.errors?.map((e) => e.extensions?.code)]).toEqual([label, [code]]);
  return expectError(res, code);
}

/**
 * UNAUTHENTICATED and no data: a nullable root field comes back as null next to the error, a
 * non-null one nulls `data`. `label` names the caller (no token, garbage token…) in a failure.
 */
export function expectUnauthenticated(res: GraphQLResponse, label = ''): GqlError {
  const error = expectRefusal(res, 'UNAUTHENTICATED', label);
  expect(Object.values(res.data ?? {}).every((value) => value === null)).toBe(true);
  return error;
}

/** FORBIDDEN and `data` null. `label` names the caller (its role, its tenant) in a failure. */
export function expectForbidden(res: GraphQLResponse, label = ''): GqlError {
  const error = expectRefusal(res, 'FORBIDDEN', label);
  expect(res.data ?? null).toBeNull();
  return error;
}

export interface WalkedConnection {
  nodes: any[];
  totalCount: number;
  pages: number;
  /** The last page's endCursor. */
  lastCursor: string | null;
}

/**
 * Pages through the connection `field` with `first` nodes a page, `fetchPage(after)` asking for the
 * page after that cursor (null: the first). Checks every page's pageInfo and totalCount, that no
 * page is short but the last, that cursors are unique and that the nodes add up to totalCount.
 */
export async function walkConnection(
  fetchPage: (after: string | null) => Promise<GraphQLResponse>,
  field: string,
  first: number,
): Promise<WalkedConnection> {
  const nodes: any[] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  let totalCount: number | undefined;
  for (let page = 0; page < 200; page++) {
    const conn: any = expectOk(await fetchPage(after))[field];
    totalCount ??= conn.totalCount as number;
    expect(conn.totalCount).toBe(totalCount);
    expect(conn.pageInfo.hasPreviousPage).toBe(page > 0);
    expect(conn.edges.length).toBeLessThanOrEqual(first);
    if (conn.pageInfo.hasNextPage) expect(conn.edges.length).toBe(first);
    expect(conn.pageInfo.startCursor).toBe(conn.edges[0]?.cursor ?? null);
    expect(conn.pageInfo.endCursor).toBe(conn.edges[conn.edges.length - 1]?.cursor ?? null);
    nodes.push(...conn.edges.map((e: any) => e.node));
    cursors.push(...conn.edges.map((e: any) => e.cursor));
    if (!conn.pageInfo.hasNextPage) {
      expect(new Set(cursors).size).toBe(cursors.length);
      expect(nodes.length).toBe(totalCount);
      return { nodes, totalCount: totalCount!, pages: page + 1, lastCursor: conn.pageInfo.endCursor as string | null };
    }
    after = conn.pageInfo.endCursor;
  }
  throw new Error(`${field} never reached its last page`);
}
