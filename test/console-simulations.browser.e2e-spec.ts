import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsoleBrowser, DEMO, expectAccessible, pageProblems } from '@sandbridge/testing';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// The negotiator's Simulations page in Chromium: a scenario@1 file uploaded, the run's live progress
// to done, its result as pictures whose figures (the tables behind the charts) are the CLI's for the
// same file, the API's BAD_USER_INPUT listed with its JSON paths, two runs compared side by side, and
// the page with its charts accessible.

const SCENARIO = fileURLToPath(new URL('../examples/simulation/small.scenario.json', import.meta.url));

interface Pair {
  origin: string;
  recognising: string;
  recognised: number;
  recognisedWithConditions: number;
  divergent: number;
}
interface Variant {
  name: string;
  totals: Record<string, number>;
  deltaVsBaseline: Record<string, number>;
  byPair: Pair[];
  marginal: { agreement: string; recognised: number; testsAvoided: number; costSaved: number }[];
}

let cb: ConsoleBrowser;
/** What the CLI computes for the same file (`simulate FILE --json`). */
let expected: { variants: Variant[] };

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  const cli = await ensureBuilt('dist/apps/cli/src/main.js');
  expected = JSON.parse(execFileSync(process.execPath, [cli, 'simulate', SCENARIO, '--json'], { encoding: 'utf8' }));
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

async function simulationsPage(): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, DEMO.negotiator.email);
  await page.goto('/negotiator/simulations');
  await page.getByRole('heading', { name: 'Simulations', level: 1 }).waitFor();
  return page;
}

/** A table's body as rows of cell texts. */
const bodyRows = (page: Page, name: string) =>
  page
    .getByRole('table', { name })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')));

const pct = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)} %`;
const num = (n: number) => n.toLocaleString('en-GB');

/** Uploads the example in the start dialog and waits for the run's page. */
async function startFromFile(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Start a simulation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a simulation' });
  await dialog.locator('input[type=file]').setInputFiles(SCENARIO);
  // The file is read into the JSON field, and its name becomes the run's.
  await dialog.getByLabel('Name').and(page.locator('[value="small"]')).waitFor();
  expect(JSON.parse(await dialog.getByLabel('Scenario (JSON)').inputValue())).toEqual(
    JSON.parse(readFileSync(SCENARIO, 'utf8')),
  );
  await dialog.getByRole('button', { name: 'Start' }).click();
  await page.waitForURL(/\/negotiator\/simulations\/[^/]+$/);
  return page.url().split('/').pop()!;
}

describe('Simulations (negotiator)', () => {
  it('starts a run from a scenario file, follows its progress to done, and shows the CLI’s figures as pictures and tables', async () => {
    const page = await simulationsPage();
    await startFromFile(page);
    await page.getByRole('heading', { name: 'Simulation: small', level: 1 }).waitFor();

    // Live progress to done: the progress bar is named and reaches 100 %.
    await page.locator('[data-run-status="COMPLETED"]').waitFor({ timeout: 60_000 });
    const bar = page.getByRole('progressbar', { name: 'Progress of small' });
    await expect(bar.getAttribute('aria-valuenow')).resolves.toBe('100');

    // Totals and deltas: every variant's figures as the CLI computes them.
    const totals = await bodyRows(page, 'Totals per variant');
    const row = (label: string) => totals.find((r) => r[0] === label)!;
    const [baseline, ...variants] = expected.variants;
    expect(row('Recognition rate')[1]).toBe(pct(baseline.totals.recognitionRate));
    expect(row('Recognised')[1]).toBe(num(baseline.totals.recognised));
    variants.forEach((v, i) => {
      expect(row('Recognised')[2 + 2 * i]).toBe(num(v.totals.recognised));
      expect(row('Gaps')[2 + 2 * i]).toBe(num(v.totals.gaps));
      expect(row('Cost saved')[2 + 2 * i]).toBe(num(v.totals.costSaved));
      const delta = v.deltaVsBaseline.recognitionRate;
      expect(row('Recognition rate')[3 + 2 * i]).toBe(delta > 0 ? `+${pct(delta)}` : pct(delta));
    });
    expect(row('Recognition rate')[3]).toBe('+14.3 %'); // A: GB–SG equivalence, 4/7 − 3/7

    // The matrix chart is drawn (SVG), and its figures are exactly the CLI's pairs.
    const matrices = page.getByRole('img', { name: /^Matrices of criteria recognised/ });
    await matrices.and(page.locator('[data-chart-state="drawn"]')).waitFor();
    expect(await matrices.locator('svg').count()).toBe(1);
    const renderMs = Number(await matrices.getAttribute('data-render-ms'));
    expect(renderMs).toBeGreaterThan(0);
    console.log(`small.scenario.json: matrices + totals chart drawn in ${renderMs} ms after the result arrived`);

    await page.getByRole('button', { name: /^Show the figures: Recognitions per origin/ }).click();
    const pairs = await bodyRows(page, 'Recognitions per origin and recognising jurisdiction');
    expect(pairs).toEqual(
      expected.variants.flatMap((v) =>
        v.byPair.map((p) => [
          v.name,
          p.origin,
          p.recognising,
          num(p.recognised),
          num(p.recognisedWithConditions),
          num(p.divergent),
        ]),
      ),
    );
    // The known cell: A's SG → GB is recognised once, and divergent once.
    expect(pairs).toContainEqual(['A: GB-SG equivalence', 'SG', 'GB', '1', '0', '1']);

    // The divergent matrices redraw on the same data.
    await page.locator('.mantine-SegmentedControl-root label').filter({ hasText: 'Divergent' }).click();
    await expect(page.getByRole('radio', { name: 'Divergent' }).isChecked()).resolves.toBe(true);
    await page
      .getByRole('img', { name: /^Matrices of criteria divergent/ })
      .and(page.locator('[data-chart-state="drawn"]'))
      .waitFor();

    // Marginal value: bars and their figures (C's EXCLUDE rule is negative).
    await page
      .getByRole('img', { name: /marginal|thanks to each agreement/i })
      .and(page.locator('[data-chart-state="drawn"]'))
      .waitFor();
    await page.getByRole('button', { name: /^Show the figures: Marginal value/ }).click();
    const marginal = await bodyRows(page, 'Marginal value of each agreement');
    expect(marginal).toEqual(
      expected.variants.flatMap((v) =>
        v.marginal.map((m) => [v.name, m.agreement, num(m.recognised), num(m.testsAvoided), num(m.costSaved)]),
      ),
    );

    // A download of what is shown: the pairs as CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: 'Download as CSV: Recognitions per origin and recognising jurisdiction' })
        .click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('Variant,Origin,Recognising,Recognised,With conditions,Divergent');
    expect(csv).toContain('A: GB-SG equivalence,SG,GB,1,0,1');
    expect(csv.length).toBe(pairs.length + 1);

    await expectAccessible(page, 'simulation result');
    expect(pageProblems(page)).toEqual([]);
  });

  it('lists the API’s BAD_USER_INPUT problems with the JSON path each names', async () => {
    const page = await simulationsPage();
    const scenario = JSON.parse(readFileSync(SCENARIO, 'utf8'));
    scenario.asOf = 'the first of June';
    const token = await cb.server.login(DEMO.negotiator.email, 'sandbridge-demo');
    const refused = await cb.server.gql(
      'mutation($input: StartSimulationInput!) { startSimulation(input: $input) { id } }',
      { input: { scenario } },
      token,
    );
    const problems = refused.errors![0].extensions!.errors!;
    expect(problems.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Start a simulation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a simulation' });
    await dialog.getByLabel('Scenario (JSON)').fill(JSON.stringify(scenario));
    await dialog.getByRole('button', { name: 'Start' }).click();
    const alert = dialog.locator('[data-error-code="BAD_USER_INPUT"]');
    await alert.waitFor();
    for (const p of problems) await expect(alert.textContent()).resolves.toContain(p.path.replace(/^input\./, ''));
    // Not JSON at all: said at the field, nothing sent.
    await dialog.getByLabel('Scenario (JSON)').fill('{ not json');
    await dialog.getByRole('button', { name: 'Start' }).click();
    await dialog.getByText(/^Not JSON/).waitFor();
    expect(page.url()).toMatch(/\/negotiator\/simulations$/);
  });

  it('compares two runs side by side', async () => {
    const page = await simulationsPage();
    const token = await cb.server.login(DEMO.negotiator.email, 'sandbridge-demo');
    const scenario = JSON.parse(readFileSync(SCENARIO, 'utf8'));
    // A second run of the same scenario without variant A.
    scenario.variants = scenario.variants.slice(1);
    const started = await cb.server.gql<{ startSimulation: { id: string } }>(
      'mutation($input: StartSimulationInput!) { startSimulation(input: $input) { id } }',
      { input: { scenario, name: 'without A' } },
      token,
    );
    expect(started.errors).toBeUndefined();
    await page.reload();
    await page.getByRole('link', { name: 'without A' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'without A' }) });
    await row.locator('[data-run-status="COMPLETED"]').waitFor({ timeout: 60_000 });
    await page.getByRole('checkbox', { name: 'Compare without A' }).check();
    await page.getByRole('checkbox', { name: 'Compare small' }).first().check();
    await page.getByRole('button', { name: /^Compare 2 selected/ }).click();
    const table = page.getByRole('table', { name: 'Totals of the compared runs' });
    await table.waitFor();
    const headers = await table.locator('thead th').allTextContents();
    // Both runs' variants: "small" has five, "without A" four.
    expect(headers.filter((h) => h.startsWith('small: ')).length).toBe(expected.variants.length);
    expect(headers.filter((h) => h.startsWith('without A: ')).length).toBe(expected.variants.length - 1);
    const rate = (await bodyRows(page, 'Totals of the compared runs')).find((r) => r[0] === 'Recognition rate')!;
    expect(rate[headers.indexOf('without A: baseline')]).toBe(pct(expected.variants[0].totals.recognitionRate));
    await expectAccessible(page, 'simulations compared');
  });
});
