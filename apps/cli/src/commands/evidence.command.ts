import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { errorMessage } from '../command-io.js';

// `evidence hash FILE…`: the SHA-256 the platform addresses an evidence file by (docs/domain.md#evidence)
// — of the file's bytes as they are, lower-case hex — computed here, offline, before uploading it or
// stating it in a result's `evidenceSha256`. Printed like sha256sum (`<hash>  <name>`), so the two can
// be compared line for line; the file is streamed, never read whole.

export const EVIDENCE_USAGE = `Usage: sandbridge evidence hash FILE...
  FILE    a file to hash (streamed), or - for stdin
Stdout: one line per file, "<sha256 in lower-case hex>  <FILE>" (as sha256sum prints it).
Exit codes: 0 every file hashed, 2 usage, or a file missing, a directory or unreadable (the others are still hashed).`;

/** What the command reads and writes: the process's files and streams, or a test's. */
export interface EvidenceIo {
  /** `isDirectory` of a path (rejects when it does not exist or cannot be read). */
  stat(path: string): Promise<{ isDirectory(): boolean }>;
  open(path: string): Readable;
  stdin(): Readable;
  stdout(text: string): Promise<void>;
  stderr(text: string): void;
}

export function processIo(): EvidenceIo {
  return {
    stat: (path) => stat(path),
    open: (path) => createReadStream(path),
    stdin: () => process.stdin,
    stdout: (text) =>
      new Promise((done, fail) => process.stdout.write(text, (error) => (error ? fail(error) : done()))),
    stderr: (text) => void process.stderr.write(text),
  };
}

/** The SHA-256 of a stream's bytes, lower-case hex: how the platform hashes an upload, chunk by chunk. */
export async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The line sha256sum prints for `name`: a name with a backslash or a line break is escaped (`\\`,
 * `\n`) and its line starts with a backslash, so that every line stays one line.
 */
export function checksumLine(sha256: string, name: string): string {
  if (!/[\\\n\r]/.test(name)) return `${sha256}  ${name}\n`;
  const escaped = name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `\\${sha256}  ${escaped}\n`;
}

/** `evidence hash FILE…`; exit 0 when every file was hashed, else 2. */
export async function evidence(args: string[], io: EvidenceIo): Promise<number> {
  const [sub, ...files] = args;
  if (sub === '--help' || args.includes('--help')) {
    io.stderr(`${EVIDENCE_USAGE}\n`);
    return 0;
  }
  if (sub !== 'hash') {
    io.stderr(`evidence: ${sub ? `unknown command ${sub}` : 'name a command'}\n${EVIDENCE_USAGE}\n`);
    return 2;
  }
  const unknown = files.find((f) => f.startsWith('--'));
  if (unknown || !files.length) {
    io.stderr(`evidence hash: ${unknown ? `unknown option ${unknown}` : 'name a file to hash'}\n${EVIDENCE_USAGE}\n`);
    return 2;
  }
  let code = 0;
  for (const file of files) {
    const problem = file === '-' ? null : await whyNotAFile(io, file);
    if (problem) {
      io.stderr(`evidence hash: ${file}: ${problem}\n`);
      code = 2;
      continue;
    }
    try {
      await io.stdout(checksumLine(await sha256Of(file === '-' ? io.stdin() : io.open(file)), file));
    } catch (error) {
      io.stderr(`evidence hash: ${file}: cannot read it (${errorMessage(error)})\n`);
      code = 2;
    }
  }
  return code;
}

/** Why `file` cannot be hashed (missing, a directory, unreadable), or null. */
async function whyNotAFile(io: EvidenceIo, file: string): Promise<string | null> {
  try {
    return (await io.stat(file)).isDirectory() ? 'is a directory, not a file' : null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES') return 'permission denied';
    return `cannot read it (${errorMessage(error)})`;
  }
}
