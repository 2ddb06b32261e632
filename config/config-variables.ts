import type { EnvironmentSchema } from './environment.schema.js';

/**
 * Every variable loadConfig reads, in EnvironmentSchema's order (`.env.example` lists the same, and
 * config/app-config.spec.ts checks both against the schema's decorated properties). The schema's
 * optional fields have no initializer, so they can't be read off an instance: hence the list.
 */
export const CONFIG_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATA_DIR',
  'EMBEDDED_DATABASE_IN_PRODUCTION',
  'DB_MIGRATE_ON_START',
  'DB_LOG_SQL',
  'DB_STATEMENT_TIMEOUT_MS',
  'DB_POOL_WAIT_MS',
  'JWT_SECRET',
  'JWT_TTL_SECONDS',
  'SIGNING_KEY',
  'SIGNING_KEY_ID',
  'SIGNING_RETIRED_KEYS',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'SESSION_CACHE_MS',
  'LOGIN_MAX_FAILURES_PER_ACCOUNT',
  'LOGIN_MAX_FAILURES_PER_ADDRESS',
  'LOGIN_FAILURE_WINDOW_SECONDS',
  'TRUST_PROXY',
  'PASSWORD_HASH_COST',
  'REDIS_URL',
  'QUEUE_PREFIX',
  'WORKER_CONCURRENCY',
  'WORKER_LOCK_DURATION_MS',
  'WORKER_STALLED_INTERVAL_MS',
  'GRAPHIQL',
  'GRAPHQL_INTROSPECTION',
  'GRAPHQL_MAX_DEPTH',
  'GRAPHQL_MAX_ALIASES',
  'GRAPHQL_MAX_DIRECTIVES',
  'GRAPHQL_MAX_TOKENS',
  'GRAPHQL_MAX_COST',
  'BODY_LIMIT_BYTES',
  'EVIDENCE_MAX_BYTES',
  'EVIDENCE_MAX_CONCURRENT_UPLOADS',
  'SEED_DEMO',
  'LOG_LEVEL',
] as const satisfies readonly (keyof EnvironmentSchema)[];

export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];
// Compile-time check: a schema field missing from CONFIG_VARIABLES makes this line a type error.
const _everyFieldListed: [Exclude<keyof EnvironmentSchema, ConfigVariable>] extends [never] ? true : never = true;
