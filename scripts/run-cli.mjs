// Runs the built CLI (dist/apps/cli/src/main.js) with the given arguments, building it first when
// dist is missing or older than the sources (scripts/build.mjs), so `npm run -s recognise -- FILE`
// works right after `npm ci`. The build's own output goes to stderr: stdout carries only the
// command's output (for `recognise`, exactly one JSON document).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from './build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/apps/cli/src/main.js');

if (!(await build({ ifStale: true, only: ['api'] }))) process.exit(1);
// npm runs scripts from the package root; a FILE argument is relative to where the command was typed.
process.chdir(process.env.INIT_CWD ?? process.cwd());
process.argv = [process.argv[0], entry, ...process.argv.slice(2)];
await import(pathToFileURL(entry).href);
