import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sandbridge/domain';
import { expectOk, TestApp } from '@sandbridge/testing';
import pg from 'pg';

// Every statement a request sends runs under PostgreSQL's statement_timeout (DB_STATEMENT_TIMEOUT_MS):
// one slow or blocked statement cannot hold a pooled connection for long, and its client gets a
// clean QUERY_TOO_COMPLEX, never SQL or INTERNAL_SERVER_ERROR (issue 11, finding 1).

const QUERY = '{ jurisdictions(first: 1) { totalCount } }';

describe('statement time limit (PostgreSQL)', () => {
  let t: TestApp;
  let token: string;
  let blocker: pg.Client;

  beforeAll(async () => {
    t = await TestApp.create({ DB_STATEMENT_TIMEOUT_MS: '500' });
    const organisationId = await t.createOrganisation('Patient Analytics');
    token = (await t.accountWithToken('patient@limits.test', Role.INNOVATOR, { organisationId })).token;
    blocker = new pg.Client({ connectionString: t.config.database.url });
    await blocker.connect();
  }, 120_000);

  afterAll(async () => {
    await blocker?.end();
    await t?.close();
  });

  it('sets statement_timeout on the pooled connections', async () => {
    const [{ statement_timeout }] = await t.dataSource.query('SHOW statement_timeout');
    expect(statement_timeout).toBe('500ms');
  });

  it('cancels a statement over the limit and tells the client cleanly; the next request is served', async () => {
    // Another session holds the table, so the request's statement waits until the limit cancels it.
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE jurisdiction IN ACCESS EXCLUSIVE MODE');
    const started = performance.now();
    const res = await t.gql(QUERY, undefined, token);
    const ms = performance.now() - started;
    await blocker.query('ROLLBACK');
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(res.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'statementTimeout' });
    expect(JSON.stringify(res.errors)).not.toMatch(/SELECT|jurisdiction"|canceling statement|QueryFailedError/i);
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(10_000);
    expect(expectOk(await t.gql(QUERY, undefined, token)).jurisdictions.totalCount).toBeGreaterThan(0);
  });
});
