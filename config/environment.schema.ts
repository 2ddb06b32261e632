import 'reflect-metadata';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

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

  /**
   * Public keys of earlier signing keys, as a JWK set (what GET /.well-known/sandbridge-keys served
   * before the key changed): published beside the current key so documents they signed keep
   * verifying. Checked in loadConfig.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SIGNING_RETIRED_KEYS?: string;

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

  /** Largest evidence file, in bytes (POST /evidence streams it; BODY_LIMIT_BYTES does not apply). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024 * 1024)
  EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;

  /** Evidence uploads one API process accepts at once; one more is answered 429 TOO_MANY_REQUESTS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  EVIDENCE_MAX_CONCURRENT_UPLOADS = 4;

  /** Load the demo data at start on an empty database (never in production). */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  SEED_DEMO?: boolean;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}
