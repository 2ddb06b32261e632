import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CONFIG_VARIABLES, ConfigError, EnvironmentSchema, loadConfig, shownValue } from './index.js';

const SECRET = 'a-production-secret-of-at-least-32-chars';
/** A valid SIGNING_KEY: the base64 of a 32-byte Ed25519 seed. */
const SIGNING_KEY = Buffer.alloc(32, 9).toString('base64');

/** Production on the embedded database, chosen on purpose (DATABASE_URL unset). */
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: SECRET, SIGNING_KEY, EMBEDDED_DATABASE_IN_PRODUCTION: 'true' };

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
      expect({
        name,
        comment: /^#\s+\S/.test(lines[at - 1] ?? '') && !/^#\s*[A-Z][A-Z0-9_]*=/.test(lines[at - 1]),
      }).toEqual({ name, comment: true });
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
    ['SEED_DEMO=true in production', { ...PRODUCTION, SEED_DEMO: 'true' }, 'SEED_DEMO'],
    ['REDIS_URL=http://x', { REDIS_URL: 'http://x' }, 'REDIS_URL'],
    ['DB_MIGRATE_ON_START=maybe', { DB_MIGRATE_ON_START: 'maybe' }, 'DB_MIGRATE_ON_START'],
    ['LOG_LEVEL=loud', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['PASSWORD_HASH_COST=9', { PASSWORD_HASH_COST: '9' }, 'PASSWORD_HASH_COST'],
    ['BODY_LIMIT_BYTES=10', { BODY_LIMIT_BYTES: '10' }, 'BODY_LIMIT_BYTES'],
    ['EVIDENCE_MAX_BYTES=100', { EVIDENCE_MAX_BYTES: '100' }, 'EVIDENCE_MAX_BYTES'],
    ['EVIDENCE_MAX_BYTES=big', { EVIDENCE_MAX_BYTES: 'big' }, 'EVIDENCE_MAX_BYTES'],
    ['EVIDENCE_MAX_CONCURRENT_UPLOADS=0', { EVIDENCE_MAX_CONCURRENT_UPLOADS: '0' }, 'EVIDENCE_MAX_CONCURRENT_UPLOADS'],
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
    expect(config.evidence).toEqual({ maxBytes: 52_428_800, maxConcurrentUploads: 4 });
    expect(config.database).toEqual({
      url: undefined,
      dataDir: './.data',
      migrateOnStart: true,
      logSql: false,
      statementTimeoutMs: 15_000,
      poolWaitMs: 30_000,
    });
    expect(config.graphql).toEqual({
      graphiql: true,
      introspection: true,
      limits: { depth: 12, aliases: 30, directives: 50, tokens: 10_000, cost: 100_000 },
    });
    expect(config.auth.jwtTtlSeconds).toBe(28800);
    expect(config.auth.passwordHashCost).toBe(15);
    expect(config.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.auth.admin).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.logLevel).toBe('log');
  });

  it('the simulation queue: prefix sandbridge, one chunk at a time, BullMQ’s 30 s lock and stalled check', () => {
    expect(loadConfig({}).queue).toEqual({
      prefix: 'sandbridge',
      workerConcurrency: 1,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
    });
    expect(
      loadConfig({
        QUEUE_PREFIX: 'test-7',
        WORKER_CONCURRENCY: '2',
        WORKER_LOCK_DURATION_MS: '2000',
        WORKER_STALLED_INTERVAL_MS: '500',
      }).queue,
    ).toEqual({
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
    expect(() => loadConfig({ NODE_ENV: 'production', REDIS_URL: 'http://x' }, { purpose: 'worker' })).toThrow(
      /REDIS_URL:/,
    );
  });

  it('production turns GraphiQL and introspection off, unless asked', () => {
    expect(loadConfig(PRODUCTION).graphql).toMatchObject({ graphiql: false, introspection: false });
    expect(loadConfig({ ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true' }).graphql).toMatchObject({
      graphiql: false,
      introspection: true,
    });
    expect(loadConfig(PRODUCTION).auth.jwtSecret).toBe(SECRET);
  });

  it('reads the query limits and the database time limits', () => {
    const config = loadConfig({
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_DIRECTIVES: '4',
      GRAPHQL_MAX_TOKENS: '2000',
      GRAPHQL_MAX_COST: '900',
      DB_STATEMENT_TIMEOUT_MS: '0',
      DB_POOL_WAIT_MS: '500',
    });
    expect(config.graphql.limits).toEqual({ depth: 8, aliases: 5, directives: 4, tokens: 2000, cost: 900 });
    expect(config.database).toMatchObject({ statementTimeoutMs: 0, poolWaitMs: 500 });
    expect(configError({ GRAPHQL_MAX_DEPTH: '1', GRAPHQL_MAX_TOKENS: '50' }).problems).toEqual([
      expect.stringMatching(/^GRAPHQL_MAX_DEPTH: /),
      expect.stringMatching(/^GRAPHQL_MAX_TOKENS: /),
    ]);
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
    expect(loadConfig(PRODUCTION).seedDemo).toBe(false);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/x', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('reads the evidence limits', () => {
    expect(loadConfig({ EVIDENCE_MAX_BYTES: '1048576', EVIDENCE_MAX_CONCURRENT_UPLOADS: '2' }).evidence).toEqual({
      maxBytes: 1_048_576,
      maxConcurrentUploads: 2,
    });
  });

  it('empty strings count as unset; booleans and integers are parsed', () => {
    const config = loadConfig({
      DATABASE_URL: '',
      PORT: '8080',
      DB_LOG_SQL: 'yes',
      DB_MIGRATE_ON_START: '0',
      ADMIN_EMAIL: 'Admin@Example.org',
      ADMIN_PASSWORD: 'a-long-enough-password',
    });
    expect(config.database.url).toBeUndefined();
    expect(config.http.port).toBe(8080);
    expect(config.database.logSql).toBe(true);
    expect(config.database.migrateOnStart).toBe(false);
    expect(config.auth.admin).toEqual({ email: 'admin@example.org', password: 'a-long-enough-password' });
  });
});

describe('the platform signing key (SIGNING_KEY)', () => {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const seedOf = (keyPem: string) => createPrivateKey(keyPem).export({ format: 'der', type: 'pkcs8' }).subarray(-32);

  it('is required in production, and the error does not echo a rejected key', () => {
    expect(
      configError({ NODE_ENV: 'production', JWT_SECRET: SECRET }).problems.some((p) => p.startsWith('SIGNING_KEY:')),
    ).toBe(true);
    // A key with a typo (one character short): refused, without showing any of it.
    const almost = Buffer.alloc(32, 0xab).toString('base64').slice(0, -2);
    const error = configError({ NODE_ENV: 'production', JWT_SECRET: SECRET, SIGNING_KEY: almost });
    expect(error.problems.some((p) => p.startsWith('SIGNING_KEY:'))).toBe(true);
    expect(error.message).not.toContain(almost);
    expect(error.message).not.toContain(almost.slice(0, 12));
    const badPem = pem.replace(/[A-Za-z0-9+/]{20}/, 'A'.repeat(20));
    const pemError = configError({ SIGNING_KEY: badPem });
    expect(pemError.message).toContain('SIGNING_KEY:');
    expect(pemError.message).not.toContain(badPem.split('\n')[1].slice(0, 16));
    // A worker signs nothing: it needs no key.
    expect(
      loadConfig({ NODE_ENV: 'production', REDIS_URL: 'redis://redis:6379' }, { purpose: 'worker' }).signing
        .privateKeyPem,
    ).toBeNull();
  });

  it('accepts a PKCS#8 PEM (also with \\n for newlines) or the base64/base64url of the 32-byte seed, as the same key', () => {
    const seed = seedOf(pem);
    const fromPem = loadConfig({ ...PRODUCTION, SIGNING_KEY: pem }).signing;
    expect(fromPem.privateKeyPem).toBe(pem);
    expect(loadConfig({ SIGNING_KEY: pem.replace(/\n/g, '\\n') }).signing.privateKeyPem).toBe(pem);
    expect(loadConfig({ SIGNING_KEY: seed.toString('base64') }).signing.privateKeyPem).toBe(pem);
    expect(loadConfig({ SIGNING_KEY: seed.toString('base64url') }).signing.privateKeyPem).toBe(pem);
    expect(fromPem.keyId).toBeNull();
    expect(loadConfig({ SIGNING_KEY: pem, SIGNING_KEY_ID: 'sandbridge-2026' }).signing.keyId).toBe('sandbridge-2026');
  });

  it('refuses other keys and other lengths', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    for (const value of [
      rsa,
      Buffer.alloc(31).toString('base64'),
      Buffer.alloc(33).toString('base64'),
      'not a key at all',
      SECRET,
    ]) {
      expect(configError({ SIGNING_KEY: value }).problems).toEqual([
        expect.stringMatching(/^SIGNING_KEY: .*\(value not shown\)$/),
      ]);
    }
    expect(configError({ SIGNING_KEY_ID: 'has spaces' }).problems[0]).toMatch(/^SIGNING_KEY_ID:/);
  });

  it('outside production it may be unset: the key is then generated once and kept in the database', () => {
    expect(loadConfig({}).signing).toEqual({ privateKeyPem: null, keyId: null, retiredKeys: [] });
  });

  it('SIGNING_RETIRED_KEYS takes the JWK set an earlier key was published in, and refuses anything else', () => {
    const x = Buffer.alloc(32, 7).toString('base64url');
    const served = { keys: [{ kty: 'OKP', crv: 'Ed25519', x, kid: 'sandbridge-2025', alg: 'EdDSA', use: 'sig' }] };
    expect(loadConfig({ SIGNING_RETIRED_KEYS: JSON.stringify(served) }).signing.retiredKeys).toEqual(served.keys);
    const problem = (value: string) => configError({ SIGNING_RETIRED_KEYS: value }).problems;
    expect(problem('not json')).toEqual([expect.stringMatching(/^SIGNING_RETIRED_KEYS: must be a JWK set/)]);
    expect(problem('[]')).toEqual([expect.stringMatching(/^SIGNING_RETIRED_KEYS: keys: /)]);
    expect(problem(JSON.stringify({ keys: [{ ...served.keys[0], x: 'short' }] }))).toEqual([
      expect.stringMatching(/^SIGNING_RETIRED_KEYS: keys\[0\]\.x: /),
    ]);
    expect(problem(JSON.stringify({ keys: [{ ...served.keys[0], d: x }] }))).toEqual([
      expect.stringMatching(/^SIGNING_RETIRED_KEYS: keys\[0\]\.d: .*private/),
    ]);
    expect(problem(JSON.stringify({ keys: [served.keys[0], served.keys[0]] }))).toEqual([
      expect.stringMatching(/^SIGNING_RETIRED_KEYS: keys\[1\]\.kid: repeats/),
    ]);
  });
});

describe('production refuses an unsafe configuration', () => {
  const problemsOf = (env: Record<string, string>, variable: string) =>
    configError(env).problems.filter((p) => p.startsWith(`${variable}:`));

  it('refuses the development JWT_SECRET that is in the source (tokens signed with it could be forged)', () => {
    const developmentDefault = loadConfig({}).auth.jwtSecret;
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: developmentDefault }, 'JWT_SECRET')).toEqual([
      expect.stringMatching(/development default/),
    ]);
  });

  it('refuses the placeholder of .env.example', () => {
    expect(
      problemsOf({ ...PRODUCTION, JWT_SECRET: 'replace-with-at-least-32-random-characters' }, 'JWT_SECRET'),
    ).toHaveLength(1);
  });

  it('refuses a JWT_SECRET of few different characters, however long', () => {
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: 'a'.repeat(64) }, 'JWT_SECRET')).toEqual([
      expect.stringMatching(/different characters/),
    ]);
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: 'ab'.repeat(32) }, 'JWT_SECRET')).toHaveLength(1);
  });

  it('refuses a missing or short JWT_SECRET, once each', () => {
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: '' }, 'JWT_SECRET')).toEqual([
      'JWT_SECRET: required when NODE_ENV=production',
    ]);
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: 'k7#Qz9!vR2' }, 'JWT_SECRET')).toHaveLength(1);
  });

  it('accepts random secrets such as `openssl rand -hex 32` and `-base64 32` give', () => {
    expect(
      loadConfig({ ...PRODUCTION, JWT_SECRET: '3f9a0c7be14d52e86a1fd0b9c3e7254f8a6d1b0e9c2f7a4d5b8e1c6f0a3d9b27' }).auth
        .jwtSecret,
    ).toHaveLength(64);
    expect(loadConfig({ ...PRODUCTION, JWT_SECRET: 'qL3v8Zs0xYp+Wm1aTe4Rj9Kd/Hc6Ug2Nb7Fo5Ii0Eh8=' }).env).toBe(
      'production',
    );
  });

  it('requires DATABASE_URL, or the embedded database chosen with EMBEDDED_DATABASE_IN_PRODUCTION=true', () => {
    const { EMBEDDED_DATABASE_IN_PRODUCTION: _optIn, ...withoutOptIn } = PRODUCTION;
    expect(problemsOf(withoutOptIn, 'DATABASE_URL')).toEqual([
      expect.stringMatching(/required when NODE_ENV=production.*EMBEDDED_DATABASE_IN_PRODUCTION=true/),
    ]);
    expect(loadConfig({ ...withoutOptIn, DATABASE_URL: 'postgres://app@db/sandbridge' }).database.url).toBe(
      'postgres://app@db/sandbridge',
    );
    expect(loadConfig(PRODUCTION).database.url).toBeUndefined();
    // Development, tests and workers (which open no database) need no opt-in.
    expect(loadConfig({}).database.url).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production' }, { purpose: 'worker' }).env).toBe('production');
  });

  it('refuses EMBEDDED_DATABASE_IN_PRODUCTION=true together with DATABASE_URL (which database?)', () => {
    expect(
      problemsOf({ ...PRODUCTION, DATABASE_URL: 'postgres://app@db/sandbridge' }, 'EMBEDDED_DATABASE_IN_PRODUCTION'),
    ).toHaveLength(1);
  });
});

describe('a rejected value is shown, a secret never', () => {
  const secrets: [string, Record<string, string>, string][] = [
    ['a short JWT_SECRET', { JWT_SECRET: 'hunter2-short' }, 'hunter2-short'],
    [
      'the development JWT_SECRET in production',
      { ...PRODUCTION, JWT_SECRET: 'sandbridge-development-secret-not-for-production' },
      'sandbridge-development-secret-not-for-production',
    ],
    ['a weak JWT_SECRET in production', { ...PRODUCTION, JWT_SECRET: 'z'.repeat(40) }, 'z'.repeat(40)],
    ['a short ADMIN_PASSWORD', { ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'hunter2' }, 'hunter2'],
    ['the password in a bad DATABASE_URL', { DATABASE_URL: 'mysql://app:hunter2-db@db:3306/x' }, 'hunter2-db'],
    ['the password in a bad REDIS_URL', { REDIS_URL: 'http://:hunter2-redis@cache:6379' }, 'hunter2-redis'],
    ['a DATABASE_URL that is not even a URL', { DATABASE_URL: 'app:hunter2-raw@db/x' }, 'hunter2-raw'],
  ];

  it.each(secrets)('%s', (_label, env, secret) => {
    const error = configError(env);
    expect(error.message).not.toContain(secret);
  });

  it('an ordinary bad value is quoted, and the rest of a URL stays readable', () => {
    expect(configError({ PORT: 'abc' }).message).toContain('(got "abc")');
    expect(configError({ ADMIN_EMAIL: 'admin@', ADMIN_PASSWORD: 'a-long-enough-password' }).message).toContain(
      '(got "admin@")',
    );
    expect(configError({ DATABASE_URL: 'mysql://app:hunter2@db:3306/x' }).message).toContain(
      'mysql://app:***@db:3306/x',
    );
  });

  it('names that hold secrets are never shown, present ones and future ones (SIGNING_KEY, …)', () => {
    for (const name of [
      'JWT_SECRET',
      'ADMIN_PASSWORD',
      'SIGNING_KEY',
      'PLATFORM_PRIVATE_KEY',
      'API_TOKEN',
      'SMTP_PASSWORD',
      'OAUTH_CLIENT_SECRET',
    ]) {
      expect({ name, shown: shownValue(name, 'value-42') }).toEqual({ name, shown: 'value not shown' });
    }
    expect(shownValue('PORT', 'abc')).toBe('got "abc"');
    expect(shownValue('DATABASE_URL', 'postgres://app:pw@db/x')).toBe('got "postgres://app:***@db/x"');
    expect(shownValue('DATABASE_URL', 'postgres://db/x')).toBe('got "postgres://db/x"');
    expect(shownValue('DATABASE_URL', 'app:pw@db/x')).toBe('value not shown');
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
    [
      'LOGIN_MAX_FAILURES_PER_ADDRESS=many',
      { LOGIN_MAX_FAILURES_PER_ADDRESS: 'many' },
      'LOGIN_MAX_FAILURES_PER_ADDRESS',
    ],
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
