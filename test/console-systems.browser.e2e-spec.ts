import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsoleBrowser, DEMO, DEMO_PASSWORD, eventually, fieldError, pageProblems, tabTo } from '@sandbridge/testing';
import type { Locator, Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// "My AI systems" in Chromium, the console's first page end to end: the list, registering a system
// (the API's field problems shown at their fields), editing one, and a CONFLICT whose refresh keeps
// what was typed.

let cb: ConsoleBrowser;

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

async function systemsPage(email: string = DEMO.innovator.email): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, email);
  await page.goto('/innovator/systems');
  await page.getByRole('table').waitFor();
  return page;
}

async function fill(dialog: Locator, values: { name?: string; sector?: string; risk?: string; purpose?: string }) {
  if (values.name !== undefined) await dialog.getByLabel('Name').fill(values.name);
  if (values.sector !== undefined) await dialog.getByLabel('Sector').fill(values.sector);
  if (values.risk !== undefined) {
    await dialog.getByRole('combobox', { name: 'Risk class' }).click();
    await dialog.page().getByRole('option', { name: values.risk }).click();
  }
  if (values.purpose !== undefined) await dialog.getByLabel('Intended purpose').fill(values.purpose);
}

const rowNames = (page: Page) => page.getByRole('table').locator('tbody tr td:first-child').allTextContents();

describe('My AI systems', () => {
  it("lists the innovator's organisation's systems, and no other organisation's", async () => {
    const page = await systemsPage();
    const names = await rowNames(page);
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) expect(name).toMatch(/^Lumen /);
    await page.getByRole('heading', { name: 'My AI systems', level: 1 }).waitFor();
    expect(await page.title()).toBe('My AI systems · Sandbridge');
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows each of the API’s problems with an invalid registration at the field it names', async () => {
    const page = await systemsPage();
    await page.getByRole('button', { name: 'Register an AI system' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register an AI system' });
    await fill(dialog, { name: 'X', sector: 'finance', risk: 'High', purpose: 'Too short' });
    await dialog.getByRole('button', { name: 'Register' }).click();

    // What the API itself says about the same input, field by field.
    const token = await cb.server.login(DEMO.innovator.email, 'sandbridge-demo');
    const refused = await cb.server.gql(
      'mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }',
      { input: { name: 'X', sector: 'finance', riskClass: 'HIGH', intendedPurpose: 'Too short' } },
      token,
    );
    const problems = refused.errors![0].extensions!.errors!;
    expect(problems.map((p) => p.path).sort()).toEqual(['input.intendedPurpose', 'input.name', 'input.sector']);
    const message = (path: string) => {
      const text = problems.find((p) => p.path === path)!.message;
      return text.charAt(0).toUpperCase() + text.slice(1);
    };

    await dialog.getByText('Check the fields marked below.').waitFor();
    expect(await fieldError(dialog.getByLabel('Name'))).toBe(message('input.name'));
    expect(await fieldError(dialog.getByLabel('Sector'))).toBe(message('input.sector'));
    expect(await fieldError(dialog.getByLabel('Sector'))).toBe('Must be an upper-case word such as FINANCE or HEALTH');
    expect(await fieldError(dialog.getByLabel('Intended purpose'))).toBe(message('input.intendedPurpose'));
    expect(await fieldError(dialog.getByRole('combobox', { name: 'Risk class' }))).toBeNull();
    // Nothing was registered.
    expect(await rowNames(page)).not.toContain('X');
  });

  it('registers a system: it joins the list, and the form closes', async () => {
    const page = await systemsPage();
    const before = await rowNames(page);
    await page.getByRole('button', { name: 'Register an AI system' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register an AI system' });
    await fill(dialog, {
      name: 'Lumen Collections Prioritiser',
      sector: 'FINANCE',
      risk: 'Limited',
      purpose: 'Orders the collections queue so that vulnerable customers are called first by trained staff.',
    });
    await dialog.getByRole('button', { name: 'Register' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Lumen Collections Prioritiser', exact: true }).waitFor();
    await eventually(async () => expect((await rowNames(page)).length).toBe(before.length + 1));
    expect(pageProblems(page)).toEqual([]);
  });

  it('edits a system, and the list shows the change', async () => {
    const page = await systemsPage();
    await page.getByRole('button', { name: 'Edit Lumen Arrears Assistant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Lumen Arrears Assistant' });
    await eventually(async () => expect(await dialog.getByLabel('Name').inputValue()).toBe('Lumen Arrears Assistant'));
    await fill(dialog, { purpose: 'A conversational assistant for borrowers in arrears; a human adviser decides.' });
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('A conversational assistant for borrowers in arrears; a human adviser decides.').waitFor();
  });

  it('answers a CONFLICT (a name another system has) with its banner, whose refresh keeps what was typed', async () => {
    const page = await systemsPage();
    // A name another of the organisation's systems has: the API answers CONFLICT.
    await page.getByRole('button', { name: 'Edit Lumen Thin-File Scorer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Lumen Thin-File Scorer' });
    await fill(dialog, { name: 'Lumen Affordability Checker', purpose: 'Typed before the refresh, kept after it.' });
    await dialog.getByRole('button', { name: 'Save changes' }).click();

    const conflict = dialog.getByRole('alert').filter({ hasText: 'Someone else changed this' });
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('already has an AI system named');
    await conflict.getByRole('button', { name: 'Refresh' }).click();
    await eventually(async () => {
      expect(await dialog.getByLabel('Name').inputValue()).toBe('Lumen Affordability Checker');
      expect(await dialog.getByLabel('Intended purpose').inputValue()).toBe('Typed before the refresh, kept after it.');
    });
    expect(pageProblems(page)).toEqual([]);
  });

  it('signs in, registers a system and signs out with the keyboard alone', async () => {
    const page = await cb.newPage();
    await page.goto('/sign-in');
    await tabTo(page, page.getByLabel('E-mail'));
    await page.keyboard.type(DEMO.innovator.email);
    await tabTo(page, page.getByLabel(/^Password/));
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('table').waitFor();

    await tabTo(page, page.getByRole('button', { name: 'Register an AI system' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Register an AI system' });
    // The dialog opens with a transition and then takes the focus: Tab before that moves behind it.
    await dialog.waitFor();
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.closest('[role="dialog"]'));
    await tabTo(page, dialog.getByLabel('Name'), { max: 5 });
    await page.keyboard.type('Lumen Keyboard-Only Scorer');
    await tabTo(page, dialog.getByLabel('Sector'), { max: 5 });
    await page.keyboard.type('FINANCE');
    await tabTo(page, dialog.getByRole('combobox', { name: 'Risk class' }), { max: 5 });
    // The arrow keys open the list and move through it; Enter picks the option they are on.
    const minimal = page.getByRole('option', { name: 'Minimal' });
    await page.keyboard.press('ArrowDown');
    await minimal.waitFor();
    for (let presses = 0; presses < 6 && (await minimal.getAttribute('data-combobox-selected')) === null; presses++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await dialog.getByRole('combobox', { name: 'Risk class' }).inputValue()).toBe('Minimal'),
    );
    await tabTo(page, dialog.getByLabel('Intended purpose'), { max: 5 });
    await page.keyboard.type('Scores applicants; registered without a mouse to prove every step takes a key.');
    await tabTo(page, dialog.getByRole('button', { name: 'Register' }), { max: 5 });
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Lumen Keyboard-Only Scorer', exact: true }).waitFor();

    await tabTo(page, page.getByRole('button', { name: /^Account: / }), { backwards: true });
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sign-in?reason=signed-out');
    expect(pageProblems(page)).toEqual([]);
  });
});
