import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChunkExecutor, LocalWorkers, RedisChunkExecutor } from '@sandbridge/application';
import { Role } from '@sandbridge/domain';
import { expectOk, TestApp, waitFor } from '@sandbridge/testing';
import { simulateProgrammeCommand } from '../apps/cli/src/commands/simulate-programme.command.js';
import { ensureBuilt } from './ensure-built.js';

// With REDIS_URL a programme design simulation's chunks of replications go to the worker processes
// through the same Redis queue as recognition chunks (docs/programme-simulation.md#runs-as-jobs): a run
// started over GraphQL completes on two workers with exactly the CLI's `--json` document.
// Needs REDIS_URL (the file name says so: left out by the Jest configuration otherwise).

const GFIN = 'examples/programme/gfin-2019.json';
const RUN_FIELDS = 'id status progress { done total } error result';
const START = `mutation($input: StartProgrammeSimulationInput!) { startProgrammeSimulation(input: $input) { ${RUN_FIELDS} } }`;
const RUN = `query($id: ID!) { programmeSimulationRun(id: $id) { ${RUN_FIELDS} } }`;
const prefix = `sbtest-programme-${randomUUID().slice(0, 8)}`;

let t: TestApp;
let workers: LocalWorkers | undefined;
let negotiator: string;

beforeAll(async () => {
  const entry = await ensureBuilt();
  t = await TestApp.create({ REDIS_URL: process.env.REDIS_URL!, QUEUE_PREFIX: prefix });
  negotiator = (
    await t.accountWithToken(`neg.${prefix}@programme-simulations.test`, Role.NEGOTIATOR, { jurisdictionCode: 'GB' })
  ).token;
  workers = await LocalWorkers.start(2, { redisUrl: process.env.REDIS_URL!, prefix, entry });
}, 300_000);

afterAll(async () => {
  await workers?.stop();
  await t?.close();
});

describe('programme simulation runs on Redis workers', () => {
  it('gfin-2019.json started over GraphQL completes on 2 worker processes with the CLI’s --json bytes', async () => {
    expect(t.get(ChunkExecutor)).toBeInstanceOf(RedisChunkExecutor);
    const scenario = JSON.parse(await readFile(GFIN, 'utf8'));
    const started = expectOk(
      await t.gql<Record<string, any>>(
        START,
        { input: { name: 'GFIN on workers', scenario, chunkSize: 500 } },
        negotiator,
      ),
    ).startProgrammeSimulation;
    expect(started.progress).toEqual({ done: 0, total: 20 });
    const run = await waitFor(
      'the run to finish on the workers',
      async () => {
        const current = expectOk(
          await t.gql<Record<string, any>>(RUN, { id: started.id }, negotiator),
        ).programmeSimulationRun;
        return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(current.status) ? current : null;
      },
      240_000,
      100,
    );
    expect(run.error).toBeNull();
    expect(run).toMatchObject({ status: 'COMPLETED', progress: { done: 20, total: 20 } });
    let cli = '';
    const code = await simulateProgrammeCommand(['--json', GFIN], {
      readFile: (path) => readFile(path, 'utf8'),
      readStdin: async () => '',
      stdout: async (text) => void (cli += text),
      stderr: () => {},
      writeFile: async () => {},
    });
    expect(code).toBe(0);
    expect(`${JSON.stringify(run.result, null, 2)}\n`).toBe(cli);
  }, 300_000);
});
