import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsoleBrowser, DEMO, expectAccessible, fieldError, pageProblems, tabTo } from '@sandbridge/testing';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// The negotiator's scenario builder (/negotiator/simulations/new) in Chromium: a scenario built with
// the demo's proposed UK–EU agreement as a variant "as if signed" and a rule changed, on a synthetic
// population; downloaded (a scenario@1 file equal to what the page shows), loaded back, started and
// followed to done — its figures those of the same file started through the API; the API's problem
// shown at its field; the recorded population's preview with its suppressed cells and the refusal;
// the builder by keyboard; axe on the page.

const PROPOSED = 'UK–EU AI testing arrangement';
const IN_FORCE = 'EU–Singapore mutual recognition of AI test results';

interface Totals {
  recognised: number;
  gaps: number;
  costSaved: number;
  recognitionRate: number;
}
interface Result {
  variants: { name: string; totals: Totals; deltaVsBaseline: Totals; marginal: { agreement: string }[] }[];
}

let cb: ConsoleBrowser;
let token: string;

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
  token = await cb.server.login(DEMO.negotiator.email, 'sandbridge-demo');
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

async function builderPage(): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, DEMO.negotiator.email);
  await page.goto('/negotiator/simulations');
  await page.getByRole('heading', { name: 'Simulations', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'New scenario' }).click();
  await page.getByRole('heading', { name: 'New scenario', level: 1 }).waitFor();
  await page.getByRole('table', { name: 'Agreements of the baseline' }).waitFor();
  return page;
}

/** The document the page shows (the JSON block). */
const shown = async (page: Page) =>
  JSON.parse((await page.getByRole('region', { name: 'The scenario as JSON' }).textContent()) ?? '');

/** Picks `option` in a Mantine select or multi-select named `label`. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  // Focus and ArrowDown open the list; Tab closes a multiple choice's list.
  await page.getByRole('combobox', { name: label }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Tab');
}

async function waitForRun(id: string): Promise<Result> {
  for (;;) {
    const answer = await cb.server.gql<{
      simulationRun: { status: string; result: Result | null; error: string | null };
    }>('query($id: ID!) { simulationRun(id: $id) { status result error } }', { id }, token);
    const run = answer.data!.simulationRun;
    if (run.status === 'COMPLETED') return run.result!;
    if (run.status === 'FAILED' || run.status === 'CANCELLED') throw new Error(`run ${id}: ${run.status} ${run.error}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const bodyRows = (page: Page, name: string) =>
  page
    .getByRole('table', { name })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')));
const num = (n: number) => n.toLocaleString('en-GB');
const pct = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)} %`;

describe('Scenario builder (negotiator)', () => {
  it('builds a scenario with a stored draft as a variant, downloads it, loads it back, starts it, and shows the API’s figures', async () => {
    const page = await builderPage();

    // The baseline: the agreements in force, read-only.
    const baseline = await bodyRows(page, 'Agreements of the baseline');
    expect(baseline.map((r) => r[0]).sort()).toEqual([IN_FORCE, 'UK–Singapore AI assurance arrangement'].sort());
    expect(baseline.every((r) => r[3] === 'In force')).toBe(true);

    await page.getByLabel('Name', { exact: true }).fill('UK–EU as if signed');
    // The UK–EU agreement's window opens in 30 days: simulated 60 days ahead.
    const asOf = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel(/^As of/).fill(asOf);
    await page.getByRole('button', { name: 'Add a variant' }).click();
    await page.getByLabel('Name of variant 1').fill('With UK–EU');
    await choose(page, 'Drafts as if signed in variant 1', new RegExp(`^${PROPOSED}`));
    // A rule changed: the EU–SG agreement's EXCLUDE rule removed in this variant.
    await choose(page, 'Agreement whose rule to change in variant 1', IN_FORCE);
    await choose(page, 'Which rule to change in variant 1', 'No recognition of Singapore privacy tests in the Union');
    await page.getByRole('button', { name: 'Remove the rule in this variant' }).click();
    await page
      .getByRole('list', { name: 'Rule changes in variant 1' })
      .getByText('Removed: No recognition of Singapore privacy tests in the Union')
      .waitFor();
    // A smaller synthetic population than the default, to run quickly.
    await page.getByLabel('Innovators', { exact: true }).fill('300');
    await page.getByLabel('Seed', { exact: true }).fill('7');
    await page.getByRole('region', { name: 'The scenario as JSON' }).getByText('"seed": 7,').waitFor();

    const doc = await shown(page);
    expect(doc.format).toBe('sandbridge/scenario@1');
    expect(doc.asOf).toBe(asOf);
    expect(doc.population.synthetic).toMatchObject({ seed: 7, innovators: 300, passRate: 0.85 });
    expect(doc.variants).toHaveLength(1);
    expect(doc.variants[0].name).toBe('With UK–EU');
    expect(doc.variants[0].add).toHaveLength(1);
    expect(doc.variants[0].add[0]).toMatchObject({ status: 'IN_FORCE', parties: ['GB', 'EU'] });
    expect(doc.variants[0].replace).toHaveLength(1);
    expect(doc.variants[0].replace[0].rules).toHaveLength(2); // three rules less the EXCLUDE

    // Downloaded: the file is exactly the document shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the scenario' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('uk-eu-as-if-signed.scenario.json');
    const file = (await download.path())!;
    const downloaded = JSON.parse(readFileSync(file, 'utf8'));
    expect(downloaded).toEqual(doc);

    // The same file started through the API: the figures to expect.
    const viaApi = await cb.server.gql<{ startSimulation: { id: string } }>(
      'mutation($input: StartSimulationInput!) { startSimulation(input: $input) { id } }',
      { input: { scenario: downloaded, name: 'through the API' } },
      token,
    );
    expect(viaApi.errors).toBeUndefined();
    const expected = await waitForRun(viaApi.data!.startSimulation.id);
    expect(expected.variants.map((v) => v.name)).toEqual(['baseline', 'With UK–EU']);

    // Loaded back into a fresh builder: the same document.
    const fresh = await builderPage();
    await fresh.locator('input[type=file]').setInputFiles(file);
    await fresh.getByLabel('Name of variant 1').and(fresh.locator('[value="With UK–EU"]')).waitFor();
    expect(await shown(fresh)).toEqual(downloaded);

    // Started from the builder: the run's page, its progress to done, the API's figures.
    await fresh.getByRole('button', { name: 'Start the simulation' }).click();
    await fresh.waitForURL(/\/negotiator\/simulations\/[^/]+$/);
    await fresh.getByRole('heading', { name: 'Simulation: UK–EU as if signed', level: 1 }).waitFor();
    await fresh.locator('[data-run-status="COMPLETED"]').waitFor({ timeout: 120_000 });
    const totals = await bodyRows(fresh, 'Totals per variant');
    const row = (label: string) => totals.find((r) => r[0] === label)!;
    const [base, variant] = expected.variants;
    expect(row('Recognised')[1]).toBe(num(base.totals.recognised));
    expect(row('Recognised')[2]).toBe(num(variant.totals.recognised));
    expect(row('Gaps')[2]).toBe(num(variant.totals.gaps));
    expect(row('Cost saved')[2]).toBe(num(variant.totals.costSaved));
    expect(row('Recognition rate')[1]).toBe(pct(base.totals.recognitionRate));
    // The draft is in force in the variant only: every agreement in force has a marginal line.
    const ukEu = downloaded.variants[0].add[0].id;
    expect(base.marginal.map((m) => m.agreement)).not.toContain(ukEu);
    expect(variant.marginal.map((m) => m.agreement)).toContain(ukEu);
    // And the stored scenario is the file's (the platform filled in the reference).
    const id = fresh.url().split('/').pop()!;
    const stored = await cb.server.gql<{ simulationRun: { scenario: Record<string, unknown> } }>(
      'query($id: ID!) { simulationRun(id: $id) { scenario } }',
      { id },
      token,
    );
    const { reference, ...rest } = stored.data!.simulationRun.scenario;
    expect(reference).toBeDefined();
    expect(rest).toEqual(downloaded);
    expect(pageProblems(page)).toEqual([]);
    expect(pageProblems(fresh)).toEqual([]);
  }, 240_000);

  it('shows the API’s problem at its field', async () => {
    const page = await builderPage();
    await page.getByRole('button', { name: 'Add a variant' }).click();
    await page.getByLabel('Name of variant 1').fill('baseline');
    await page.getByRole('button', { name: 'Start the simulation' }).click();
    const field = page.getByLabel('Name of variant 1');
    await field.and(page.locator('[aria-invalid="true"]')).waitFor();
    expect(await fieldError(field)).toBe('"baseline" names the baseline in the result');
    expect(page.url()).toMatch(/\/negotiator\/simulations\/new$/);
    await expectAccessible(page, 'scenario builder with a problem');
  });

  it('previews a recorded population with its suppressed cells and why a run would be refused', async () => {
    const page = await builderPage();
    await page.getByRole('radio', { name: /^Recorded/ }).check();
    await page
      .getByText('Any figure that covers fewer than 5 distinct AI systems is suppressed', { exact: false })
      .waitFor();
    const total = page.getByRole('table', { name: 'Recorded population in total' });
    await total.waitFor();
    // Whatever the demo's size, what the preview shows is what the API answers for the same filter.
    const answer = await cb.server.gql<{
      recordedPopulation: { runnable: boolean; total: { systems: number | null; suppressed: boolean } };
    }>('{ recordedPopulation { runnable total { systems suppressed } } }', {}, token);
    const preview = answer.data!.recordedPopulation;
    await page.locator(`[data-runnable="${preview.runnable}"]`).waitFor();
    // Narrowed to Singapore: too small to run, and its small groups suppressed.
    await choose(page, 'Jurisdictions', 'SG');
    await page.locator('[data-runnable="false"]').waitFor();
    await page.getByText('a run needs at least 5 AI systems from at least 2 organisations', { exact: false }).waitFor();
    const suppressed = page.locator('tr[data-suppressed]');
    await suppressed.first().waitFor();
    expect(await suppressed.first().textContent()).toContain('suppressed');
    const json = await shown(page);
    expect(json.population).toEqual({ recorded: { jurisdictions: ['SG'] } });
    // Starting it is refused by the API, and said.
    await page.getByRole('button', { name: 'Start the simulation' }).click();
    await page.locator('[data-error-code="BAD_USER_INPUT"]').waitFor();
    expect(page.url()).toMatch(/\/negotiator\/simulations\/new$/);
    await expectAccessible(page, 'scenario builder, recorded population');
  });

  it('is usable by keyboard: tab through the builder, add a variant with the keyboard', async () => {
    const page = await builderPage();
    await tabTo(page, page.getByLabel('Name', { exact: true }));
    await page.keyboard.type('By keyboard');
    await tabTo(page, page.getByRole('button', { name: 'Add a variant' }));
    await page.keyboard.press('Enter');
    const name = page.getByLabel('Name of variant 1');
    await name.waitFor();
    await tabTo(page, name, { backwards: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Keyboard variant');
    // The drafts: opened and chosen with the keyboard.
    await page.keyboard.press('Tab');
    const drafts = page.getByRole('combobox', { name: 'Drafts as if signed in variant 1' });
    await expect(drafts.evaluate((el) => el === (globalThis as any).document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: new RegExp(`^${PROPOSED}`) }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const doc = await shown(page);
    expect(doc.name).toBe('By keyboard');
    expect(doc.variants[0].name).toBe('Keyboard variant');
    expect(doc.variants[0].add.map((a: { parties: string[] }) => a.parties)).toEqual([['GB', 'EU']]);
    await tabTo(page, page.getByRole('button', { name: 'Start the simulation' }), { max: 120 });
    await expectAccessible(page, 'scenario builder');
    expect(pageProblems(page)).toEqual([]);
  });
});
