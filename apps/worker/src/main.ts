import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, ConfigError, loadConfig } from '@sandbridge/config';
import { WorkerModule } from './worker.module.js';

/**
 * The simulation worker: a Nest application context (no HTTP, no database) that computes chunks
 * from the Redis queue until SIGTERM or SIGINT, then finishes the chunks it holds and exits.
 *
 * When started by a parent with an IPC channel (simulateOnRedis, the benchmark), it says `ready`
 * once it takes jobs, reports its peak memory as it stops, and stops when the parent goes away, so
 * no worker outlives the command that started it.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env, { purpose: 'worker' });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  if (!config.redisUrl) {
    console.error(
      'Invalid configuration:\n  - REDIS_URL: required by the worker (it consumes the simulation queue in Redis)',
    );
    process.exit(78);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: logLevels(config.logLevel),
  });
  await app.init();
  let stopping: Promise<void> | undefined;
  // Graceful: app.close() runs onApplicationShutdown, which lets the chunks in progress finish.
  const stop = (why: string) =>
    (stopping ??= (async () => {
      Logger.log(`stopping (${why})`, 'Worker');
      await app.close();
      await tellParent({ event: 'stopped', pid: process.pid, maxRssKb: process.resourceUsage().maxRSS });
      process.exit(0);
    })());
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  if (process.send) {
    process.on('disconnect', () => void stop('parent gone'));
    await tellParent({ event: 'ready', pid: process.pid });
  }
}

/** A message on the IPC channel, if a parent opened one (resolves once it is written). */
function tellParent(message: object): Promise<void> {
  if (!process.send || !process.connected) return Promise.resolve();
  return new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
function logLevels(level: AppConfig['logLevel']): LogLevel[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

main().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.message : String(error), 'Worker');
  process.exit(1);
});
