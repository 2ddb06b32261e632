import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConsoleBrowser,
  DEMO,
  DEMO_PASSWORD,
  eventually,
  expectAccessible,
  fieldError,
  pageProblems,
  tabTo,
} from '@sandbridge/testing';
import type { Locator, Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// The regulator's setup pages in Chromium, as the demo FCA regulator: a criterion written (the API's
// refusal of its threshold shown at the field), published, revised and compared version by version;
// a programme created, its participants changed, criteria attached per stage and opened once its
// lifecycle allows it (the reason shown while it does not); and two FCA regulators saving the same
// draft, the second told that someone else changed it, keeping its input through the refresh.

let cb: ConsoleBrowser;

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

/** A key and a name no run of this file has used before (the server is fresh, but be safe in one run). */
const run = Date.now().toString(36);
const KEY = `testing.decision-latency-${run}`;
const PROGRAMME = `Decision latency pilot ${run}`;

async function signedIn(path: string, email: string = DEMO.regulator.email, password = DEMO_PASSWORD): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, email, password);
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

async function choose(scope: Locator, label: string | RegExp, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await scope.page().getByRole('option', { name: option }).click();
}

/** The cell of the version history for a field (its row) and a version (its column, from 1). */
function historyCell(page: Page, field: string, version: number): Locator {
  return page
    .getByRole('table', { name: 'Versions side by side' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: field, exact: true }) })
    .getByRole('cell')
    .nth(version - 1);
}

const columnHeaders = (page: Page) =>
  page.getByRole('table', { name: 'Versions side by side' }).getByRole('columnheader').allTextContents();

describe('regulator setup: criteria', () => {
  it('writes a criterion (the invalid threshold shown at its field), publishes it, revises it and compares the versions', async () => {
    const page = await signedIn('/regulator/criteria');
    await page.getByRole('cell', { name: 'testing.auc' }).first().waitFor();
    await page.getByRole('button', { name: 'New criterion' }).click();
    const dialog = page.getByRole('dialog', { name: 'New criterion' });
    await dialog.getByLabel(/^Key/).fill(KEY);
    await dialog.getByLabel(/^Title/).fill('Decision latency');
    await dialog.getByLabel('Description').fill('The 99th percentile of the time to a credit decision.');
    await choose(dialog, /^Stage/, 'Testing');
    await choose(dialog, /^Category/, 'Robustness');
    await dialog.getByRole('radio', { name: 'Metric' }).check();
    await dialog.getByLabel(/^Metric key/).fill('latency.p99_ms');
    await dialog.getByLabel(/^Unit/).fill('ms');
    await choose(dialog, /^Comparator/, 'Between (inclusive)');
    await dialog.getByLabel(/^Lower threshold/).fill('500');
    // The upper bound below the lower one: the API refuses it, naming the field.
    await dialog.getByLabel(/^Upper threshold/).fill('100');
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await dialog.getByText('Check the fields marked below.').waitFor();
    expect(await fieldError(dialog.getByLabel(/^Upper threshold/))).toBe('Must be greater than threshold');
    expect(await fieldError(dialog.getByLabel(/^Lower threshold/))).toBeNull();
    expect(await fieldError(dialog.getByLabel(/^Metric key/))).toBeNull();
    await expectAccessible(page, 'criterion form with a field error');

    // Fixed, it is created as version 1, a draft, and its history opens.
    await dialog.getByLabel(/^Upper threshold/).fill('900');
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForURL(/\/regulator\/criteria\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Decision latency', level: 1 }).waitFor();
    await eventually(async () => expect(await columnHeaders(page)).toEqual(['Field', 'Version 1Draft']));
    await eventually(async () => {
      expect(await historyCell(page, 'Comparator', 1).textContent()).toBe('Between (inclusive)');
      expect(await historyCell(page, 'Upper threshold', 1).textContent()).toBe('900');
    });

    // Published: active, and no longer editable.
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    const publish = page.getByRole('dialog', { name: `Publish version 1 of ${KEY}?` });
    await publish.getByRole('button', { name: 'Publish' }).click();
    await publish.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Revise' }).waitFor();
    await eventually(async () => expect(await columnHeaders(page)).toEqual(['Field', 'Version 1Active']));
    expect(await page.getByRole('button', { name: 'Edit draft' }).count()).toBe(0);

    // Revised: version 2 is a draft copy; edited, its changes are marked against version 1.
    await page.getByRole('button', { name: 'Revise' }).click();
    const revise = page.getByRole('dialog', { name: `Revise version 1 of ${KEY}?` });
    await revise.getByRole('button', { name: 'Make a new draft' }).click();
    await revise.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Edit draft' }).waitFor();
    await eventually(async () =>
      expect(await columnHeaders(page)).toEqual(['Field', 'Version 1Active', 'Version 2Draft']),
    );
    await page.getByRole('button', { name: 'Edit draft' }).click();
    const edit = page.getByRole('dialog', { name: `Edit version 2 of ${KEY}` });
    await eventually(async () => expect(await edit.getByLabel(/^Upper threshold/).inputValue()).toBe('900'));
    await edit.getByLabel(/^Title/).fill('Decision latency (99th percentile)');
    await edit.getByLabel(/^Upper threshold/).fill('800');
    await edit.getByRole('button', { name: 'Save draft' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Decision latency (99th percentile)', level: 1 }).waitFor();
    await eventually(async () => {
      expect(await historyCell(page, 'Upper threshold', 2).textContent()).toBe('800changed');
      expect(await historyCell(page, 'Upper threshold', 1).textContent()).toBe('900');
      expect(await historyCell(page, 'Title', 2).getAttribute('data-changed')).toBe('true');
      expect(await historyCell(page, 'Threshold', 2).getAttribute('data-changed')).toBeNull();
      expect(await historyCell(page, 'Threshold', 2).textContent()).toBe('500');
      expect(await historyCell(page, 'Metric key', 2).textContent()).toBe('latency.p99_ms');
    });
    await expectAccessible(page, 'version history');

    // Version 2 published retires version 1, unchanged.
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page
      .getByRole('dialog', { name: `Publish version 2 of ${KEY}?` })
      .getByRole('button', { name: 'Publish' })
      .click();
    await page.getByRole('button', { name: 'Retire version 2' }).waitFor();
    await eventually(async () =>
      expect(await columnHeaders(page)).toEqual(['Field', 'Version 1Retired', 'Version 2Active']),
    );
    await eventually(async () => expect(await historyCell(page, 'Upper threshold', 1).textContent()).toBe('900'));

    // The list shows both versions of the key, found by stage, status and words.
    await page.getByRole('link', { name: 'Criteria', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Criteria', level: 1 }).waitFor();
    await page.getByLabel('Search').fill(run);
    await choose(page.locator('main'), 'Stage', 'Testing');
    const rows = page.getByRole('table').getByRole('row').filter({ hasText: KEY });
    await page.getByText('2 criterion versions', { exact: true }).waitFor();
    expect(await rows.count()).toBe(2);
    await choose(page.locator('main'), 'Status', 'Retired');
    await page.getByText('1 criterion version', { exact: true }).waitFor();
    await expect(rows.textContent()).resolves.toContain('version 1');
    // A retired version's menu offers only its history.
    await page.getByRole('button', { name: `Actions for ${KEY} version 1` }).click();
    await eventually(async () =>
      expect(await page.getByRole('menuitem').allTextContents()).toEqual(['Version history']),
    );
    await page.getByRole('menuitem', { name: 'Version history' }).click();
    await page.getByRole('heading', { name: 'Decision latency (99th percentile)', level: 1 }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('retires an active version from the list; an unknown id shows that it does not exist', async () => {
    const token = await cb.server.login(DEMO.regulator.email, DEMO_PASSWORD);
    const key = `exit.to-retire-${run}`;
    const created = await cb.server.gql<{ createCriterion: { id: string } }>(
      'mutation($input: CreateCriterionInput!) { createCriterion(input: $input) { id } }',
      {
        input: {
          key,
          title: 'Soon out of use',
          stage: 'EXIT',
          category: 'SAFETY',
          kind: 'ATTESTATION',
          statement: 'Done.',
        },
      },
      token,
    );
    const id = created.data!.createCriterion.id;
    await cb.server.gql('mutation($id: ID!) { publishCriterion(input: { id: $id }) { id } }', { id }, token);

    const page = await signedIn('/regulator/criteria');
    await page.getByLabel('Search').fill(key);
    await page.getByText('1 criterion version', { exact: true }).waitFor();
    await page.getByRole('button', { name: `Actions for ${key} version 1` }).click();
    await page.getByRole('menuitem', { name: 'Retire' }).click();
    const dialog = page.getByRole('dialog', { name: `Retire version 1 of ${key}?` });
    await dialog.getByRole('button', { name: 'Retire' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: key }).getByText('Retired', { exact: true }).waitFor();

    await page.goto('/regulator/criteria/00000000-0000-4000-8000-000000000000');
    await page.getByText('This criterion does not exist, or is not yours to see.').waitFor();
    await expectAccessible(page, 'unknown criterion');
    expect(pageProblems(page)).toEqual([]);
  });
});

describe('regulator setup: programmes', () => {
  it('creates a programme, changes its participants, attaches criteria per stage and opens it once allowed', async () => {
    const page = await signedIn('/regulator/programmes');
    await page.getByRole('link', { name: 'Cross-border AI credit-scoring pilot' }).waitFor();
    await page.getByRole('button', { name: 'Create a programme' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a programme' });
    await dialog.getByLabel(/^Name/).fill(PROGRAMME);
    await dialog.getByLabel('Description').fill('Tests how fast credit decisions are made, and whether fast is fair.');
    await dialog.getByLabel('Sectors').fill('FINANCE');
    await dialog.getByLabel('Sectors').press('Enter');
    await dialog.getByLabel('Applications open').fill('2027-06-01');
    // Closing before opening: the API names the field.
    await dialog.getByLabel('Applications close').fill('2027-01-31');
    await dialog.getByLabel(/^Cohort capacity/).fill('5');
    await dialog.getByLabel(/^Maximum testing days/).fill('90');
    await dialog.getByRole('radio', { name: 'Lead decides' }).check();
    await dialog.getByRole('checkbox', { name: 'Accept recognised results' }).check();
    await dialog.getByRole('button', { name: 'Create draft programme' }).click();
    await dialog.getByText('Check the fields marked below.').waitFor();
    expect(await fieldError(dialog.getByLabel('Applications close'))).toBe('Must not be before applicationOpens');
    await dialog.getByLabel('Applications close').fill('2027-12-31');
    await dialog.getByRole('button', { name: 'Create draft programme' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForURL(/\/regulator\/programmes\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: PROGRAMME, level: 1 }).waitFor();
    const overview = page.getByRole('region', { name: 'Overview' });
    await eventually(async () => {
      expect(await overview.textContent()).toContain('Lead decides');
      expect(await overview.textContent()).toContain('Accepted: results recognised through agreements');
    });

    // Edited by its lead: a capacity of 0 is refused at its field; 8 is saved.
    await page.getByRole('button', { name: 'Edit programme' }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${PROGRAMME}` });
    await eventually(async () => expect(await edit.getByLabel(/^Name/).inputValue()).toBe(PROGRAMME));
    await edit.getByLabel(/^Cohort capacity/).fill('0');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('Check the fields marked below.').waitFor();
    expect(await fieldError(edit.getByLabel(/^Cohort capacity/))).toBe('Must not be less than 1');
    await edit.getByLabel(/^Cohort capacity/).fill('8');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await overview.getByText('8 places').waitFor();

    // A draft with no ENTRY criterion may not open: the button is disabled, with the API's reason beside it.
    const lifecycle = page.getByRole('region', { name: 'Lifecycle' });
    const open = lifecycle.getByRole('button', { name: 'Open for applications' });
    await eventually(async () => expect(await open.isDisabled()).toBe(true));
    await lifecycle.getByText('(missing: FCA)', { exact: false }).waitFor();

    // Participants: the lead adds MAS (who is then missing an entry criterion too), and removes it.
    const participants = page.getByRole('region', { name: 'Participating authorities' });
    await participants.getByRole('combobox', { name: 'Authority to add' }).fill('MAS');
    await page.getByRole('option', { name: /^MAS \(SG\)/ }).click();
    await participants.getByRole('button', { name: 'Add participant' }).click();
    await participants.getByRole('cell', { name: /Monetary Authority of Singapore/ }).waitFor();
    await lifecycle.getByText('(missing: FCA, MAS)', { exact: false }).waitFor();
    await participants.getByRole('button', { name: 'Remove MAS' }).click();
    await participants.getByRole('cell', { name: /Monetary Authority of Singapore/ }).waitFor({ state: 'detached' });

    // The criterion written above goes to its stage (testing), optional; an entry criterion, mandatory.
    const testing = page.getByRole('region', { name: 'Testing criteria' });
    await testing.getByRole('combobox', { name: /active testing criteria/ }).fill(KEY);
    await page.getByRole('option', { name: new RegExp(`^${KEY.replace(/\./g, '\\.')} \\(v2\\)`) }).click();
    await testing.getByRole('checkbox', { name: 'Mandatory' }).uncheck();
    await testing.getByRole('button', { name: 'Attach' }).click();
    const flag = testing.getByRole('switch', { name: `Mandatory: ${KEY}` });
    await flag.waitFor();
    await eventually(async () => {
      expect(await flag.isChecked()).toBe(false);
      expect(await open.isDisabled()).toBe(true);
    });

    const entry = page.getByRole('region', { name: 'Entry criteria' });
    await entry.getByRole('combobox', { name: /active entry criteria/ }).fill('entry.in-scope');
    await page.getByRole('option', { name: /^entry\.in-scope \(v1\)/ }).click();
    await entry.getByRole('button', { name: 'Attach' }).click();
    await eventually(async () =>
      expect(await entry.getByRole('switch', { name: 'Mandatory: entry.in-scope' }).isChecked()).toBe(true),
    );

    // Now it may open; once open, opening again is disabled with its reason, and it may start.
    await lifecycle.getByText('(missing: FCA)', { exact: false }).waitFor({ state: 'detached' });
    await eventually(async () => expect(await open.isEnabled()).toBe(true));
    await expectAccessible(page, 'programme page (draft)');
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: `Open for applications: ${PROGRAMME}?` });
    await confirm.getByRole('button', { name: 'Open for applications' }).click();
    await confirm.waitFor({ state: 'detached' });
    await lifecycle.getByText('Cannot OPEN a programme that is OPEN (only from DRAFT)').waitFor();
    await eventually(async () => {
      expect(await lifecycle.getByRole('button', { name: 'Start running' }).isEnabled()).toBe(true);
      expect(await page.getByRole('heading', { level: 1 }).locator('..').textContent()).toContain('Open');
      // Open, participants may still be added but no longer removed.
      expect(await participants.getByRole('button', { name: 'Add participant' }).count()).toBe(1);
    });
    await expectAccessible(page, 'programme page (open)');

    // The list shows it among the authority's programmes.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Programmes' }).click();
    await page.getByRole('link', { name: PROGRAMME }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows a disabled action with its reason to a participant that does not lead', async () => {
    // MAS takes part in the demo programme the FCA leads: it attaches its own criteria, moves nothing.
    const page = await signedIn('/regulator/programmes', 'regulator.mas@demo.sandbridge.test');
    await page.getByRole('link', { name: 'Cross-border AI credit-scoring pilot' }).click();
    await page.getByRole('heading', { name: 'Cross-border AI credit-scoring pilot', level: 1 }).waitFor();
    const lifecycle = page.getByRole('region', { name: 'Lifecycle' });
    await eventually(async () => {
      expect(await lifecycle.getByRole('button', { name: 'Start running' }).isDisabled()).toBe(true);
      expect(await lifecycle.getByText('Only the lead authority’s regulators may do this').count()).toBe(3);
    });
    const participants = page.getByRole('region', { name: 'Participating authorities' });
    await participants.getByText('Only the lead authority (FCA) adds and removes participants.').waitFor();
    expect(await participants.getByRole('button', { name: 'Add participant' }).count()).toBe(0);
    // Its own criteria carry a mandatory switch and a detach button; the FCA's do not.
    const entry = page.getByRole('region', { name: 'Entry criteria' });
    await entry.getByRole('switch', { name: 'Mandatory: entry.feat-assessment' }).waitFor();
    expect(await entry.getByRole('switch', { name: 'Mandatory: entry.in-scope' }).count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
  });
});

describe('regulator setup: two regulators, one draft', () => {
  it('answers the second save with CONFLICT; its refresh keeps the input, names what changed, and the next save wins', async () => {
    // A colleague of the demo regulator at the FCA, and a draft both will edit.
    const fiona = await cb.server.login(DEMO.regulator.email, DEMO_PASSWORD);
    const me = await cb.server.gql<{ me: { authority: { id: string } } }>('{ me { authority { id } } }', {}, fiona);
    const admin = await cb.server.login(DEMO.admin.email, DEMO_PASSWORD);
    const colleague = `colleague.${run}@fca.example.test`;
    const PASSWORD = 'a colleague’s long passphrase';
    const account = await cb.server.gql(
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      {
        input: {
          email: colleague,
          displayName: 'Colin Ashby (FCA Innovation)',
          role: 'REGULATOR',
          authorityId: me.data!.me.authority.id,
          password: PASSWORD,
        },
      },
      admin,
    );
    expect(account.errors).toBeUndefined();
    const created = await cb.server.gql<{ createCriterion: { id: string } }>(
      'mutation($input: CreateCriterionInput!) { createCriterion(input: $input) { id } }',
      {
        input: {
          key: `entry.shared-draft-${run}`,
          title: 'Governance of model changes',
          stage: 'ENTRY',
          category: 'ACCOUNTABILITY',
          kind: 'EVIDENCE',
          evidenceType: 'change-management-policy',
        },
      },
      fiona,
    );
    const path = `/regulator/criteria/${created.data!.createCriterion.id}`;

    const first = await signedIn(path);
    const second = await signedIn(path, colleague, PASSWORD);
    const openEditor = async (page: Page) => {
      await page.getByRole('button', { name: 'Edit draft' }).click();
      const dialog = page.getByRole('dialog', { name: /^Edit version 1 of entry\.shared-draft-/ });
      await dialog.getByLabel(/^Title/).waitFor();
      return dialog;
    };
    const a = await openEditor(first);
    const b = await openEditor(second);
    await a.getByLabel(/^Title/).fill('Governance of model changes, reviewed');
    await b.getByLabel(/^Title/).fill('Change management of the model');
    await b.getByLabel(/^Document type/).fill('model-change-log');

    await a.getByRole('button', { name: 'Save draft' }).click();
    await a.waitFor({ state: 'detached' });
    await first.getByRole('heading', { name: 'Governance of model changes, reviewed', level: 1 }).waitFor();

    await b.getByRole('button', { name: 'Save draft' }).click();
    const conflict = b.getByRole('alert').filter({ hasText: 'Someone else changed this' });
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('it is at revision 2');
    await expectAccessible(second, 'criterion form with a conflict');
    await conflict.getByRole('button', { name: 'Refresh' }).click();
    // The input stays; what the other regulator changed is named.
    const reloaded = b.getByRole('alert').filter({ hasText: 'Reloaded' });
    await reloaded.waitFor();
    await expect(reloaded.textContent()).resolves.toContain('Revision 2 is now the latest');
    await eventually(async () => {
      expect(await reloaded.getByRole('listitem').allTextContents()).toEqual(['Title']);
      expect(await b.getByLabel(/^Title/).inputValue()).toBe('Change management of the model');
      expect(await b.getByLabel(/^Document type/).inputValue()).toBe('model-change-log');
    });
    // Saved again, with the revision it now read: the colleague's version is the draft.
    await b.getByRole('button', { name: 'Save draft' }).click();
    await b.waitFor({ state: 'detached' });
    await second.getByRole('heading', { name: 'Change management of the model', level: 1 }).waitFor();
    await eventually(async () =>
      expect(await historyCell(second, 'Document type', 1).textContent()).toBe('model-change-log'),
    );
    expect(pageProblems(first)).toEqual([]);
    expect(pageProblems(second)).toEqual([]);
  });
});
