import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import {
  ChunkExecutor,
  type ChunkOutcome,
  type ChunkRun,
  type ChunkScenario,
  computeChunk,
  type PartialOf,
  EventBus,
  InProcessChunkExecutor,
  ScenarioAssembler,
  SimulationCommandService,
  SimulationRunner,
} from '@sandbridge/application';
import { Clock } from '@sandbridge/common';
import { type Actor, parseScenario, Role, simulate } from '@sandbridge/domain';
import { SimulationRunRepository, TransactionalConnection } from '@sandbridge/persistence';
import { TestApp } from '@sandbridge/testing';

// On PostgreSQL each executing run holds a session advisory lock (docs/domain.md#simulation): an API instance
// starting while another live one executes a run leaves that run alone; once the holder's session
// ends (its process died), the run is resumed.

const small = JSON.parse(readFileSync(new URL('../examples/simulation/small.scenario.json', import.meta.url), 'utf8'));

let first: TestApp;
let second: TestApp | undefined;

/** Stores the first two chunks, then hangs: alive, holding the run. */
class StalledExecutor extends ChunkExecutor {
  async execute<S extends ChunkScenario>(
    r: ChunkRun<S>,
    onChunk: (o: ChunkOutcome<S>) => Promise<void>,
  ): Promise<void> {
    for (const spec of r.chunks.slice(0, 2))
      await onChunk({
        chunk: spec.chunk,
        partial: computeChunk(r.kind, r.scenario, spec.from, spec.to) as PartialOf<S>,
        attempt: 1,
      });
    await new Promise(() => {});
  }
}

beforeAll(async () => {
  first = await TestApp.create();
}, 120_000);

afterAll(async () => {
  jest.restoreAllMocks();
  await second?.close();
  await first?.close();
});

it('a starting instance skips a run another live instance holds, and resumes it once the holder is gone', async () => {
  const account = await first.accountWithToken('neg.eu.locks@simulations.test', Role.NEGOTIATOR, {
    jurisdictionCode: 'EU',
  });
  const actor: Actor = {
    accountId: account.id,
    role: Role.NEGOTIATOR,
    authorityId: null,
    organisationId: null,
    jurisdictionCode: 'EU',
  };
  const holderRunner = new SimulationRunner(
    first.get(TransactionalConnection),
    first.get(SimulationRunRepository),
    new StalledExecutor(),
    first.get(EventBus),
    first.get(Clock),
  );
  const holder = new SimulationCommandService(
    first.get(TransactionalConnection),
    first.get(SimulationRunRepository),
    first.get(ScenarioAssembler),
    holderRunner,
    first.get(Clock),
  );
  const started = await holder.start(actor, { scenario: small, chunkSize: 1 });
  const runs = first.get(SimulationRunRepository);
  for (let i = 0; (await runs.findById(started.id))!.chunksDone < 2; i++) {
    if (i > 1000) throw new Error('the run never stored two chunks');
    await sleep(10);
  }

  const executed: string[] = [];
  const original = InProcessChunkExecutor.prototype.execute;
  jest.spyOn(InProcessChunkExecutor.prototype, 'execute').mockImplementation(function (
    this: InProcessChunkExecutor,
    r,
    onChunk,
    signal,
  ) {
    executed.push(r.runId);
    return original.call(this, r, onChunk, signal);
  });
  second = await TestApp.createSecondInstance(first);
  // Started and bootstrapped (resumption ran): the held run was left to its holder.
  await sleep(300);
  expect(executed).not.toContain(started.id);
  expect(await runs.findById(started.id)).toMatchObject({ status: 'RUNNING', chunksDone: 2 });

  // The holder's process "dies": its session ends, and with it the lock.
  await holderRunner.onApplicationShutdown();
  const resumed = await second.get(SimulationRunner).resumeUnfinished();
  expect(resumed.map((r) => r.id)).toContain(started.id);
  for (let i = 0; (await runs.findById(started.id))!.status === 'RUNNING'; i++) {
    if (i > 3000) throw new Error('the resumed run never finished');
    await sleep(10);
  }
  const done = (await runs.findById(started.id))!;
  expect(done.status).toBe('COMPLETED');
  expect(JSON.stringify(done.result)).toBe(JSON.stringify(simulate(parseScenario(small))));
  expect(executed.filter((id) => id === started.id)).toHaveLength(1);
}, 120_000);
