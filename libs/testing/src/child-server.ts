import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphQLResponse } from './test-app.js';

export interface ChildServerOptions {
  /** The built entry point, e.g. `dist/apps/api/src/main.js` (absolute, see test/ensure-built.ts). */
  entry: string;
  /**
   * The server's whole environment besides PATH, HOST (127.0.0.1) and PORT (0: the OS picks a free
   * one, which the server logs): nothing else is inherited from the test process (whose
   * DATABASE_URL or REDIS_URL must not leak into the server by accident). LOG_LEVEL must let the
   * start-up line through (`log`, the default, or more).
   */
  env: Record<string, string>;
  /** How long /health may take to answer (the first start migrates a fresh database). */
  startTimeoutMs?: number;
}

/**
 * The built API as a separate process on 127.0.0.1: started, called over HTTP as a client would, and
 * stopped — gently, or with SIGKILL as a crash would. Its output is kept (the last 64 KiB) to explain
 * a failure. The port is the one the server says it bound: a port picked free beforehand could be
 * taken by another process during the seconds the server takes to start, and /health would then
 * answer from someone else's server.
 */
export class ChildServer {
  private log = '';
  /** The port from the server's start-up line, once printed. */
  private boundPort?: number;

  private constructor(readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString('utf8')).slice(-65_536);
      this.boundPort ??= Number(/Sandbridge API on http:\/\/[^\s/]+:(\d+)\//.exec(this.log)?.[1]) || undefined;
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Starts the server and resolves once GET /health answers 200; fails with its output if it exits or times out. */
  static async start({ entry, env, startTimeoutMs = 90_000 }: ChildServerOptions): Promise<ChildServer> {
    const child = spawn(process.execPath, [entry], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ChildServer(child);
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (server.exited)
        throw new Error(
          `The server exited (${child.exitCode ?? child.signalCode}) before /health answered:\n${server.output()}`,
        );
      try {
        if (server.boundPort && (await fetch(`${server.url}/health`)).ok) return server;
      } catch {
        // Not answering yet.
      }
      if (Date.now() > deadline) {
        await server.kill();
        throw new Error(`/health did not answer within ${startTimeoutMs} ms:\n${server.output()}`);
      }
      await sleep(100);
    }
  }

  get port(): number {
    if (!this.boundPort) throw new Error('The server has not said which port it bound yet');
    return this.boundPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** What the server printed (the last 64 KiB). */
  output(): string {
    return this.log;
  }

  /** POSTs one GraphQL operation; a network failure (e.g. the server died) rejects. */
  async gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLResponse<T>['errors'] };
    return { status: response.status, data: body.data, errors: body.errors };
  }

  async login(email: string, password: string): Promise<string> {
    const response = await this.gql<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: email, p: password },
    );
    if (!response.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(response.errors)}`);
    return response.data.login.token;
  }

  /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. Resolves once the process is gone. */
  async kill(): Promise<void> {
    if (this.exited) return;
    const gone = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await gone;
  }

  /** SIGTERM (shutdown hooks run), then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.exited) return;
    const gone = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      await gone;
    } finally {
      clearTimeout(timer);
    }
  }
}
