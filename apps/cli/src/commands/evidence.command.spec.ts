import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { checksumLine, evidence, type EvidenceIo, processIo } from './evidence.command.js';

// `evidence hash` against node:crypto and the system's sha256sum, on real files: the same hash, the
// same line; a missing file and a directory are refused with a message and exit code 2.

let dir: string;
const big = randomBytes(3 * 1024 * 1024 + 17);
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'evidence-hash-'));
  writeFileSync(join(dir, 'model card.pdf'), '%PDF-1.4\n% a model card\n');
  writeFileSync(join(dir, 'big.bin'), big);
  writeFileSync(join(dir, 'empty'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The process's own files and streams, with stdout and stderr captured. */
function capture(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: EvidenceIo = {
    ...processIo(),
    stdin: () => Readable.from([Buffer.from(stdin)]),
    stdout: async (text) => void out.push(text),
    stderr: (text) => void err.push(text),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function run(args: string[], stdin?: string) {
  const c = capture(stdin);
  const code = await evidence(args, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

const sha256sum = (...files: string[]) => execFileSync('sha256sum', files, { cwd: dir, encoding: 'utf8' });

describe('evidence hash', () => {
  it('prints the SHA-256 as node:crypto computes it and exactly the line sha256sum prints', async () => {
    const file = join(dir, 'model card.pdf');
    const r = await run(['hash', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${sha('%PDF-1.4\n% a model card\n')}  ${file}\n`);
    expect(r.stdout).toBe(sha256sum(file));
  });

  it('streams a file of several megabytes, and hashes several files in order, like sha256sum', async () => {
    const files = ['big.bin', 'empty', 'model card.pdf'].map((f) => join(dir, f));
    const r = await run(['hash', ...files]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`${sha(big)}  ${files[0]}`);
    expect(r.stdout.split('\n')[1]).toBe(`${sha('')}  ${files[1]}`);
    expect(r.stdout).toBe(sha256sum(...files));
  });

  it('reads stdin for -', async () => {
    expect((await run(['hash', '-'], 'abc')).stdout).toBe(`${sha('abc')}  -\n`);
  });

  it('escapes a name with a backslash or a line break as sha256sum does', () => {
    const name = join(dir, 'odd\\name\nx');
    writeFileSync(name, 'odd');
    expect(checksumLine(sha('odd'), name)).toBe(sha256sum(name));
  });

  it('refuses a missing file and a directory, each with a message, exit code 2, still hashing the rest', async () => {
    const missing = join(dir, 'nope.pdf');
    const good = join(dir, 'empty');
    const r = await run(['hash', missing, dir, good]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `evidence hash: ${missing}: no such file\nevidence hash: ${dir}: is a directory, not a file\n`,
    );
    expect(r.stdout).toBe(`${sha('')}  ${good}\n`);
  });

  it('says how to use it when the command or the file is missing', async () => {
    for (const args of [[], ['hash'], ['digest', 'x'], ['hash', '--md5', 'x']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Usage: sandbridge evidence hash FILE');
      expect(r.stdout).toBe('');
    }
    expect((await run(['--help'])).code).toBe(0);
  });
});
