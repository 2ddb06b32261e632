import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

// What the file commands (`recognise`, `simulate`) share: their streams and how they read their
// one input document. Framework-free, like the commands themselves (docs/formats.md).

/** What a file command reads and writes: the process's streams in production, buffers in tests. */
export interface CommandIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  /** Resolves once the text is handed to stdout (so an exit right after loses nothing). */
  stdout(text: string): Promise<void>;
  stderr(text: string): void;
}

export function processCommandIo(): CommandIo {
  return {
    readFile: (path) => readFile(resolve(path), 'utf8'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdout: (text) =>
      new Promise((done, fail) => process.stdout.write(text, (error) => (error ? fail(error) : done()))),
    stderr: (text) => void process.stderr.write(text),
  };
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The text of `file`, or of stdin when it is `-`. A file that cannot be read is reported on stderr
 * as `<command>: cannot read FILE: reason` and gives null (the command then exits 2).
 */
export async function readInput(io: CommandIo, command: string, file: string): Promise<string | null> {
  try {
    return file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    io.stderr(`${command}: cannot read ${file}: ${errorMessage(error)}\n`);
    return null;
  }
}
