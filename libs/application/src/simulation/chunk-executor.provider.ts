import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sandbridge/common';
import { ChunkExecutor, InProcessChunkExecutor } from './chunk-executor.js';
import { RedisChunkExecutor } from './redis-chunk-executor.js';

/**
 * The one place where the application chooses where simulation chunks run (docs/domain.md#simulation): in this
 * process by default; with REDIS_URL, on the worker processes (`npm run worker`, any number, on any
 * machine) sharing the Redis queue under QUEUE_PREFIX. Without a running worker, runs stay QUEUED.
 */
export function createChunkExecutor(config: AppConfig): ChunkExecutor {
  if (config.redisUrl) return new RedisChunkExecutor({ redisUrl: config.redisUrl, prefix: config.queue.prefix });
  return new InProcessChunkExecutor();
}

export const CHUNK_EXECUTOR_PROVIDER: Provider = {
  provide: ChunkExecutor,
  inject: [APP_CONFIG],
  useFactory: createChunkExecutor,
};
