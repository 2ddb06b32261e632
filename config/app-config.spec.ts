import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import { CONFIG_VARIABLES, ConfigError, EnvironmentSchema, loadConfig } from './app-config.js';

const SECRET = 'a-production-secret-of-at-least-32-chars';

/** Variable names in .env.example, whether set (`NAME=`) or commented out (`# NAME=`). */
function envExampleVariables(): string[] {
  const text = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
  return text
    .split('\n')
    .map((line) => /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** The properties EnvironmentSchema declares: every field carries at least one class-validator decorator. */
function schemaProperties(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(EnvironmentSchema, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('the environment schema and .env.example', () => {
  it('CONFIG_VARIABLES is exactly the schema’s properties', () => {
    expect([...CONFIG_VARIABLES].sort()).toEqual(schemaProperties().sort());
    expect(new Set(CONFIG_VARIABLES).size).toBe(CONFIG_VARIABLES.length);
  });

  it('.env.example documents every variable loadConfig reads, once, and nothing else', () => {
    const documented = envExampleVariables();
    expect(documented.length).toBe(new Set(documented).size);
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('.env.example has a comment line before each variable', () => {
    const lines = readFileSync(new URL('../.env.example', import.meta.url), 'utf8').split('\n');
    for (const name of CONFIG_VARIABLES) {
      const at = lines.findIndex((line) => new RegExp(`^#?\\s*${name}=`).test(line));
      expect({ name, comment: /^#\s+\S/.test(lines[at - 1] ?? '') && !/^#\s*[A-Z][A-Z0-9_]*=/.test(lines[at - 1]) }).toEqual({ name, comment: true });
    }
  });

  it('.env.example’s own values are accepted by loadConfig (safe to uncomment)', () => {
    const text = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const env: Record<string, string> = {};
    for (const line of text.split('\n')) {
      const match = /^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
      if (match) env[match[1]] = match[2];
    }
    expect(() => loadConfig(env)).not.toThrow();
  });

  it('reads only the variables it knows', () => {
    const config = loadConfig({ SOMETHING_ELSE: 'x', PORT: '4000' });
    expect(config.http.port).toBe(4000);
  });
});

describe('loadConfig refuses bad values, naming the variable', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['PORT=abc', { PORT: 'abc' }, 'PORT'],
    ['PORT=70000', { PORT: '70000' }, 'PORT'],
    ['PORT=-1', { PORT: '-1' }, 'PORT'],
    ['DATABASE_URL=mysql://x', { DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    ['NODE_ENV=staging', { NODE_ENV: 'staging' }, 'NODE_ENV'],
    ['JWT_TTL_SECONDS=5', { JWT_TTL_SECONDS: '5' }, 'JWT_TTL_SECONDS'],
    ['JWT_SECRET too short', { JWT_SECRET: 'short' }, 'JWT_SECRET'],
    ['ADMIN_EMAIL without ADMIN_PASSWORD', { ADMIN_EMAIL: 'admin@example.org' }, 'ADMIN_PASSWORD'],
    ['ADMIN_PASSWORD without ADMIN_EMAIL', { ADMIN_PASSWORD: 'a-long-enough-password' }, 'ADMIN_EMAIL'],
    ['ADMIN_EMAIL not an e-mail', { ADMIN_EMAIL: 'nobody', ADMIN_PASSWORD: 'a-long-enough-password' }, 'ADMIN_EMAIL'],
    ['production without JWT_SECRET', { NODE_ENV: 'production' }, 'JWT_SECRET'],
    ['SEED_DEMO=true in production', { NODE_ENV: 'production', JWT_SECRET: SECRET, SEED_DEMO: 'true' }, 'SEED_DEMO'],
    ['REDIS_URL=http://x', { REDIS_URL: 'http://x' }, 'REDIS_URL'],
    ['DB_MIGRATE_ON_START=maybe', { DB_MIGRATE_ON_START: 'maybe' }, 'DB_MIGRATE_ON_START'],
    ['LOG_LEVEL=loud', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['PASSWORD_HASH_COST=9', { PASSWORD_HASH_COST: '9' }, 'PASSWORD_HASH_COST'],
    ['BODY_LIMIT_BYTES=10', { BODY_LIMIT_BYTES: '10' }, 'BODY_LIMIT_BYTES'],
    ['QUEUE_PREFIX with a colon', { QUEUE_PREFIX: 'a:b' }, 'QUEUE_PREFIX'],
    ['WORKER_CONCURRENCY=0', { WORKER_CONCURRENCY: '0' }, 'WORKER_CONCURRENCY'],
    ['WORKER_LOCK_DURATION_MS=fast', { WORKER_LOCK_DURATION_MS: 'fast' }, 'WORKER_LOCK_DURATION_MS'],
    ['WORKER_STALLED_INTERVAL_MS=10', { WORKER_STALLED_INTERVAL_MS: '10' }, 'WORKER_STALLED_INTERVAL_MS'],
  ];

  it.each(cases)('%s', (_label, env, variable) => {
    const error = configError(env);
    expect(error.name).toBe('ConfigError');
    expect(error.message).toContain(`${variable}:`);
    expect(error.problems.some((problem) => problem.startsWith(`${variable}:`))).toBe(true);
  });

  it('reports every bad variable at once', () => {
    const error = configError({ PORT: 'abc', NODE_ENV: 'staging', REDIS_URL: 'http://x' });
    for (const variable of ['PORT', 'NODE_ENV', 'REDIS_URL']) expect(error.message).toContain(`${variable}:`);
  });
});

describe('loadConfig defaults', () => {
  it('development on port 3000, 0.0.0.0, the embedded database, GraphiQL and introspection on', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.http).toEqual({ host: '0.0.0.0', port: 3000, bodyLimit: 16 * 1024 * 1024, trustProxy: false });
    expect(config.database).toEqual({ url: undefined, dataDir: './.data', migrateOnStart: true, logSql: false });
    expect(config.graphql).toEqual({ graphiql: true, introspection: true });
    expect(config.auth.jwtTtlSeconds).toBe(28800);
    expect(config.auth.passwordHashCost).toBe(15);
    expect(config.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.auth.admin).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.logLevel).toBe('log');
  });

  it('the simulation queue: prefix sandbridge, one chunk at a time, BullMQ’s 30 s lock and stalled check', () => {
    expect(loadConfig({}).queue).toEqual({ prefix: 'sandbridge', workerConcurrency: 1, lockDurationMs: 30_000, stalledIntervalMs: 30_000 });
    expect(loadConfig({ QUEUE_PREFIX: 'test-7', WORKER_CONCURRENCY: '2', WORKER_LOCK_DURATION_MS: '2000', WORKER_STALLED_INTERVAL_MS: '500' }).queue).toEqual({
      prefix: 'test-7',
      workerConcurrency: 2,
      lockDurationMs: 2000,
      stalledIntervalMs: 500,
    });
  });

  it('a worker needs no JWT_SECRET in production (it signs nothing); the API does', () => {
    expect(configError({ NODE_ENV: 'production' }).problems.some((p) => p.startsWith('JWT_SECRET:'))).toBe(true);
    const worker = loadConfig({ NODE_ENV: 'production', REDIS_URL: 'redis://redis:6379' }, { purpose: 'worker' });
    expect(worker.env).toBe('production');
    expect(worker.redisUrl).toBe('redis://redis:6379');
    expect(() => loadConfig({ NODE_ENV: 'production', REDIS_URL: 'http://x' }, { purpose: 'worker' })).toThrow(/REDIS_URL:/);
  });

  it('production turns GraphiQL and introspection off, unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).graphql).toEqual({ graphiql: false, introspection: false });
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, GRAPHQL_INTROSPECTION: 'true' }).graphql).toEqual({
      graphiql: false,
      introspection: true,
    });
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).auth.jwtSecret).toBe(SECRET);
  });

  it('GraphiQL is on in development and test', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).graphql.graphiql).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).graphql.graphiql).toBe(true);
    expect(loadConfig({ GRAPHIQL: 'false' }).graphql.graphiql).toBe(false);
  });

  it('seeds demo data only on the embedded database outside production', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).seedDemo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1/x' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).seedDemo).toBe(false);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/x', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('empty strings count as unset; booleans and integers are parsed', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '8080', DB_LOG_SQL: 'yes', DB_MIGRATE_ON_START: '0', ADMIN_EMAIL: 'Admin@Example.org', ADMIN_PASSWORD: 'a-long-enough-password' });
    expect(config.database.url).toBeUndefined();
    expect(config.http.port).toBe(8080);
    expect(config.database.logSql).toBe(true);
    expect(config.database.migrateOnStart).toBe(false);
    expect(config.auth.admin).toEqual({ email: 'admin@example.org', password: 'a-long-enough-password' });
  });
});

describe('sessions and failed sign-ins', () => {
  it('defaults: a 3 s session cache, 5 failures per e-mail and 50 per address in 15 minutes, no proxy trusted', () => {
    const config = loadConfig({});
    expect(config.auth.sessionCacheMs).toBe(3000);
    expect(config.auth.loginLimits).toEqual({ perAccount: 5, perAddress: 50, windowSeconds: 900 });
    expect(config.http.trustProxy).toBe(false);
  });

  it('reads TRUST_PROXY as Fastify takes it: a boolean, a hop count, or a list of addresses', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).http.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(configError({ TRUST_PROXY: 'any proxy' }).problems.some((p) => p.startsWith('TRUST_PROXY:'))).toBe(true);
  });

  it.each([
    ['SESSION_CACHE_MS=60000 (a cache is for seconds)', { SESSION_CACHE_MS: '60000' }, 'SESSION_CACHE_MS'],
    ['LOGIN_MAX_FAILURES_PER_ACCOUNT=0', { LOGIN_MAX_FAILURES_PER_ACCOUNT: '0' }, 'LOGIN_MAX_FAILURES_PER_ACCOUNT'],
    ['LOGIN_MAX_FAILURES_PER_ADDRESS=many', { LOGIN_MAX_FAILURES_PER_ADDRESS: 'many' }, 'LOGIN_MAX_FAILURES_PER_ADDRESS'],
    ['LOGIN_FAILURE_WINDOW_SECONDS=0', { LOGIN_FAILURE_WINDOW_SECONDS: '0' }, 'LOGIN_FAILURE_WINDOW_SECONDS'],
  ])('refuses %s', (_label, env, variable) => {
    expect(configError(env).problems.some((p) => p.startsWith(`${variable}:`))).toBe(true);
  });

  it.each([
    ['12 spaces', ' '.repeat(12)],
    ['a commonly used password', 'password1234'],
  ])('refuses an ADMIN_PASSWORD that is %s, without repeating it', (_label, password) => {
    const error = configError({ ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: password });
    const problem = error.problems.find((p) => p.startsWith('ADMIN_PASSWORD:'));
    expect(problem).toBeDefined();
    expect(problem).not.toContain(password);
  });
});
