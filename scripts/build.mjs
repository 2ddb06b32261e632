// Builds Sandbridge into dist/: the API, CLI and worker (`nest build`, TypeScript → dist/apps, dist/libs, …)
// and the web console (`vite build`, apps/console → dist/console; it prints the console's initial
// JavaScript, gzipped, and fails over its budget). Each part is rebuilt only when one of
// its sources is newer than its last build — or always, for `npm run build`.
//
//   node scripts/build.mjs              build both parts (npm run build)
//   node scripts/build.mjs --if-stale   build only what is missing or older than its sources (npm start,
//                                       npm run recognise/simulate, the tests that start built processes)
//
// Progress goes to stderr, so a command's stdout stays its own (`recognise` prints exactly one JSON
// document); every progress line starts with "sandbridge: building".
// One build at a time per checkout: the others wait for it, then look again.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const node = (...path) => join(root, 'node_modules', ...path);

/** Read by every part: a dependency or compiler setting changed means rebuild. */
const SHARED_INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * The two parts of the build. `sources`: directories (every file in them counts, specs excepted, and
 * the directories themselves: deleting or renaming a file changes its directory's time) and files.
 * `stamp`: written when the part's build succeeds, with the time the build started — so a source
 * saved during the build still counts as newer.
 */
const PARTS = [
  {
    id: 'api',
    name: 'the API, CLI and worker',
    sources: ['apps', 'libs', 'config', 'bench', 'tsconfig.build.json', 'nest-cli.json', ...SHARED_INPUTS],
    skip: ['apps/console', 'libs/testing'],
    outputs: ['dist/apps/api/src/main.js', 'dist/apps/cli/src/main.js', 'dist/apps/worker/src/main.js'],
    stamp: 'dist/.build-api',
    // nest-cli.json leaves dist alone (deleteOutDir: false) so that dist/console survives; this
    // removes what an earlier build left, so a deleted source leaves no stale module behind.
    clean: () => {
      for (const entry of existsSync(join(root, 'dist')) ? readdirSync(join(root, 'dist')) : [])
        if (entry !== 'console') rmSync(join(root, 'dist', entry), { recursive: true, force: true });
    },
    command: [node('@nestjs/cli/bin/nest.js'), 'build', 'api'],
  },
  {
    id: 'console',
    name: 'the web console',
    sources: ['apps/console', 'libs/charts', ...SHARED_INPUTS],
    skip: [],
    outputs: ['dist/console/index.html', 'dist/console/graphiql.html', 'dist/console/initial-js.json'],
    stamp: 'dist/console/.build-console',
    clean: () => undefined, // vite empties dist/console itself
    // The build fails when the console's initial JavaScript is over its budget (apps/console/vite.config.ts).
    command: [node('vite/bin/vite.js'), 'build', '--config', 'apps/console/vite.config.ts'],
    summary: () => {
      const { gzipBytes, limitBytes } = JSON.parse(readFileSync(join(root, 'dist/console/initial-js.json'), 'utf8'));
      return `initial JavaScript ${(gzipBytes / 1024).toFixed(0)} KB gzipped (budget ${limitBytes / 1024} KB)`;
    },
  },
];

const SPEC = /\.(spec|e2e-spec|spec-helpers)\.ts$/;

/** Newest modification time among a part's sources (ms). */
function newestSource(part) {
  let newest = 0;
  const skipped = new Set(part.skip.map((path) => join(root, path)));
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.name === 'node_modules' || skipped.has(child)) continue;
      if (entry.isDirectory()) visit(child);
      else if (!SPEC.test(entry.name)) newest = Math.max(newest, statSync(child).mtimeMs);
    }
  };
  for (const source of part.sources) visit(join(root, source));
  return newest;
}

function isStale(part) {
  const stamp = statSync(join(root, part.stamp), { throwIfNoEntry: false });
  if (!stamp || part.outputs.some((output) => !existsSync(join(root, output)))) return true;
  return stamp.mtimeMs < newestSource(part);
}

const lock = join(tmpdir(), `sandbridge-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`);

async function withLock(work) {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than five minutes was left by a build that died.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 300_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds every part, or those named in `only` ('api', 'console'); `ifStale`: only the stale ones.
 * Returns true when all is built; on a failed build, false, after printing the tool's output. `log`
 * receives the progress lines.
 */
export async function build({
  ifStale = false,
  only = PARTS.map((part) => part.id),
  log = (line) => process.stderr.write(`${line}\n`),
} = {}) {
  const wanted = PARTS.filter((part) => only.includes(part.id));
  if (ifStale && !wanted.some(isStale)) return true;
  return withLock(async () => {
    const todo = wanted.filter((part) => !ifStale || isStale(part)); // again: another build may have just run
    if (!todo.length) return true;
    const firstTime = !existsSync(join(root, 'dist'));
    log(
      `sandbridge: building ${todo.map((part) => part.name).join(' and ')}` +
        (ifStale ? (firstTime ? ' (the first start takes a minute or so)' : ' (sources changed)') : '') +
        '…',
    );
    for (const part of todo) {
      const started = Date.now();
      part.clean();
      const result = spawnSync(process.execPath, part.command, {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      if (result.status !== 0) {
        log(`${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd());
        log(`sandbridge: building ${part.name} failed (exit ${result.status ?? result.signal})`);
        return false;
      }
      const stamp = join(root, part.stamp);
      closeSync(openSync(stamp, 'w'));
      utimesSync(stamp, started / 1000, started / 1000);
      const summary = part.summary ? `; ${part.summary()}` : '';
      log(`sandbridge: building ${part.name}: done in ${((Date.now() - started) / 1000).toFixed(0)} s${summary}`);
    }
    return true;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const unknown = process.argv.slice(2).filter((arg) => arg !== '--if-stale');
  if (unknown.length) {
    process.stderr.write(`usage: node scripts/build.mjs [--if-stale] (unknown: ${unknown.join(' ')})\n`);
    process.exit(2);
  }
  if (!(await build({ ifStale: process.argv.includes('--if-stale') }))) process.exit(1);
}
