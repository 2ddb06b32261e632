import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsoleBrowser, DEMO_PASSWORD, eventually, expectAccessible, pageProblems } from '@sandbridge/testing';
import type { Locator, Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// One enrolment from registration to recognition, through the console only, two people at once in
// two browser contexts: Nordvik's innovator registers a system and applies to MAS's fast track (the
// entry evaluation shows a mandatory attestation not given; submitted anyway); MAS's regulator finds
// it in the work queue, starts the review and admits it with a written justification, while the
// innovator's enrolment page follows live; the innovator proposes the sandbox plan, which the
// regulator approves, and the innovator's page shows it agreed; the innovator submits a test report
// under it with one result per
// criterion, seeing the server's preview; the regulator, whose page shows the report arrive live,
// accepts it; the innovator's recognition passport counts the accepted results.
//
// Each step is one function below, run in order by one `it` each: a new step of the lifecycle is one
// more function and one more `it`.

const NORDVIK = 'innovator.nordvik@demo.sandbridge.test';
const MAS_REGULATOR = 'regulator.mas@demo.sandbridge.test';
const FAST_TRACK = 'Singapore fast track for AI credit models tested abroad';
const SYSTEM = 'Nordvik Instalment Credit Scorer';
const HASH = 'b7e4c1d2a3f4958672a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8';
const UNATTESTED = 'Intention and ability to deploy in Singapore';
const REASONS = 'Instalment credit scoring is new to the Singapore market; boundary conditions agreed.';
const JUSTIFICATION = 'Deployment in Singapore is decided on the test outcomes; MAS accepts testing first.';
const REVIEW_REASONS = 'Accredited lab in Singapore; one result per criterion, as agreed.';

/** The test report, one result per testing and exit criterion of MAS's track, as the form's rows are titled. */
const RESULTS: { title: string; value?: string; evidence?: string; attested?: true; pass: boolean }[] = [
  { title: 'Discriminatory power (AUC)', value: '0.82', pass: true },
  { title: 'Approval-rate parity', value: '0.93', pass: true },
  { title: 'Robustness to input perturbation', value: '0.91', pass: true },
  { title: 'Resistance to adversarial inputs', value: '0.04', pass: true },
  { title: 'Explanations for customers', value: '0.96', pass: true },
  { title: 'Time to take effect of a human override', value: '300', pass: false },
  { title: 'Reproducible decisions', value: '0.995', pass: true },
  { title: 'Operation within boundary conditions', attested: true, pass: true },
  { title: 'Exit and transition strategy', evidence: 'dms://nordvik/instalment/exit-strategy.pdf', pass: true },
  { title: 'Sandbox outcome report', evidence: 'dms://nordvik/instalment/outcome-report.pdf', pass: true },
  { title: 'Human oversight in operation', attested: true, pass: true },
];
const PASSED = RESULTS.filter((r) => r.pass).length;

let cb: ConsoleBrowser;
/** The innovator's browser context and the regulator's, open side by side for the whole journey. */
let innovator: Page;
let regulator: Page;
let innovatorSubscribed: (operation: string) => Promise<void>;
let regulatorSubscribed: (operation: string) => Promise<void>;
/** What the journey made, read from the console's addresses as it goes. */
const made: { systemId?: string; enrolmentId?: string; reportId?: string } = {};

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

const notification = (page: Page, title: string) => page.getByRole('alert').filter({ hasText: title }).first();
const navigation = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
/** The last path segment after `after`, e.g. the id in /innovator/enrolments/:id. */
const idAfter = (page: Page, after: string) => new RegExp(`${after}/([^/?]+)`).exec(new URL(page.url()).pathname)![1];

/**
 * Follows the subscriptions a page asks for over its WebSocket (graphql-ws): `sent(operation)` resolves
 * once the page has sent the subscription named so (the server then listens within milliseconds),
 * before a change the page should follow live is made elsewhere.
 */
function watchSubscriptions(page: Page): (operation: string) => Promise<void> {
  const frames: string[] = [];
  const waiting: { operation: string; resolve: () => void }[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      frames.push(String(payload));
      for (const w of waiting) if (String(payload).includes(`subscription ${w.operation}`)) w.resolve();
    }),
  );
  return (operation) =>
    frames.some((f) => f.includes(`subscription ${operation}`))
      ? Promise.resolve()
      : new Promise((resolve, reject) => {
          waiting.push({ operation, resolve });
          setTimeout(() => reject(new Error(`The page never subscribed to ${operation}`)), 15_000).unref();
        });
}

/** Picks an option of a Mantine Select, and waits for its list to close (the next Select's is then the only one). */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').first().waitFor({ state: 'detached' });
}

/** The innovator signs in and registers a new AI system. */
async function registerSystem() {
  innovator = await cb.newPage();
  innovatorSubscribed = watchSubscriptions(innovator);
  await cb.signIn(innovator, NORDVIK);
  await innovator.getByRole('heading', { name: 'My AI systems', level: 1 }).waitFor();
  await innovator.getByRole('button', { name: 'Register an AI system' }).click();
  const dialog = innovator.getByRole('dialog', { name: 'Register an AI system' });
  await dialog.getByLabel('Name').fill(SYSTEM);
  await dialog.getByLabel('Sector').fill('FINANCE');
  await choose(innovator, dialog.getByRole('combobox', { name: 'Risk class' }), 'High');
  await dialog
    .getByLabel('Intended purpose')
    .fill('Scores applicants for buy-now-pay-later instalment credit in Singapore from bank-account cash flows.');
  await dialog.getByRole('button', { name: 'Register' }).click();
  await dialog.waitFor({ state: 'detached' });
  await notification(innovator, 'AI system registered').waitFor();
  await innovator.getByRole('link', { name: SYSTEM, exact: true }).click();
  await innovator.getByRole('heading', { name: SYSTEM, level: 1 }).waitFor();
  made.systemId = idAfter(innovator, '/innovator/systems');
  expect(pageProblems(innovator)).toEqual([]);
}

/** The innovator applies to the fast track, reads the entry evaluation of the draft, and submits. */
async function applyAndSubmit() {
  await navigation(innovator).getByRole('link', { name: 'Open programmes' }).click();
  await innovator.getByRole('link', { name: FAST_TRACK }).click();
  await innovator.getByRole('heading', { name: FAST_TRACK, level: 1 }).waitFor();
  await innovator.getByRole('button', { name: 'Apply' }).click();
  await innovator.getByRole('heading', { name: `Apply to ${FAST_TRACK}`, level: 1 }).waitFor();

  const form = innovator.getByRole('form', { name: 'Application' });
  await choose(innovator, form.getByRole('combobox', { name: 'AI system' }), SYSTEM);
  await form.getByRole('checkbox', { name: /^MAS/ }).check();
  // Evidence for MAS's entry criteria; the attestation of an intention to deploy is not given yet.
  for (const [criterion, file] of [
    ['New or emerging technology', 'technology.pdf'],
    ['Boundary conditions', 'boundary-conditions.pdf'],
    ['Test scenarios and expected outcomes', 'test-scenarios.pdf'],
  ]) {
    const row = form.getByRole('group', { name: new RegExp(`^${criterion}`) });
    await row.getByLabel('Evidence reference').fill(`dms://nordvik/instalment/${file}`);
    await row.getByLabel('SHA-256', { exact: true }).fill(HASH);
  }
  await form.getByRole('button', { name: 'Save as draft' }).click();
  await innovator.waitForURL(/\/innovator\/enrolments\/[^/]+\/application$/);
  await innovator.getByRole('heading', { name: `Application: ${SYSTEM}`, level: 1 }).waitFor();
  made.enrolmentId = idAfter(innovator, '/innovator/enrolments');

  // The entry evaluation of the saved draft: three of MAS's four criteria met, the attestation marked.
  const evaluation = innovator.getByRole('region', { name: 'Entry evaluation' });
  const mas = evaluation.getByRole('region', { name: 'MAS: 3 of 4 met' });
  await mas.getByText('1 mandatory criterion not met').waitFor();
  await expect(mas.locator('tr[data-mandatory-unmet]').textContent()).resolves.toMatch(
    new RegExp(`${UNATTESTED}.*Mandatory.*Not submitted.*Mandatory, not met`),
  );
  await expect(
    mas
      .getByRole('row', { name: /Boundary conditions/ })
      .getByText('Met', { exact: true })
      .count(),
  ).resolves.toBe(1);

  // Submitted over the unmet attestation, once confirmed.
  await innovator.getByRole('button', { name: 'Submit application' }).click();
  const confirm = innovator.getByRole('dialog', { name: 'Submit with unmet mandatory criteria?' });
  await confirm.getByRole('button', { name: 'Submit anyway' }).click();
  await innovator.waitForURL(new RegExp(`/innovator/enrolments/${made.enrolmentId}$`));
  await innovator.getByRole('heading', { name: `${SYSTEM} in ${FAST_TRACK}`, level: 1 }).waitFor();
  await innovator.getByText(/^State: Submitted ·/).waitFor();
  await innovator.getByRole('article', { name: 'MAS track' }).getByText('Not decided yet').waitFor();
  expect(pageProblems(innovator)).toEqual([]);
}

/**
 * The regulator finds the application in the work queue, starts the review and admits it over the
 * unmet attestation with a justification; the innovator's enrolment page, left open, follows live.
 */
async function reviewAndAdmit() {
  await innovator.getByText('Live: this page updates as the authorities act.').waitFor();
  await innovatorSubscribed('MyEnrolmentEvents');
  // A mark a reload would lose.
  await innovator.evaluate(() => ((globalThis as any).notReloaded = true));

  regulator = await cb.newPage();
  regulatorSubscribed = watchSubscriptions(regulator);
  await cb.signIn(regulator, MAS_REGULATOR);
  await regulator.getByRole('heading', { name: 'Work queue', level: 1 }).waitFor();
  await regulator.getByRole('tab', { name: /^Applications/ }).click();
  const row = regulator.getByRole('row').filter({ hasText: SYSTEM });
  await eventually(async () =>
    expect(await row.textContent()).toMatch(/Nordvik Lending AB.*Submitted.*Start the review/),
  );
  await row.getByRole('link', { name: `Review: ${SYSTEM}` }).click();
  await regulator.getByRole('heading', { name: SYSTEM, level: 1 }).waitFor();
  expect(new URL(regulator.url()).pathname).toBe(`/regulator/enrolments/${made.enrolmentId}`);
  // MAS's entry criteria as the API evaluates them: the attestation not given needs a justification.
  await eventually(async () =>
    expect(await regulator.getByRole('row').filter({ hasText: 'entry.intention-to-deploy' }).textContent()).toMatch(
      /Not submitted.*Needs justification/,
    ),
  );
  await expectAccessible(regulator, 'enrolment review (submitted)');
  await regulatorSubscribed('EnrolmentLive');

  await regulator.getByRole('button', { name: 'Start the review' }).click();
  await notification(regulator, 'Review started').waitFor();
  await innovator.getByText(/^State: Under review ·/).waitFor();

  await regulator.getByRole('button', { name: 'Decide entry' }).click();
  const dialog = regulator.getByRole('dialog', { name: 'Decide entry' });
  await dialog.getByRole('listitem').filter({ hasText: UNATTESTED }).waitFor();
  await dialog.getByRole('radio', { name: 'Admit' }).check();
  await dialog.getByLabel('Reasons').fill(REASONS);
  await dialog.getByLabel('Justification').fill(JUSTIFICATION);
  await dialog.getByRole('button', { name: 'Record the decision' }).click();
  await notification(regulator, 'Admitted').waitFor();
  await dialog.waitFor({ state: 'detached' });
  await regulator.getByText(JUSTIFICATION).waitFor();

  // The innovator's page, not reloaded: in testing, MAS's track admitted with its reasons and justification.
  await innovator.getByText(/^State: Testing ·/).waitFor();
  const track = innovator.getByRole('article', { name: 'MAS track' });
  await track.getByText('Admitted', { exact: true }).waitFor();
  await track.getByText(`Reasons: ${REASONS}`).waitFor();
  await track.getByText(`Justification for admitting over unmet mandatory criteria: ${JUSTIFICATION}`).waitFor();
  await innovator.getByText(/^Updated live:/).waitFor();
  await innovator.getByRole('region', { name: 'Timeline' }).getByText('MAS admitted').waitFor();
  expect(await innovator.evaluate(() => (globalThis as any).notReloaded)).toBe(true);
  await expectAccessible(innovator, 'enrolment page (admitted, updated live)');
  expect(pageProblems(regulator)).toEqual([]);
  expect(pageProblems(innovator)).toEqual([]);
}

/**
 * The innovator proposes the sandbox plan from the enrolment's page (no report before it is agreed);
 * the regulator, on the review page's Sandbox plan tab, approves it; the innovator's page, open all
 * along, shows it agreed and in force.
 */
async function agreeSandboxPlan() {
  // Reports wait for an agreed plan: the reason is said where a report would be started.
  await innovator.getByText('Test reports are submitted under an agreed sandbox plan: none is agreed yet').waitFor();
  const plan = innovator.getByRole('region', { name: 'Sandbox plan' });
  await plan.getByRole('button', { name: 'Propose the sandbox plan' }).click();
  await innovator.getByRole('heading', { name: 'Propose the sandbox plan', level: 1 }).waitFor();
  const form = innovator.getByRole('form', { name: 'Sandbox plan' });
  // The timeline starts as the programme allows (today, for its maximum testing period), and MAS's
  // testing and exit criteria are in scope already: the texts are what is left to write.
  await form
    .getByRole('group', { name: 'Timeline', exact: true })
    .getByText(/at most 90 days of testing/)
    .waitFor();
  await form
    .getByRole('textbox', { name: /^Objectives/ })
    .fill('Show that instalment credit scores from cash flows are accurate, fair and explainable in Singapore.');
  await form
    .getByRole('textbox', { name: /^Scope/ })
    .fill('Buy-now-pay-later applications of one Singapore partner bank, up to SGD 5,000.');
  await form
    .getByRole('textbox', { name: /^Safeguards/ })
    .fill('Every decline is reviewed by a credit officer; applicants may ask for a decision without the model.');
  await form
    .getByRole('textbox', { name: /^Serious-incident procedure/ })
    .fill('Stop automated decisions and tell MAS within 24 hours.');
  await form.getByRole('button', { name: 'Propose version 1' }).click();
  await innovator.waitForURL(new RegExp(`/innovator/enrolments/${made.enrolmentId}$`));
  await notification(innovator, 'Sandbox plan version 1 proposed').waitFor();
  await plan.getByRole('article', { name: 'Version 1' }).getByText('Awaiting the approval of MAS.').waitFor();

  // The regulator's page, open since the admission, learns of the proposal live.
  await regulator.getByText('Live: Sandbox plan version 1 proposed').waitFor();
  await regulator.getByRole('tab', { name: 'Sandbox plan' }).click();
  await regulator.getByRole('heading', { name: 'Version 1 proposed', level: 2 }).waitFor();
  await regulator.getByRole('button', { name: 'Approve version 1' }).click();
  const dialog = regulator.getByRole('dialog', { name: 'Approve version 1 of the sandbox plan' });
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await notification(regulator, 'Plan approved').waitFor();
  await dialog.waitFor({ state: 'detached' });
  await regulator.getByText('Agreed', { exact: true }).first().waitFor();
  await expectAccessible(regulator, 'sandbox plan tab (agreed)');

  // Live on the innovator's page: agreed and in force, and reports may now be submitted.
  await plan.getByRole('article', { name: 'The plan in force' }).getByText('Version 1 in force').waitFor();
  await innovator.getByRole('button', { name: 'Submit a test report', disabled: false }).waitFor();
  await regulator.getByRole('tab', { name: 'Review' }).click();
  expect(pageProblems(regulator)).toEqual([]);
  expect(pageProblems(innovator)).toEqual([]);
}

/**
 * The innovator reports one result per criterion from the enrolment's page, with the server's
 * preview of each before submitting; the regulator's review page shows the report arrive live.
 */
async function submitTestReport() {
  await innovator.getByRole('button', { name: 'Submit a test report' }).click();
  await innovator.getByRole('heading', { name: 'Submit a test report', level: 1 }).waitFor();
  await innovator
    .getByText('Made under version 1 of the sandbox plan, agreed with the admitting authorities.')
    .waitFor();
  await eventually(async () =>
    expect(await innovator.getByRole('combobox', { name: /^Submitted to/ }).inputValue()).toMatch(/^MAS — /),
  );
  // Nothing is met yet: each testing and exit criterion of MAS has its row, none hidden as already met.
  const rows = innovator.getByRole('region', { name: 'Results' }).getByRole('group');
  await rows.first().waitFor();
  await eventually(async () => expect(await rows.count()).toBe(RESULTS.length));
  for (const result of RESULTS) await expect(rows.filter({ hasText: result.title }).count()).resolves.toBe(1);
  await expect(innovator.getByText(/^Show the \d+ criteri(on|a) already met/).count()).resolves.toBe(0);

  await innovator.getByLabel(/^Lab name/).fill('Lion City AI Assurance Lab');
  await innovator.getByLabel('The lab is accredited').check();
  await innovator.getByLabel('Accreditation body').fill('SAC');
  await innovator.getByLabel(/^Method( \*)?$/).fill('AIVERIFY:toolkit');
  await innovator.getByLabel('Method version').fill('2.0');
  for (const result of RESULTS) {
    const row = innovator.getByRole('group', { name: result.title, exact: true });
    if (result.value) await row.getByLabel(/^Value/).fill(result.value);
    if (result.evidence) {
      await row.getByLabel('Evidence reference').fill(result.evidence);
      await row.getByLabel('SHA-256 of the evidence').fill(HASH);
    }
    if (result.attested) await choose(innovator, row.getByRole('combobox', { name: 'Attestation' }), 'Yes: attested');
  }

  // The server's evaluation of every result, before anything is submitted.
  await innovator
    .getByRole('status')
    .filter({
      hasText: `${RESULTS.length} results — as evaluated now: ${PASSED} pass, ${RESULTS.length - PASSED} fail, 0 insufficient evidence.`,
    })
    .waitFor();
  for (const result of RESULTS)
    await innovator
      .getByRole('group', { name: result.title, exact: true })
      .getByText(result.pass ? 'Pass' : 'Fail', { exact: true })
      .waitFor();
  await innovator
    .getByRole('group', { name: 'Time to take effect of a human override', exact: true })
    .getByText('300 against ≤ 120 seconds')
    .waitFor();
  // And what it would change on MAS's track.
  const testing = innovator.getByRole('table', { name: 'MAS · Testing criteria with this report' });
  await eventually(async () => {
    expect(await testing.getByRole('row').filter({ hasText: 'Explanations for customers' }).textContent()).toMatch(
      /Not submitted.*Met/,
    );
    expect(
      await testing.getByRole('row').filter({ hasText: 'Time to take effect of a human override' }).textContent(),
    ).toMatch(/Not submitted.*Unmet/);
  });
  await innovator.getByText('Met: 0 of 7 now, 6 with this report (7 criteria change).').waitFor();
  await innovator.getByText('Met: 0 of 4 now, 4 with this report (4 criteria change).').waitFor();
  await expectAccessible(innovator, 'test report form with the preview');

  await innovator.getByRole('button', { name: 'Submit the report' }).click();
  await innovator.waitForURL(/\/reports\/[^/]+$/);
  await innovator.getByRole('heading', { name: 'Test report', level: 1 }).waitFor();
  await innovator.getByTestId('report-status').filter({ hasText: 'Submitted' }).waitFor();
  made.reportId = idAfter(innovator, '/reports');

  // The regulator's page, open since the admission, learns of it without a reload.
  await regulator.getByRole('tab', { name: /^Test reports \(1\)\s*1 to review$/ }).waitFor();
  await regulator.getByText(`Live: Test report submitted (${RESULTS.length} results)`).waitFor();
  expect(pageProblems(innovator)).toEqual([]);
}

/** The regulator reads the report on the enrolment's page and accepts it with reasons. */
async function acceptTestReport() {
  await regulator.getByRole('tab', { name: /^Test reports \(1\)/ }).click();
  const card = regulator.getByRole('region', { name: /^Report to MAS, / });
  await card.getByText(`${RESULTS.length} results`).waitFor();
  await card.getByText('Lion City AI Assurance Lab, accredited (SAC)').waitFor();
  await expect(
    card.getByRole('row').filter({ hasText: 'Time to take effect of a human override' }).textContent(),
  ).resolves.toContain('Fail');
  await expectAccessible(regulator, 'test report to review');
  await card.getByRole('radio', { name: 'Accept' }).check();
  await card.getByLabel(/^Reasons/).fill(REVIEW_REASONS);
  await card.getByRole('button', { name: 'Record the review' }).click();
  await notification(regulator, 'Report accepted').waitFor();
  await card.getByText('Accepted', { exact: true }).waitFor();
  await card.getByText(new RegExp(`: ${REVIEW_REASONS}$`)).waitFor();
  await expect(card.getByRole('button', { name: 'Record the review' }).count()).resolves.toBe(0);
  expect(pageProblems(regulator)).toEqual([]);
}

/**
 * The innovator goes back to the enrolment, finds the report accepted, and opens the system's
 * recognition passport: MAS counts each passing result as met locally; the failing one is still needed.
 */
async function passportCountsTheReport() {
  await innovator
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: `${SYSTEM} in ${FAST_TRACK}` })
    .click();
  await innovator.getByRole('heading', { name: `${SYSTEM} in ${FAST_TRACK}`, level: 1 }).waitFor();
  const reports = innovator.getByRole('region', { name: 'Test reports and incidents' });
  await eventually(async () =>
    expect(await reports.textContent()).toMatch(new RegExp(`Report to MAS, ${RESULTS.length} results, .*accepted`)),
  );
  await reports.getByRole('link', { name: 'Report to MAS' }).click();
  await innovator.getByTestId('report-status').filter({ hasText: 'Accepted' }).waitFor();
  await innovator.getByText(new RegExp(`: ${REVIEW_REASONS}$`)).waitFor();
  expect(new URL(innovator.url()).pathname).toBe(`/innovator/enrolments/${made.enrolmentId}/reports/${made.reportId}`);

  await innovator.getByRole('link', { name: 'Recognition passport', exact: true }).click();
  await innovator.getByRole('heading', { name: 'Recognition passports', level: 1 }).waitFor();
  await innovator.getByText(new RegExp(`^Passport of ${SYSTEM}:`)).waitFor();
  await eventually(async () =>
    expect(await innovator.getByRole('combobox', { name: 'AI system' }).inputValue()).toBe(SYSTEM),
  );
  const mas = innovator.getByRole('row').filter({ has: innovator.getByRole('link', { name: 'MAS', exact: true }) });
  await eventually(async () =>
    expect(await mas.locator('[data-column="satisfiedLocally"]').textContent()).toBe(String(PASSED)),
  );
  const needed = Number(await mas.locator('[data-column="testsNeeded"]').textContent());
  await expectAccessible(innovator, 'recognition passport');

  // MAS's criteria one by one: the failing result's criterion still needs a test, a passing one is met here.
  await mas.getByRole('link', { name: 'MAS', exact: true }).click();
  await innovator.getByRole('heading', { name: `${SYSTEM} at MAS`, level: 1 }).waitFor();
  const stillNeeded = innovator.getByRole('region', { name: 'Tests still needed' });
  await stillNeeded.getByRole('listitem').filter({ hasText: 'Time to take effect of a human override' }).waitFor();
  await expect(stillNeeded.getByRole('listitem').count()).resolves.toBe(needed);
  await expect(stillNeeded.getByText('Explanations for customers').count()).resolves.toBe(0);
  await innovator.getByRole('button', { name: /^Explanations for customers/ }).click();
  await innovator
    .getByRole('region', { name: /^Explanations for customers/ })
    .getByText(/^Met by a passing result of yours tested in SG: .* value 0\.96, passed; accredited lab \(SAC\)/)
    .waitFor();

  // The API agrees with what the console showed.
  const token = await cb.server.login(NORDVIK, DEMO_PASSWORD);
  const { data } = await cb.server.gql<{
    recognitionPassport: { authorities: { authority: { acronym: string }; satisfiedLocally: number }[] };
    enrolment: { state: string; testReports: { id: string; status: string; planVersion: number | null }[] };
  }>(
    `query($system: ID!, $enrolment: ID!) {
       recognitionPassport(aiSystemId: $system) { authorities { authority { acronym } satisfiedLocally } }
       enrolment(id: $enrolment) { state testReports { id status planVersion } } }`,
    { system: made.systemId, enrolment: made.enrolmentId },
    token,
  );
  expect(data!.recognitionPassport.authorities.find((a) => a.authority.acronym === 'MAS')?.satisfiedLocally).toBe(
    PASSED,
  );
  expect(data!.enrolment).toEqual({
    state: 'TESTING',
    testReports: [{ id: made.reportId, status: 'ACCEPTED', planVersion: 1 }],
  });
  expect(pageProblems(innovator)).toEqual([]);
}

/** A step of the journey, as a test: not run once an earlier one failed (it would fail for that reason alone). */
let failed: string | null = null;
const step = (run: () => Promise<void>) => async () => {
  if (failed) throw new Error(`Not run: the earlier step ${failed} failed`);
  try {
    await run();
  } catch (error) {
    failed = run.name;
    throw error;
  }
};

describe('a journey across roles, through the console', () => {
  it('the innovator registers an AI system', step(registerSystem));
  it('applies to an open programme, reads the entry evaluation, and submits', step(applyAndSubmit), 90_000);
  it(
    'the regulator admits it from the work queue with a justification; the innovator sees it live',
    step(reviewAndAdmit),
    90_000,
  );
  it('the innovator proposes the sandbox plan; the regulator approves it', step(agreeSandboxPlan), 90_000);
  it(
    'the innovator submits a test report with the server’s preview; the regulator sees it live',
    step(submitTestReport),
    90_000,
  );
  it('the regulator accepts the report', step(acceptTestReport));
  it('the recognition passport counts the accepted results', step(passportCountsTheReport));
});
