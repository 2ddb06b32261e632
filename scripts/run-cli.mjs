// Runs the built CLI (dist/apps/cli/src/main.js) with the given arguments, building it first when
// dist is missing or older than the sources, so `npm run -s recognise -- FILE` works right after
// `npm ci`. The build's own output goes to stderr: stdout carries only the command's output (for
// `recognise`, exactly one JSON document).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/apps/cli/src/main.js');
// Outside dist (the build empties it) and outside node_modules (worktrees may share one).
const lock = join(
  tmpdir(),
  `sandbridge-cli-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`,
);

/** Newest modification time of what the build reads (tests are not built, so not counted). */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(child);
      } else if (
        entry.name.endsWith('.ts') &&
        !entry.name.endsWith('.spec.ts') &&
        !entry.name.endsWith('.e2e-spec.ts')
      ) {
        newest = Math.max(newest, statSync(child).mtimeMs);
      }
    }
  };
  for (const dir of ['apps', 'libs', 'config', 'bench']) if (existsSync(join(root, dir))) visit(join(root, dir));
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'])
    if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

const stale = () => !existsSync(entry) || statSync(entry).mtimeMs < newestSource();

/** One build at a time (the build empties dist first): others wait for it, then look again. */
async function buildWhenStale() {
  if (!stale()) return true;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than five minutes was left by a build that died.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 300_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  try {
    if (!stale()) return true;
    process.stderr.write('sandbridge: building the CLI (dist is missing or older than the sources)…\n');
    const nest = join(root, 'node_modules/@nestjs/cli/bin/nest.js');
    const build = spawnSync(process.execPath, [nest, 'build', 'cli'], { cwd: root, stdio: ['ignore', 2, 2] });
    if (build.status !== 0) {
      process.stderr.write(`sandbridge: the build failed (exit ${build.status ?? build.signal})\n`);
      return false;
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return true;
}

if (!(await buildWhenStale())) process.exit(1);
// npm runs scripts from the package root; a FILE argument is relative to where the command was typed.
process.chdir(process.env.INIT_CWD ?? process.cwd());
process.argv = [process.argv[0], entry, ...process.argv.slice(2)];
await import(pathToFileURL(entry).href);
