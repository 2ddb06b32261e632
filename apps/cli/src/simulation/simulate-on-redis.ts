import type { Scenario, SimulationResult } from '@sandbridge/domain';

export interface RedisSimulationOptions {
  redisUrl: string;
  /** --workers: how many workers share the chunks. */
  workers: number;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * `simulate --workers N` with REDIS_URL: starts N worker processes on this machine, runs the
 * scenario's chunks through the Redis queue and returns the same result `simulate` gives in
 * process. The one place the CLI reaches the queue. The CLI's runs use their own queue prefix
 * (`<QUEUE_PREFIX>-cli`), so its workers never take an API's chunks and are stopped at the end.
 */
export async function simulateOnRedisQueue(
  scenario: Scenario,
  options: RedisSimulationOptions,
): Promise<SimulationResult> {
  // Loaded only here: the application layer brings TypeORM and BullMQ, which the in-process path never needs.
  const { simulateOnRedis } = await import('./redis-runner.js');
  const prefix = `${process.env.QUEUE_PREFIX?.trim() || 'sandbridge'}-cli`;
  return simulateOnRedis(scenario, {
    redisUrl: options.redisUrl,
    workers: options.workers,
    chunkSize: options.chunkSize,
    onProgress: options.onProgress,
    prefix,
  });
}
