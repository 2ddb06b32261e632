import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsoleBrowser, DEMO, expectAccessible, pageProblems } from '@sandbridge/testing';
import { ensureBuilt } from './ensure-built.js';

// axe (WCAG 2 A/AA and best practices) on every page of the console: 0 serious or critical
// violations. The pages are the ones each role's navigation lists, found by following it — a page
// added to apps/console/src/app/sections.tsx is checked without a line here — plus the sign-in page
// (with the demo accounts, with a session-ended message, with a refused sign-in), "not found", and
// the systems form showing the API's field errors.

let cb: ConsoleBrowser;

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

describe('accessibility (axe: no serious or critical violation)', () => {
  it('the sign-in page: with the demo accounts, after a session ended, after a refused sign-in', async () => {
    const page = await cb.newPage();
    await page.goto('/sign-in');
    await page.getByRole('region', { name: 'Demo accounts' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await page.goto('/sign-in?reason=expired&next=%2Finnovator%2Fsystems');
    await page.getByText('Your session has ended').waitFor();
    await expectAccessible(page, 'sign-in (session ended)');
    await page.getByLabel('E-mail').fill(DEMO.innovator.email);
    await page.getByLabel(/^Password/).fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Sign-in refused').waitFor();
    await expectAccessible(page, 'sign-in (refused)');
  });

  it.each(Object.entries(DEMO))('every page in the navigation of the demo %s', async (_role, account) => {
    const page = await cb.newPage();
    await cb.signIn(page, account.email);
    const links: string[] = await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link')
      .evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      await page.goto(href);
      await page.getByRole('heading', { level: 1 }).waitFor();
      // Let a page's first query settle (its loader gone) before checking.
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, href);
    }
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await expectAccessible(page, 'not found');
    expect(pageProblems(page)).toEqual([]);
  });

  it('the account menu, the systems form showing the API’s field errors, and a notification', async () => {
    // With the transitions on: the closing dialog keeps its name through its own.
    const page = await cb.newPage({ motion: 'full' });
    await cb.signIn(page, DEMO.innovator.email);
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: /^Account: / }).click();
    await page.getByRole('menu').waitFor();
    await expectAccessible(page, 'account menu');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Register an AI system' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register an AI system' });
    await dialog.getByLabel('Name').fill('X');
    await dialog.getByLabel('Sector').fill('finance');
    await dialog.getByRole('combobox', { name: 'Risk class' }).click();
    await page.getByRole('option', { name: 'High' }).click();
    await dialog.getByLabel('Intended purpose').fill('Short');
    await dialog.getByRole('button', { name: 'Register' }).click();
    await dialog.getByText('Check the fields marked below.').waitFor();
    await expectAccessible(page, 'register form with field errors');

    await dialog.getByLabel('Name').fill('Lumen Accessible Scorer');
    await dialog.getByLabel('Sector').fill('FINANCE');
    await dialog.getByLabel('Intended purpose').fill('Scores applicants; registered to check the notification.');
    await dialog.getByRole('button', { name: 'Register' }).click();
    // The dialog's title came from the state that closes it: it keeps its name to the last frame.
    const names = await page.evaluate(async () => {
      // Runs in the page (the DOM's types are not this program's).
      const { document, requestAnimationFrame } = globalThis as any;
      const seen: string[] = [];
      for (const end = Date.now() + 5_000; Date.now() < end;) {
        const open = document.querySelector('[role="dialog"]');
        if (!open) break;
        const title = open.getAttribute('aria-labelledby');
        seen.push((title && document.getElementById(title)?.textContent) || '');
        await new Promise((frame) => requestAnimationFrame(frame));
      }
      return seen;
    });
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['Register an AI system']));
    await page.getByText('AI system registered').waitFor();
    await expectAccessible(page, 'systems, with a notification');
  });

  it('a page caught while it loads: its named loader has a role (axe failed a report form caught evaluating)', async () => {
    const page = await cb.newPage();
    await cb.signIn(page, DEMO.innovator.email);
    await page.getByRole('table').waitFor();
    // Hold the API's answers, so the next page stays on its loader while axe looks at it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Open programmes' }).click();
    const loader = page.getByRole('status', { name: 'Loading the open programmes' });
    await loader.waitFor();
    await expectAccessible(page, 'open programmes, loading');
    release();
    await loader.waitFor({ state: 'detached' });
    await page.unroute('**/graphql');
  });
});
