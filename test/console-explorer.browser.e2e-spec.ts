import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsoleBrowser, DEMO, expectAccessible, pageProblems, shownFieldError } from '@sandbridge/testing';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// The recognition explorer in Chromium: the demo FCA regulator explores a demo system the FCA
// recognises a result for, and every criterion's outcome shown is recognitionStatus's for the same
// system, authority and day; moving the day back (by keyboard, change by change) to before the
// UK–Singapore arrangement's window turns the recognition into a gap, marked as changed. The demo
// negotiator, who sees no recorded system, evaluates an example case (its own agreements): the
// outcomes the CLI's expected answer gives; an edited result (lab not accredited) is explained in
// words; a result's bad day is shown at its field. Both pages accessible.

type Row = Record<string, any>;

let cb: ConsoleBrowser;

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

/** The API itself, as a demo account (the same server, over HTTP). */
async function api<T = any>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = await cb.server.login(email, 'sandbridge-demo');
  const answer = await cb.server.gql<T>(query, variables, token);
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

const STATUS = `query($s: ID!, $a: ID!, $d: Date) { recognitionStatus(aiSystemId: $s, authorityId: $a, asOf: $d) {
  asOf criteria { criterion { id } outcome } } }`;

async function signedIn(path: string, email: string): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, email);
  await page.goto(path);
  await page.getByRole('heading', { name: 'Recognition explorer', level: 1 }).waitFor();
  return page;
}

async function choose(scope: Locator | Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const combobox = scope.getByRole('combobox', { name: label });
  // Enabled once its choices have loaded.
  await combobox.and(page.locator(':enabled')).waitFor();
  await combobox.focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: option }).click();
}

/** Waits until every criterion shows the outcome `expected` gives it, and no other criterion is shown. */
async function expectOutcomes(page: Page, expected: { id: string; outcome: string }[]): Promise<void> {
  for (const { id, outcome } of expected)
    await page.locator(`[data-criterion="${id}"][data-outcome="${outcome}"]`).waitFor({ timeout: 20_000 });
  expect(await page.locator('[data-criterion]').count()).toBe(expected.length);
}

const dayInput = (page: Page) => page.getByLabel('Day (UTC)');

describe('recognition explorer', () => {
  it('regulator: a demo system’s criteria as recognitionStatus gives them, and the day moved back to before an agreement', async () => {
    const email = DEMO.regulator.email;
    const reference = await api(
      email,
      `{ authorities(first: 100) { edges { node { id acronym } } }
         agreements(first: 100) { edges { node { name effectiveFrom } } }
         enrolments(first: 100) { edges { node { aiSystem { id name } } } } }`,
    );
    const fca = reference.authorities.edges.find((e: Row) => e.node.acronym === 'FCA').node.id;
    const ukSg = reference.agreements.edges.find(
      (e: Row) => e.node.name === 'UK–Singapore AI assurance arrangement',
    ).node;
    // A system the FCA recognises a result for today (through the UK–Singapore arrangement).
    let system: { id: string; name: string } | undefined;
    let today: Row | undefined;
    for (const { node } of reference.enrolments.edges as Row[]) {
      const status = (await api(email, STATUS, { s: node.aiSystem.id, a: fca })).recognitionStatus;
      if (status.criteria.some((c: Row) => c.outcome === 'RECOGNISED' || c.outcome === 'RECOGNISED_WITH_CONDITIONS')) {
        [system, today] = [node.aiSystem, status];
        break;
      }
    }
    expect(system).toBeDefined();
    const flat = (status: Row) => status.criteria.map((c: Row) => ({ id: c.criterion.id, outcome: c.outcome }));

    const page = await signedIn('/regulator/explorer', email);
    await choose(page, 'AI system', system!.name);
    await choose(page, 'Authority', /^FCA /);
    await expect(dayInput(page).inputValue()).resolves.toBe(today!.asOf);
    await expectOutcomes(page, flat(today!));
    // Each criterion's outcome in words.
    const recognised = today!.criteria.find((c: Row) => c.outcome.startsWith('RECOGNISED'));
    await expect(
      page.locator(`[data-criterion="${recognised.criterion.id}"] [data-summary]`).textContent(),
    ).resolves.toMatch(/^Recognised.*counts through rule “.+” of UK–Singapore AI assurance arrangement/);
    await expectAccessible(page, 'recognition explorer (recorded system)');

    // By keyboard, change by change, back to before the UK–Singapore window.
    for (let step = 0; step < 10; step++) {
      if ((await dayInput(page).inputValue()) < ukSg.effectiveFrom) break;
      const previous = page.getByRole('button', { name: /^Previous change \(\d{4}-\d{2}-\d{2}\)$/ });
      const target = (await previous.getAttribute('aria-label'))!.match(/\((.*)\)/)![1];
      await previous.focus();
      await page.keyboard.press('Enter');
      await page.locator(`input[type=date][value="${target}"]`).waitFor();
    }
    const day = await dayInput(page).inputValue();
    expect(day < ukSg.effectiveFrom).toBe(true);
    const then = (await api(email, STATUS, { s: system!.id, a: fca, d: day })).recognitionStatus;
    expect(then.criteria.find((c: Row) => c.criterion.id === recognised.criterion.id).outcome).toBe('GAP');
    await expectOutcomes(page, flat(then));
    const changed = page.locator(`[data-criterion="${recognised.criterion.id}"]`);
    await changed.getByText(/^Changed: was Recognised/).waitFor();
    await expect(changed.locator('[data-summary]').textContent()).resolves.toMatch(/^Not recognised: /);
    await page
      .getByTestId('explorer-changes')
      .getByText(/UK–Singapore AI assurance arrangement/)
      .waitFor();
    await expectAccessible(page, 'recognition explorer (an earlier day)');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('negotiator: evaluates an example case with its own agreements as the CLI answers it, then an edited one', async () => {
    const expected = JSON.parse(
      readFileSync(new URL('../examples/recognition/p1-conformity.expected.json', import.meta.url), 'utf8'),
    );
    const page = await signedIn('/negotiator/explorer', DEMO.negotiator.email);
    expect(await page.getByRole('radio', { name: 'A recorded system' }).count()).toBe(0);
    await choose(page, 'Example case', 'p1-conformity');
    await page.locator('[data-result="t1"]').waitFor();
    await page.getByText("The case's own").click();
    await page.getByRole('button', { name: 'Evaluate' }).click();
    await expectOutcomes(
      page,
      expected.resolutions[0].criteria.map((c: Row) => ({ id: c.criterion, outcome: c.outcome })),
    );
    await expect(dayInput(page).inputValue()).resolves.toBe('2026-09-30');
    await expectAccessible(page, 'recognition explorer (hypothetical case)');

    // The GB result's lab not accredited: the GB–CA rule requires one.
    await page.getByRole('checkbox', { name: 'Accredited lab (t1)' }).uncheck();
    await page.getByRole('button', { name: 'Evaluate' }).click();
    const bias = page.locator('[data-criterion="ca-bias"][data-outcome="GAP"]');
    await bias.waitFor();
    await expect(bias.locator('[data-summary]').textContent()).resolves.toBe(
      'Not recognised: the lab was not accredited; rule gc1 of gb-ca requires it.',
    );

    // A day that is not one: refused by the API at the result's field.
    const testedOn = page.getByRole('textbox', { name: 'Tested on (t1)' });
    await testedOn.fill('soon');
    await page.getByRole('button', { name: 'Evaluate' }).click();
    expect(await shownFieldError(testedOn)).toMatch(/day|date/i);
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
