import { expect } from '@jest/globals';
import type { GraphQLResponse } from './test-app.js';

export type GqlError = NonNullable<GraphQLResponse['errors']>[number];

/** No error may carry a stack trace, SQL or driver details (DESIGN.md §7a). */
export function expectNoLeak(res: GraphQLResponse): void {
  for (const error of res.errors ?? []) {
    expect(Object.keys(error.extensions ?? {}).filter((k) => k !== 'code' && k !== 'errors')).toEqual([]);
    expect(JSON.stringify(error)).not.toMatch(/\bSELECT\b|\bINSERT\b|\bUPDATE\s+"|\bDELETE\b|QueryFailedError|node_modules|\.[jt]s:\d+/);
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
  for (const problem of problems) expect(problem.message.length).toBeGreaterThan(0);
  expect([...new Set(problems.map((p) => p.path))].sort()).toEqual([...paths].sort());
  return error;
}

/** No errors; returns the data. */
export function expectOk<T = Record<string, any>>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  expect(res.data).toBeTruthy();
  return res.data!;
}
