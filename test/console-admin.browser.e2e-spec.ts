import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConsoleBrowser,
  DEMO,
  DEMO_PASSWORD,
  eventually,
  expectAccessible,
  pageProblems,
  tabTo,
} from '@sandbridge/testing';
import type { Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// The administrator's pages and the public registry in Chromium, on the built server with the demo
// data: an account disabled while its owner has the console open (their session ends, they cannot
// sign in again until it is enabled); the audit trail verified, its checkpoint downloaded and verified
// against; reference data created; and, signed out, the public registry — the demo's consented exit
// report shown, its confidential section never.

let cb: ConsoleBrowser;

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

const MERLION = 'innovator.merlion@demo.sandbridge.test';
const MAS = 'regulator.mas@demo.sandbridge.test';
/** The FCA's exit report on Lumen's thin-file scorer (libs/application/src/demo/demo-enrolments.ts). */
const PUBLIC_SECTION = 'Thin-file applicants: open-banking cash-flow features replaced bureau history';
const CONFIDENTIAL_SECTION = 'internal threshold calibration is commercially sensitive';

async function signInAdmin(): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, DEMO.admin.email);
  return page;
}

describe('accounts', () => {
  it('disables an account: its open console session ends, it cannot sign in; enabled, it can again', async () => {
    // The innovator has the console open in a browser of their own.
    const person = await cb.newPage();
    await cb.signIn(person, MERLION);
    await person.getByRole('heading', { name: 'My AI systems', level: 1 }).waitFor();

    const admin = await signInAdmin();
    expect(new URL(admin.url()).pathname).toBe('/admin/accounts');
    await admin.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await admin.getByRole('button', { name: `Disable ${DEMO.regulator.email}` }).waitFor();
    await expectAccessible(admin, 'accounts');
    await admin.getByLabel('Search').fill('merlion');
    const row = admin.getByRole('row').filter({ hasText: MERLION });
    await row.waitFor();
    await admin.getByRole('row').filter({ hasText: DEMO.regulator.email }).waitFor({ state: 'detached' });
    await expect(row.textContent()).resolves.toContain('Active');

    // The dialog by keyboard: Escape cancels; opened again, Cancel has the focus, Tab reaches the
    // confirmation and Enter sends it.
    await row.getByRole('button', { name: `Disable ${MERLION}` }).click();
    const dialog = admin.getByRole('dialog', { name: /^Disable .*\?$/ });
    await dialog.waitFor();
    await expectAccessible(admin, 'disable dialog');
    await admin.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(row.textContent()).resolves.toContain('Active');
    await row.getByRole('button', { name: `Disable ${MERLION}` }).focus();
    await admin.keyboard.press('Enter');
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Disable the account' });
    await tabTo(admin, confirm);
    await admin.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('Disabled', { exact: true }).waitFor();

    // The person's next request is refused: back to sign-in, told the session ended.
    await person.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'My enrolments' }).click();
    await person.waitForURL('**/sign-in?reason=expired**');
    await person.getByText('Your session has ended').waitFor();
    // …and a disabled account cannot sign in again.
    await person.getByLabel('E-mail').fill(MERLION);
    await person.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await person.getByRole('button', { name: 'Sign in', exact: true }).click();
    await person.getByRole('alert').filter({ hasText: 'Sign-in refused' }).waitFor();

    // Enabled: the account signs in again.
    await row.getByRole('button', { name: `Enable ${MERLION}` }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Enable the account' }).click();
    await row.getByText('Active', { exact: true }).waitFor();
    await cb.signIn(person, MERLION);
    expect(new URL(person.url()).pathname).toBe('/innovator/enrolments');
    expect(pageProblems(admin)).toEqual([]);
  });

  it('shows every status in full at 1280 px; narrower, the table scrolls sideways by keyboard', async () => {
    const admin = await signInAdmin();
    await admin.setViewportSize({ width: 1280, height: 800 });
    const table = admin.getByRole('region', { name: 'Accounts' });
    await table.getByRole('button', { name: `Disable ${DEMO.regulator.email}` }).waitFor();
    // A badge cut short ("AC…") is wider inside than it shows.
    const badges = () =>
      table
        .locator('.mantine-Badge-root, .mantine-Badge-label')
        .evaluateAll((shown: { scrollWidth: number; clientWidth: number; textContent: string | null }[]) =>
          shown.map((badge) => ({ text: badge.textContent, cut: badge.scrollWidth > badge.clientWidth })),
        );
    await eventually(async () => expect((await badges()).length).toBeGreaterThan(0));
    expect((await badges()).filter((badge) => badge.cut)).toEqual([]);

    await admin.setViewportSize({ width: 1000, height: 800 });
    const scrolled = () => table.evaluate((box: { scrollLeft: number }) => box.scrollLeft);
    expect(await scrolled()).toBe(0);
    await tabTo(admin, table);
    await admin.keyboard.press('ArrowRight');
    await eventually(async () => expect(await scrolled()).toBeGreaterThan(0));
    await expectAccessible(admin, 'accounts, narrow');
    expect(pageProblems(admin)).toEqual([]);
  });

  it('ends the sessions of an account: its open console goes back to sign-in', async () => {
    const person = await cb.newPage();
    await cb.signIn(person, MAS);
    await person.getByRole('heading', { name: 'Work queue', level: 1 }).waitFor();
    const admin = await signInAdmin();
    await admin.getByLabel('Search').fill('regulator.mas');
    await admin.getByRole('button', { name: `End the sessions of ${MAS}` }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'End the sessions' }).click();
    await admin.getByRole('dialog').waitFor({ state: 'hidden' });
    await person.reload();
    await person.waitForURL('**/sign-in?reason=expired&next=%2Fregulator%2Fqueue');
    // Unlike a disabled account, it signs in again.
    await cb.signIn(person, MAS);
    expect(new URL(person.url()).pathname).toBe('/regulator/queue');
  });

  it('creates an account, the API’s objection shown at its field', async () => {
    const admin = await signInAdmin();
    await admin.getByRole('button', { name: 'Create an account' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Create an account' });
    await dialog.getByLabel('Name').fill('Ada Probe');
    await dialog.getByLabel('E-mail').fill('ada.probe@example.test');
    await dialog.getByLabel(/^Password/).fill('short');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await admin.getByRole('option', { name: 'Regulator' }).click();
    await dialog.getByRole('combobox', { name: 'Authority' }).click();
    await admin.getByRole('option', { name: /^FCA/ }).click();
    await expectAccessible(admin, 'create account dialog');
    await dialog.getByRole('button', { name: 'Create the account' }).click();
    // The API's problem, at the password field (linked to it by aria-describedby).
    const password = dialog.getByLabel(/^Password/);
    await dialog.getByText('must be at least 12 characters long').waitFor();
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const errorId = await dialog.getByText('must be at least 12 characters long').getAttribute('id');
    expect(describedBy.split(/\s+/)).toContain(errorId);
    await password.fill('a-long-enough-passphrase-42');
    await dialog.getByRole('button', { name: 'Create the account' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.getByLabel('Search').fill('ada.probe');
    const row = admin.getByRole('row').filter({ hasText: 'ada.probe@example.test' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('FCA');
    const login = await cb.server.login('ada.probe@example.test', 'a-long-enough-passphrase-42');
    expect(login).toBeTruthy();
  });
});

describe('the audit trail', () => {
  it('verifies the trail, downloads the signed checkpoint, and verifies against the kept file', async () => {
    const admin = await signInAdmin();
    await admin.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Audit trail' }).click();
    await admin.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    await admin.getByRole('table').waitFor();
    await expectAccessible(admin, 'audit trail');

    await admin.getByRole('button', { name: 'Verify the audit trail' }).click();
    const verified = admin.getByRole('status').getByText('Verified: the audit trail is intact');
    await verified.waitFor();
    await expect(admin.getByRole('status').textContent()).resolves.toContain("the platform's latest signed checkpoint");

    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Download the checkpoint (JSON)' }).click(),
    ]);
    const file = join(tmpdir(), `c2-admin-${process.pid}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const checkpoint = JSON.parse(await readFile(file, 'utf8'));
    expect(Object.keys(checkpoint).sort()).toEqual(['document', 'keyId', 'sha256', 'signature']);
    expect(checkpoint.document.type).toBe('sandbridge.audit-checkpoint');
    // The file is the checkpoint as the API signed it: the API verifies against it.
    const token = await cb.server.login(DEMO.admin.email, DEMO_PASSWORD);
    const answer = await cb.server.gql(
      'query ($c: JSON) { verifyAuditTrail(checkpoint: $c) { ok entries } }',
      { c: checkpoint },
      token,
    );
    expect(answer.errors).toBeUndefined();
    expect((answer.data as any).verifyAuditTrail.ok).toBe(true);

    // Verified in the page against the kept file.
    await admin.locator('input[type="file"]').setInputFiles(file);
    await admin.getByRole('status').getByText(download.suggestedFilename()).waitFor();
    await verified.waitFor();
    // A file that is not JSON is said to be so.
    const junk = join(tmpdir(), `c2-admin-${process.pid}-junk.json`);
    await writeFile(junk, 'not json');
    await admin.locator('input[type="file"]').setInputFiles(junk);
    await admin.getByRole('status').getByText('is not JSON').waitFor();
    expect(pageProblems(admin)).toEqual([]);
  });

  it('filters the entries by actor', async () => {
    const admin = await signInAdmin();
    await admin.goto('/admin/audit');
    const caption = admin.locator('table caption');
    await caption.waitFor();
    const all = await caption.textContent();
    await admin.getByRole('combobox', { name: 'Actor' }).click();
    await admin.getByRole('option', { name: DEMO.regulator.email }).click();
    await admin.waitForFunction(
      (before) => (globalThis as any).document.querySelector('table caption')?.textContent !== before,
      all,
    );
    await eventually(async () => {
      const actors = await admin.locator('table tbody tr td:nth-child(4)').allTextContents();
      expect(actors.length).toBeGreaterThan(0);
      for (const actor of actors) expect(actor).toBe(DEMO.regulator.email);
    });
  });

  it('filters the entries by action, the filter kept in the URL to share', async () => {
    const admin = await signInAdmin();
    await admin.goto('/admin/audit');
    const caption = admin.locator('table caption');
    await caption.waitFor();
    const all = await caption.textContent();
    const actions = admin.getByPlaceholder('Any action');
    await actions.fill('DECIDE_ENTRY');
    await admin.keyboard.press('Enter');
    // The suggestions closed, as a keyboard user would.
    await admin.keyboard.press('Escape');
    await admin.waitForURL((url) => url.searchParams.getAll('action').includes('DECIDE_ENTRY'));
    await admin.waitForFunction(
      (before) => (globalThis as any).document.querySelector('table caption')?.textContent !== before,
      all,
    );
    const shown = await admin.locator('table tbody tr td:nth-child(3)').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const action of shown) expect(action).toMatch(/^Decide entry/);
    await expectAccessible(admin, 'audit trail filtered');

    // The link, opened afresh, shows the same filtered view.
    const shared = await cb.newPage();
    await cb.signIn(shared, DEMO.admin.email);
    await shared.goto(admin.url());
    await shared
      .locator('table caption')
      .filter({ hasText: (await caption.textContent())! })
      .waitFor();
    const again = await shared.locator('table tbody tr td:nth-child(3)').allTextContents();
    expect(again).toEqual(shown);
  });
});

describe('platform health', () => {
  it('shows each part with its status in words, and checks again by itself', async () => {
    const admin = await signInAdmin();
    await admin.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Platform health' }).click();
    await admin.waitForURL('**/admin/health');
    await admin.getByRole('heading', { name: 'Platform health', level: 1 }).waitFor();
    for (const part of ['Database', 'Redis', 'Simulation workers and queues', 'API process']) {
      const card = admin.getByRole('region', { name: part });
      await card.waitFor();
      // The status is a word, not a colour alone.
      await card.getByText(/^(OK|Degraded|Down)$/).waitFor();
    }
    await admin
      .getByRole('region', { name: 'Redis' })
      .getByText(/Not configured/)
      .waitFor();
    await admin
      .getByRole('region', { name: 'Database' })
      .getByText(/Embedded/)
      .waitFor();
    const lastChecked = admin.getByTestId('last-checked');
    const first = await lastChecked.textContent();
    expect(first).toMatch(/^Last checked .+ UTC$/);
    await expectAccessible(admin, 'platform health');
    // Refreshed every few seconds without a click: the time of the last check moves on.
    await admin.waitForFunction(
      (before) => (globalThis as any).document.querySelector('[data-testid="last-checked"]')?.textContent !== before,
      first,
      { timeout: 20_000 },
    );
  });
});

describe('reference data', () => {
  it('lists and creates a jurisdiction, then edits it', async () => {
    const admin = await signInAdmin();
    await admin.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reference data' }).click();
    await admin.getByRole('heading', { name: 'Reference data', level: 1 }).waitFor();
    await admin.getByRole('row').filter({ hasText: 'GB' }).first().waitFor();
    await expectAccessible(admin, 'reference data');
    await admin.getByRole('button', { name: 'Create a jurisdiction' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Create a jurisdiction' });
    await dialog.getByLabel('Code').fill('ZZ');
    await dialog.getByLabel('Name').fill('Zedland');
    await dialog.getByRole('combobox', { name: 'Regulatory approach' }).click();
    await admin.getByRole('option', { name: 'Sectoral' }).click();
    await expectAccessible(admin, 'create jurisdiction dialog');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = admin.getByRole('row').filter({ hasText: 'Zedland' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Edit Zedland' }).click();
    const edit = admin.getByRole('dialog', { name: 'Edit Zedland' });
    await edit.getByLabel('Name').fill('Zedland Republic');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByRole('row').filter({ hasText: 'Zedland Republic' }).waitFor();

    await admin.getByRole('tab', { name: 'Authorities' }).click();
    await admin.getByRole('row').filter({ hasText: 'Financial Conduct Authority' }).waitFor();
    await expectAccessible(admin, 'authorities');
    await admin.getByRole('tab', { name: 'Organisations' }).click();
    await admin.getByRole('row').filter({ hasText: 'Lumen' }).first().waitFor();
    expect(pageProblems(admin)).toEqual([]);
  });
});

describe('the public registry, signed out', () => {
  it('shows the programmes and the consented exit report, never its confidential section', async () => {
    const page = await cb.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Browse the public registry' }).click();
    await page.waitForURL('**/registry');
    await page.getByRole('heading', { name: 'Public registry', level: 1 }).waitFor();
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'registry');

    // The programme of the published report, with its funnel as the API publishes it.
    const api = await cb.server.gql(
      '{ publicProgrammes(first: 100) { edges { node { id name funnel { submitted { count suppressed } } } } } }',
    );
    const programmes = (api.data as any).publicProgrammes.edges.map((e: any) => e.node);
    // The console's own document for a programme page answers without error, signed out.
    const documents = await readFile('apps/console/src/features/registry/registry.graphql', 'utf8');
    const detailQuery = documents
      .split(/\n(?=fragment |query |# )/)
      .filter((block) => /^(fragment Public(Count|Programme)Facts|query RegistryProgrammeDetail)/.test(block))
      .join('\n');
    const detail = await cb.server.gql(detailQuery);
    expect(JSON.stringify(detail.errors ?? [])).toBe('[]');
    const reportRow = page.getByRole('row').filter({ hasText: 'Lumen' });
    const programmeName = (await reportRow.locator('td').nth(2).textContent())!.trim();
    const programme = programmes.find((p: any) => p.name === programmeName);
    expect(programme).toBeDefined();
    await page.getByRole('link', { name: programmeName, exact: true }).click();
    await page.getByRole('heading', { name: programmeName, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Funnel' }).waitFor();
    const submitted = programme.funnel.submitted;
    const expected = submitted.suppressed ? 'Fewer than 5' : String(submitted.count);
    await expect(
      page
        .getByRole('row', { name: /Applications submitted/ })
        .getByRole('cell')
        .textContent(),
    ).resolves.toBe(expected);
    await page.getByText('Entry criteria').first().waitFor();
    await expectAccessible(page, 'registry programme');

    // The exit report's public copy.
    await page.getByRole('row').filter({ hasText: 'Lumen' }).getByRole('link').click();
    await page.getByRole('heading', { name: /^Exit report: /, level: 1 }).waitFor();
    await page.getByText(PUBLIC_SECTION).waitFor();
    expect(await page.locator('body').textContent()).not.toContain(CONFIDENTIAL_SECTION);
    await expectAccessible(page, 'registry exit report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the signed copy (JSON)' }).click(),
    ]);
    const signed = await readFile((await download.path())!, 'utf8');
    expect(signed).toContain('"signature"');
    expect(signed).not.toContain(CONFIDENTIAL_SECTION);
    expect(await page.evaluate(() => JSON.stringify((globalThis as any).localStorage))).not.toContain('token');
    expect(pageProblems(page)).toEqual([]);
  });
});
