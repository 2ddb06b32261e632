import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type ChunkWorker, createChunkWorker, SIMULATION_QUEUE } from '@sandbridge/application';
import { APP_CONFIG, type AppConfig } from '@sandbridge/common';

/** Consumes simulation chunks from Redis for as long as the application context lives. */
@Injectable()
export class SimulationWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SimulationWorker');
  private worker?: ChunkWorker;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const { redisUrl, queue } = this.config;
    if (!redisUrl) throw new Error('REDIS_URL is required: the worker consumes the simulation queue in Redis');
    this.worker = createChunkWorker({
      redisUrl,
      prefix: queue.prefix,
      concurrency: queue.workerConcurrency,
      lockDurationMs: queue.lockDurationMs,
      stalledIntervalMs: queue.stalledIntervalMs,
      log: (level, message) => this.logger[level](message),
    });
    await this.worker.waitUntilReady();
    this.logger.log(
      `${this.worker.name} consumes ${queue.prefix}:${SIMULATION_QUEUE} (${queue.workerConcurrency} chunk(s) at a time)`,
    );
  }

  /** Lets the chunks in progress finish (SIGTERM from an orchestrator must not waste them). */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }
}
