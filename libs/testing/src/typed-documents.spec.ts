import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CODEGEN = fileURLToPath(new URL('../../../node_modules/@graphql-codegen/cli/esm/bin.js', import.meta.url));

/**
 * libs/testing/src/generated/ and apps/console/src/gql/ are committed, like apps/api/schema.gql: they must be what `npm run codegen`
 * makes from the documents and the committed schema — which also proves every document valid against it.
 */
describe('typed GraphQL documents', () => {
  it('the generated code is up to date with the documents and apps/api/schema.gql', () => {
    const run = spawnSync(process.execPath, [CODEGEN, '--config', 'codegen.yml', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    });
    const stale =
      run.status === 0
        ? null
        : `libs/testing/src/generated or apps/console/src/gql is stale, or a document is invalid: run npm run codegen\n${run.stdout}${run.stderr}`;
    expect(stale).toBeNull();
  });
});
