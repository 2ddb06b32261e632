import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LocalWorkers, RedisChunkExecutor, ChunkExecutor } from '@sandbridge/application';
import { parseScenario, Role, simulate } from '@sandbridge/domain';
import { expectOk, TestApp, waitFor } from '@sandbridge/testing';
import { ensureBuilt } from './ensure-built.js';

// With REDIS_URL the API hands a run's chunks to the workers through the Redis queue (docs/domain.md#simulation):
// a run started over GraphQL completes on a separate worker process with the in-process result.
// Needs REDIS_URL (the file name says so: left out by the Jest configuration otherwise).

const RUN_FIELDS = 'id status progress { done total } error result';
const START = `mutation($input: StartSimulationInput!) { startSimulation(input: $input) { ${RUN_FIELDS} } }`;
const RUN = `query($id: ID!) { simulationRun(id: $id) { ${RUN_FIELDS} } }`;

const drafts = JSON.parse(
  readFileSync(new URL('../examples/simulation/demo-drafts.scenario.json', import.meta.url), 'utf8'),
);
const prefix = `sbtest-api-${randomUUID().slice(0, 8)}`;

let t: TestApp;
let workers: LocalWorkers | undefined;
let negotiator: string;

beforeAll(async () => {
  const entry = await ensureBuilt();
  t = await TestApp.create({ REDIS_URL: process.env.REDIS_URL!, QUEUE_PREFIX: prefix });
  negotiator = (await t.accountWithToken(`neg.${prefix}@simulations.test`, Role.NEGOTIATOR, { jurisdictionCode: 'EU' }))
    .token;
  workers = await LocalWorkers.start(1, { redisUrl: process.env.REDIS_URL!, prefix, entry });
}, 300_000);

afterAll(async () => {
  await workers?.stop();
  await t?.close();
});

describe('simulation runs on Redis workers', () => {
  it('the API uses the Redis executor when REDIS_URL is set', () => {
    expect(t.get(ChunkExecutor)).toBeInstanceOf(RedisChunkExecutor);
  });

  it('a run started over GraphQL is computed by the worker process and equals the in-process result', async () => {
    const started = expectOk(
      await t.gql<Record<string, any>>(
        START,
        { input: { name: 'drafts on workers', scenario: drafts, chunkSize: 250 } },
        negotiator,
      ),
    ).startSimulation;
    const run = await waitFor(
      'the run to finish on the worker',
      async () => {
        const current = expectOk(await t.gql<Record<string, any>>(RUN, { id: started.id }, negotiator)).simulationRun;
        return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(current.status) ? current : null;
      },
      180_000,
      100,
    );
    expect(run.error).toBeNull();
    expect(run.status).toBe('COMPLETED');
    expect(run.progress).toEqual({ done: 8, total: 8 });
    expect(JSON.stringify(run.result)).toBe(JSON.stringify(simulate(parseScenario(drafts))));
  });
});
