import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { AppConfig } from '@sandbridge/common';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createApiApp } from '../../../api/src/bootstrap.js';

/**
 * The SDL of a running API application, sorted (what apps/api/schema.gql holds). The schema test
 * calls this on its own app, so the committed file and the check can never use different printers.
 */
export function printSchemaOf(app: INestApplicationContext): string {
  return printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
}

/**
 * Boots the API on a throw-away embedded database (no admin, no demo data) and prints its schema.
 * DATABASE_URL is ignored on purpose: printing a schema must never migrate or seed a real database.
 */
export async function printApiSchema(config: AppConfig): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sandbridge-schema-'));
  try {
    const app = await createApiApp(
      {
        ...config,
        database: { ...config.database, url: undefined, dataDir, migrateOnStart: true, logSql: false },
        auth: { ...config.auth, admin: undefined },
        seedDemo: false,
      },
      { logger: ['error'] },
    );
    try {
      return printSchemaOf(app);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
