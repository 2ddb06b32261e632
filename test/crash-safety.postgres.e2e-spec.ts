import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  burstThenKill,
  ChildServer,
  type CrashFixture,
  createTestDatabase,
  expectCrashSafe,
  prepareCrashFixture,
} from '@sandbridge/testing';
import { ensureBuilt } from './ensure-built.js';

// kill -9 in the middle of a burst of test reports, on PostgreSQL (a fresh database copied from the
// migrated template; needs DATABASE_URL). The same experiment runs on the embedded database in
// crash-safety.e2e-spec.ts.

let entry: string;
let fixture: CrashFixture | undefined;
const servers: ChildServer[] = [];

beforeAll(async () => {
  entry = await ensureBuilt('dist/apps/api/src/main.js');
  fixture = await prepareCrashFixture(await createTestDatabase());
}, 180_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await fixture?.database.drop();
});

describe('crash safety on PostgreSQL', () => {
  it('after SIGKILL mid-burst and a restart on the same database, no acknowledged report is lost, a retried key makes no second report, and the audit chain verifies', async () => {
    expect(fixture!.database.url).toMatch(/^postgres/);
    const first = await ChildServer.start({ entry, env: fixture!.serverEnv });
    servers.push(first);
    const token = await first.login(fixture!.innovator.email, fixture!.innovator.password);
    const burst = await burstThenKill(first, token, fixture!, { requests: 40, killAfter: 10 });
    expect(first.child.signalCode).toBe('SIGKILL');
    // Killed mid-burst: some reports were acknowledged, some requests never were.
    expect(burst.acknowledged.size).toBeGreaterThanOrEqual(10);
    expect(burst.unacknowledged.length).toBeGreaterThan(0);

    const second = await ChildServer.start({ entry, env: fixture!.serverEnv });
    servers.push(second);
    await expectCrashSafe(second, fixture!, burst);
  }, 120_000);
});
