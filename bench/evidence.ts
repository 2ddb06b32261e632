import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { temporaryDatabase } from './bench-environment.js';

/**
 * `npm run bench:evidence`: evidence upload and download through the real HTTP server (a child
 * process: its RSS is sampled from /proc while a file passes), on the embedded database and, when
 * DATABASE_URL is set, on a throw-away database of that PostgreSQL server. Files of 1, 10 and 50 MB
 * of random bytes (behind a PDF header: an accepted type), against a same-run baseline: the same
 * bytes hashed with node:crypto and written to (read from) a local file in the same piece size.
 *
 * A second baseline on PostgreSQL: the same chunks INSERTed straight into the database (what the server
 * itself ingests), which bounds any store that keeps the bytes in PostgreSQL.
 *
 * Targets: upload ≥ 50% of the baseline's throughput; RSS growth during a 50 MB upload ≤ 32 MB on
 * PostgreSQL. BENCH_CPU_PROF=<dir> runs the server with --cpu-prof (profiles written when it stops).
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const API_ENTRY = join(ROOT, 'dist/apps/api/src/main.js');
const PORT_LINE = /Sandbridge API on http:\/\/[^\s/]+:(\d+)\//;
const DEMO_PASSWORD = 'sandbridge-demo';
const INNOVATOR = 'innovator.lumen@demo.sandbridge.test';
const MB = 1024 * 1024;
const SIZES = [1, 10, 50];
/** What a client's socket hands over at a time (and what the baseline writes at a time). */
const PIECE = 64 * 1024;

class Child {
  private log = '';
  port?: number;
  constructor(readonly process: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString('utf8')).slice(-65_536);
      this.port ??= Number(PORT_LINE.exec(this.log)?.[1]) || undefined;
    };
    process.stdout?.on('data', keep);
    process.stderr?.on('data', keep);
  }

  static async start(env: Record<string, string>): Promise<Child> {
    const profile = process.env.BENCH_CPU_PROF;
    const args = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, API_ENTRY] : [API_ENTRY];
    const child = new Child(
      spawn(process.execPath, args, {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOST: '127.0.0.1', PORT: '0', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.process.exitCode !== null) throw new Error(`The API exited before it answered:\n${child.log}`);
      if (child.port) {
        try {
          if ((await fetch(`${child.url}/health`)).ok) return child;
        } catch {
          // Not answering yet.
        }
      }
      if (Date.now() > deadline) {
        await child.stop();
        throw new Error(`The API did not answer within 180 s:\n${child.log}`);
      }
      await sleep(100);
    }
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const gone = once(this.process, 'exit');
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  }
}

function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Runs `work` while sampling the server's RSS every 10 ms: the time and the growth over the RSS before. */
async function measured(pid: number, work: () => Promise<void>): Promise<{ seconds: number; rssGrowthMb: number }> {
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 10);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, rssMb(pid));
  return { seconds, rssGrowthMb: peak - before };
}

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: INNOVATOR, p: DEMO_PASSWORD },
    }),
  });
  const token = ((await response.json()) as { data?: { login?: { token: string } } }).data?.login?.token;
  if (!token) throw new Error('Sign-in of the demo innovator failed');
  return token;
}

/** A file of random bytes that the server accepts (a PDF header). */
function fileOf(megabytes: number): Buffer {
  const bytes = randomBytes(megabytes * MB);
  Buffer.from(`%PDF-1.7\n% ${randomUUID()}\n`).copy(bytes);
  return bytes;
}

/** POSTs `file` as multipart/form-data, in PIECE-sized writes that wait for the socket (as a client streams it). */
function upload(url: string, token: string, file: Buffer): Promise<{ status: number; body: string }> {
  const boundary = `----bench${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBenchmark\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolvePromise, reject) => {
    const req = request(`${url}/evidence`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + file.length + tail.length),
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body }));
    });
    void (async () => {
      req.write(head);
      for (let at = 0; at < file.length; at += PIECE)
        if (!req.write(file.subarray(at, at + PIECE))) await once(req, 'drain');
      req.end(tail);
    })();
  });
}

/** GETs the file, hashing it as it arrives. */
async function download(url: string, token: string, id: string): Promise<{ size: number; sha256: string }> {
  const response = await fetch(`${url}/evidence/${id}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200 || !response.body) throw new Error(`GET /evidence/${id}: ${response.status}`);
  const hash = createHash('sha256');
  let size = 0;
  for await (const piece of response.body) {
    hash.update(piece);
    size += piece.length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** The baseline: hash and write the bytes to a local file, PIECE at a time; then read and hash them back. */
async function baseline(file: Buffer, dir: string): Promise<{ writeSeconds: number; readSeconds: number }> {
  const path = join(dir, `${randomUUID()}.bin`);
  let started = performance.now();
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let at = 0; at < file.length; at += PIECE) {
    const piece = file.subarray(at, at + PIECE);
    hash.update(piece);
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  hash.digest('hex');
  const writeSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const back = createHash('sha256');
  for await (const piece of createReadStream(path)) back.update(piece as Buffer);
  back.digest('hex');
  const readSeconds = (performance.now() - started) / 1000;
  rmSync(path, { force: true });
  return { writeSeconds, readSeconds };
}

/**
 * The database's own ceiling, measured in the same run: the file's 1 MiB chunks INSERTed straight into
 * a scratch table of the bench database with node-postgres — the same statement and the same
 * `synchronous_commit = off` transaction the store uses, without HTTP, multipart, hashing or checks.
 */
async function databaseCeiling(url: string, file: Buffer): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS bench_chunk (seq int PRIMARY KEY, data bytea NOT NULL)');
    await client.query('TRUNCATE bench_chunk');
    const started = performance.now();
    for (let seq = 0; seq * MB < file.length; seq++) {
      await client.query('BEGIN');
      await client.query('SET LOCAL synchronous_commit = off');
      await client.query('INSERT INTO bench_chunk (seq, data) VALUES ($1, $2)', [
        seq,
        file.subarray(seq * MB, (seq + 1) * MB),
      ]);
      await client.query('COMMIT');
    }
    return (performance.now() - started) / 1000;
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_chunk');
    await client.end();
  }
}

interface Row {
  engine: string;
  mb: number;
  uploadMbps: number;
  uploadRatio: number;
  uploadRssMb: number;
  /** Upload throughput ÷ the database's own chunk INSERT rate (PostgreSQL only). */
  ceilingRatio: number | null;
  downloadMbps: number;
  downloadRatio: number;
  downloadRssMb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function engine(url: string | undefined, dir: string): Promise<Row[]> {
  const database = await temporaryDatabase(url, 'sb_bench_evidence');
  const server = await Child.start({
    ...database.env,
    SEED_DEMO: 'true',
    EVIDENCE_MAX_BYTES: String(64 * MB),
  });
  const rows: Row[] = [];
  try {
    const pid = server.process.pid!;
    const token = await login(server.url);
    // Warm-up: the first upload and download pay for JIT and connections.
    const warm = fileOf(2);
    const warmed = JSON.parse((await upload(server.url, token, warm)).body) as { id: string };
    await download(server.url, token, warmed.id);
    for (const mb of SIZES) {
      const runs = mb >= 50 ? 3 : 5;
      const up: { seconds: number; rssGrowthMb: number }[] = [];
      const down: { seconds: number; rssGrowthMb: number }[] = [];
      const base: { writeSeconds: number; readSeconds: number }[] = [];
      const ceiling: number[] = [];
      for (let run = 0; run < runs; run++) {
        const file = fileOf(mb);
        const expected = createHash('sha256').update(file).digest('hex');
        base.push(await baseline(file, dir));
        if (database.env.DATABASE_URL) ceiling.push(await databaseCeiling(database.env.DATABASE_URL, file));
        let answer = { status: 0, body: '' };
        up.push(await measured(pid, async () => void (answer = await upload(server.url, token, file))));
        if (answer.status !== 201) throw new Error(`upload of ${mb} MB: ${answer.status} ${answer.body}`);
        const stored = JSON.parse(answer.body) as { id: string; sha256: string };
        if (stored.sha256 !== expected) throw new Error('The stored hash is not the file’s');
        let got = { size: 0, sha256: '' };
        down.push(await measured(pid, async () => void (got = await download(server.url, token, stored.id))));
        if (got.sha256 !== expected || got.size !== file.length) throw new Error('The downloaded bytes differ');
      }
      const uploadMbps = mb / median(up.map((u) => u.seconds));
      const downloadMbps = mb / median(down.map((d) => d.seconds));
      rows.push({
        engine: database.kind,
        mb,
        uploadMbps,
        uploadRatio: uploadMbps / (mb / median(base.map((b) => b.writeSeconds))),
        uploadRssMb: Math.max(...up.map((u) => u.rssGrowthMb)),
        ceilingRatio: ceiling.length ? uploadMbps / (mb / median(ceiling)) : null,
        downloadMbps,
        downloadRatio: downloadMbps / (mb / median(base.map((b) => b.readSeconds))),
        downloadRssMb: Math.max(...down.map((d) => d.rssGrowthMb)),
      });
      const row = rows.at(-1)!;
      console.log(
        `${row.engine.padEnd(10)} ${String(mb).padStart(3)} MB  upload ${row.uploadMbps.toFixed(1).padStart(6)} MB/s ` +
          `(${(row.uploadRatio * 100).toFixed(0)}% of hash+disk write` +
          (row.ceilingRatio === null
            ? ''
            : `, ${(row.ceilingRatio * 100).toFixed(0)}% of PostgreSQL's own chunk INSERTs`) +
          `), RSS +${row.uploadRssMb.toFixed(1)} MB  ·  ` +
          `download ${row.downloadMbps.toFixed(1).padStart(6)} MB/s (${(row.downloadRatio * 100).toFixed(0)}% of disk read+hash), RSS +${row.downloadRssMb.toFixed(1)} MB`,
      );
    }
  } finally {
    await server.stop();
    await database.drop();
  }
  return rows;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-evidence-'));
  const results: Row[] = [];
  try {
    console.log(`Evidence upload/download through HTTP (${SIZES.join(', ')} MB of random bytes; median of runs)`);
    const engines = [undefined, ...(process.env.DATABASE_URL ? [process.env.DATABASE_URL] : [])];
    // BENCH_ENGINE=postgres (or embedded) measures one engine only, e.g. to profile it.
    const only = process.env.BENCH_ENGINE;
    for (const url of engines.filter((u) => !only || (only === 'postgres') === Boolean(u)))
      results.push(...(await engine(url, dir)));
    if (!process.env.DATABASE_URL) console.log('\n(set DATABASE_URL to measure on PostgreSQL as well)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('\nTargets:');
  for (const row of results.filter((r) => r.mb === 50)) {
    const pass = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log(
      `  ${row.engine}: 50 MB upload at ${(row.uploadRatio * 100).toFixed(0)}% of the baseline (≥ 50%: ${pass(row.uploadRatio >= 0.5)}); ` +
        `RSS growth ${row.uploadRssMb.toFixed(1)} MB` +
        (row.engine === 'PostgreSQL' ? ` (≤ 32 MB: ${pass(row.uploadRssMb <= 32)})` : ' (reported)') +
        (row.ceilingRatio === null
          ? ''
          : `; ${(row.ceilingRatio * 100).toFixed(0)}% of PostgreSQL's own chunk INSERT rate`),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
