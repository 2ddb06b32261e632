import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type AppConfig, loadConfig } from '@sandbridge/config';

/** DI token for the validated configuration (AppConfig from `config/`). */
export const APP_CONFIG = Symbol('APP_CONFIG');
export type { AppConfig };

/** Clock as a provider: services ask it for `now`, tests replace it. Pure code takes `asOf` instead. */
export abstract class Clock {
  abstract now(): Date;
}
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({})
export class CommonModule {
  /** `config` defaults to the process environment, validated (start-up stops on a bad value). */
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: CommonModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useClass: SystemClock },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
