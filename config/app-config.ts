import 'reflect-metadata';
import { passwordProblem } from '@sandbridge/domain';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { parseSigningKey } from './signing-key.js';

/**
 * The environment schema: every variable Sandbridge reads, its type and default.
 * `.env.example` documents the same list; a test keeps the two in step.
 */
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase())
      ? true
      : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase())
        ? false
        : value;
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const PORT_RANGE = 'must be a port number, from 0 to 65535';

export class EnvironmentSchema {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** The HTTP port; 0: any free port (the start-up line says which). */
  @Transform(toInt)
  @IsInt({ message: PORT_RANGE })
  @Min(0, { message: PORT_RANGE })
  @Max(65535, { message: PORT_RANGE })
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** A PostgreSQL URL. Unset: the embedded database (PGlite) under DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Where the embedded database keeps its files, or `memory://`. */
  @IsString()
  @MinLength(1)
  DATA_DIR = './.data';

  /** Production runs on the embedded database only when this says so (a missing DATABASE_URL is refused otherwise). */
  @Transform(toBool)
  @IsBoolean()
  EMBEDDED_DATABASE_IN_PRODUCTION = false;

  @Transform(toBool)
  @IsBoolean()
  DB_MIGRATE_ON_START = true;

  /** Log SQL statements (TypeORM logging). */
  @Transform(toBool)
  @IsBoolean()
  DB_LOG_SQL = false;

  /** Longest one SQL statement may run, in ms (PostgreSQL `statement_timeout`); 0 = no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DB_STATEMENT_TIMEOUT_MS = 15_000;

  /** Longest a request waits for a free database connection, in ms, before it is told to retry. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DB_POOL_WAIT_MS = 30_000;

  /** Signs access tokens. Required in production; a fixed development value otherwise. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Lifetime of an access token, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(30 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  /**
   * The platform's Ed25519 signing key (audit checkpoints, signed documents): a PKCS#8 PEM or the
   * base64 of its 32-byte seed. Required in production; otherwise generated once and kept in the
   * database. Checked in loadConfig, never echoed.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SIGNING_KEY?: string;

  /** The published id of SIGNING_KEY; default: its JWK thumbprint (RFC 7638). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, ".", "_", ":" or "-"' })
  SIGNING_KEY_ID?: string;

  /** The first ADMIN account, created at start when no account has that e-mail. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  /**
   * How long an account's session state (epoch, disabled, role and tenant) may be served from
   * memory, in ms: changes made through the API reach every instance at once through the event
   * bus; this bounds only changes made behind its back (a row edited or deleted in the database).
   * 0 reads the account on every request.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  SESSION_CACHE_MS = 3000;

  /** Failed sign-ins per e-mail address within LOGIN_FAILURE_WINDOW_SECONDS before it is refused. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  /** Failed sign-ins per client address within LOGIN_FAILURE_WINDOW_SECONDS before it is refused. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 50;

  /** The window the failed sign-ins are counted in, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;

  /**
   * Whose X-Forwarded-For to believe for the client address: false (the peer is the client), true
   * (any peer: only behind a proxy that overwrites the header), a hop count, or addresses/CIDRs.
   */
  @Matches(/^[0-9A-Za-z.:/]+(\s*,\s*[0-9A-Za-z.:/]+)*$/, {
    message: 'must be true, false, a hop count or a comma-separated list of addresses/CIDRs',
  })
  TRUST_PROXY = 'false';

  /** scrypt cost as log2(N): 15 = 32 MiB per hash. Tests lower it. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(20)
  PASSWORD_HASH_COST = 15;

  /** Redis for jobs and subscriptions; unset = in-process. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Key prefix in Redis of the simulation queue, its run keys and the failed-sign-in counters (API and workers must agree). */
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, ".", "_" or "-"' })
  QUEUE_PREFIX = 'sandbridge';

  /** Simulation chunks one worker process computes at once (CPU-bound: scale with processes). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 1;

  /** How long a worker's hold on a chunk lasts unrenewed, in ms: a dead worker's chunk is retried after it. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(600_000)
  WORKER_LOCK_DURATION_MS = 30_000;

  /** How often workers look for chunks whose worker died, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(600_000)
  WORKER_STALLED_INTERVAL_MS = 30_000;

  /** GraphiQL at GET /graphql. Defaults to on outside production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  GRAPHIQL?: boolean;

  /** Schema introspection. Defaults to on outside production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  /** Deepest field nesting of one GraphQL operation (introspection's `__schema` is exempt). */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(100)
  GRAPHQL_MAX_DEPTH = 12;

  /** Most aliased fields in one operation (`__typename` included). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  GRAPHQL_MAX_ALIASES = 30;

  /** Most directives in one operation. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  GRAPHQL_MAX_DIRECTIVES = 50;

  /** Most lexical tokens in one GraphQL document: parsing stops there (large inputs go in variables). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  GRAPHQL_MAX_TOKENS = 10_000;

  /** Largest estimated cost of one operation (a list costs `first` times its items, expensive fields more). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  GRAPHQL_MAX_COST = 100_000;

  /** Largest request body, in bytes (reports and scenarios can be large). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 16 * 1024 * 1024;

  /** Load the demo data at start on an empty database (never in production). */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  SEED_DEMO?: boolean;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

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
  'SEED_DEMO',
  'LOG_LEVEL',
] as const satisfies readonly (keyof EnvironmentSchema)[];

export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];
// Compile-time check: a schema field missing from CONFIG_VARIABLES makes this line a type error.
const _everyFieldListed: [Exclude<keyof EnvironmentSchema, ConfigVariable>] extends [never] ? true : never = true;

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
  /** `privateKeyPem` (PKCS#8) from SIGNING_KEY; null: generated and kept in the database (never in production). */
  signing: { privateKeyPem: string | null; keyId: string | null };
  redisUrl?: string;
  /** The simulation queue (Redis only) and the worker process's settings. */
  queue: { prefix: string; workerConcurrency: number; lockDurationMs: number; stalledIntervalMs: number };
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

const DEV_JWT_SECRET = 'sandbridge-development-secret-not-for-production';
/** Secrets anyone can read (the development default above, .env.example's placeholder): production refuses them. */
const PUBLISHED_JWT_SECRETS = new Set([DEV_JWT_SECRET, 'replace-with-at-least-32-random-characters']);
/** A secret with fewer different characters is too regular to be random (32 random hex characters hold about 15). */
const MIN_DISTINCT_SECRET_CHARACTERS = 8;

/**
 * Variables whose values are never printed, whatever they hold: secrets, passwords, keys and
 * tokens — present ones and any added later under such a name (SIGNING_KEY, SMTP_PASSWORD, …).
 */
const SECRET_NAME = /SECRET|PASSWORD|PASSPHRASE|KEY|TOKEN|CREDENTIAL/i;

/**
 * How a rejected value appears in a start-up error: quoted, except that a secret is never shown and
 * a URL's password is masked (DATABASE_URL and REDIS_URL may carry one). A URL variable's value with
 * an `@` that does not parse as user info might hold credentials anyway: it is not shown either.
 */
export function shownValue(name: string, value: unknown): string {
  if (SECRET_NAME.test(name)) return 'value not shown';
  if (typeof value === 'string' && value.includes('@') && (/(URL|URI|DSN)$/.test(name) || value.includes('://'))) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return 'value not shown';
    }
    if (!url.username && !url.password) return 'value not shown';
    if (url.password) url.password = '***';
    return `got ${JSON.stringify(url.toString())}`;
  }
  return `got ${JSON.stringify(value)}`;
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
    signing: { privateKeyPem: signingKey, keyId: parsed.SIGNING_KEY_ID ?? null },
    redisUrl: parsed.REDIS_URL,
    queue: {
      prefix: parsed.QUEUE_PREFIX,
      workerConcurrency: parsed.WORKER_CONCURRENCY,
      lockDurationMs: parsed.WORKER_LOCK_DURATION_MS,
      stalledIntervalMs: parsed.WORKER_STALLED_INTERVAL_MS,
    },
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
