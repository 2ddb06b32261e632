import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@sandbridge/application';
import { expectOk, TestApp } from '@sandbridge/testing';
import { ensureBuilt } from './ensure-built.js';

// "Every demo authority's exported case replays through the CLI with the API's answers" (issue 12):
// on the demo data, for every demo system and each demo authority (all of which have BETWEEN
// criteria), the recognitionCase export — asked by the administrator and by the system's own
// innovator, who are shown no WITHHELD outcome — is fed to the built CLI (`recognise -`), which must
// exit 0 and give every criterion of recognitionStatus the same verdict. `--explain` fits the width
// it is given and names every criterion by key and id.

type Row = Record<string, any>;

const AUTHORITIES = ['FCA', 'MAS', 'AI Office'] as const;
/** The width `--explain` is asked to fit (the CLI's default when stdout is not a terminal). */
const WIDTH = 100;
const CHECK = 'name expected actual passed';
const STATUS = `query($s: ID!, $a: ID!) { recognitionStatus(aiSystemId: $s, authorityId: $a) { asOf
  criteria { criterion { id key } outcome result agreement rule divergent supplementary checks { ${CHECK} } candidates { result checks { ${CHECK} } } } } }`;
const CASE = `query($s: ID!, $a: ID!, $d: Date) { recognitionCase(aiSystemId: $s, authorityId: $a, asOf: $d) }`;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** What §8.1 calls the verdict of one criterion, in the output's own shape (API rows name the criterion as an object). */
const verdict = (row: Row) => ({
  criterion: typeof row.criterion === 'string' ? row.criterion : row.criterion.id,
  outcome: row.outcome,
  result: row.result,
  agreement: row.agreement,
  rule: row.rule,
  divergent: row.divergent,
  supplementary: row.supplementary,
  checks: row.checks,
  candidates: row.candidates,
});

describe('demo exports replay through the CLI (e2e)', () => {
  let t: TestApp;
  let cli: string;
  let admin: string;
  let systems: { id: string; name: string; innovator: string }[];
  const authorityIds = new Map<string, string>();

  /** The built CLI, as `npm run -s recognise` runs it once dist is there. */
  function recognise(args: string[], input: string): Promise<CliRun> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [cli, 'recognise', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', fail);
      child.on('close', (code) => done({ code, stdout, stderr }));
      child.stdin.end(input);
    });
  }

  /**
   * `--explain` fits a 100-column terminal (UUIDs and long reasons wrapped inside their columns), and,
   * where nothing needs wrapping, names each criterion of the status by key, then id, with its outcome.
   */
  async function expectExplained(what: string, exported: unknown, criteria: Row[]): Promise<void> {
    const fitted = await recognise(['--explain', '--width', String(WIDTH), '-'], JSON.stringify(exported));
    expect({ what, code: fitted.code, over: fitted.stdout.split('\n').filter((line) => line.length > WIDTH) }).toEqual({
      what,
      code: 0,
      over: [],
    });
    const wide = (await recognise(['--explain', '--width=1000', '-'], JSON.stringify(exported))).stdout.split('\n');
    for (const c of criteria) {
      const at = wide.findIndex((line) => line.trim() === c.criterion.id);
      expect({ what, line: wide[at - 1]?.split(/ {2,}/).slice(1, 3) }).toEqual({
        what,
        line: [c.criterion.key, c.outcome],
      });
    }
  }

  // Seeding the demo walks every enrolment through the real lifecycle (see demo.e2e-spec.ts); the
  // build, when dist is stale, runs alongside.
  beforeAll(async () => {
    [cli, t] = await Promise.all([ensureBuilt('dist/apps/cli/src/main.js'), TestApp.create({ SEED_DEMO: 'true' })]);
    admin = await t.login('admin@demo.sandbridge.test', DEMO_PASSWORD);
    const innovators = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS.filter((a) => a.role === 'INNOVATOR'))
      innovators.set(account.organisation!, await t.login(account.email, DEMO_PASSWORD));
    const rows: { id: string; name: string; organisation: string }[] = await t.dataSource.query(
      `SELECT s.id, s.name, o.name AS organisation FROM ai_system s JOIN organisation o ON o.id = s.organisation_id ORDER BY s.name`,
    );
    systems = rows.map((s) => ({ id: s.id, name: s.name, innovator: innovators.get(s.organisation)! }));
    for (const { id, acronym } of await t.dataSource.query(
      `SELECT id, acronym FROM authority WHERE acronym = ANY($1)`,
      [AUTHORITIES],
    ))
      authorityIds.set(acronym, id);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('has the demo systems, each with an innovator, and the three demo authorities', () => {
    expect(systems.length).toBeGreaterThanOrEqual(7);
    expect(systems.every((s) => s.innovator)).toBe(true);
    expect([...authorityIds.keys()].sort()).toEqual([...AUTHORITIES].sort());
  });

  it.each(AUTHORITIES)(
    'every demo system’s case for %s, exported by the administrator and by its innovator, replays with the API’s verdicts',
    async (acronym) => {
      const authority = authorityIds.get(acronym)!;
      for (const system of systems) {
        for (const [reader, token] of [
          ['admin', admin],
          ['innovator', system.innovator],
        ] as const) {
          const what = `${system.name} -> ${acronym} as ${reader}`;
          const status = expectOk(await t.gql(STATUS, { s: system.id, a: authority }, token)).recognitionStatus;
          expect({ what, withheld: status.criteria.filter((c: Row) => c.outcome === 'WITHHELD').length }).toEqual({
            what,
            withheld: 0,
          });
          const exported = expectOk(
            await t.gql(CASE, { s: system.id, a: authority, d: status.asOf }, token),
          ).recognitionCase;
          // Every demo authority has a BETWEEN criterion: the export that failed to replay (issue 12).
          expect(exported.criteria.some((c: Row) => c.authority === authority && c.comparator === 'BETWEEN')).toBe(
            true,
          );

          const run = await recognise(['-'], JSON.stringify(exported));
          expect({ what, code: run.code, stderr: run.stderr }).toEqual({ what, code: 0, stderr: '' });
          const output = JSON.parse(run.stdout);
          expect(output).toMatchObject({ format: 'sandbridge/recognition-result@1', asOf: status.asOf });
          expect(output.resolutions.map((r: Row) => [r.system, r.authority])).toEqual([[system.id, authority]]);
          // The file also resolves criteria versions a result names that are no longer ACTIVE; the API lists ACTIVE ones.
          const listed = new Set(status.criteria.map((c: Row) => c.criterion.id));
          const replayed = (output.resolutions[0].criteria as Row[]).filter((c) => listed.has(c.criterion));
          expect({ what, verdicts: replayed.map(verdict) }).toEqual({ what, verdicts: status.criteria.map(verdict) });
          if (reader === 'admin') await expectExplained(what, exported, status.criteria);
        }
      }
    },
    600_000,
  );
});
