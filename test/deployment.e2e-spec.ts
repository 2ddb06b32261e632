// The deployment files, checked by reading them (no Docker here): docker-compose.yml against the
// Dockerfile, the Dockerfile against package.json and the repository, the environment against
// loadConfig. No app is started.
import { describe, expect, it } from '@jest/globals';
import { CONFIG_VARIABLES, loadConfig } from '@sandbridge/config';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  depends_on?: string[] | Record<string, { condition?: string }>;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | { target: number; published?: string | number })[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  command?: string | string[];
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };

/** Stand-ins for required variables whose value has a format: a signing key is a base64 32-byte seed. */
const STAND_INS: Record<string, string> = { SIGNING_KEY: Buffer.alloc(32, 7).toString('base64') };

/**
 * Compose's own substitution, enough for these files: `${X:-default}` → default, `${X:?error}` → a
 * stand-in for what the operator must supply (random, as production refuses a weak JWT_SECRET).
 */
function interpolate(value: string, standIn = randomBytes(24).toString('hex')): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-?])([^}]*))?\}/g, (_whole, name, op, arg) =>
    op === '-' ? (arg ?? '') : (STAND_INS[name] ?? standIn),
  );
}

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  const entries = Array.isArray(env) ? env.map((line) => line.split(/=(.*)/s).slice(0, 2)) : Object.entries(env);
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(String(value ?? ''))]));
}

/** Dockerfile instructions (continuation lines joined, comments dropped) as [INSTRUCTION, arguments]. */
function dockerfileInstructions(): [string, string][] {
  const joined = read('Dockerfile')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [, instruction, args] = /^(\S+)\s*(.*)$/.exec(line)!;
      return [instruction.toUpperCase(), args.trim()];
    });
}

/** The instructions of the Dockerfile's last stage (the image that runs). */
function finalStage(): [string, string][] {
  const all = dockerfileInstructions();
  const lastFrom = all.map(([instruction]) => instruction).lastIndexOf('FROM');
  return all.slice(lastFrom);
}

const api = compose.services.api;

describe('docker-compose.yml', () => {
  it('has the postgres, redis, api and worker services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'redis', 'worker']);
    expect(compose.services.postgres.image).toMatch(/^postgres:16/);
    expect(compose.services.redis.image).toMatch(/^redis:7/);
  });

  it('builds api from the Dockerfile in .', () => {
    const build = typeof api.build === 'string' ? { context: api.build } : api.build;
    expect(build?.context).toBe('.');
    expect(build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
    expect(existsSync(new URL('Dockerfile', root))).toBe(true);
  });

  it('points DATABASE_URL at the postgres service and REDIS_URL at redis', () => {
    const env = environmentOf(api);
    const database = new URL(env.DATABASE_URL);
    expect(database.protocol).toMatch(/^postgres(ql)?:$/);
    expect(database.hostname).toBe('postgres');
    expect(database.port || '5432').toBe('5432');
    const postgresEnv = environmentOf(compose.services.postgres);
    expect(decodeURIComponent(database.username)).toBe(postgresEnv.POSTGRES_USER);
    expect(decodeURIComponent(database.password)).toBe(postgresEnv.POSTGRES_PASSWORD);
    expect(database.pathname).toBe(`/${postgresEnv.POSTGRES_DB}`);
    const redis = new URL(env.REDIS_URL);
    expect(redis.protocol).toBe('redis:');
    expect(redis.hostname).toBe('redis');
  });

  it('starts api only once postgres and redis are healthy, and both have a healthcheck', () => {
    expect(api.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(compose.services.postgres.healthcheck?.test).toBeDefined();
    expect(compose.services.redis.healthcheck?.test).toBeDefined();
  });

  it('runs api in production with variables loadConfig knows and accepts', () => {
    const env = environmentOf(api);
    expect(env.NODE_ENV).toBe('production');
    for (const key of Object.keys(env)) expect(CONFIG_VARIABLES).toContain(key);
    expect(env.JWT_SECRET).toBeDefined();
    expect(env.SIGNING_KEY).toBeDefined();
    expect(env.ADMIN_EMAIL).toBeDefined();
    expect(env.ADMIN_PASSWORD).toBeDefined();
    const config = loadConfig(env);
    expect(config.env).toBe('production');
    expect(config.seedDemo).toBe(false);
  });

  it('publishes the port the Dockerfile EXPOSEs, which is the port the API listens on', () => {
    const exposed = finalStage()
      .filter(([instruction]) => instruction === 'EXPOSE')
      .flatMap(([, args]) => args.split(/\s+/).map((port) => port.replace(/\/tcp$/, '')));
    expect(exposed).toHaveLength(1);
    const containerPorts = (api.ports ?? []).map((port) =>
      typeof port === 'object'
        ? String(port.target)
        : String(port)
            .split(':')
            .at(-1)!
            .replace(/\/tcp$/, ''),
    );
    expect(containerPorts).toEqual([exposed[0]]);
    expect(String(api.ports![0])).toBe(`${exposed[0]}:${exposed[0]}`);
    expect(String(loadConfig(environmentOf(api)).http.port)).toBe(exposed[0]);
  });
});

describe('docker-compose.yml: the simulation worker', () => {
  const worker = compose.services.worker;

  it('is the api’s image with the file `npm run worker` runs, built from apps/worker/src/main.ts', () => {
    expect(worker.build).toEqual(api.build);
    const argv = worker.command as string[]; // exec form: SIGTERM reaches node, which finishes its chunk
    expect(Array.isArray(argv)).toBe(true);
    expect(argv[0]).toBe('node');
    const script = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.worker;
    expect(script.split(/\s+/)).toEqual(argv);
    expect(argv.at(-1)).toBe(`dist/${'apps/worker/src/main.ts'.replace(/\.ts$/, '.js')}`);
    expect(existsSync(new URL('apps/worker/src/main.ts', root))).toBe(true);
    const nest = JSON.parse(read('nest-cli.json')) as { projects: Record<string, { root: string; entryFile: string }> };
    expect(nest.projects.worker).toMatchObject({ root: 'apps/worker', entryFile: 'main' });
  });

  it('needs Redis only: REDIS_URL points at redis, no database, no port, no HTTP healthcheck', () => {
    const env = environmentOf(worker);
    expect(new URL(env.REDIS_URL).hostname).toBe('redis');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(worker.depends_on).toEqual({ redis: { condition: 'service_healthy' } });
    expect(worker.ports).toBeUndefined();
    expect(worker.healthcheck?.disable).toBe(true);
  });

  it('runs in production with variables loadConfig knows, and needs no JWT_SECRET', () => {
    const env = environmentOf(worker);
    expect(env.NODE_ENV).toBe('production');
    for (const key of Object.keys(env)) expect(CONFIG_VARIABLES).toContain(key);
    expect(env.JWT_SECRET).toBeUndefined();
    const config = loadConfig(env, { purpose: 'worker' });
    expect(config.redisUrl).toBe(env.REDIS_URL);
    // The same queue as the api's: same prefix (both default unless both set it).
    expect(config.queue.prefix).toBe(loadConfig(environmentOf(api)).queue.prefix);
  });
});

describe('Dockerfile', () => {
  it('is multi-stage on node:20-slim', () => {
    const froms = dockerfileInstructions().filter(([instruction]) => instruction === 'FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const [, args] of froms) expect(args).toMatch(/^node:20-slim\b/);
  });

  it('runs the file `npm start` runs, which is what the build emits for apps/api/src/main.ts', () => {
    const cmd = finalStage().find(([instruction]) => instruction === 'CMD');
    expect(cmd).toBeDefined();
    const argv = JSON.parse(cmd![1]) as string[]; // exec form: signals reach node, not a shell
    expect(argv[0]).toBe('node');
    const startScript = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start;
    const startFile = startScript.split(/\s+/).find((word) => word.endsWith('.js'));
    expect(startFile).toBeDefined();
    expect(argv.at(-1)).toBe(startFile);
    expect(startFile).toBe(`dist/${'apps/api/src/main.ts'.replace(/\.ts$/, '.js')}`);
    expect(existsSync(new URL('apps/api/src/main.ts', root))).toBe(true);
  });

  it('runs as a non-root user in production, with a healthcheck on /health', () => {
    const stage = finalStage();
    const user = stage.filter(([instruction]) => instruction === 'USER').at(-1)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user!.split(':')[0]);
    expect(stage.some(([instruction, args]) => instruction === 'ENV' && /\bNODE_ENV=production\b/.test(args))).toBe(
      true,
    );
    expect(stage.find(([instruction]) => instruction === 'HEALTHCHECK')?.[1]).toMatch(/\/health\b/);
    expect(stage.some(([instruction, args]) => instruction === 'RUN' && /npm ci\b.*--omit=dev/.test(args))).toBe(true);
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'));
    for (const [instruction, args] of dockerfileInstructions()) {
      if (instruction !== 'COPY' || args.startsWith('--from')) continue;
      const sources = args
        .split(/\s+/)
        .filter((word) => !word.startsWith('--'))
        .slice(0, -1);
      for (const source of sources) {
        expect({ source, exists: existsSync(new URL(source, root)) }).toEqual({ source, exists: true });
        expect(ignored).not.toContain(source.replace(/^\.\//, ''));
      }
    }
    for (const heavy of ['node_modules', 'dist', '.git', '.env']) expect(ignored).toContain(heavy);
  });
});
