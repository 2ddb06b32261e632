import 'reflect-metadata';
import { type Ed25519PublicJwk, jwkSetProblems, passwordProblem } from '@sandbridge/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CONFIG_VARIABLES } from './config-variables.js';
import { EnvironmentSchema } from './environment.schema.js';
import { DEV_JWT_SECRET, MIN_DISTINCT_SECRET_CHARACTERS, PUBLISHED_JWT_SECRETS, shownValue } from './secrets.js';
import { parseSigningKey } from './signing-key.js';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  /** `trustProxy` as Fastify takes it: whose X-Forwarded-For gives the client address. */
  http: { host: string; port: number; bodyLimit: number; trustProxy: boolean | number | string[] };
  database: {
    url?: string;
    dataDir: string;
    migrateOnStart: boolean;
    logSql: boolean;
    statementTimeoutMs: number;
    poolWaitMs: number;
  };
  auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    passwordHashCost: number;
    admin?: { email: string; password: string };
    /** How long account session state may be cached, in ms (0: read on every request). */
    sessionCacheMs: number;
    /** Failed sign-ins allowed per e-mail and per client address within `windowSeconds`. */
    loginLimits: { perAccount: number; perAddress: number; windowSeconds: number };
  };
  graphql: { graphiql: boolean; introspection: boolean; limits: QueryLimits };
  /**
   * `privateKeyPem` (PKCS#8) from SIGNING_KEY; null: generated and kept in the database (never in
   * production). `retiredKeys`: public keys of earlier signing keys (SIGNING_RETIRED_KEYS), still
   * published and trusted for what they signed.
   */
  signing: { privateKeyPem: string | null; keyId: string | null; retiredKeys: Ed25519PublicJwk[] };
  redisUrl?: string;
  /** The simulation queue (Redis only) and the worker process's settings. */
  queue: { prefix: string; workerConcurrency: number; lockDurationMs: number; stalledIntervalMs: number };
  /** Evidence uploads: the largest file, and how many one process receives at once. */
  evidence: { maxBytes: number; maxConcurrentUploads: number };
  seedDemo: boolean;
  logLevel: EnvironmentSchema['LOG_LEVEL'];
}

/** What one GraphQL operation may ask for; anything over is refused before it runs (QUERY_TOO_COMPLEX). */
export interface QueryLimits {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  cost: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment; throws ConfigError naming each bad variable. `purpose:
 * 'worker'` (apps/worker) leaves out the checks of what only the API uses: a worker signs no
 * token and creates no account, so it needs no JWT_SECRET even in production.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  { purpose = 'api' }: { purpose?: 'api' | 'worker' } = {},
): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of CONFIG_VARIABLES) if (env[key] !== undefined) raw[key] = env[key];
  const parsed = plainToInstance(EnvironmentSchema, raw);
  const problems = validateSync(parsed, { forbidUnknownValues: false }).flatMap((e) =>
    constraintMessages(e.constraints).map(
      (message) =>
        `${e.property}: ${message.replace(`${e.property} `, '')} (${shownValue(e.property, raw[e.property])})`,
    ),
  );
  const production = parsed.NODE_ENV === 'production';
  // Production checks of what only the API uses (a worker signs no token and opens no database).
  if (production && purpose === 'api') {
    const secret = parsed.JWT_SECRET;
    if (!secret) problems.push('JWT_SECRET: required when NODE_ENV=production');
    else if (PUBLISHED_JWT_SECRETS.has(secret)) {
      problems.push(
        'JWT_SECRET: is the development default or the example value, both published in the source: anyone could sign tokens with it; set a random one, e.g. from `openssl rand -hex 32`',
      );
    } else if (secret.length >= 32 && new Set(secret).size < MIN_DISTINCT_SECRET_CHARACTERS) {
      problems.push(
        `JWT_SECRET: too weak, fewer than ${MIN_DISTINCT_SECRET_CHARACTERS} different characters; set a random one, e.g. from \`openssl rand -hex 32\``,
      );
    }
    if (!parsed.DATABASE_URL && !parsed.EMBEDDED_DATABASE_IN_PRODUCTION) {
      problems.push(
        'DATABASE_URL: required when NODE_ENV=production; to run on the embedded database in DATA_DIR instead (one API process, no replicas), set EMBEDDED_DATABASE_IN_PRODUCTION=true',
      );
    }
  }
  if (parsed.DATABASE_URL && parsed.EMBEDDED_DATABASE_IN_PRODUCTION) {
    problems.push(
      'EMBEDDED_DATABASE_IN_PRODUCTION: true, but DATABASE_URL names a PostgreSQL database: unset one of them',
    );
  }
  // The key is never echoed: a rejected value may be a real key with a typo.
  const signingKey = parsed.SIGNING_KEY === undefined ? null : parseSigningKey(parsed.SIGNING_KEY);
  if (parsed.SIGNING_KEY !== undefined && !signingKey)
    problems.push(
      'SIGNING_KEY: must be an Ed25519 private key, as a PKCS#8 PEM or the base64 of its 32-byte seed (value not shown)',
    );
  if (production && parsed.SIGNING_KEY === undefined && purpose === 'api')
    problems.push('SIGNING_KEY: required when NODE_ENV=production (e.g. from openssl rand -base64 32)');
  const retiredKeys = parsed.SIGNING_RETIRED_KEYS === undefined ? [] : readRetiredKeys(parsed.SIGNING_RETIRED_KEYS);
  if (typeof retiredKeys === 'string') problems.push(`SIGNING_RETIRED_KEYS: ${retiredKeys}`);
  if (Boolean(parsed.ADMIN_EMAIL) !== Boolean(parsed.ADMIN_PASSWORD)) {
    problems.push(
      `${parsed.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'}: required when ${parsed.ADMIN_EMAIL ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD'} is set`,
    );
  }
  // The first administrator's password meets the same policy as every other (never echoed).
  const adminPasswordProblem = parsed.ADMIN_PASSWORD ? passwordProblem(parsed.ADMIN_PASSWORD) : null;
  if (adminPasswordProblem && !problems.some((p) => p.startsWith('ADMIN_PASSWORD:')))
    problems.push(`ADMIN_PASSWORD: ${adminPasswordProblem}`);
  if (production && parsed.SEED_DEMO)
    problems.push('SEED_DEMO: demo data and accounts are refused when NODE_ENV=production');
  if (problems.length) throw new ConfigError(problems);
  return {
    env: parsed.NODE_ENV,
    http: {
      host: parsed.HOST,
      port: parsed.PORT,
      bodyLimit: parsed.BODY_LIMIT_BYTES,
      trustProxy: trustProxy(parsed.TRUST_PROXY),
    },
    database: {
      url: parsed.DATABASE_URL,
      dataDir: parsed.DATA_DIR,
      migrateOnStart: parsed.DB_MIGRATE_ON_START,
      logSql: parsed.DB_LOG_SQL,
      statementTimeoutMs: parsed.DB_STATEMENT_TIMEOUT_MS,
      poolWaitMs: parsed.DB_POOL_WAIT_MS,
    },
    auth: {
      jwtSecret: parsed.JWT_SECRET ?? DEV_JWT_SECRET,
      jwtTtlSeconds: parsed.JWT_TTL_SECONDS,
      passwordHashCost: parsed.PASSWORD_HASH_COST,
      admin:
        parsed.ADMIN_EMAIL && parsed.ADMIN_PASSWORD
          ? { email: parsed.ADMIN_EMAIL.toLowerCase(), password: parsed.ADMIN_PASSWORD }
          : undefined,
      sessionCacheMs: parsed.SESSION_CACHE_MS,
      loginLimits: {
        perAccount: parsed.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        perAddress: parsed.LOGIN_MAX_FAILURES_PER_ADDRESS,
        windowSeconds: parsed.LOGIN_FAILURE_WINDOW_SECONDS,
      },
    },
    graphql: {
      graphiql: parsed.GRAPHIQL ?? !production,
      introspection: parsed.GRAPHQL_INTROSPECTION ?? !production,
      limits: {
        depth: parsed.GRAPHQL_MAX_DEPTH,
        aliases: parsed.GRAPHQL_MAX_ALIASES,
        directives: parsed.GRAPHQL_MAX_DIRECTIVES,
        tokens: parsed.GRAPHQL_MAX_TOKENS,
        cost: parsed.GRAPHQL_MAX_COST,
      },
    },
    signing: {
      privateKeyPem: signingKey,
      keyId: parsed.SIGNING_KEY_ID ?? null,
      retiredKeys: typeof retiredKeys === 'string' ? [] : retiredKeys,
    },
    redisUrl: parsed.REDIS_URL,
    queue: {
      prefix: parsed.QUEUE_PREFIX,
      workerConcurrency: parsed.WORKER_CONCURRENCY,
      lockDurationMs: parsed.WORKER_LOCK_DURATION_MS,
      stalledIntervalMs: parsed.WORKER_STALLED_INTERVAL_MS,
    },
    evidence: { maxBytes: parsed.EVIDENCE_MAX_BYTES, maxConcurrentUploads: parsed.EVIDENCE_MAX_CONCURRENT_UPLOADS },
    // Demo data goes on embedded databases by default: a new user's `npm start` has something to show.
    seedDemo: parsed.SEED_DEMO ?? (!production && !parsed.DATABASE_URL),
    logLevel: parsed.LOG_LEVEL,
  };
}

/** Checks of a value's kind: when one fails, range and length checks of the same variable say nothing useful. */
const TYPE_CHECKS = ['isInt', 'isBoolean', 'isString', 'isIn'];

/** One variable's failed checks as messages: the type check alone if it failed, each message once. */
function constraintMessages(constraints: Record<string, string> = {}): string[] {
  const typeCheck = TYPE_CHECKS.find((name) => name in constraints);
  return [...new Set(typeCheck ? [constraints[typeCheck]] : Object.values(constraints))];
}

function trustProxy(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}

/**
 * SIGNING_RETIRED_KEYS: a JWK set of Ed25519 public keys, as GET /.well-known/sandbridge-keys serves
 * it (only `kty`, `crv`, `x` and `kid` are read). Returns the keys, or the problem.
 */
function readRetiredKeys(value: string): Ed25519PublicJwk[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return 'must be a JWK set in JSON, {"keys": [...]}, as GET /.well-known/sandbridge-keys serves it';
  }
  const problems = jwkSetProblems(parsed);
  if (problems.length) return problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  return (parsed as { keys: Ed25519PublicJwk[] }).keys.map(({ x, kid }) => ({
    kty: 'OKP',
    crv: 'Ed25519',
    x,
    kid,
    alg: 'EdDSA',
    use: 'sig',
  }));
}
