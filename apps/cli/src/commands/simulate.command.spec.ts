import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseScenarioJson, type Scenario, simulate as simulateCore, type SimulationResult } from '@sandbridge/domain';
import type { RedisSimulationOptions } from '../simulation/simulate-on-redis.js';
import { formatSimulationCsv, formatSimulationTable } from '../simulation/simulation-report.js';
import { parseSimulateArgs, simulate, type SimulateIo, SIMULATE_USAGE } from './simulate.command.js';

const EXAMPLES = resolve(process.cwd(), 'examples/simulation');
const SCENARIOS = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.scenario.json'))
  .sort();
const SMALL = join(EXAMPLES, 'small.scenario.json');
const INVALID_MESSAGE = '$.variants[3].remove[1]: no agreement "nope" to remove';

/** The worked example with a variant that removes an agreement the baseline does not have. */
function invalidScenario(): string {
  const scenario = JSON.parse(readFileSync(SMALL, 'utf8'));
  scenario.variants[3].remove.push('nope');
  return JSON.stringify(scenario);
}

const coreJson = (path: string) =>
  `${JSON.stringify(simulateCore(parseScenarioJson(readFileSync(path, 'utf8'))), null, 2)}\n`;

function fakeIo(
  files: Record<string, string>,
  options: { stdin?: string; env?: Record<string, string>; onRedis?: SimulateIo['simulateOnRedis'] } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const progress: { updates: [number, number][]; stops: number } = { updates: [], stops: 0 };
  const redisCalls: { scenario: Scenario; options: RedisSimulationOptions }[] = [];
  const io: SimulateIo = {
    readFile: async (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file ${path}`);
      return files[path];
    },
    readStdin: async () => options.stdin ?? '',
    stdout: async (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    writeFile: async (path, text) => {
      if (path.startsWith('/no-such-dir/')) throw new Error(`ENOENT: no such directory for ${path}`);
      written[path] = text;
    },
    env: options.env ?? {},
    progress: () => ({
      update: (done, total) => void progress.updates.push([done, total]),
      stop: () => void progress.stops++,
    }),
    simulateOnRedis: async (scenario, redisOptions) => {
      redisCalls.push({ scenario, options: redisOptions });
      if (!options.onRedis) throw new Error('no Redis in this test');
      return options.onRedis(scenario, redisOptions);
    },
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written, progress, redisCalls };
}

const small = () => ({ 'small.json': readFileSync(SMALL, 'utf8') });

describe('simulate (in process)', () => {
  it("--json prints exactly the core's result as one JSON document, nothing on stderr", async () => {
    const run = fakeIo(small());
    expect(await simulate(['--json', 'small.json'], run.io)).toBe(0);
    expect(run.stdout()).toBe(coreJson(SMALL));
    expect(run.stdout()).toBe(readFileSync(join(EXAMPLES, 'small.expected.json'), 'utf8'));
    expect(run.stderr()).toBe('');
  });

  it('reads the scenario from stdin with -, and the chunk size changes nothing in the result', async () => {
    const whole = fakeIo({}, { stdin: readFileSync(SMALL, 'utf8') });
    expect(await simulate(['-', '--json'], whole.io)).toBe(0);
    for (const chunkSize of ['1', '3']) {
      const chunked = fakeIo(small());
      expect(await simulate(['--json', '--chunk-size', chunkSize, 'small.json'], chunked.io)).toBe(0);
      expect(chunked.stdout()).toBe(whole.stdout());
    }
  });

  it('drives the progress reporter from 0 to the whole population, then stops it', async () => {
    const run = fakeIo(small());
    expect(await simulate(['--chunk-size=2', 'small.json'], run.io)).toBe(0);
    const size = parseScenarioJson(readFileSync(SMALL, 'utf8')).population;
    const total = 'systems' in size ? size.systems.length : 0;
    expect(run.progress.updates[0]).toEqual([0, total]);
    expect(run.progress.updates.at(-1)).toEqual([total, total]);
    expect(run.progress.updates.map(([done]) => done)).toEqual([
      0,
      ...Array.from({ length: Math.ceil(total / 2) }, (_, i) => Math.min(total, (i + 1) * 2)),
    ]);
    expect(run.progress.stops).toBeGreaterThan(0);
  });

  it('prints the summary table by default and the CSV with --csv', async () => {
    const result = simulateCore(parseScenarioJson(readFileSync(SMALL, 'utf8')));
    const table = fakeIo(small());
    expect(await simulate(['small.json'], table.io)).toBe(0);
    expect(table.stdout()).toBe(formatSimulationTable(result));
    const csv = fakeIo(small());
    expect(await simulate(['small.json', '--csv'], csv.io)).toBe(0);
    expect(csv.stdout()).toBe(formatSimulationCsv(result));
  });

  it('--svg writes the chart beside the stdout output', async () => {
    const run = fakeIo(small());
    expect(await simulate(['--json', '--svg', 'out/chart.svg', 'small.json'], run.io)).toBe(0);
    expect(run.stdout()).toBe(coreJson(SMALL));
    const svg = run.written['out/chart.svg'];
    expect(svg).toMatch(/^<svg [^>]*>.*<\/svg>\n$/s);
    for (const code of ['EU', 'GB', 'SG']) expect(svg).toContain(`>${code}</text>`);
    for (const name of ['baseline', 'A: GB-SG equivalence', 'D: no EU-SG agreement'])
      expect(svg).toContain(`>${name}</text>`);
  });

  it('refuses an invalid scenario with the JSON path on stderr, exit code 2 and nothing on stdout', async () => {
    const run = fakeIo({ 'bad.json': invalidScenario() });
    expect(await simulate(['--json', 'bad.json'], run.io)).toBe(2);
    expect(run.stderr()).toBe(`${INVALID_MESSAGE}\n`);
    expect(run.stdout()).toBe('');
    const notJson = fakeIo({ 'x.json': '{ nope' });
    expect(await simulate(['x.json'], notJson.io)).toBe(2);
    expect(notJson.stderr()).toMatch(/^\$: not valid JSON/);
    const notScenario = fakeIo({
      'case.json': readFileSync(resolve('examples/recognition/p1-conformity.case.json'), 'utf8'),
    });
    expect(await simulate(['case.json'], notScenario.io)).toBe(2);
    expect(notScenario.stderr()).toMatch(/^\$\.format: /);
  });

  it('refuses an unreadable file, an unwritable chart and bad usage with exit code 2', async () => {
    const missing = fakeIo({});
    expect(await simulate(['missing.json'], missing.io)).toBe(2);
    expect(missing.stderr()).toMatch(/^simulate: cannot read missing\.json/);
    const unwritable = fakeIo(small());
    expect(await simulate(['--svg', '/no-such-dir/c.svg', 'small.json'], unwritable.io)).toBe(2);
    expect(unwritable.stderr()).toMatch(/^simulate: cannot write \/no-such-dir\/c\.svg/);
    expect(unwritable.stdout()).toBe('');
    const usages: [string[], string][] = [
      [[], 'name one scenario file'],
      [['a.json', 'b.json'], 'name one scenario file'],
      [['--verbose', 'a.json'], 'unknown option --verbose'],
      [['--json', '--csv', 'a.json'], '--json and --csv both write stdout'],
      [['--json=yes', 'a.json'], '--json takes no value'],
      [['--svg', 'a.json'], 'name one scenario file'],
      [['a.json', '--svg'], '--svg needs the path'],
      [['--svg', '-', 'a.json'], '--svg needs the path'],
      [['--chunk-size', '0', 'a.json'], '--chunk-size needs a whole number of at least 1 (got "0")'],
      [['--chunk-size', '2.5', 'a.json'], '--chunk-size needs a whole number'],
      [['--chunk-size', 'a.json'], '--chunk-size needs a whole number of at least 1 (got "a.json")'],
      [['--workers', '-1', 'a.json'], '--workers needs a whole number'],
      [['a.json', '--workers'], '--workers needs a whole number of at least 1\n'],
    ];
    for (const [args, message] of usages) {
      const usage = fakeIo({ 'a.json': readFileSync(SMALL, 'utf8') });
      expect(await simulate(args, usage.io)).toBe(2);
      expect(usage.stderr()).toContain(`simulate: ${message}`);
      expect(usage.stderr()).toContain(SIMULATE_USAGE);
      expect(usage.stdout()).toBe('');
    }
  });

  it('--help prints the usage on stderr and exits 0', async () => {
    const run = fakeIo({});
    expect(await simulate(['--help'], run.io)).toBe(0);
    expect(run.stderr()).toBe(`${SIMULATE_USAGE}\n`);
    expect(run.stdout()).toBe('');
  });

  it('--workers without REDIS_URL is a usage error, before the file is even read', async () => {
    const run = fakeIo({});
    expect(await simulate(['--workers', '4', 'missing.json'], run.io)).toBe(2);
    expect(run.stderr()).toMatch(/^simulate: --workers needs REDIS_URL/);
    expect(run.redisCalls).toHaveLength(0);
  });

  it('--workers with REDIS_URL hands the scenario, URL, workers and chunk size to the Redis run and prints its result', async () => {
    const onRedis = async (scenario: Scenario, options: RedisSimulationOptions): Promise<SimulationResult> => {
      options.onProgress?.(1, 2);
      return simulateCore(scenario, { chunkSize: options.chunkSize });
    };
    const run = fakeIo(small(), { env: { REDIS_URL: 'redis://127.0.0.1:6379' }, onRedis });
    expect(await simulate(['--json', '--workers=3', '--chunk-size', '2', 'small.json'], run.io)).toBe(0);
    expect(run.redisCalls).toHaveLength(1);
    expect(run.redisCalls[0].options).toMatchObject({ redisUrl: 'redis://127.0.0.1:6379', workers: 3, chunkSize: 2 });
    expect(run.redisCalls[0].scenario).toEqual(parseScenarioJson(readFileSync(SMALL, 'utf8')));
    expect(run.progress.updates).toContainEqual([1, 2]);
    expect(run.stdout()).toBe(coreJson(SMALL));
  });

  it('a failing run exits 1 with its message, stops the progress and prints nothing on stdout', async () => {
    const run = fakeIo(small(), { env: { REDIS_URL: 'redis://127.0.0.1:6379' } });
    expect(await simulate(['--workers', '2', 'small.json'], run.io)).toBe(1);
    expect(run.stderr()).toBe('simulate: the run failed: no Redis in this test\n');
    expect(run.progress.stops).toBeGreaterThan(0);
    expect(run.stdout()).toBe('');
  });

  it('parseSimulateArgs reads both --opt value and --opt=value', () => {
    expect(parseSimulateArgs(['--csv', '--svg=c.svg', '--chunk-size=50', '--workers', '8', '-'])).toEqual({
      file: '-',
      output: 'csv',
      svg: 'c.svg',
      chunkSize: 50,
      workers: 8,
    });
    expect(parseSimulateArgs(['s.json'])).toEqual({
      file: 's.json',
      output: 'table',
      svg: null,
      chunkSize: undefined,
      workers: undefined,
    });
  });
});

describe('npm run -s simulate (the built CLI, spawned)', () => {
  // scripts/run-cli.mjs builds dist first when it is missing or stale: its log goes to stderr.
  const cli = (args: string[], options: { input?: string; env?: Record<string, string | undefined> } = {}) =>
    spawnSync(process.execPath, [resolve('scripts/run-cli.mjs'), 'simulate', ...args], {
      input: options.input ?? '',
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: process.cwd(), REDIS_URL: undefined, ...options.env },
      timeout: 180_000,
    });

  it('has example scenarios to run', () => {
    expect(SCENARIOS.length).toBeGreaterThan(0);
  });

  it.each(SCENARIOS)("--json on examples/simulation/%s prints one document equal to the core's result", (name) => {
    const run = cli(['--json', join(EXAMPLES, name)]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(coreJson(join(EXAMPLES, name)));
    expect(JSON.parse(run.stdout).format).toBe('sandbridge/simulation-result@1');
  });

  it('reads stdin with -, keeps stderr quiet when it is not a terminal, and writes the same SVG bytes every time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbridge-simulate-'));
    try {
      const first = cli(['--csv', '--svg', join(dir, 'a.svg'), '-'], { input: readFileSync(SMALL, 'utf8') });
      expect(first.status).toBe(0);
      expect(first.stderr).toBe('');
      expect(first.stdout.split('\r\n')[0]).toMatch(/^variant,applicable,/);
      const second = cli(['--svg', join(dir, 'b.svg'), SMALL]);
      expect(second.status).toBe(0);
      expect(second.stdout).toMatch(/^Simulation as of 2026-06-01: the baseline and 4 variants\n/);
      const svg = readFileSync(join(dir, 'a.svg'), 'utf8');
      expect(svg.startsWith('<svg ')).toBe(true);
      expect(readFileSync(join(dir, 'b.svg'), 'utf8')).toBe(svg);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an invalid file: exit code 2, the path-named message on stderr, nothing on stdout', () => {
    const run = cli(['--json', '-'], { input: invalidScenario() });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(INVALID_MESSAGE);
  });

  it('exits 2 for --workers without REDIS_URL', () => {
    const run = cli(['--workers', '2', SMALL]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--workers needs REDIS_URL/);
  });
});
