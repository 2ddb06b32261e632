// Tests that start built processes (the API, the worker) run dist: Nest needs decorator metadata that
// only the build emits. This builds what is missing or older than the sources (scripts/build.mjs, the
// same check `npm start` makes, under the same lock), once per test file; `.ci/run` builds before
// testing, so there it is a no-op.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../scripts/build.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Builds dist unless it is up to date; returns the absolute path of `entry` (relative to the repository). */
export async function ensureBuilt(entry = 'dist/apps/worker/src/main.js'): Promise<string> {
  const output: string[] = [];
  const only: ('api' | 'console')[] = entry.startsWith('dist/console/') ? ['console'] : ['api'];
  if (!(await build({ ifStale: true, only, log: (line) => output.push(line) })))
    throw new Error(`The build failed:\n${output.join('\n')}`);
  return join(root, entry);
}
