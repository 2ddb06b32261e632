import { describe, expect, it } from '@jest/globals';
import { parseSimulationArgs, readCommandLine, type SimulationCommandIo, writeResult } from './simulation-command.js';

// The command line and the writing of a result that `simulate` and `simulate-programme` share.

function fakeIo(writable = true) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: SimulationCommandIo = {
    readFile: async () => '',
    readStdin: async () => '',
    stdout: async (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    writeFile: async (path, text) => {
      if (!writable) throw new Error('EACCES: permission denied');
      written[path] = text;
    },
  };
  return { io, out, err, written };
}

const FORMATS = {
  svg: async (n: { total: number }) => `<svg>${n.total}</svg>`,
  csv: (n: { total: number }) => `total\n${n.total}\n`,
  table: (n: { total: number }) => `Total: ${n.total}\n`,
};

describe('simulation command line', () => {
  it('hands the options it does not know to the command, with their value either way', () => {
    const seen: [string, string | undefined][] = [];
    const own = (name: string, value: () => string | undefined) => {
      if (name !== '--level') return false;
      seen.push([name, value()]);
      return true;
    };
    expect(parseSimulationArgs(['--level', '3', '--svg=c.svg', '--level=4', 'f.json'], 'one file', own)).toEqual({
      file: 'f.json',
      output: 'table',
      svg: 'c.svg',
    });
    expect(seen).toEqual([
      ['--level', '3'],
      ['--level', '4'],
    ]);
    expect(() => parseSimulationArgs(['--other', 'f.json'], 'one file', own)).toThrow('unknown option --other');
    expect(() => parseSimulationArgs(['a', 'b'], 'name one file', own)).toThrow('name one file');
    expect(() => parseSimulationArgs(['--svg', '-'], 'one file')).toThrow('--svg needs the path');
    expect(() => parseSimulationArgs(['--svg', '--json', 'f'], 'one file')).toThrow('--svg needs the path');
  });

  it('answers --help with the usage (0) and a bad command line with the reason and the usage (2)', () => {
    const parse = (args: readonly string[]) => parseSimulationArgs(args, 'name one file');
    const help = fakeIo();
    expect(readCommandLine(['--help'], help.io, 'cmd', 'Usage: cmd FILE', parse)).toBe(0);
    expect(help.err.join('')).toBe('Usage: cmd FILE\n');
    const bad = fakeIo();
    expect(readCommandLine(['--csv', '--json', 'f'], bad.io, 'cmd', 'Usage: cmd FILE', parse)).toBe(2);
    expect(bad.err.join('')).toBe('cmd: --json and --csv both write stdout: choose one\nUsage: cmd FILE\n');
    expect(readCommandLine(['--csv', 'f'], fakeIo().io, 'cmd', 'Usage: cmd FILE', parse)).toEqual({
      file: 'f',
      output: 'csv',
      svg: null,
    });
  });
});

describe('writing a result', () => {
  it('writes the chart, then the result on stdout in the format asked for', async () => {
    const run = fakeIo();
    expect(await writeResult(run.io, 'cmd', { file: 'f', output: 'csv', svg: 'c.svg' }, { total: 7 }, FORMATS)).toBe(0);
    expect(run.written).toEqual({ 'c.svg': '<svg>7</svg>' });
    expect(run.out.join('')).toBe('total\n7\n');
    const json = fakeIo();
    await writeResult(json.io, 'cmd', { file: 'f', output: 'json', svg: null }, { total: 7 }, FORMATS);
    expect(json.out.join('')).toBe('{\n  "total": 7\n}\n');
    expect(json.written).toEqual({});
    const table = fakeIo();
    await writeResult(table.io, 'cmd', { file: 'f', output: 'table', svg: null }, { total: 7 }, FORMATS);
    expect(table.out.join('')).toBe('Total: 7\n');
  });

  it('leaves stdout empty when the chart cannot be written (2)', async () => {
    const run = fakeIo(false);
    expect(await writeResult(run.io, 'cmd', { file: 'f', output: 'json', svg: 'c.svg' }, { total: 7 }, FORMATS)).toBe(
      2,
    );
    expect(run.out).toEqual([]);
    expect(run.err.join('')).toBe('cmd: cannot write c.svg: EACCES: permission denied\n');
  });
});
