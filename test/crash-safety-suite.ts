import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  burstThenKill,
  ChildServer,
  type CrashFixture,
  expectCrashSafe,
  prepareCrashFixture,
  type TestDatabase,
} from '@sandbridge/testing';
import { ensureBuilt } from './ensure-built.js';

/**
 * The kill -9 experiment, shared by the embedded and the PostgreSQL spec: the built server as a child
 * process, a burst of 40 `submitTestReport` with idempotency keys, SIGKILL after 10 acknowledgements,
 * a restart on the same data — then every acknowledged report is whole, a retried key makes no second
 * report, and the audit chain verifies.
 */
export function crashSafetySuite(options: {
  engine: string;
  sameData: string;
  createDatabase: () => Promise<TestDatabase>;
  expectEngine: (database: TestDatabase) => void;
}): void {
  let entry: string;
  let fixture: CrashFixture | undefined;
  const servers: ChildServer[] = [];

  beforeAll(async () => {
    entry = await ensureBuilt('dist/apps/api/src/main.js');
    fixture = await prepareCrashFixture(await options.createDatabase());
  }, 180_000);

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await fixture?.database.drop();
  });

  describe(`crash safety on ${options.engine}`, () => {
    it(`after SIGKILL mid-burst and a restart on the same ${options.sameData}, no acknowledged report is lost, a retried key makes no second report, and the audit chain verifies`, async () => {
      options.expectEngine(fixture!.database);
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
}
