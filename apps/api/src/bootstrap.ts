import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@sandbridge/common';
import { AppModule } from './app.module.js';

/** Creates the API application (not yet listening). Shared by `main.ts` and the e2e tests. */
export async function createApiApp(config: AppConfig, options: { logger?: false | ('error' | 'warn' | 'log' | 'debug' | 'verbose' | 'fatal')[] } = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    // trustProxy: whether request.ip (the failed sign-in limit's client address) comes from
    // X-Forwarded-For. Fastify also takes a hop count (a number), which Nest's type leaves out.
    new FastifyAdapter({ bodyLimit: config.http.bodyLimit, trustProxy: config.http.trustProxy as boolean | string[] }),
    { logger: options.logger ?? logLevels(config.logLevel), bufferLogs: false },
  );
  app.enableShutdownHooks();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

const LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export function logLevels(level: AppConfig['logLevel']): (typeof LEVELS)[number][] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}
