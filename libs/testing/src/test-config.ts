import { type AppConfig, loadConfig } from '@sandbridge/config';
import type { TestDatabase } from './test-database.js';

export const ADMIN = { email: 'admin@sandbridge.test', password: 'admin-password-for-tests' };
export const TEST_PASSWORD = 'a-long-test-password';

/** The configuration every test tier runs with on `database`, `env` on top. */
export function testConfig(database: TestDatabase, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'fatal',
    PASSWORD_HASH_COST: '10',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO: 'false',
    DATA_DIR: database.dataDir,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
}
