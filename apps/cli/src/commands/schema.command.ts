import type { AppConfig } from '@sandbridge/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { createApiApp } from '../../../api/src/bootstrap.js';

/** The API's schema as SDL, from the code-first models (what apps/api/schema.gql holds). */
export async function printApiSchema(config: AppConfig): Promise<string> {
  const app = await createApiApp({ ...config, database: { ...config.database, dataDir: 'memory://' } }, { logger: ['error'] });
  try {
    return printSchema(app.get(GraphQLSchemaHost).schema) + '\n';
  } finally {
    await app.close();
  }
}
