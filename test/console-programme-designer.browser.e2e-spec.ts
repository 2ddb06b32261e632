import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsoleBrowser, DEMO, expectAccessible, pageProblems, tabTo } from '@sandbridge/testing';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// The programme designer in Chromium (regulators and negotiators): the demo FCA regulator starts from
// a DRAFT programme of its own, edits a design's capacity, adds and names another, calibrates from
// published cohorts (what changed is shown, and lands in the scenario), starts the run, follows its
// live progress to done, and reads the funnel per design — the API's chart beside a table whose
// figures are the API's result for that run; a large run is cancelled, a finished one rerun; the
// negotiator opens the page too; keyboard use and axe throughout.

let cb: ConsoleBrowser;
const DRAFT = 'Designer probe: FCA and partner draft';

/** The API itself, as a demo account (the same server, over HTTP). */
async function api<T = any>(email: string, query: string, variables: Record<string, unknown> = {}) {
  const token = await cb.server.login(email, 'sandbridge-demo');
  const answer = await cb.server.gql<T>(query, variables, token);
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
  // A DRAFT programme led by the FCA with one partner authority: only its participants' regulators see it.
  const { authorities } = await api(
    DEMO.regulator.email,
    '{ authorities(first: 100) { edges { node { id acronym jurisdiction { code } } } } }',
  );
  const partner = authorities.edges.map((e: any) => e.node).find((a: any) => a.jurisdiction.code !== 'GB');
  await api(
    DEMO.regulator.email,
    'mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id status } }',
    {
      input: {
        name: DRAFT,
        jointEntryRule: 'EACH_AUTHORITY',
        cohortCapacity: 6,
        maxTestingDays: 120,
        participantAuthorityIds: [partner.id],
      },
    },
  );
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

async function signedIn(email: string, path: string): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, email);
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** A table's body as rows of cell texts. */
const bodyRows = (page: Page, name: string) =>
  page
    .getByRole('table', { name })
    .first()
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')));

const plain = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const signed = (n: number) => (n === 0 ? '0' : `${n > 0 ? '+' : ''}${plain(n)}`);
const FUNNEL: [string, string][] = [
  ['applications', 'Applications'],
  ['admitted', 'Admitted (reached testing)'],
  ['crossBorder', 'Cross-border (admitted by ≥ 2)'],
  ['exitedWithOne', 'Exited with ≥ 1 authorisation'],
  ['exitedWithTwo', 'Exited with ≥ 2 authorisations'],
];

/** Loads the draft programme into the designer, at 200 replications. */
async function loadDraft(page: Page) {
  await page.getByRole('combobox', { name: 'Stored programme' }).click();
  await page.getByRole('option', { name: new RegExp(`^${DRAFT}`) }).click();
  await page.getByRole('textbox', { name: 'Replications' }).first().fill('200');
  await page.getByRole('button', { name: 'Load the programme' }).click();
  await page.getByRole('region', { name: 'Design 1: As designed' }).waitFor();
}

let finishedRun = '';

describe('Programme designs (regulator)', () => {
  it('designs from a draft programme, calibrates, runs it live, and shows the API’s funnel per design as a chart and a table', async () => {
    const page = await signedIn(DEMO.regulator.email, '/regulator/programme-designs');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Programme designs');
    await page.getByRole('link', { name: 'New design' }).click();
    await page.getByRole('heading', { name: 'New programme design', level: 1 }).waitFor();
    await loadDraft(page);

    // Three designs from the stored programme: as designed, recognised results accepted, the other rule.
    const designs = page.getByRole('region', { name: /^Design \d+: / });
    await expect(designs.count()).resolves.toBe(3);
    const first = page.getByRole('region', { name: 'Design 1: As designed' });
    await expect(first.getByRole('textbox', { name: 'Capacity' }).inputValue()).resolves.toBe('6');
    await first.getByRole('textbox', { name: 'Capacity' }).fill('2');

    // Remove the third, add one by keyboard, and name it.
    await page.getByRole('button', { name: 'Remove design 3' }).click();
    const add = page.getByRole('button', { name: 'Add a design' });
    await add.focus();
    await page.keyboard.press('Enter');
    const added = page.getByRole('region', { name: 'Design 3: Design 3' });
    await added.waitFor();
    await added.getByRole('textbox', { name: 'Name' }).fill('Room for all');
    await page
      .getByRole('region', { name: 'Design 3: Room for all' })
      .getByRole('textbox', { name: 'Capacity' })
      .fill('18');
    await expect(designs.count()).resolves.toBe(3);
    await expectAccessible(page, 'programme designer');

    // Calibrate from a published cohort: FCA received 69 applications and admitted 24 → Beta(25, 46).
    await page.getByRole('button', { name: 'Calibrate…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Calibrate from cohorts' });
    await dialog.getByRole('textbox', { name: 'Observation 1: authority' }).fill('gb-fca');
    await dialog.getByRole('textbox', { name: 'Observation 1: jurisdiction' }).fill('GB');
    await dialog.getByRole('textbox', { name: 'Observation 1: applications' }).fill('69');
    await dialog.getByRole('textbox', { name: 'Observation 1: admitted' }).fill('24');
    await expectAccessible(page, 'calibrate dialog');
    await tabTo(page, dialog.getByRole('button', { name: 'Calibrate', exact: true }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const changed = await bodyRows(page, 'What the calibration changed');
    expect(changed.length).toBe(1);
    expect(changed[0][0]).toBe('gb-fca');
    expect(changed[0][1]).toBe('24 admitted of 69');
    expect(changed[0][3]).toBe('0.352113');
    await expect(page.getByRole('textbox', { name: 'gb-fca: screening pass rate' }).inputValue()).resolves.toBe(
      '0.352113',
    );

    // A regulator's authority must take part in every design: the API's refusal lands at the design's participants.
    const third = page.getByRole('region', { name: 'Design 3: Room for all' });
    await third.getByRole('checkbox', { name: 'gb-fca' }).uncheck();
    await page.getByRole('button', { name: 'Start the simulation' }).click();
    await page
      .locator('[data-error-code="BAD_USER_INPUT"]')
      .getByText(/scenario\.designs\[2\]\.participants/)
      .waitFor();
    await third.locator('.mantine-CheckboxGroup-error').waitFor();
    expect(new URL(page.url()).pathname).toBe('/regulator/programme-designs/new');
    await third.getByRole('checkbox', { name: 'gb-fca' }).check();

    // Start, with small chunks so that progress shows.
    await page.getByRole('textbox', { name: 'Name of the run' }).fill('Draft designs');
    await page.getByRole('textbox', { name: 'Replications per chunk' }).fill('20');
    await page.getByRole('button', { name: 'Start the simulation' }).click();
    await page.waitForURL(/\/regulator\/programme-designs\/(?!new$)[^/]+$/);
    const id = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: 'Programme design: Draft designs', level: 1 }).waitFor();
    const bar = page.getByRole('progressbar', { name: 'Progress of Draft designs' });
    await bar.waitFor();
    await page.locator('[data-run-status="COMPLETED"]').waitFor({ timeout: 120_000 });
    await expect(bar.getAttribute('aria-valuenow')).resolves.toBe('100');
    // 200 replications in chunks of 20.
    await page.locator('[data-run-status="COMPLETED"]').getByText('10/10').waitFor();

    // What ran is what was designed.
    const { programmeSimulationRun: run } = await api(
      DEMO.regulator.email,
      'query($id: ID!) { programmeSimulationRun(id: $id) { scenario designs { name metrics { metric mean p5 p95 deltaVsFirst } } } }',
      { id },
    );
    expect(run.scenario.designs.map((d: any) => [d.name, d.capacity])).toEqual([
      ['As designed', 2],
      [run.scenario.designs[1].name, 6],
      ['Room for all', 18],
    ]);
    expect(run.scenario.authorities.find((a: any) => a.id === 'gb-fca').screeningPassRate).toBe(0.352113);

    // The funnel: the table shows the API's figures for this run, design by design.
    const chart = page.getByRole('img', { name: /^The funnel of each design of Draft designs/ });
    await chart.and(page.locator('[data-chart-state="drawn"]')).waitFor();
    expect(await chart.locator('svg').count()).toBe(1);
    await expect(chart.locator('svg').textContent()).resolves.toContain('3. Room for all');
    const rows = await bodyRows(page, 'Funnel per design');
    expect(rows).toEqual(
      run.designs.flatMap((d: any, i: number) =>
        FUNNEL.map(([metric, label]) => {
          const f = d.metrics.find((m: any) => m.metric === metric);
          return [
            `${i + 1}. ${d.name}`,
            label,
            plain(f.mean),
            plain(f.p5),
            plain(f.p95),
            i === 0 ? '' : signed(f.deltaVsFirst),
          ];
        }),
      ),
    );
    // A cohort of 2 admits at most 2; room for all admits more on average.
    const admitted = (design: string) => Number(rows.find((r) => r[0] === design && r[1].startsWith('Admitted'))![2]);
    expect(admitted('1. As designed')).toBeLessThanOrEqual(2);
    expect(admitted('3. Room for all')).toBeGreaterThan(admitted('1. As designed'));

    // The CSV download is what is shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV: Funnel per design' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('Design,Figure,Mean,5th percentile,95th percentile,Mean vs design 1');
    expect(csv.length).toBe(rows.length + 1);

    await expectAccessible(page, 'programme design result');
    expect(pageProblems(page)).toEqual([]);
    finishedRun = id;
  });

  it('cancels a large run and reruns a finished one, to the same figures', async () => {
    const { programmeDesignScenario: scenario } = await api(
      DEMO.regulator.email,
      'query($id: ID!) { programmeDesignScenario(programmeId: $id, replications: 10000, applicants: 5000) }',
      {
        id: (
          await api(DEMO.regulator.email, '{ programmes(first: 100) { edges { node { id name } } } }')
        ).programmes.edges.find((e: any) => e.node.name === DRAFT).node.id,
      },
    );
    await api(
      DEMO.regulator.email,
      'mutation($input: StartProgrammeSimulationInput!) { startProgrammeSimulation(input: $input) { id } }',
      { input: { scenario, name: 'Large designs', chunkSize: 1 } },
    );
    const page = await signedIn(DEMO.regulator.email, '/regulator/programme-designs');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Large designs' }) });
    await row.locator('[data-run-status="RUNNING"], [data-run-status="QUEUED"]').waitFor();
    await tabTo(page, row.getByRole('button', { name: 'Cancel Large designs' }));
    await page.keyboard.press('Enter');
    await row.locator('[data-run-status="CANCELLED"]').waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'programme designs list');

    // Rerun the finished run from its page: a new run, the same figures.
    await page.goto(`/regulator/programme-designs/${finishedRun}`);
    const before = page.getByRole('table', { name: 'Funnel per design' });
    await before.waitFor();
    const figures = await bodyRows(page, 'Funnel per design');
    await page.getByRole('button', { name: 'Rerun Draft designs' }).click();
    await page.waitForURL(
      (url) => /\/regulator\/programme-designs\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(finishedRun),
    );
    await page.locator('[data-run-status="COMPLETED"]').waitFor({ timeout: 120_000 });
    await page.getByText('· a rerun').waitFor();
    await page.getByRole('table', { name: 'Funnel per design' }).waitFor();
    expect(await bodyRows(page, 'Funnel per design')).toEqual(figures);
  });
});

describe('Programme designs (negotiator)', () => {
  it('opens the page from its navigation and loads an open programme into the designer', async () => {
    const page = await signedIn(DEMO.negotiator.email, '/negotiator/agreements');
    await page.getByRole('link', { name: 'Programme designs' }).click();
    await page.getByRole('heading', { name: 'Programme designs', level: 1 }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Programme designs');
    await page.getByRole('link', { name: 'New design' }).click();
    await page.getByRole('combobox', { name: 'Stored programme' }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('button', { name: 'Load the programme' }).click();
    await page.getByRole('region', { name: 'Design 1: As designed' }).waitFor();
    await expect(page.getByRole('table', { name: 'Authorities' }).locator('tbody tr').count()).resolves.toBeGreaterThan(
      0,
    );
    await expectAccessible(page, 'programme designer (negotiator)');

    // Recorded cohorts: a programme's entry decisions on the platform become observations, keyed as the scenario keys authorities.
    await page.getByRole('button', { name: 'Calibrate…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Calibrate from cohorts' });
    await dialog.getByRole('combobox', { name: 'Recorded cohorts' }).click();
    await page.getByRole('option', { name: /^Cross-border AI credit-scoring pilot/ }).click();
    await dialog.getByRole('textbox', { name: 'Observation 3: authority' }).waitFor();
    const keys = await dialog
      .getByRole('textbox', { name: /^Observation \d+: authority$/ })
      .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
    expect(keys.sort()).toEqual(['eu-ai-office', 'gb-fca', 'sg-mas']);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(pageProblems(page)).toEqual([]);
  });
});
