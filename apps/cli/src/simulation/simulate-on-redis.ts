import type { Scenario, SimulationResult } from '@sandbridge/domain';

export interface RedisSimulationOptions {
  redisUrl: string;
  /** --workers: how many workers share the chunks. */
  workers: number;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * `simulate --workers N` with REDIS_URL: runs the scenario's chunks on the Redis queue and returns
 * the same result `simulate` gives in process. The one place the CLI reaches the queue.
 */
export async function simulateOnRedisQueue(scenario: Scenario, options: RedisSimulationOptions): Promise<SimulationResult> {
  void scenario;
  void options;
  // Placeholder until the Redis chunk executor (branch issue7-redis) is merged and wired here.
  throw new Error('simulate --workers: running on the Redis queue is not wired into the CLI yet; run without --workers');
}
