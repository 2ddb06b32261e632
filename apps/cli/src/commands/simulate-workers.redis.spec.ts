import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenarioJson, simulate as simulateCore } from '@sandbridge/domain';

// Needs REDIS_URL (the file name says so: left out by the Jest configuration otherwise).
const SCENARIO = resolve(process.cwd(), 'examples/simulation/demo-drafts.scenario.json');

describe('npm run -s simulate -- --workers N (the built CLI on the Redis queue)', () => {
  it('starts the workers, runs every chunk on them and prints the in-process result byte for byte', () => {
    const expected = `${JSON.stringify(simulateCore(parseScenarioJson(readFileSync(SCENARIO, 'utf8'))), null, 2)}\n`;
    const run = spawnSync(
      process.execPath,
      [resolve('scripts/run-cli.mjs'), 'simulate', '--json', '--workers', '2', '--chunk-size', '150', SCENARIO],
      {
        encoding: 'utf8',
        // A prefix of this test's own: other runs on the same Redis never see its chunks.
        env: { ...process.env, INIT_CWD: process.cwd(), QUEUE_PREFIX: `sbtest-cli-${process.pid}` },
        timeout: 240_000,
      },
    );
    expect(run.stderr).not.toMatch(/failed/);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(expected);
  });
});
