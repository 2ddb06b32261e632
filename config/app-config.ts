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

/**
 * The environment schema: every variable Sandbridge reads, its type and default.
 * `.env.example` documents the same list; a test keeps the two in step.
 */
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase())
    ? true
    : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase())
      ? false
      : value;
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class EnvironmentSchema {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** A PostgreSQL URL. Unset: the embedded database (PGlite) under DATA_DIR. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Where the embedded database keeps its files, or `memory://`. */
  @IsString() @MinLength(1)
  DATA_DIR = './.data';

  @Transform(toBool) @IsBoolean()
  DB_MIGRATE_ON_START = true;

  /** Log SQL statements (TypeORM logging). */
  @Transform(toBool) @IsBoolean()
  DB_LOG_SQL = false;

  /** Signs access tokens. Required in production; a fixed development value otherwise. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Lifetime of an access token, in seconds. */
  @Transform(toInt) @IsInt() @Min(60) @Max(30 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  /** The first ADMIN account, created at start when no account has that e-mail. */
  @Transform(emptyToUndefined) @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(12, { message: 'must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  /**
   * How long an account's session state (epoch, disabled, role and tenant) may be served from
   * memory, in ms: changes made through the API reach every instance at once through the event
   * bus; this bounds only changes made behind its back (a row edited or deleted in the database).
   * 0 reads the account on every request.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(10_000)
  SESSION_CACHE_MS = 3000;

  /** Failed sign-ins per e-mail address within LOGIN_FAILURE_WINDOW_SECONDS before it is refused. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  /** Failed sign-ins per client address within LOGIN_FAILURE_WINDOW_SECONDS before it is refused. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 50;

  /** The window the failed sign-ins are counted in, in seconds. */
  @Transform(toInt) @IsInt() @Min(1) @Max(24 * 3600)
  LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;

  /**
   * Whose X-Forwarded-For to believe for the client address: false (the peer is the client), true
   * (any peer: only behind a proxy that overwrites the header), a hop count, or addresses/CIDRs.
   */
  @Matches(/^[0-9A-Za-z.:/]+(\s*,\s*[0-9A-Za-z.:/]+)*$/, { message: 'must be true, false, a hop count or a comma-separated list of addresses/CIDRs' })
  TRUST_PROXY = 'false';

  /** scrypt cost as log2(N): 15 = 32 MiB per hash. Tests lower it. */
  @Transform(toInt) @IsInt() @Min(10) @Max(20)
  PASSWORD_HASH_COST = 15;

  /** Redis for jobs and subscriptions; unset = in-process. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^rediss?:\/\//, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Key prefix in Redis of the simulation queue, its run keys and the failed-sign-in counters (API and workers must agree). */
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, ".", "_" or "-"' })
  QUEUE_PREFIX = 'sandbridge';

  /** Simulation chunks one worker process computes at once (CPU-bound: scale with processes). */
  @Transform(toInt) @IsInt() @Min(1) @Max(64)
  WORKER_CONCURRENCY = 1;

  /** How long a worker's hold on a chunk lasts unrenewed, in ms: a dead worker's chunk is retried after it. */
  @Transform(toInt) @IsInt() @Min(500) @Max(600_000)
  WORKER_LOCK_DURATION_MS = 30_000;

  /** How often workers look for chunks whose worker died, in ms. */
  @Transform(toInt) @IsInt() @Min(200) @Max(600_000)
  WORKER_STALLED_INTERVAL_MS = 30_000;

  /** GraphiQL at GET /graphql. Defaults to on outside production. */
  @Transform(toBool) @IsOptional() @IsBoolean()
  GRAPHIQL?: boolean;

  /** Schema introspection. Defaults to on outside production. */
  @Transform(toBool) @IsOptional() @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  /** Largest request body, in bytes (reports and scenarios can be large). */
  @Transform(toInt) @IsInt() @Min(1024)
  BODY_LIMIT_BYTES = 16 * 1024 * 1024;

  /** Load the demo data at start on an empty database (never in production). */
  @Transform(toBool) @IsOptional() @IsBoolean()
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
  'DB_MIGRATE_ON_START',
  'DB_LOG_SQL',
  'JWT_SECRET',
  'JWT_TTL_SECONDS',
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
  database: { url?: string; dataDir: string; migrateOnStart: boolean; logSql: boolean };
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
  graphql: { graphiql: boolean; introspection: boolean };
  redisUrl?: string;
  /** The simulation queue (Redis only) and the worker process's settings. */
  queue: { prefix: string; workerConcurrency: number; lockDurationMs: number; stalledIntervalMs: number };
  seedDemo: boolean;
  logLevel: EnvironmentSchema['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = 'sandbridge-development-secret-not-for-production';

/**
 * Reads and validates the environment; throws ConfigError naming each bad variable. `purpose:
 * 'worker'` (apps/worker) leaves out the checks of what only the API uses: a worker signs no
 * token and creates no account, so it needs no JWT_SECRET even in production.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { purpose = 'api' }: { purpose?: 'api' | 'worker' } = {}): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of CONFIG_VARIABLES) if (env[key] !== undefined) raw[key] = env[key];
  const parsed = plainToInstance(EnvironmentSchema, raw);
  const problems = validateSync(parsed, { forbidUnknownValues: false }).flatMap((e) =>
    Object.values(e.constraints ?? {}).map((message) => `${e.property}: ${message.replace(`${e.property} `, '')} (got ${JSON.stringify(raw[e.property])})`),
  );
  const production = parsed.NODE_ENV === 'production';
  if (production && !parsed.JWT_SECRET && purpose === 'api') problems.push('JWT_SECRET: required when NODE_ENV=production');
  if (Boolean(parsed.ADMIN_EMAIL) !== Boolean(parsed.ADMIN_PASSWORD)) {
    problems.push(`${parsed.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'}: required when ${parsed.ADMIN_EMAIL ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD'} is set`);
  }
  // The first administrator's password meets the same policy as every other (never echoed).
  const adminPasswordProblem = parsed.ADMIN_PASSWORD ? passwordProblem(parsed.ADMIN_PASSWORD) : null;
  if (adminPasswordProblem && !problems.some((p) => p.startsWith('ADMIN_PASSWORD:'))) problems.push(`ADMIN_PASSWORD: ${adminPasswordProblem}`);
  if (production && parsed.SEED_DEMO) problems.push('SEED_DEMO: demo data and accounts are refused when NODE_ENV=production');
  if (problems.length) throw new ConfigError(problems);
  return {
    env: parsed.NODE_ENV,
    http: { host: parsed.HOST, port: parsed.PORT, bodyLimit: parsed.BODY_LIMIT_BYTES, trustProxy: trustProxy(parsed.TRUST_PROXY) },
    database: {
      url: parsed.DATABASE_URL,
      dataDir: parsed.DATA_DIR,
      migrateOnStart: parsed.DB_MIGRATE_ON_START,
      logSql: parsed.DB_LOG_SQL,
    },
    auth: {
      jwtSecret: parsed.JWT_SECRET ?? DEV_JWT_SECRET,
      jwtTtlSeconds: parsed.JWT_TTL_SECONDS,
      passwordHashCost: parsed.PASSWORD_HASH_COST,
      admin: parsed.ADMIN_EMAIL && parsed.ADMIN_PASSWORD ? { email: parsed.ADMIN_EMAIL.toLowerCase(), password: parsed.ADMIN_PASSWORD } : undefined,
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
    },
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

function trustProxy(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}
