import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConsoleBrowser,
  DEMO,
  eventually,
  expectAccessible,
  fieldError,
  pageProblems,
  tabTo,
} from '@sandbridge/testing';
import type { Locator, Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// The negotiator's agreements in Chromium: the demo EU negotiator drafts an EU–SG agreement and a
// rule — the API's refusal of a rule without a mode shown at the Mode field, then the mode chosen by
// keyboard — proposes it and approves it; approving twice is refused in words (INVALID_TRANSITION);
// the demo Singapore negotiator, in a second browser context, approves it and it is in force.

let cb: ConsoleBrowser;

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

const SG_NEGOTIATOR = 'negotiator.sg@demo.sandbridge.test';
const NAME = `EU–SG fairness results ${Date.now().toString(36)}`;

async function signedIn(path: string, email: string): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, email);
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

async function choose(scope: Locator, label: string | RegExp, option: string | RegExp): Promise<void> {
  // Focus and ArrowDown open the list (a click may land on a pill or the dialog's sticky header).
  await scope.getByRole('combobox', { name: label }).focus();
  await scope.page().keyboard.press('ArrowDown');
  await scope.page().getByRole('option', { name: option }).click();
  // Tab closes a multiple choice's list (Escape would close the dialog around it).
  await scope.page().keyboard.press('Tab');
}

const status = (page: Page) => page.getByTestId('agreement-status');

async function act(page: Page, action: string): Promise<Locator> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${action} “`) });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: action, exact: true }).click();
  return dialog;
}

describe('negotiator: agreements', () => {
  let agreementUrl = '';

  it('lists the agreements with their parties, status and window, filtered by status', async () => {
    const page = await signedIn(DEMO.negotiator.home, DEMO.negotiator.email);
    const table = page.getByRole('table');
    const row = table.getByRole('row').filter({ hasText: 'EU–Singapore mutual recognition of AI test results' });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('SG – EU');
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('In force');
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('2 of 2');
    expect(await row.getByRole('cell').nth(4).textContent()).toMatch(/^From \d{4}-\d{2}-\d{2}$/);
    await expectAccessible(page, 'agreements list');

    // Only the proposed ones: the GB–EU agreement awaiting the EU's approval, not the EU–SG one.
    await choose(page.locator('main'), 'Status', 'Proposed');
    await row.waitFor({ state: 'detached' });
    const proposed = table.getByRole('row').filter({ hasText: 'Proposed' });
    await proposed.first().waitFor();
    expect(await table.getByRole('cell', { name: /^(Draft|In force|Suspended|Terminated)$/ }).count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('drafts an agreement and a rule (a field error first, then the mode by keyboard), proposes and approves it; the other party approves in its own browser', async () => {
    const eu = await signedIn(DEMO.negotiator.home, DEMO.negotiator.email);
    await eu.getByRole('button', { name: 'New draft agreement' }).click();
    const create = eu.getByRole('dialog', { name: 'New draft agreement' });
    await create.getByLabel(/^Name/).fill(NAME);
    await choose(create, /^Parties/, /^SG/);
    await create.getByRole('button', { name: 'Create draft' }).click();
    await eu.waitForURL(/\/negotiator\/agreements\/[0-9a-f-]{36}$/);
    agreementUrl = new URL(eu.url()).pathname;
    await eu.getByRole('heading', { level: 1, name: NAME }).waitFor();
    expect(await status(eu).textContent()).toBe('Draft');
    // Nothing to propose yet: no rule.
    await eu.getByText('No rule yet').waitFor();
    await expectAccessible(eu, 'draft agreement');

    // The terms: a window that ends before it starts is refused at its field, then left open.
    await eu.getByRole('button', { name: 'Edit the terms' }).click();
    const terms = eu.getByRole('dialog', { name: 'Edit the terms' });
    await terms.getByLabel('In force from').fill('2027-01-01');
    await terms.getByLabel('In force until').fill('2026-01-01');
    await terms.getByRole('button', { name: 'Save the terms' }).click();
    await expect(waitForError(terms.getByLabel('In force until'))).resolves.toBe(
      'Must be after effectiveFrom (the window is [from, to))',
    );
    await terms.getByLabel('In force until').fill('');
    await terms.getByRole('button', { name: 'Save the terms' }).click();
    await terms.waitFor({ state: 'hidden' });
    await eu.getByText(/From 2027-01-01\./).waitFor();

    await eu.getByRole('button', { name: 'Add a rule' }).click();
    const editor = eu.getByRole('dialog', { name: 'Add a rule' });
    await editor.getByLabel(/^Name/).fill('EU-tested fairness results, recognised by Singapore');
    await choose(editor, /^Origins/, 'EU');
    await choose(editor, /^Recognising jurisdictions/, 'SG');
    await choose(editor, 'Categories', 'Fairness');
    await choose(editor, 'Stages', 'Testing');
    await editor.getByLabel('Tested by an accredited lab').check();
    await editor.getByLabel('Maximum result age (days)').fill('365');
    // No mode: the API refuses it (RECOGNISE needs one) and says so at the Mode field.
    await editor.getByRole('button', { name: 'Add the rule' }).click();
    const mode = editor.getByRole('combobox', { name: 'Mode' });
    await expect(waitForError(mode)).resolves.toBe('Is required unless the effect is EXCLUDE');
    await editor.getByText('Check the fields marked below').waitFor();
    await expectAccessible(eu, 'rule editor with a field error');

    // The editor by keyboard: Tab to the mode, choose Conformity with the arrow keys, Tab to the button, Enter.
    await tabTo(eu, mode);
    await eu.keyboard.press('ArrowDown');
    await eu.getByRole('option', { name: 'Conformity' }).waitFor();
    await eu.keyboard.press('Enter');
    await eventually(async () => expect(await mode.inputValue()).toBe('Conformity'));
    await tabTo(eu, editor.getByRole('button', { name: 'Add the rule' }));
    await eu.keyboard.press('Enter');
    await editor.waitFor({ state: 'hidden' });

    const rule = eu.getByRole('article', { name: 'Rule 1' });
    await rule.getByText('SG recognises results tested in EU, by conformity.').waitFor();
    await rule.getByText('Scope: categories Fairness; stages Testing; every sector; every risk class.').waitFor();
    await rule.getByText('Conditions: tested by an accredited lab; at most 365 days old.').waitFor();

    // Edited: the whole rule is replaced, the new age read back.
    await rule.getByRole('button', { name: 'Edit rule 1' }).click();
    const edit = eu.getByRole('dialog', { name: 'Edit the rule' });
    await edit.getByLabel('Maximum result age (days)').fill('180');
    await edit.getByRole('button', { name: 'Save the rule' }).click();
    await rule.getByText('Conditions: tested by an accredited lab; at most 180 days old.').waitFor();

    // A second rule (an exclusion needs no mode), then removed.
    await eu.getByRole('button', { name: 'Add a rule' }).click();
    await choose(editor, /^Origins/, 'SG');
    await choose(editor, /^Recognising jurisdictions/, 'EU');
    await choose(editor, /^Effect/, 'Exclude');
    await editor.getByRole('button', { name: 'Add the rule' }).click();
    const second = eu.getByRole('article', { name: 'Rule 2' });
    await second.getByText('EU does not recognise results tested in SG.').waitFor();
    await second.getByRole('button', { name: 'Remove rule 2' }).click();
    await eu.getByRole('dialog', { name: 'Remove the rule' }).getByRole('button', { name: 'Remove' }).click();
    await second.waitFor({ state: 'detached' });

    await act(eu, 'Propose');
    await expect(waitText(status(eu), 'Proposed')).resolves.toBe('Proposed');
    await expect(rowText(eu, 'EU', /^Awaiting approval$/)).resolves.toBe('Awaiting approval');
    await act(eu, 'Approve');
    await expect(rowText(eu, 'EU', /^Approved/)).resolves.toMatch(/^Approved \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(await status(eu).textContent()).toBe('Proposed');
    // The timeline, from the agreement's history: proposed, then EU's approval, each with its date.
    const timeline = eu.getByRole('region', { name: 'Timeline' });
    const proposedItem = timeline
      .locator('.mantine-Timeline-item')
      .filter({ hasText: /^Proposed\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/ });
    await proposedItem.waitFor();
    await timeline.getByText('Approved by EU').waitFor();
    await expectAccessible(eu, 'proposed agreement');

    // Approving twice: the API refuses it, and the dialog says why in words.
    const again = await act(eu, 'Approve');
    await again.getByText('Not possible in its current state').waitFor();
    await again.getByText(/EU has already approved this agreement/).waitFor();
    await again.getByRole('button', { name: 'Cancel' }).click();

    // Singapore's negotiator, in a browser context of its own, approves: the last party puts it in force.
    const sg = await signedIn(agreementUrl, SG_NEGOTIATOR);
    await sg.getByRole('heading', { level: 1, name: NAME }).waitFor();
    expect(await rowText(sg, 'SG', /^Awaiting approval$/)).toBe('Awaiting approval');
    await act(sg, 'Approve');
    await expect(waitText(status(sg), 'In force')).resolves.toBe('In force');
    await expect(rowText(sg, 'SG', /^Approved/)).resolves.toMatch(/^Approved /);
    await sg.getByText('In force: every party approved').waitFor();
    await sg.getByText('Current status: In force').waitFor();
    // Now it can be suspended or terminated, no longer proposed or approved.
    await sg.getByRole('button', { name: 'Suspend', exact: true }).waitFor();
    await sg.getByRole('button', { name: 'Terminate', exact: true }).waitFor();
    expect(await sg.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);

    // The EU negotiator's page, reloaded, says the same.
    await eu.reload();
    await expect(waitText(status(eu), 'In force')).resolves.toBe('In force');
    expect(pageProblems(eu)).toEqual([]);
    expect(pageProblems(sg)).toEqual([]);
    await eu.context().close();
    await sg.context().close();
  });
});

/** The field's error once it shows. */
async function waitForError(field: Locator): Promise<string | null> {
  await field.locator('xpath=self::*[@aria-invalid="true"]').waitFor();
  return fieldError(field);
}

/** The element's text once it is `text`. */
async function waitText(locator: Locator, text: string): Promise<string | null> {
  await locator.filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
  return locator.textContent();
}

/** The approval cell of a party's row, once it matches `pattern` (when given). */
async function rowText(page: Page, party: string, pattern?: RegExp): Promise<string | null> {
  const row = page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${party}( \\(yours\\))?$`) }) });
  const cell = row.getByRole('cell');
  if (pattern) await cell.filter({ hasText: pattern }).waitFor();
  return cell.textContent();
}
