import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  burstThenKill,
  ChildServer,
  type CrashFixture,
  createEmbeddedTestDatabase,
  expectCrashSafe,
  prepareCrashFixture,
} from '@sandbridge/testing';
import { ensureBuilt } from './ensure-built.js';

// kill -9 in the middle of a burst of test reports, on the embedded database (PGlite, in the API's
// process): always embedded, also when DATABASE_URL is set. The same experiment runs on PostgreSQL
// in crash-safety.postgres.e2e-spec.ts.

let entry: string;
let fixture: CrashFixture | undefined;
const servers: ChildServer[] = [];

beforeAll(async () => {
  entry = await ensureBuilt('dist/apps/api/src/main.js');
  fixture = await prepareCrashFixture(await createEmbeddedTestDatabase());
}, 180_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await fixture?.database.drop();
});

describe('crash safety on the embedded database', () => {
  it('after SIGKILL mid-burst and a restart on the same data directory, no acknowledged report is lost, a retried key makes no second report, and the audit chain verifies', async () => {
    expect(fixture!.database.url).toBeUndefined();
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
