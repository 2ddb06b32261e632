import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sandbridge/common';
import { ChunkExecutor, InProcessChunkExecutor } from './chunk-executor.js';

/**
 * The one place where the application chooses where simulation chunks run (DESIGN.md §5): in this
 * process by default; with REDIS_URL, on workers sharing a Redis queue (the Redis executor is
 * plugged in here when present — until then every configuration runs in-process).
 */
export function createChunkExecutor(config: AppConfig): ChunkExecutor {
  void config.redisUrl;
  return new InProcessChunkExecutor();
}

export const CHUNK_EXECUTOR_PROVIDER: Provider = {
  provide: ChunkExecutor,
  inject: [APP_CONFIG],
  useFactory: createChunkExecutor,
};
