import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsoleBrowser, DEMO, DEMO_PASSWORD, pageProblems } from '@sandbridge/testing';
import type { Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// The console's sessions in Chromium, on the built server with the demo data: signing in (each role
// lands on its home, with its own navigation), signing out, and a session the API ends meanwhile —
// back to the sign-in page with a message, then back to where the person was.

let cb: ConsoleBrowser;

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

const path = (page: Page) => new URL(page.url()).pathname;
const navigation = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

describe('signing in', () => {
  it.each(Object.entries(DEMO))(
    'the demo %s lands on its home page, with its own section in the navigation and no other',
    async (role, account) => {
      const page = await cb.newPage();
      await page.goto('/');
      await page.waitForURL('**/sign-in');
      await cb.signIn(page, account.email);
      expect(path(page)).toBe(account.home);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const links = await navigation(page)
        .getByRole('link')
        .evaluateAll((all) => all.map((a) => a.getAttribute('href')));
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) expect(href).toMatch(new RegExp(`^/${role}/`));
      await page.getByRole('button', { name: /^Account: / }).waitFor();
      expect(pageProblems(page)).toEqual([]);
    },
  );

  it('lists the demo accounts outside production, and one click signs in as one of them', async () => {
    const page = await cb.newPage();
    await page.goto('/sign-in');
    const demo = page.getByRole('region', { name: 'Demo accounts' });
    await demo.waitFor();
    await demo.getByText(DEMO_PASSWORD).waitFor();
    for (const account of Object.values(DEMO)) await demo.getByText(account.email).waitFor();
    await demo.getByRole('button', { name: `Sign in as ${DEMO.regulator.email}` }).click();
    await page.waitForURL(`**${DEMO.regulator.home}`);
    expect(pageProblems(page)).toEqual([]);
  });

  it('refuses a wrong password with a message, and stays on the sign-in page', async () => {
    const page = await cb.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(DEMO.innovator.email);
    await page.getByLabel(/^Password/).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Sign-in refused' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Wrong e-mail or password');
    expect(path(page)).toBe('/sign-in');
  });

  it('takes a person who opened a page without a session to it once signed in', async () => {
    const page = await cb.newPage();
    await page.goto('/innovator/programmes');
    await page.waitForURL('**/sign-in?next=%2Finnovator%2Fprogrammes');
    await cb.signIn(page, DEMO.innovator.email);
    expect(path(page)).toBe('/innovator/programmes');
  });

  it("takes a person to their own home when the page they asked for is another role's", async () => {
    const page = await cb.newPage();
    await page.goto('/regulator/criteria');
    await cb.signIn(page, DEMO.innovator.email);
    expect(path(page)).toBe(DEMO.innovator.home);
    // Opened directly, another role's page says so.
    await page.goto('/regulator/criteria');
    await page.getByRole('heading', { name: 'Not for your role', level: 1 }).waitFor();
  });
});

describe('signing out', () => {
  it('forgets the token: the sign-in page says so, and the console’s pages need signing in again', async () => {
    const page = await cb.newPage();
    await cb.signIn(page, DEMO.innovator.email);
    await page.getByRole('button', { name: /^Account: / }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.waitForURL('**/sign-in?reason=signed-out');
    await page.getByText('You have signed out').waitFor();
    expect(await page.evaluate(() => JSON.stringify((globalThis as any).localStorage))).not.toContain('token');
    await page.goto(DEMO.innovator.home);
    await page.waitForURL('**/sign-in?next=**');
    expect(pageProblems(page)).toEqual([]);
  });

  it('signs out in every tab of the browser at once', async () => {
    const first = await cb.newPage();
    await cb.signIn(first, DEMO.negotiator.email);
    const second = await first.context().newPage();
    await second.goto(DEMO.negotiator.home);
    await second.getByRole('heading', { level: 1 }).waitFor();
    await first.getByRole('button', { name: /^Account: / }).click();
    await first.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await second.waitForURL('**/sign-in?reason=signed-out');
  });
});

describe('a session that ends meanwhile', () => {
  it('goes back to the sign-in page with a message, then back to where the person was', async () => {
    const page = await cb.newPage();
    await cb.signIn(page, DEMO.innovator.email);
    await page.getByRole('table').waitFor();
    // The account signs out everywhere from another device: the console's token stops working.
    const elsewhere = await cb.server.login(DEMO.innovator.email, DEMO_PASSWORD);
    const revoked = await cb.server.gql('mutation { revokeSessions { id } }', {}, elsewhere);
    expect(revoked.errors).toBeUndefined();

    // The next request the console makes is refused: UNAUTHENTICATED.
    await page.reload();
    await page.waitForURL('**/sign-in?reason=expired&next=%2Finnovator%2Fsystems');
    await page.getByText('Your session has ended').waitFor();
    await cb.signIn(page, DEMO.innovator.email);
    expect(path(page)).toBe('/innovator/systems');
    await page.getByRole('table').waitFor();
  });

  it('also when the refused request is an action on the page, not a page load', async () => {
    const page = await cb.newPage();
    await cb.signIn(page, DEMO.innovator.email);
    await page.getByRole('table').waitFor();
    const elsewhere = await cb.server.login(DEMO.innovator.email, DEMO_PASSWORD);
    await cb.server.gql('mutation { revokeSessions { id } }', {}, elsewhere);

    await page.getByRole('button', { name: 'Register an AI system' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Lumen Session Probe');
    await dialog.getByLabel('Sector').fill('FINANCE');
    await dialog.getByRole('combobox', { name: 'Risk class' }).click();
    await page.getByRole('option', { name: 'Limited' }).click();
    await dialog.getByLabel('Intended purpose').fill('Checks that a session ended elsewhere is noticed');
    await dialog.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL('**/sign-in?reason=expired&next=%2Finnovator%2Fsystems');
  });
});

describe('subscriptions', () => {
  it("may open graphql-ws's WebSocket to /graphql under the console's content security policy", async () => {
    const page = await cb.newPage();
    await cb.signIn(page, DEMO.innovator.email);
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const { WebSocket, location } = globalThis as any;
          const socket = new WebSocket(`ws://${location.host}/graphql`, 'graphql-transport-ws');
          socket.onopen = () => {
            socket.close();
            resolve('open');
          };
          socket.onerror = () => resolve('refused');
        }),
    );
    expect(outcome).toBe('open');
    expect(pageProblems(page)).toEqual([]);
  });
});
