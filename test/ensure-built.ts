// Tests that start worker processes run the built worker (dist/apps/worker/src/main.js): Nest needs
// decorator metadata that only the build emits. This builds dist when it is missing or older than
// the sources — once per test file, under the same lock as scripts/run-cli.mjs so that two builds
// never empty dist under each other. `.ci/run` builds before testing, so there it is a no-op.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const lock = join(
  tmpdir(),
  `sandbridge-cli-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`,
);

/** Newest modification time of what the build reads (specs are not built). */
function newestSource(): number {
  let newest = 0;
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(child);
      } else if (entry.name.endsWith('.ts') && !/\.(spec|e2e-spec|spec-helpers)\.ts$/.test(entry.name)) {
        newest = Math.max(newest, statSync(child).mtimeMs);
      }
    }
  };
  for (const dir of ['apps', 'libs', 'config', 'bench']) if (existsSync(join(root, dir))) visit(join(root, dir));
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'])
    newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

/** Builds dist unless `entry` (relative to the repository) is newer than every source; returns its absolute path. */
export async function ensureBuilt(entry = 'dist/apps/worker/src/main.js'): Promise<string> {
  const target = join(root, entry);
  const stale = () => !existsSync(target) || statSync(target).mtimeMs < newestSource();
  if (!stale()) return target;
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
    if (stale()) {
      const nest = join(root, 'node_modules/@nestjs/cli/bin/nest.js');
      const build = spawnSync(process.execPath, [nest, 'build', 'api'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      if (build.status !== 0)
        throw new Error(`nest build failed (exit ${build.status ?? build.signal}):\n${build.stdout}${build.stderr}`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return target;
}
