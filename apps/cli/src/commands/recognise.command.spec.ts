import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseRecognitionCaseJson, resolveCase } from '@sandbridge/domain';
import { recognise, type RecogniseIo } from './recognise.command.js';

const EXAMPLES = resolve(process.cwd(), 'examples/recognition');
const P1 = join(EXAMPLES, 'p1-conformity.case.json');
const INVALID_MESSAGE = 'criteria[3].comparator: must be one of GTE, LTE, EQ, BETWEEN';

/** The first example with a fourth criterion that is a METRIC with an unknown comparator. */
function invalidCase(): string {
  const input = JSON.parse(readFileSync(P1, 'utf8'));
  input.criteria[3] = { ...input.criteria[2], id: input.criteria[3].id, comparator: 'GREATER' };
  return JSON.stringify(input);
}

function fakeIo(files: Record<string, string>, stdin = '', columns?: number) {
  const out: string[] = [];
  const err: string[] = [];
  const io: RecogniseIo = {
    columns,
    readFile: async (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file ${path}`);
      return files[path];
    },
    readStdin: async () => stdin,
    stdout: async (text) => void out.push(text),
    stderr: (text) => void err.push(text),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const expectedJson = () =>
  `${JSON.stringify(resolveCase(parseRecognitionCaseJson(readFileSync(P1, 'utf8'))), null, 2)}\n`;

describe('recognise (in process)', () => {
  it('prints exactly one recognition-result@1 JSON document, nothing on stderr', async () => {
    const run = fakeIo({ 'case.json': readFileSync(P1, 'utf8') });
    expect(await recognise(['case.json'], run.io)).toBe(0);
    expect(run.stdout()).toBe(expectedJson());
    expect(JSON.parse(run.stdout()).format).toBe('sandbridge/recognition-result@1');
    expect(run.stderr()).toBe('');
  });

  it('reads the case from stdin with -', async () => {
    const run = fakeIo({}, readFileSync(P1, 'utf8'));
    expect(await recognise(['-'], run.io)).toBe(0);
    expect(run.stdout()).toBe(expectedJson());
  });

  it('refuses an invalid case with the path-named message on stderr and exit code 2', async () => {
    const run = fakeIo({ 'bad.json': invalidCase() });
    expect(await recognise(['bad.json'], run.io)).toBe(2);
    expect(run.stderr()).toBe(`${INVALID_MESSAGE}\n`);
    expect(run.stdout()).toBe('');
  });

  it('refuses text that is not JSON, an unreadable file, and bad usage with exit code 2', async () => {
    const notJson = fakeIo({ 'x.json': '{ nope' });
    expect(await recognise(['x.json'], notJson.io)).toBe(2);
    expect(notJson.stderr()).toMatch(/^\(root\): not valid JSON/);
    const missing = fakeIo({});
    expect(await recognise(['missing.json'], missing.io)).toBe(2);
    expect(missing.stderr()).toMatch(/^recognise: cannot read missing\.json/);
    for (const args of [
      [],
      ['a.json', 'b.json'],
      ['--verbose', 'a.json'],
      ['--explain', '--width', 'abc', 'a.json'],
      ['--explain', '--width=10', 'a.json'],
      ['--explain', 'a.json', '--width'],
    ]) {
      const usage = fakeIo({ 'a.json': '{}' });
      expect(await recognise(args, usage.io)).toBe(2);
      expect(usage.stderr()).toContain('Usage: sandbridge recognise');
      expect(usage.stdout()).toBe('');
    }
  });

  it('--explain prints a table: per query, per criterion, outcome, result, agreement/rule and why', async () => {
    const run = fakeIo({ 'case.json': readFileSync(join(EXAMPLES, 'p3-too-old.case.json'), 'utf8') });
    expect(await recognise(['--explain', '--width', '200', 'case.json'], run.io)).toBe(0);
    const lines = run.stdout().split('\n');
    expect(lines).toContain('credit-model -> ca-osfi (CA)');
    expect(lines.find((line) => line.trim().startsWith('ca-bias'))).toMatch(
      /^ {2}ca-bias +GAP +- +- +t1: resultAge \(expected <= 540 under gb-ca\/gc1; was 578\)$/,
    );
    expect(lines.find((line) => line.trim().startsWith('ca-log'))).toMatch(/GAP .*no corresponding result/);
  });

  it('--explain names the chosen result and rule', async () => {
    const run = fakeIo({ 'case.json': readFileSync(join(EXAMPLES, 'p5-partial-coverage.case.json'), 'utf8') });
    expect(await recognise(['case.json', '--explain', '--width=200'], run.io)).toBe(0);
    expect(run.stdout()).toMatch(/ca-bias +RECOGNISED +t1 +gb-ca\/gc1 +every check passed/);
    expect(run.stdout()).toMatch(
      /ca-log +RECOGNISED_WITH_CONDITIONS +t2 +gb-ca\/gc1 +coverage \(expected full \(EQUIVALENT or SUPERSET\); was SUBSET \(partial\)\)/,
    );
  });

  it('--explain names each criterion by key, its id beneath when they differ, and vN when the case holds several versions', async () => {
    const input = JSON.parse(readFileSync(join(EXAMPLES, 'p3-too-old.case.json'), 'utf8'));
    const bias = input.criteria.find((c: { id: string }) => c.id === 'ca-bias');
    Object.assign(bias, { id: 'ca-bias-2', key: 'fairness.equal-opportunity', version: 2 });
    input.criteria.push({ ...bias, id: 'ca-bias-1', version: 1 });
    const log = input.criteria.find((c: { id: string }) => c.id === 'ca-log');
    log.key = 'accountability.logging';
    const run = fakeIo({ 'case.json': JSON.stringify(input) });
    expect(await recognise(['--explain', '--width=200', 'case.json'], run.io)).toBe(0);
    const lines = run.stdout().split('\n');
    const at = (prefix: string) => lines.findIndex((line) => line.startsWith(prefix));
    expect(lines[at('  fairness.equal-opportunity v2 ')]).toMatch(
      /^ {2}fairness\.equal-opportunity v2 +GAP +- +- +t1: resultAge/,
    );
    expect(lines[at('  fairness.equal-opportunity v2 ') + 1].trim()).toBe('ca-bias-2');
    expect(lines[at('  fairness.equal-opportunity v1 ') + 1].trim()).toBe('ca-bias-1');
    expect(lines[at('  accountability.logging ')]).toMatch(/^ {2}accountability\.logging +GAP /);
    expect(lines[at('  accountability.logging ') + 1].trim()).toBe('ca-log');
  });

  it('--explain fits the table to --width, else the terminal’s width, else 100 columns, wrapping long cells', async () => {
    const text = readFileSync(join(EXAMPLES, 'p5-partial-coverage.case.json'), 'utf8');
    const widest = async (args: string[], columns?: number) => {
      const run = fakeIo({ 'case.json': text }, '', columns);
      expect(await recognise(['--explain', ...args, 'case.json'], run.io)).toBe(0);
      const lines = run.stdout().split('\n');
      // Wrapped, not cut: every word of the reason is still there.
      expect(lines.join(' ')).toMatch(/coverage +\(expected +full +\(EQUIVALENT +or +SUPERSET\); +was +SUBSET/);
      return Math.max(...lines.map((line) => line.length));
    };
    expect(await widest(['--width=200'])).toBeGreaterThan(100);
    expect(await widest([])).toBeLessThanOrEqual(100);
    expect(await widest([], 90)).toBeLessThanOrEqual(90);
    expect(await widest(['--width', '95'], 200)).toBeLessThanOrEqual(95);
    expect(await widest([], 95)).toBeGreaterThan(90);
  });
});

describe('npm run -s recognise (the built CLI, spawned)', () => {
  // scripts/run-cli.mjs builds dist first when it is missing or stale: its log goes to stderr.
  const cli = (args: string[], options: { input?: string; cwd?: string } = {}) =>
    spawnSync(process.execPath, [resolve('scripts/run-cli.mjs'), 'recognise', ...args], {
      input: options.input ?? '',
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: options.cwd ?? process.cwd() },
      timeout: 120_000,
    });

  it('prints exactly one JSON document on stdout for a file, and the same for stdin', () => {
    const fromFile = cli([P1]);
    expect(fromFile.status).toBe(0);
    expect(fromFile.stdout).toBe(expectedJson());
    const fromStdin = cli(['-'], { input: readFileSync(P1, 'utf8') });
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(fromStdin.stderr).toBe('');
  });

  it('reads a relative FILE from the directory the command was typed in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbridge-recognise-'));
    try {
      writeFileSync(join(dir, 'case.json'), readFileSync(P1, 'utf8'));
      const run = cli(['case.json'], { cwd: dir });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(expectedJson());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an invalid file: exit code 2, the path-named message on stderr, nothing on stdout', () => {
    const run = cli(['-'], { input: invalidCase() });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(INVALID_MESSAGE);
  });
});
