import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsoleBrowser, DEMO, expectAccessible, pageProblems } from '@sandbridge/testing';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// The negotiator's Simulations page in Chromium: a scenario@1 file uploaded, the run's live progress
// to done, its result as pictures — every chart drawn, a named picture, its figures (the tables
// behind the charts, and the labels in the pictures) the CLI's for the same file — the API's
// BAD_USER_INPUT listed with its JSON paths, two runs compared side by side (table and chart), a
// running run cancelled from its page, and the pages with their charts accessible.

const SCENARIO = fileURLToPath(new URL('../examples/simulation/small.scenario.json', import.meta.url));
const DRAFTS = fileURLToPath(new URL('../examples/simulation/demo-drafts.scenario.json', import.meta.url));

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

/** Content-security-policy violations the page reports (securitypolicyviolation), and its chartSvg requests. */
const violations = new WeakMap<Page, string[]>();
const chartSvgAsked = new WeakMap<Page, number>();

async function simulationsPage(): Promise<Page> {
  const page = await cb.newPage();
  const seen: string[] = [];
  violations.set(page, seen);
  chartSvgAsked.set(page, 0);
  await page.exposeFunction('reportCspViolation', (text: string) => seen.push(text));
  // Runs in the page, before its scripts (the DOM's types are not this program's).
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => " +
      'window.reportCspViolation(`${e.effectiveDirective}: ${e.blockedURI} ${e.sample}`));',
  });
  page.on('request', (request) => {
    if (/chartSvg/i.test(request.postData() ?? '')) chartSvgAsked.set(page, chartSvgAsked.get(page)! + 1);
  });
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
const signed = (text: string, n: number) => (n > 0 ? `+${text}` : text);
/** A bar's label in the pictures: the figure, and its difference from the baseline when there is one. */
const barLabel = (value: string, delta: number, words: string, baseline: boolean) =>
  baseline || delta === 0 ? value : `${value} (${signed(words, delta)})`;

/** A chart once drawn: the named picture, and the texts of its SVG. */
async function drawnChart(page: Page, name: RegExp): Promise<string[]> {
  const chart = page.getByRole('img', { name }).and(page.locator('[data-chart-state="drawn"]'));
  await chart.waitFor();
  expect(await chart.locator('svg').count()).toBe(1);
  expect(Number(await chart.getAttribute('data-render-ms'))).toBeGreaterThan(0);
  return chart.locator('svg text').allTextContents();
}

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

    // The totals as a picture: each variant's outcomes and rate, with its difference from the baseline.
    const totalsChart = await drawnChart(page, /^Criteria recognised, recognised with conditions and gaps/);
    expected.variants.forEach((v, i) => {
      expect(totalsChart).toContain(v.name);
      const d = v.deltaVsBaseline;
      expect(totalsChart).toContain(barLabel(num(v.totals.recognised), d.recognised, num(d.recognised), i === 0));
      expect(totalsChart).toContain(barLabel(num(v.totals.gaps), d.gaps, num(d.gaps), i === 0));
      expect(totalsChart).toContain(
        barLabel(pct(v.totals.recognitionRate), d.recognitionRate, pct(d.recognitionRate), i === 0),
      );
    });
    expect(totalsChart).toContain('57.1 % (+14.3 %)');

    // Days and cost saved: a picture, and its figures as a table (and the same labels in the picture).
    const savingsChart = await drawnChart(page, /^Days saved and cost saved per variant/);
    await page.getByRole('button', { name: 'Show the figures: Days and cost saved per variant' }).click();
    expect(await bodyRows(page, 'Days and cost saved per variant')).toEqual(
      expected.variants.map((v, i) => [
        v.name,
        num(v.totals.daysSaved),
        i === 0 ? '' : signed(num(v.deltaVsBaseline.daysSaved), v.deltaVsBaseline.daysSaved),
        num(v.totals.costSaved),
        i === 0 ? '' : signed(num(v.deltaVsBaseline.costSaved), v.deltaVsBaseline.costSaved),
      ]),
    );
    expected.variants.forEach((v, i) => {
      const d = v.deltaVsBaseline;
      expect(savingsChart).toContain(barLabel(num(v.totals.daysSaved), d.daysSaved, num(d.daysSaved), i === 0));
      expect(savingsChart).toContain(barLabel(num(v.totals.costSaved), d.costSaved, num(d.costSaved), i === 0));
    });
    expect(savingsChart).toContain('55 (+25)'); // A: 25 days more than the baseline's 30

    // The matrix chart is drawn (SVG), and its figures are exactly the CLI's pairs.
    const matrixTexts = await drawnChart(page, /^Matrices of criteria recognised/);
    expect(matrixTexts).toEqual(expect.arrayContaining(['GB', 'SG', 'origin →', 'recognising →']));
    // Its totals as bars: every variant (D, the fifth, too; names wrapped to their group's width), with
    // its recognition rate above its bars.
    for (const v of expected.variants) {
      expect(matrixTexts.join(' ')).toContain(v.name.split(' ').slice(0, 2).join(' '));
      expect(matrixTexts).toContain(`rate ${pct(v.totals.recognitionRate)}`);
    }

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
    const marginalChart = await drawnChart(page, /thanks to each agreement/);
    expect(marginalChart).toContain('−2');
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
    // Drawn in the browser under the console's CSP (no 'unsafe-eval'): no violation, no chartSvg asked.
    expect(violations.get(page)).toEqual([]);
    expect(chartSvgAsked.get(page)).toBe(0);
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

    // The same runs as a chart: every run's variants as rows, the same figures as labels.
    const chart = await drawnChart(page, /^The compared runs' variants as bars/);
    for (const run of ['small', 'without A'])
      for (const v of expected.variants.filter((v) => run === 'small' || !v.name.startsWith('A:')))
        expect(chart).toContain(`${run}: ${v.name}`);
    expect(chart).not.toContain('without A: A: GB-SG equivalence');
    expect(chart).toContain(pct(expected.variants[0].totals.recognitionRate));
    expect(chart).toContain('57.1 % (+14.3 %)'); // small's variant A, against its baseline
    await expectAccessible(page, 'simulations compared');
    expect(violations.get(page)).toEqual([]);
    expect(chartSvgAsked.get(page)).toBe(0);
  });

  it('cancels a running run from its page, with the keyboard: CANCELLED, progress stopped, no result', async () => {
    const page = await simulationsPage();
    const token = await cb.server.login(DEMO.negotiator.email, 'sandbridge-demo');
    const drafts = JSON.parse(readFileSync(DRAFTS, 'utf8'));
    // Large enough to cancel mid-run: 500 chunks.
    const scenario = { ...drafts, population: { synthetic: { ...drafts.population.synthetic, innovators: 50_000 } } };
    const started = await cb.server.gql<{ startSimulation: { id: string } }>(
      'mutation($input: StartSimulationInput!) { startSimulation(input: $input) { id } }',
      { input: { scenario, name: 'large', chunkSize: 100 } },
      token,
    );
    expect(started.errors).toBeUndefined();
    const id = started.data!.startSimulation.id;
    await page.goto(`/negotiator/simulations/${id}`);
    await page.getByRole('heading', { name: 'Simulation: large', level: 1 }).waitFor();

    const cancel = page.getByRole('button', { name: 'Cancel large' });
    await cancel.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-run-status="CANCELLED"]').waitFor({ timeout: 30_000 });
    // A finished run is rerun, not cancelled; no result, so no chart.
    await page.getByRole('button', { name: 'Rerun large' }).waitFor();
    await expect(page.getByRole('button', { name: 'Cancel large' }).count()).resolves.toBe(0);
    expect(await page.locator('[data-chart-state]').count()).toBe(0);

    // The API agrees: CANCELLED before the end, without a result.
    const run = await cb.server.gql<{
      simulationRun: { status: string; result: unknown; progress: { done: number; total: number } };
    }>('query($id: ID!) { simulationRun(id: $id) { status result progress { done total } } }', { id }, token);
    expect(run.data!.simulationRun).toMatchObject({ status: 'CANCELLED', result: null });
    expect(run.data!.simulationRun.progress.done).toBeLessThan(run.data!.simulationRun.progress.total);
    await expectAccessible(page, 'simulation cancelled');
    expect(pageProblems(page)).toEqual([]);
  });
});
