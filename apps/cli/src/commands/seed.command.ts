import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApplicationModule, DemoSeeder } from '@sandbridge/application';
import { type AppConfig, CommonModule } from '@sandbridge/common';
import { PersistenceModule } from '@sandbridge/persistence';

/** Loads the demo data into the configured database (idempotent; refused in production). */
export async function seedDemo(config: AppConfig): Promise<number> {
  @Module({ imports: [CommonModule.forRoot(config), PersistenceModule, ApplicationModule] })
  class SeedModule {}

  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn', 'log'] });
  try {
    return (await app.get(DemoSeeder).seed()).created;
  } finally {
    await app.close();
  }
}
