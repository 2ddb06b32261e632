import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

/**
 * The built server with the demo data and Debian's Chromium, for `npm run bench:console` and
 * `npm run docs:screenshots` (the tests have the same in libs/testing/src/browser.ts, on the test
 * databases).
 */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_PASSWORD = 'sandbridge-demo';

export interface ConsoleServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The built API (dist/apps/api/src/main.js, as `npm start` runs it) on a fresh embedded database in a
 * temporary directory — so the demo data is loaded — on a free port of 127.0.0.1. Resolves once GET
 * /health answers; `stop()` ends it and removes the data.
 */
export async function startConsoleServer(): Promise<ConsoleServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sandbridge-console-'));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      PASSWORD_HASH_COST: '10',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let port: number | undefined;
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-65_536);
    port ??= Number(/Sandbridge API on http:\/\/[^\s/]+:(\d+)\//.exec(log)?.[1]) || undefined;
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const stop = async () => {
    if (!exited()) {
      const gone = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited()) {
      await stop();
      throw new Error(`The server exited before it answered:\n${log}`);
    }
    if (port) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return { url: `http://127.0.0.1:${port}`, stop };
      } catch {
        // Not answering yet.
      }
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer within 180 s:\n${log}`);
    }
    await sleep(100);
  }
}

/** Headless Chromium: CHROMIUM_PATH or Debian's /usr/bin/chromium (`apt-get install chromium`). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath}: apt-get install chromium, or set CHROMIUM_PATH`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true, chromiumSandbox: false });
}

/** Signs in through the sign-in page and waits for the page it leads to (its heading). */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.getByRole('heading', { level: 1 }).waitFor();
}
