import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sandbridge/domain';
import { expectForbidden, expectOk, TestApp } from '@sandbridge/testing';

// The platform health page (issue 18) without Redis, on the test database (embedded, or PostgreSQL
// when DATABASE_URL is set, as in CI): administrators only,
// every part with a status, Redis NOT_CONFIGURED, the migrations all applied, and nothing that names
// a connection string or secret. The Redis-up case: platform-health.redis.e2e-spec.ts.

const HEALTH = `query {
  platformHealth {
    status checkedAt
    database { status up kind roundTripMs migrationsApplied migrationsPending problem }
    redis { status state roundTripMs problem }
    workers { status runsInThisProcess queueWorkers chunksRunning chunksWaiting chunksStalled runsQueued runsRunning chunksRemaining problem }
    process { status uptimeSeconds version nodeVersion rssBytes heapUsedBytes }
  }
}`;

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await TestApp.create();
  admin = await t.adminToken();
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('platformHealth', () => {
  it('administrators: the database up with every migration applied, Redis not configured, overall OK', async () => {
    const before = Date.now();
    const health = expectOk(await t.gql(HEALTH, {}, admin)).platformHealth;
    expect(health.status).toBe('OK');
    expect(new Date(health.checkedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(health.database).toMatchObject({
      status: 'OK',
      up: true,
      // The tests run on PostgreSQL when DATABASE_URL is set, else on the embedded database.
      kind: process.env.DATABASE_URL ? 'POSTGRESQL' : 'EMBEDDED',
      migrationsPending: 0,
      problem: null,
    });
    expect(health.database.migrationsApplied).toBe(t.dataSource.migrations.length);
    expect(health.database.roundTripMs).toBeGreaterThanOrEqual(0);
    expect(health.redis).toEqual({ status: 'OK', state: 'NOT_CONFIGURED', roundTripMs: null, problem: null });
    expect(health.workers).toMatchObject({
      status: 'OK',
      runsInThisProcess: 0,
      queueWorkers: null,
      chunksWaiting: null,
      chunksStalled: null,
      runsQueued: 0,
      runsRunning: 0,
      chunksRemaining: 0,
    });
    expect(health.process.status).toBe('OK');
    expect(health.process.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(health.process.rssBytes).toBeGreaterThan(1_000_000);
    expect(health.process.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('a migration the database has not run: the database and the platform are DEGRADED, with the count', async () => {
    const last = t.dataSource.migrations[t.dataSource.migrations.length - 1];
    const [row] = await t.dataSource.query('SELECT id, name FROM migrations WHERE name = $1', [last.name]);
    await t.dataSource.query('DELETE FROM migrations WHERE id = $1', [row.id]);
    try {
      const health = expectOk(await t.gql(HEALTH, {}, admin)).platformHealth;
      expect(health.status).toBe('DEGRADED');
      expect(health.database).toMatchObject({ status: 'DEGRADED', up: true, migrationsPending: 1 });
      expect(health.database.problem).toMatch(/1 migration/);
    } finally {
      await t.dataSource.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
        row.id,
        Number(last.name!.match(/\d+$/)![0]),
        last.name,
      ]);
    }
    expect(expectOk(await t.gql(HEALTH, {}, admin)).platformHealth.database.migrationsPending).toBe(0);
  });

  it('everyone else is refused (FORBIDDEN)', async () => {
    for (const role of [Role.REGULATOR, Role.INNOVATOR, Role.NEGOTIATOR]) {
      const tenant =
        role === Role.REGULATOR
          ? { authorityId: await t.authorityId('GB', 'FCA') }
          : role === Role.INNOVATOR
            ? { organisationId: await t.createOrganisation(`Health ${role}`) }
            : { jurisdictionCode: 'GB' };
      const { token } = await t.accountWithToken(`${role.toLowerCase()}@health.test`, role, tenant);
      expectForbidden(await t.gql(HEALTH, {}, token), role);
    }
  });
});
