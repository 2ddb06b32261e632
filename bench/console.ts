import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, ROOT, signIn, startConsoleServer } from './console-browser.js';

/**
 * npm run bench:console — how soon the console is usable, in Chromium on the built server (127.0.0.1,
 * the demo data), each load in a new browser context (an empty cache: a first visit). Not a test: it
 * prints figures. Two first routes, BENCH_RUNS times each (default 5):
 *   - the sign-in page, opened signed out: until its form takes input;
 *   - the innovator's home (My AI systems), opened signed in: until its table shows the systems —
 *     the page's own chunk and its query included.
 * Baseline, measured in the same run and the same way: `/health` (a few bytes of JSON, no script) in a
 * new context — the floor of a fresh context, a navigation and a paint on this machine; every route
 * prints its ratio to it.
 * Also the console's initial JavaScript (the build's figure, dist/console/initial-js.json). Targets
 * (issue 14): first route interactive ≤ 1.5 s (the median), initial JavaScript ≤ 350 KB gzipped.
 */

const RUNS = Number(process.env.BENCH_RUNS) > 0 ? Number(process.env.BENCH_RUNS) : 5;
const TARGET_MS = 1500;
const INNOVATOR = 'innovator.lumen@demo.sandbridge.test';

interface Route {
  name: string;
  path: string;
  /** Storage of a signed-in browser, or none. */
  storage?: BrowserContextOptions['storageState'];
  interactive: (page: Page) => Promise<unknown>;
}

async function time(browser: Browser, url: string, route: Route): Promise<number> {
  const context = await browser.newContext({ baseURL: url, storageState: route.storage });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(route.path, { waitUntil: 'commit' });
  await route.interactive(page);
  const elapsed = performance.now() - started;
  await context.close();
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const js = JSON.parse(readFileSync(join(ROOT, 'dist/console/initial-js.json'), 'utf8')) as {
    bytes: number;
    gzipBytes: number;
    limitBytes: number;
    files: string[];
  };
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `initial JavaScript: ${kb(js.gzipBytes)} gzipped (${kb(js.bytes)} raw, ${js.files.length} files); ` +
      `budget ${kb(js.limitBytes)}: ${js.gzipBytes <= js.limitBytes ? 'met' : 'NOT met'}`,
  );

  process.stderr.write('Starting the built server with the demo data…\n');
  const server = await startConsoleServer();
  const browser = await launchChromium();
  try {
    const session = await browser.newContext({ baseURL: server.url });
    await signIn(await session.newPage(), INNOVATOR);
    const storage = await session.storageState();
    await session.close();

    const baseline: Route = {
      name: 'baseline: /health in a new context (no script)',
      path: '/health',
      interactive: (page) => page.locator('body').waitFor(),
    };
    const routes: Route[] = [
      baseline,
      {
        name: 'sign-in page (signed out)',
        path: '/sign-in',
        interactive: (page) => page.getByRole('button', { name: 'Sign in', exact: true }).waitFor(),
      },
      {
        name: 'My AI systems (signed in, with its data)',
        path: '/innovator/systems',
        storage,
        interactive: (page) => page.getByRole('table').getByRole('cell').first().waitFor(),
      },
    ];
    // One load of each first: Chromium's own start-up costs are not the console's.
    for (const route of routes) await time(browser, server.url, route);
    let floor = 0;
    for (const route of routes) {
      const runs: number[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await time(browser, server.url, route));
      const m = median(runs);
      const spread = `median of ${RUNS}; min ${Math.min(...runs).toFixed(0)}, max ${Math.max(...runs).toFixed(0)}`;
      if (route === baseline) {
        floor = m;
        console.log(`${route.name}: loaded in ${m.toFixed(0)} ms (${spread})`);
        continue;
      }
      console.log(
        `${route.name}: interactive in ${m.toFixed(0)} ms (${spread}; ${(m / floor).toFixed(1)}× the baseline); ` +
          `target ≤ ${TARGET_MS} ms: ${m <= TARGET_MS ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
