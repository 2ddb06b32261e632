// The web console in a real browser: the built server on a fresh embedded database with the demo data
// (a ChildServer, as `npm start` runs it) and Debian's Chromium driven by playwright-core — no browser
// download. Used by test/*.browser.e2e-spec.ts (left out by jest.config.mjs when Chromium is missing),
// `npm run docs:screenshots` and `npm run bench:console`. playwright-core and @axe-core/playwright are
// imported only when used: every other test imports this library without loading them.
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ChildServer } from './child-server.js';
import { createEmbeddedTestDatabase } from './crash-safety.js';
import type { TestDatabase } from './test-database.js';

/** The demo accounts' password (README, libs/application/src/demo/demo-data.ts). */
export const DEMO_PASSWORD = 'sandbridge-demo';

/** One demo account of each role, and the page each lands on after signing in (apps/console/src/app/sections.tsx). */
export const DEMO = {
  admin: { email: 'admin@demo.sandbridge.test', home: '/admin/accounts' },
  regulator: { email: 'regulator.fca@demo.sandbridge.test', home: '/regulator/queue' },
  innovator: { email: 'innovator.lumen@demo.sandbridge.test', home: '/innovator/systems' },
  negotiator: { email: 'negotiator.eu@demo.sandbridge.test', home: '/negotiator/agreements' },
} as const;

/** Chromium to drive: CHROMIUM_PATH, or Debian's package; null when neither is there (jest.config.mjs agrees). */
export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

/** What went wrong in a page: uncaught exceptions and console errors (a CSP refusal, a failed request, a React warning). */
const problems = new WeakMap<Page, string[]>();

export interface ConsoleBrowserOptions {
  /** The built server (`await ensureBuilt('dist/apps/api/src/main.js')`, with the console built too). */
  entry: string;
  /** More of the server's environment. */
  env?: Record<string, string>;
  /** A browser window this size (default 1280 × 800). */
  viewport?: { width: number; height: number };
}

/**
 * A fresh server with the demo data and a Chromium to open it. Each `newPage()` is a browser context
 * of its own (its own storage: a separate person); close everything with `close()`.
 */
export class ConsoleBrowser {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly server: ChildServer,
    readonly browser: Browser,
    private readonly database: TestDatabase,
    private readonly viewport: { width: number; height: number },
  ) {}

  static async start({ entry, env = {}, viewport = { width: 1280, height: 800 } }: ConsoleBrowserOptions) {
    const executablePath = chromiumPath();
    if (!executablePath)
      throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH (jest.config.mjs)');
    const database = await createEmbeddedTestDatabase();
    let server: ChildServer | undefined;
    try {
      server = await ChildServer.start({
        entry,
        env: {
          DATA_DIR: database.dataDir,
          SEED_DEMO: 'true',
          PASSWORD_HASH_COST: '10',
          NO_COLOR: '1',
          ...env,
        },
        startTimeoutMs: 180_000,
      });
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath, headless: true, chromiumSandbox: false });
      return new ConsoleBrowser(server, browser, database, viewport);
    } catch (error) {
      await server?.stop();
      await database.drop();
      throw error;
    }
  }

  get url(): string {
    return this.server.url;
  }

  /**
   * A page in a new browser context (fresh storage: no session), its problems recorded (pageProblems).
   * The browser asks for reduced motion unless `motion: 'full'`: the console then shows and hides
   * dialogs and notifications without transitions, so that no check meets a half-faded element.
   */
  async newPage({ motion = 'reduce' }: { motion?: 'reduce' | 'full' } = {}): Promise<Page> {
    const context = await this.browser.newContext({
      baseURL: this.url,
      viewport: this.viewport,
      reducedMotion: motion === 'reduce' ? 'reduce' : 'no-preference',
    });
    this.contexts.push(context);
    const page = await context.newPage();
    // A step that has not happened in 15 s will not: fail with its call log rather than at Jest's timeout.
    page.setDefaultTimeout(15_000);
    const seen: string[] = [];
    problems.set(page, seen);
    page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') seen.push(`console: ${message.text()}`);
    });
    return page;
  }

  /**
   * Signs in through the sign-in page (e-mail, password, the button) and waits until the console
   * shows the page it goes to (its heading); starts from `/sign-in` unless the page is already there.
   */
  async signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
    if (!new URL(page.url(), this.url).pathname.startsWith('/sign-in')) await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.getByRole('heading', { level: 1 }).waitFor();
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser?.close().catch(() => undefined);
    await this.server.stop();
    await this.database.drop();
  }
}

/** The uncaught exceptions and console errors a page of ConsoleBrowser had so far. */
export function pageProblems(page: Page): string[] {
  return [...(problems.get(page) ?? [])];
}

/**
 * Waits until no finite CSS transition or animation runs (a closing dialog, a notification sliding
 * in): axe measures what it sees, and a half-faded element has the contrast of neither end.
 * Endless animations (a loader's spin) are not waited for.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      // Runs in the page (the DOM's types are not this program's).
      type Running = { playState: string; effect: { getTiming(): { iterations?: number } } | null };
      const page = (globalThis as any).document as { getAnimations(): Running[] };
      return page
        .getAnimations()
        .every(
          (animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity,
        );
    },
    undefined,
    { timeout: 10_000 },
  );
}

/**
 * Runs axe (WCAG 2 A and AA rules and axe's best practices) on the page as it is now and fails with
 * every serious or critical violation, named with the elements it found. `where` names the page in
 * the message.
 */
export async function expectAccessible(page: Page, where = new URL(page.url()).pathname): Promise<void> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (!bad.length) return;
  const lines = bad.map(
    (v) =>
      `- ${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`)
        .join('\n'),
  );
  throw new Error(`${where}: ${bad.length} serious or critical accessibility violation(s):\n${lines.join('\n')}`);
}

/**
 * The error message shown at a form field (Mantine links it to the input with aria-describedby and
 * marks the input aria-invalid), or null when the field shows none. `field` is the input, e.g.
 * `page.getByLabel('Name')`.
 */
export async function fieldError(field: Locator): Promise<string | null> {
  // Runs in the page (this project's TypeScript has no DOM types: the page's document is typed here).
  type Element = { id: string; textContent: string | null };
  return field.evaluate((input) => {
    if (input.getAttribute('aria-invalid') !== 'true') return null;
    const { document } = globalThis as unknown as { document: { getElementById(id: string): Element | null } };
    const ids: string[] = String(input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean);
    const error = ids.map((id) => document.getElementById(id)).find((el: Element | null) => el?.id.endsWith('-error'));
    return error?.textContent?.trim() ?? null;
  });
}

/**
 * Waits until `field` is marked invalid (the form's own check or the API's answer may take a
 * moment after the click), then returns its error message as fieldError does.
 */
export async function shownFieldError(field: Locator): Promise<string | null> {
  await field.and(field.page().locator('[aria-invalid="true"]')).waitFor();
  return fieldError(field);
}

/**
 * Presses Tab until `target` has the focus, at most `max` times, and fails otherwise: the element is
 * reachable by keyboard. (Shift+Tab with `backwards`.)
 */
export async function tabTo(page: Page, target: Locator, { max = 40, backwards = false } = {}): Promise<void> {
  const focused = () => target.evaluate((element) => element === (globalThis as any).document.activeElement);
  // Already there (a dialog focuses its first field when it opens): no key to press.
  if (await focused()) return;
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await focused()) return;
  }
  throw new Error(`${String(target)} was not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}
