import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp } from '@sandbridge/testing';
import { printSchemaOf } from '../apps/cli/src/commands/schema.command.js';

const SCHEMA_FILE = new URL('../apps/api/schema.gql', import.meta.url);

/**
 * apps/api/schema.gql is the API's contract, committed so reviews show every change to it. It must be
 * what the running API serves, printed by the same function `npm run schema:generate` uses.
 */
describe('committed GraphQL schema', () => {
  let t: TestApp;
  let served: string;
  let committed: string;

  beforeAll(async () => {
    t = await TestApp.create();
    served = printSchemaOf(t.app);
    committed = readFileSync(SCHEMA_FILE, 'utf8');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is the schema the API serves', () => {
    const stale =
      served === committed
        ? null
        : `apps/api/schema.gql is stale: run npm run schema:generate\n${firstDifference(committed, served)}`;
    expect(stale).toBeNull();
  });

  it('lists its types in alphabetical order (stable diffs)', () => {
    const names = [...committed.matchAll(/^(?:type|input|enum|scalar|interface|union) (\w+)/gm)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(['Query', 'Mutation', 'Account', 'Jurisdiction']));
    expect(names).toEqual([...names].sort());
  });
});

function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `first difference at line ${i + 1}:\n  committed: ${a[i] ?? '(end of file)'}\n  served:    ${b[i] ?? '(end of file)'}`;
  }
  return '';
}
