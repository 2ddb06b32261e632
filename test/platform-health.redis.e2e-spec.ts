import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createChunkWorker, type ChunkWorker } from '@sandbridge/application';
import { expectOk, TestApp, waitFor } from '@sandbridge/testing';

// The platform health page with REDIS_URL (needs it: the file name says so): Redis UP with its round
// trip, the queue's connected workers counted, and nothing in the answer naming the Redis URL.

const HEALTH = `query {
  platformHealth {
    status
    redis { status state roundTripMs problem }
    workers { status queueWorkers chunksRunning chunksWaiting chunksStalled problem }
  }
}`;
const prefix = `sbtest-health-${randomUUID().slice(0, 8)}`;
let t: TestApp;
let admin: string;
let worker: ChunkWorker | undefined;

beforeAll(async () => {
  t = await TestApp.create({ REDIS_URL: process.env.REDIS_URL!, QUEUE_PREFIX: prefix });
  admin = await t.adminToken();
}, 300_000);

afterAll(async () => {
  await worker?.close();
  await t?.close();
});

describe('platformHealth with Redis', () => {
  it('Redis UP with a round trip; a connected worker is counted; no connection string anywhere', async () => {
    const first = expectOk(await t.gql(HEALTH, {}, admin)).platformHealth;
    expect(first.redis).toMatchObject({ status: 'OK', state: 'UP', problem: null });
    expect(first.redis.roundTripMs).toBeGreaterThanOrEqual(0);
    expect(first.workers).toMatchObject({ status: 'OK', queueWorkers: 0, chunksWaiting: 0, chunksStalled: 0 });
    expect(JSON.stringify(first)).not.toContain(process.env.REDIS_URL!);

    worker = createChunkWorker({ redisUrl: process.env.REDIS_URL!, prefix, name: 'health-test' });
    await worker.waitUntilReady();
    const seen = await waitFor('the worker to be counted', async () => {
      const health = expectOk(await t.gql(HEALTH, {}, admin)).platformHealth;
      return health.workers.queueWorkers === 1 ? health : null;
    });
    expect(seen.status).toBe('OK');
  });
});
