import type { ChunkSpec, Scenario, SimulationPartial } from '@sandbridge/domain';
import { ChunkFailedError, type ChunkOutcome, InProcessChunkExecutor } from './chunk-executor.js';

// The executor never looks inside the scenario or the partial: stand-ins keep this spec about
// scheduling, retries and cancellation (the domain's own specs cover the arithmetic).
const scenario = {} as Scenario;
const fakePartial = (from: number, to: number) => ({ units: to - from, from }) as unknown as SimulationPartial;
const plan = (size: number, chunkSize: number): ChunkSpec[] =>
  Array.from({ length: Math.ceil(size / chunkSize) }, (_, chunk) => ({
    chunk,
    from: chunk * chunkSize,
    to: Math.min(size, (chunk + 1) * chunkSize),
  }));
const run = (size: number, chunkSize: number) => ({ runId: 'run-1', scenario, chunks: plan(size, chunkSize) });

describe('InProcessChunkExecutor', () => {
  it('reports every chunk once, in order, with the partial of its range', async () => {
    const executor = new InProcessChunkExecutor({ compute: (_s, from, to) => fakePartial(from, to) });
    const seen: ChunkOutcome[] = [];
    await executor.execute(run(10, 3), async (outcome) => void seen.push(outcome), new AbortController().signal);
    expect(seen.map((o) => o.chunk)).toEqual([0, 1, 2, 3]);
    expect(seen.map((o) => (o.partial as unknown as { from: number }).from)).toEqual([0, 3, 6, 9]);
    expect(seen.map((o) => o.partial.units)).toEqual([3, 3, 3, 1]);
    expect(seen.every((o) => o.attempt === 1)).toBe(true);
  });

  it('retries a failing chunk and reports the attempt that succeeded', async () => {
    let failures = 0;
    const executor = new InProcessChunkExecutor({
      retries: 2,
      compute: (_s, from, to) => {
        if (from === 3 && failures < 2) {
          failures += 1;
          throw new Error('transient');
        }
        return fakePartial(from, to);
      },
    });
    const seen: ChunkOutcome[] = [];
    await executor.execute(run(6, 3), async (outcome) => void seen.push(outcome), new AbortController().signal);
    expect(seen.map((o) => [o.chunk, o.attempt])).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });

  it('rejects with the chunk and reason (no stack) once the retries are spent', async () => {
    const executor = new InProcessChunkExecutor({
      retries: 1,
      compute: (_s, from, to) => {
        if (from >= 3) throw new Error('boom');
        return fakePartial(from, to);
      },
    });
    const seen: number[] = [];
    const promise = executor.execute(run(9, 3), async (o) => void seen.push(o.chunk), new AbortController().signal);
    await expect(promise).rejects.toThrow(ChunkFailedError);
    await expect(promise).rejects.toMatchObject({
      chunk: 1,
      attempts: 2,
      message: 'chunk 1 failed after 2 attempts: boom',
    });
    expect(seen).toEqual([0]);
  });

  it('stops early when the signal aborts: pending chunks are dropped, the promise resolves', async () => {
    const controller = new AbortController();
    const computed: number[] = [];
    const executor = new InProcessChunkExecutor({
      compute: (_s, from, to) => {
        computed.push(from);
        return fakePartial(from, to);
      },
    });
    const seen: number[] = [];
    await executor.execute(
      run(100, 10),
      async (o) => {
        seen.push(o.chunk);
        if (o.chunk === 2) controller.abort();
      },
      controller.signal,
    );
    expect(seen).toEqual([0, 1, 2]);
    expect(computed).toEqual([0, 10, 20]);
  });

  it('yields to the event loop between chunks, so a timer can fire mid-run', async () => {
    const executor = new InProcessChunkExecutor({ compute: (_s, from, to) => fakePartial(from, to) });
    const order: string[] = [];
    setImmediate(() => order.push('timer'));
    await executor.execute(run(4, 1), async (o) => void order.push(`chunk${o.chunk}`), new AbortController().signal);
    expect(order.indexOf('timer')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('timer')).toBeLessThan(order.indexOf('chunk3'));
  });
});
