import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChildServer, createEmbeddedTestDatabase, type TestDatabase } from '@sandbridge/testing';
import { ensureBuilt } from './ensure-built.js';

// What a person sees when the built server starts (`npm start` runs it), or does not: a few lines
// that say where it is, how to sign in and where the data lives; one line that says why not.

let entry: string;
let database: TestDatabase;
const servers: ChildServer[] = [];
/** Plain text (Nest colours its lines even into a pipe), and a fast password hash for the demo accounts. */
const BASE_ENV = { NO_COLOR: '1', PASSWORD_HASH_COST: '10' };

beforeAll(async () => {
  entry = await ensureBuilt('dist/apps/api/src/main.js');
  database = await createEmbeddedTestDatabase();
}, 300_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await database?.drop();
});

/** Runs the built server to its exit with `env` (plus PATH); its whole output and exit code. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOST: '127.0.0.1', ...BASE_ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const lines = (output: string) => output.split('\n').filter((line) => line.trim());

describe('starting the built server', () => {
  it('says where it is, how to sign in to the demo data and where the data lives — not how Nest wired its modules', async () => {
    const server = await ChildServer.start({ entry, env: { ...BASE_ENV, DATA_DIR: database.dataDir } });
    servers.push(server);
    const output = server.output();
    expect(output).toContain(
      `Sandbridge API on http://127.0.0.1:${server.port}/graphql — open it in a browser for GraphiQL`,
    );
    expect(output).toContain(`Sandbridge console on http://127.0.0.1:${server.port}/ — open it in a browser`);
    expect(output).toContain(
      "Demo data loaded: sign in as innovator.lumen@demo.sandbridge.test / sandbridge-demo (the console's sign-in page and the README list every demo account)",
    );
    expect(output).toContain(
      `Data: the embedded database in ${database.dataDir} (DATA_DIR; delete it to start afresh)`,
    );
    expect(output).not.toMatch(/InstanceLoader|RoutesResolver|RouterExplorer|Mapped \{|Starting Nest application/);
    // The demo hint signs in.
    await server.login('innovator.lumen@demo.sandbridge.test', 'sandbridge-demo');
  }, 180_000);

  it('a second server on the same data directory says in one line which process holds it and what to do, and exits non-zero', async () => {
    const [first] = servers;
    expect(first?.exited).toBe(false);
    const { code, output } = await runToExit({ PORT: '0', DATA_DIR: database.dataDir });
    expect(code).toBe(1);
    expect(lines(output)).toEqual([expect.stringMatching(/^Sandbridge did not start: The embedded database in /)]);
    expect(output).toContain(`is in use by process ${first!.child.pid} `);
    expect(output).toContain('Stop that process, or point DATA_DIR elsewhere (or set DATABASE_URL).');
    expect(output).not.toMatch(/^\s+at /m); // no stack trace
  }, 120_000);

  it('PORT=abc is refused with exit 78 and one problem, naming PORT', async () => {
    const { code, output } = await runToExit({ PORT: 'abc', DATA_DIR: database.dataDir });
    expect(code).toBe(78);
    expect(lines(output)).toEqual([
      'Invalid configuration:',
      '  - PORT: must be a port number, from 0 to 65535 (got "abc")',
    ]);
  }, 60_000);
});
