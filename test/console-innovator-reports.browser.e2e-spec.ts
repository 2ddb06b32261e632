import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConsoleBrowser,
  DEMO_PASSWORD,
  eventually,
  expectAccessible,
  fieldError,
  pageProblems,
  tabTo,
} from '@sandbridge/testing';
import type { Locator, Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// Test reports and recognition passports in Chromium, as the demo innovators: a report to MAS on
// Nordvik's fast-track enrolment (the server's preview of each result before submitting, the API's
// problems at their fields, a retried submission that makes one report), MAS accepting it, and the
// passport counting it; then Merlion's passport, whose results the UK recognises through the UK–SG
// arrangement, down to each criterion's checks and candidates.

const NORDVIK = 'innovator.nordvik@demo.sandbridge.test';
const MERLION = 'innovator.merlion@demo.sandbridge.test';
const MAS_REGULATOR = 'regulator.mas@demo.sandbridge.test';
const FAST_TRACK = 'Singapore fast track for AI credit models tested abroad';
const SYSTEM = 'Nordvik Consumer Credit Model';
const HASH = 'a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdefabcdef0123';

let cb: ConsoleBrowser;
let nordvik: string;
/** Nordvik's enrolment in the fast track: in TESTING, admitted by MAS, with gaps. */
let fastTrack: { id: string; masId: string; exitReviewId: string };
/** The report the retry test submitted (the passport test has MAS accept it). */
let submitted: string | undefined;

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
  nordvik = await cb.server.login(NORDVIK, DEMO_PASSWORD);
  const { data } = await cb.server.gql<{
    enrolments: {
      edges: {
        node: {
          id: string;
          state: string;
          programme: { name: string };
          tracks: { authority: { id: string; acronym: string } }[];
        };
      }[];
    };
  }>(
    '{ enrolments(first: 20) { edges { node { id state programme { name } tracks { authority { id acronym } } } } } }',
    {},
    nordvik,
  );
  const enrolments = data!.enrolments.edges.map((e) => e.node);
  const fast = enrolments.find((e) => e.programme.name === FAST_TRACK && e.state === 'TESTING')!;
  fastTrack = {
    id: fast.id,
    masId: fast.tracks.find((t) => t.authority.acronym === 'MAS')!.authority.id,
    exitReviewId: enrolments.find((e) => e.state === 'EXIT_REVIEW')!.id,
  };
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

/** The enrolment's reports, as the API has them. */
async function reports(): Promise<{ id: string; idempotencyKey: string; status: string }[]> {
  const { data } = await cb.server.gql<{
    enrolment: { testReports: { id: string; idempotencyKey: string; status: string }[] };
  }>(
    'query($id: ID!) { enrolment(id: $id) { testReports { id idempotencyKey status } } }',
    { id: fastTrack.id },
    nordvik,
  );
  return data!.enrolment.testReports;
}

async function reportForm(): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, NORDVIK);
  await page.goto(`/innovator/enrolments/${fastTrack.id}/report`);
  await page.getByRole('heading', { name: 'Submit a test report', level: 1 }).waitFor();
  await page.getByRole('group', { name: 'Explanations for customers' }).waitFor();
  return page;
}

/** A criterion's row of the form: a fieldset named by the criterion's title. */
const row = (page: Page, title: string): Locator => page.getByRole('group', { name: title, exact: true });

async function fillReport(page: Page, lab: string, method: string) {
  await page.getByLabel(/^Lab name/).fill(lab);
  await page.getByLabel(/^Method( \*)?$/).fill(method);
}

/** The problems a page had, less the one failed request a test made fail on purpose. */
const problemsBut = (page: Page, expected: RegExp) => pageProblems(page).filter((p) => !expected.test(p));

describe('Submitting a test report', () => {
  it('shows, before submitting, how the server evaluates each result and what the report would change', async () => {
    const page = await reportForm();
    const before = await reports();
    const previews: { results: unknown[] }[] = [];
    page.on('request', (request) => {
      const body = request.postData();
      if (request.url().endsWith('/graphql') && body?.includes('query PreviewTestReport'))
        previews.push((JSON.parse(body) as { variables: { input: { results: unknown[] } } }).variables.input);
    });

    // Criteria already met are not tested again, unless asked for.
    await expect(row(page, 'Discriminatory power (AUC)').count()).resolves.toBe(0);
    await page.getByLabel(/^Show the \d+ criteria already met or not applicable$/).check();
    await row(page, 'Discriminatory power (AUC)')
      .getByLabel(/^Value/)
      .waitFor();

    await fillReport(page, 'AI Verify Foundation test lab', 'AIVERIFY:transparency');
    await row(page, 'Explanations for customers')
      .getByLabel(/^Value/)
      .fill('0.95');
    await row(page, 'Time to take effect of a human override')
      .getByLabel(/^Value/)
      .fill('300');
    await row(page, 'Exit and transition strategy')
      .getByLabel('Evidence reference')
      .fill('dms://nordvik/exit-plan.pdf');

    // Each result's outcome and the evaluator's words, at its row.
    const explanations = row(page, 'Explanations for customers');
    await explanations.getByText('Pass', { exact: true }).waitFor();
    await explanations.getByText('0.95 against ≥ 0.9 ratio').waitFor();
    const override = row(page, 'Time to take effect of a human override');
    await override.getByText('Fail', { exact: true }).waitFor();
    await override.getByText('300 against ≤ 120 seconds').waitFor();
    await row(page, 'Exit and transition strategy').getByText('Insufficient evidence', { exact: true }).waitFor();
    await row(page, 'Reproducible decisions').getByText('Not reported').waitFor();
    await page.getByRole('status').filter({ hasText: '1 pass, 1 fail, 1 insufficient evidence' }).waitFor();

    // Those outcomes are the server's: the page asked previewTestReport with the three results.
    const last = previews.at(-1)!;
    expect(last.results).toHaveLength(3);
    const answer = await cb.server.gql<{ previewTestReport: { results: { outcome: string; detail: string }[] } }>(
      'query($input: PreviewTestReportInput!) { previewTestReport(input: $input) { results { outcome detail } } }',
      { input: last },
      nordvik,
    );
    expect(answer.data!.previewTestReport.results.map((r) => r.outcome)).toEqual([
      'PASS',
      'FAIL',
      'INSUFFICIENT_EVIDENCE',
    ]);

    // What the report would change on MAS's track: explainability from not submitted to met.
    const testing = page.getByRole('table', { name: 'MAS · Testing criteria with this report' });
    const explainability = testing.getByRole('row').filter({ hasText: 'Explanations for customers' });
    await explainability.getByText('Not submitted').waitFor();
    await explainability.getByText('Met', { exact: true }).waitFor();
    await testing
      .getByRole('row')
      .filter({ hasText: 'Time to take effect of a human override' })
      .getByText('Unmet', { exact: true })
      .waitFor();

    await expectAccessible(page, 'report form with its preview');
    // Every field, then the submit button, is reachable by keyboard.
    await page.getByLabel(/^Lab name/).focus();
    await tabTo(page, page.getByRole('button', { name: 'Submit the report' }), { max: 80 });
    // A preview saves nothing.
    expect(await reports()).toEqual(before);
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows each of the API’s problems with a refused report at the field it names', async () => {
    const page = await reportForm();
    const before = await reports();
    await fillReport(page, 'X', 'AIVERIFY:transparency');
    const exit = row(page, 'Exit and transition strategy');
    await exit.getByLabel('Evidence reference').fill('dms://nordvik/exit-plan.pdf');
    await exit.getByLabel('SHA-256 of the evidence').fill('not-a-hash');
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.getByText('Check the fields marked below.').waitFor();

    // What the API itself says: its path names the first result sent, which is the form's row of
    // "Exit and transition strategy".
    const refused = await cb.server.gql(
      'mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id } }',
      {
        input: {
          enrolmentId: fastTrack.id,
          submittedTo: fastTrack.masId,
          confidentiality: 'PARTICIPANTS',
          testedIn: 'SG',
          periodStart: '2026-01-01',
          periodEnd: '2026-01-31',
          lab: { name: 'X', accredited: false },
          method: { id: 'AIVERIFY:transparency' },
          idempotencyKey: 'console-test-refused',
          results: [
            {
              criterionId: await criterionId('exit.exit-transition-strategy'),
              evidenceReference: 'dms://nordvik/exit-plan.pdf',
              evidenceSha256: 'not-a-hash',
            },
          ],
        },
      },
      nordvik,
    );
    const problems = refused.errors![0].extensions!.errors! as { path: string; message: string }[];
    expect(problems.map((p) => p.path).sort()).toEqual(['input.lab.name', 'input.results.0.evidenceSha256']);
    const message = (path: string) => {
      const text = problems.find((p) => p.path === path)!.message;
      return text.charAt(0).toUpperCase() + text.slice(1);
    };
    expect(await fieldError(page.getByLabel(/^Lab name/))).toBe(message('input.lab.name'));
    expect(await fieldError(exit.getByLabel('SHA-256 of the evidence'))).toBe(
      message('input.results.0.evidenceSha256'),
    );
    expect(await fieldError(exit.getByLabel('SHA-256 of the evidence'))).toBe(
      'Must be 64 lower-case hexadecimal characters',
    );
    expect(await fieldError(page.getByLabel(/^Method( \*)?$/))).toBeNull();
    // The first refused field has the focus.
    await page.waitForFunction(
      () => (globalThis as any).document.activeElement?.getAttribute('aria-invalid') === 'true',
    );
    expect(await page.getByLabel(/^Lab name/).evaluate((el) => el === (globalThis as any).document.activeElement)).toBe(
      true,
    );
    await expectAccessible(page, 'report form with field errors');

    // Fixed, but the period ends before it starts: the service's own check, at its field.
    await page.getByLabel(/^Lab name/).fill('AI Verify Foundation test lab');
    await exit.getByLabel('SHA-256 of the evidence').fill(HASH);
    await page.getByLabel(/^Period start/).fill('2026-06-02');
    await page.getByLabel(/^Period end/).fill('2026-06-01');
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.getByText('Check the fields marked below.').waitFor();
    expect(await fieldError(page.getByLabel(/^Period end/))).toBe('Must not be before periodStart');
    expect(await fieldError(page.getByLabel(/^Lab name/))).toBeNull();
    expect(await reports()).toEqual(before);
    expect(pageProblems(page)).toEqual([]);
  });

  it('is retry-safe: a submission whose answer was lost, sent again, makes one report', async () => {
    const page = await reportForm();
    const before = await reports();
    await fillReport(page, 'AI Verify Foundation test lab', 'AIVERIFY:transparency');
    await page.getByLabel('The lab is accredited').check();
    await page.getByLabel('Accreditation body').fill('SAC');
    await row(page, 'Explanations for customers')
      .getByLabel(/^Value/)
      .fill('0.95');
    await row(page, 'Explanations for customers').getByText('Pass', { exact: true }).waitFor();

    // The first submission reaches the server, which saves the report; its answer never arrives.
    let submissions = 0;
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('mutation SubmitTestReport')) return route.fallback();
      submissions++;
      if (submissions > 1) return route.fallback();
      await route.fetch();
      await route.abort('failed');
    });
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.getByText('The server could not be reached').waitFor();
    const saved = await reports();
    expect(saved).toHaveLength(before.length + 1);

    // Sent again from the same form: the same idempotency key, so the server answers the first report.
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.waitForURL(/\/innovator\/enrolments\/[^/]+\/reports\/[^/]+$/);
    await page.getByRole('heading', { name: 'Test report', level: 1 }).waitFor();
    expect(submissions).toBe(2);
    const after = await reports();
    expect(after).toEqual(saved);
    const report = after.find((r) => !before.some((b) => b.id === r.id))!;
    expect(page.url()).toMatch(new RegExp(`/reports/${report.id}$`));
    submitted = report.id;

    // The report as submitted: its status, and each result with the outcome the server gave it.
    await page.getByTestId('report-status').filter({ hasText: 'Submitted' }).waitFor();
    const results = page.getByRole('table', { name: 'Results' });
    await results.getByRole('row').filter({ hasText: 'Explanations for customers' }).getByText('Pass').waitFor();
    await page.getByText(report.idempotencyKey).waitFor();
    await expectAccessible(page, 'submitted report');
    expect(problemsBut(page, /Failed to load resource: net::ERR_FAILED/)).toEqual([]);
  });

  it('explains why no report can be submitted outside testing', async () => {
    const page = await cb.newPage();
    await cb.signIn(page, NORDVIK);
    await page.goto(`/innovator/enrolments/${fastTrack.exitReviewId}/report`);
    await page.getByText('No test report can be submitted now').waitFor();
    await expect(page.getByRole('button', { name: 'Submit the report' }).count()).resolves.toBe(0);
    expect(pageProblems(page)).toEqual([]);
  });
});

describe('Recognition passports', () => {
  it('counts a report once its authority accepted it, down to the criterion it met', async () => {
    expect(submitted).toBeDefined();
    const page = await cb.newPage();
    await cb.signIn(page, NORDVIK);
    await page.goto('/innovator/passports');
    await page.getByRole('combobox', { name: 'AI system' }).click();
    await page.getByRole('option', { name: SYSTEM }).click();
    await page.getByText(`Passport of ${SYSTEM}:`).waitFor();
    const mas = () => page.getByRole('row').filter({ has: page.getByRole('link', { name: 'MAS', exact: true }) });
    const count = async (column: string) => Number(await mas().locator(`[data-column="${column}"]`).textContent());
    await mas().waitFor();
    const local = await count('satisfiedLocally');
    const needed = await count('testsNeeded');

    // A submitted report counts for no recognition: MAS accepts it.
    const regulator = await cb.server.login(MAS_REGULATOR, DEMO_PASSWORD);
    const accepted = await cb.server.gql<{ reviewTestReport: { status: string } }>(
      'mutation($input: ReviewTestReportInput!) { reviewTestReport(input: $input) { status } }',
      { input: { reportId: submitted, decision: 'ACCEPT', reasons: 'Tested in Singapore by an accredited lab.' } },
      regulator,
    );
    expect(accepted.data?.reviewTestReport.status).toBe('ACCEPTED');

    await page.reload();
    await mas().waitFor();
    await eventually(async () => {
      expect(await count('satisfiedLocally')).toBe(local + 1);
      expect(await count('testsNeeded')).toBe(needed - 1);
    });
    await expectAccessible(page, 'passport');

    // MAS's criteria: explainability is now met by the local result, with the checks that say so.
    await mas().getByRole('link', { name: 'MAS', exact: true }).click();
    await page.getByRole('heading', { name: `${SYSTEM} at MAS`, level: 1 }).waitFor();
    const needs = page.getByRole('region', { name: 'Tests still needed' });
    await needs.getByRole('listitem').first().waitFor();
    await expect(needs.getByText('Explanations for customers').count()).resolves.toBe(0);
    await page.getByRole('button', { name: /^Explanations for customers/ }).click();
    const item = page.getByRole('region', { name: /^Explanations for customers/ });
    await item
      .getByText(
        /^Met by a passing result of yours tested in SG: Tested in SG on .* value 0\.95, passed; accredited lab \(SAC\); method AIVERIFY:transparency\.$/,
      )
      .waitFor();
    const local2 = item.getByRole('row').filter({ hasText: 'Passing result tested here' });
    await local2.getByText('Yes').waitFor();
    await expectAccessible(page, 'passport drill-down');

    // The report shows it was accepted.
    await page.goto(`/innovator/enrolments/${fastTrack.id}/reports/${submitted}`);
    await page.getByTestId('report-status').filter({ hasText: 'Accepted' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('explains a result recognised through an agreement: its checks, the results considered, the case file', async () => {
    const page = await cb.newPage();
    await cb.signIn(page, MERLION);
    await page.goto('/innovator/passports');
    await page.getByRole('combobox', { name: 'AI system' }).click();
    await page.getByRole('option', { name: 'Merlion Premium Instalment Scorer' }).click();
    await page.getByText('Passport of Merlion Premium Instalment Scorer:').waitFor();
    const fca = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'FCA', exact: true }) });
    await fca.waitFor();
    expect(Number(await fca.locator('[data-column="recognised"]').textContent())).toBeGreaterThan(0);
    await fca.getByRole('link', { name: 'FCA', exact: true }).click();
    await page.getByRole('heading', { name: 'Merlion Premium Instalment Scorer at FCA', level: 1 }).waitFor();

    // Only the recognised criteria, the first opened.
    await page.getByText(/^Recognised \(\d+\)$/).click();
    const first = page.getByRole('button', { name: /Recognised$/ }).first();
    await first.click();
    const item = page.getByRole('region', { name: /Recognised$/ }).first();
    await item
      .getByText(/^Recognised in full through UK–Singapore .+, under its rule “.+”\. Tested in SG on /)
      .waitFor();
    await item.getByText(/^Results considered \(\d+\)$/).waitFor();
    await item.getByText('Chosen').waitFor();
    const inForce = item.getByRole('row').filter({ hasText: 'Agreement in force' }).first();
    await inForce.getByText('Yes').waitFor();
    // The explanations name things: no raw id is left in them.
    expect(await item.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    await expectAccessible(page, 'passport drill-down (recognised)');

    // The case behind it, to replay offline.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the recognition case' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^recognition-case-fca-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'sandbridge/recognition-case@1' });

    // The tests still needed lead to the report form, addressed to FCA.
    await page.getByRole('link', { name: /^Submit a test report to FCA/ }).click();
    await page.getByRole('heading', { name: 'Submit a test report', level: 1 }).waitFor();
    await eventually(async () =>
      expect(await page.getByRole('combobox', { name: /^Submitted to/ }).inputValue()).toBe(
        'FCA — Financial Conduct Authority',
      ),
    );
    expect(pageProblems(page)).toEqual([]);
  });
});

async function criterionId(key: string): Promise<string> {
  const { data } = await cb.server.gql<{
    enrolment: { tracks: { exit: { criterion: { id: string; key: string } }[] }[] };
  }>(
    'query($id: ID!) { enrolment(id: $id) { tracks { exit: evaluation(stage: EXIT) { criterion { id key } } } } }',
    { id: fastTrack.id },
    nordvik,
  );
  return data!.enrolment.tracks.flatMap((t) => t.exit).find((e) => e.criterion.key === key)!.criterion.id;
}
