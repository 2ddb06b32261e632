import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConsoleBrowser,
  DEMO,
  DEMO_PASSWORD,
  eventually,
  expectAccessible,
  fieldError,
  pageProblems,
  planInput,
  tabTo,
} from '@sandbridge/testing';
import type { Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// The regulator's review in Chromium, on the built server with the demo data, as the FCA's demo
// regulator: an application of Lumen's (made through the API, one mandatory entry attestation not
// given) goes through the work queue and the enrolment's review page — the review started, entry
// refused without a justification (the API's message at the Justification field) and admitted with
// one; a test report accepted with reasons from the queue; the track suspended on a ground and
// resumed; the exit decided — and the enrolment's audit trail verified. An incident reported in one
// browser context appears live in another; the exit report renders and downloads; the funnel shows
// the API's figures. axe on each page reached outside the navigation.

let cb: ConsoleBrowser;
let innovator: string;
let regulator: string;
let programmeId: string;
let fcaId: string;
let enrolmentId: string;
const SYSTEM = 'Lumen Review Scorer';
const UNMET = 'entry.need-for-sandbox';
/** A UTC day as the console writes it. */
const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

interface Criterion {
  id: string;
  key: string;
  kind: 'METRIC' | 'EVIDENCE' | 'ATTESTATION';
  comparator: 'GTE' | 'LTE' | 'EQ' | 'BETWEEN' | null;
  threshold: number | null;
  thresholdHigh: number | null;
}

async function gql<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const response = await cb.server.gql<T>(query, variables, token);
  if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

/** A result that meets the criterion (or, for `fail`, an attestation not given). */
function result(c: Criterion, fail = false) {
  switch (c.kind) {
    case 'ATTESTATION':
      return { criterionId: c.id, attested: !fail };
    case 'EVIDENCE':
      return { criterionId: c.id, evidenceReference: `dms://lumen/${c.key}.pdf`, evidenceSha256: 'a'.repeat(64) };
    case 'METRIC': {
      const t = c.threshold!;
      const value =
        c.comparator === 'GTE'
          ? t + 0.05
          : c.comparator === 'LTE'
            ? t / 2
            : c.comparator === 'BETWEEN'
              ? (t + c.thresholdHigh!) / 2
              : t;
      return { criterionId: c.id, value };
    }
  }
}

/** The FCA's criteria of a stage of the pilot. */
async function fcaCriteria(stage: 'ENTRY' | 'TESTING' | 'EXIT'): Promise<Criterion[]> {
  const data = await gql<{ programme: { criteria: { authority: { id: string }; criterion: Criterion }[] } }>(
    `query($id: ID!, $stage: Stage) { programme(id: $id) { criteria(stage: $stage) {
       authority { id } criterion { id key kind comparator threshold thresholdHigh } } } }`,
    { id: programmeId, stage },
    regulator,
  );
  return data.programme.criteria.filter((a) => a.authority.id === fcaId).map((a) => a.criterion);
}

const enrolment = async () =>
  (
    await gql<{
      enrolment: {
        state: string;
        version: number;
        tracks: { state: string; entryJustification: string | null; exitDecision: string | null }[];
        testReports: { id: string; status: string; reviewReasons: string | null }[];
      };
    }>(
      `query($id: ID!) { enrolment(id: $id) { state version
         tracks { state entryJustification exitDecision } testReports { id status reviewReasons } } }`,
      { id: enrolmentId },
      regulator,
    )
  ).enrolment;

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
  innovator = await cb.server.login(DEMO.innovator.email, DEMO_PASSWORD);
  regulator = await cb.server.login(DEMO.regulator.email, DEMO_PASSWORD);
  const { me, programmes } = await gql(
    '{ me { authority { id } } programmes(filter: { search: "pilot" }, first: 5) { edges { node { id name } } } }',
    {},
    regulator,
  );
  fcaId = me.authority.id;
  programmeId = programmes.edges.find((e: any) => e.node.name === 'Cross-border AI credit-scoring pilot').node.id;

  // Lumen applies to the FCA with every entry criterion met but one mandatory attestation not given.
  const { registerAiSystem } = await gql(
    'mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }',
    {
      input: {
        name: SYSTEM,
        sector: 'FINANCE',
        riskClass: 'HIGH',
        intendedPurpose: 'Scores thin-file applicants from open-banking data for the regulator review test.',
      },
    },
    innovator,
  );
  const entry = await fcaCriteria('ENTRY');
  expect(entry.map((c) => c.key)).toContain(UNMET);
  const { createEnrolment } = await gql(
    'mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { id version } }',
    {
      input: {
        programmeId,
        aiSystemId: registerAiSystem.id,
        targetAuthorityIds: [fcaId],
        entryResults: entry.map((c) => result(c, c.key === UNMET)),
      },
    },
    innovator,
  );
  enrolmentId = createEnrolment.id;
  await gql(
    'mutation($input: EnrolmentActionInput!) { submitEnrolment(input: $input) { state } }',
    { input: { enrolmentId, expectedVersion: createEnrolment.version } },
    innovator,
  );
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

async function regulatorPage(path: string): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, DEMO.regulator.email);
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

const notification = (page: Page, title: string) => page.getByRole('alert').filter({ hasText: title }).first();

describe('the regulator’s review', () => {
  it('finds the application in the work queue, starts the review, and admits over an unmet mandatory criterion only with a justification', async () => {
    const page = await regulatorPage('/regulator/queue');
    await page.getByRole('tab', { name: /^Applications/ }).click();
    const row = page.getByRole('row').filter({ hasText: SYSTEM });
    await eventually(async () => expect(await row.textContent()).toContain('Start the review'));
    // Each item shows the day it is due; the demo's application submitted 100 days ago is overdue.
    const { workQueue } = await gql(
      '{ workQueue(first: 100) { edges { node { kind due daysOverdue enrolment { aiSystem { name } } } } } }',
      {},
      regulator,
    );
    const entry = (name: string) =>
      workQueue.edges.find((e: any) => e.node.kind === 'ENTRY_DECISION' && e.node.enrolment.aiSystem.name === name)
        .node;
    const due = DAY.format(new Date(entry(SYSTEM).due));
    await expect(row.textContent()).resolves.toContain(due);
    const late = entry('Lumen Arrears Assistant');
    expect(late.daysOverdue).toBeGreaterThan(0);
    await page
      .getByRole('row')
      .filter({ hasText: 'Lumen Arrears Assistant' })
      .getByText(`${late.daysOverdue} days overdue`, { exact: true })
      .waitFor();
    // Reachable by keyboard, as every action.
    const review = row.getByRole('link', { name: `Review: ${SYSTEM}` });
    await tabTo(page, review);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: SYSTEM, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/regulator/enrolments/${enrolmentId}`);
    // The FCA's track lists its deadline: the entry decision, due 3 months after submission.
    const deadlines = page.getByRole('list', { name: "FCA's deadlines" });
    await deadlines.getByText(`due ${due}`).waitFor();

    // The FCA's entry criteria as the API evaluates them: the attestation not given is unmet and mandatory.
    const unmetRow = page.getByRole('row').filter({ hasText: UNMET });
    await eventually(async () => expect(await unmetRow.textContent()).toMatch(/Unmet.*Needs justification/));
    // Actions the state does not allow are disabled, with the API's reason beside them.
    await eventually(async () =>
      expect(await page.getByRole('button', { name: 'Decide entry' }).isDisabled()).toBe(true),
    );
    await page.getByText('Cannot decide entry an enrolment that is SUBMITTED').waitFor();
    await expectAccessible(page, 'enrolment review (submitted)');

    await page.getByRole('button', { name: 'Start the review' }).click();
    await notification(page, 'Review started').waitFor();
    await page.getByText('Under review', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Decide entry' }).click();
    const dialog = page.getByRole('dialog', { name: 'Decide entry' });
    await dialog.getByText('Mandatory entry criteria not met').waitFor();
    await dialog.getByRole('radio', { name: 'Admit' }).check();
    await dialog.getByLabel('Reasons').fill('Genuine innovation; need for the sandbox to be shown in the first month.');
    await dialog.getByRole('button', { name: 'Record the decision' }).click();

    // The API refuses, and its message is shown at the Justification field — the same words it sends.
    const { version } = await enrolment();
    const refused = await cb.server.gql(
      'mutation($input: DecideEntryInput!) { decideEntry(input: $input) { state } }',
      { input: { enrolmentId, expectedVersion: version, decision: 'ADMIT' } },
      regulator,
    );
    const problem = (refused.errors![0].extensions as any).errors.find((p: any) => p.path === 'input.justification');
    expect(problem.message).toContain(UNMET);
    const justification = dialog.getByLabel('Justification');
    await dialog.getByText('Check the fields marked below.').waitFor();
    expect(await fieldError(justification)).toBe(problem.message.charAt(0).toUpperCase() + problem.message.slice(1));
    await expectAccessible(page, 'decide entry, refused without a justification');
    expect((await enrolment()).state).toBe('UNDER_REVIEW');

    const reason = 'Need for the sandbox shown in the application’s test plan; to be attested within a month.';
    await justification.fill(reason);
    await dialog.getByRole('button', { name: 'Record the decision' }).click();
    await notification(page, 'Admitted').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(reason).waitFor();
    // Decided: the entry decision's deadline is met today.
    await deadlines.getByText(/^met on /).waitFor();
    const after = await enrolment();
    expect(after.state).toBe('TESTING');
    expect(after.tracks[0]).toMatchObject({ state: 'ADMITTED', entryJustification: reason });
    expect(pageProblems(page)).toEqual([]);
  });

  it('accepts a test report with reasons from the work queue', async () => {
    // Reports go in under an agreed sandbox plan: the innovator proposes one, the FCA approves it.
    const proposed = (
      await gql(
        'mutation($input: ProposeSandboxPlanInput!) { proposeSandboxPlan(input: $input) { id enrolment { version } } }',
        { input: planInput(enrolmentId, (await enrolment()).version) },
        innovator,
      )
    ).proposeSandboxPlan;
    await gql(
      'mutation($input: ApproveSandboxPlanInput!) { approveSandboxPlan(input: $input) { status } }',
      { input: { planId: proposed.id, expectedVersion: proposed.enrolment.version } },
      regulator,
    );
    const results = [...(await fcaCriteria('TESTING')), ...(await fcaCriteria('EXIT'))].map((c) => result(c));
    await gql(
      'mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id } }',
      {
        input: {
          enrolmentId,
          submittedTo: fcaId,
          periodStart: '2026-01-05',
          periodEnd: '2026-02-05',
          lab: { name: 'Meridian AI Assurance Lab', accredited: true, accreditationBody: 'UKAS' },
          method: { id: 'ISO42001:A.6.2.4', version: '2023' },
          testedIn: 'GB',
          confidentiality: 'PARTICIPANTS',
          idempotencyKey: 'regulator-review-report-1',
          results,
        },
      },
      innovator,
    );

    const page = await regulatorPage('/regulator/queue');
    await page.getByRole('tab', { name: /^Test reports/ }).click();
    await page.getByRole('button', { name: new RegExp(`^Review the report on ${SYSTEM}`) }).click();
    const dialog = page.getByRole('dialog', { name: `Review the report on ${SYSTEM}` });
    await dialog.getByText(`${results.length} results`).waitFor();
    await dialog.getByText('Meridian AI Assurance Lab, accredited (UKAS)').waitFor();
    await expectAccessible(page, 'report review dialog');
    await dialog.getByRole('radio', { name: 'Accept' }).check();
    const reasons = 'Complete, accredited lab, method as agreed in the test plan.';
    await dialog.getByLabel(/^Reasons/).fill(reasons);
    await dialog.getByRole('button', { name: 'Record the review' }).click();
    await notification(page, 'Report accepted').waitFor();
    await page.getByText('No test report waits for your review.').waitFor();
    expect((await enrolment()).testReports).toEqual([
      expect.objectContaining({ status: 'ACCEPTED', reviewReasons: reasons }),
    ]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('suspends the track on a ground with reasons — after a CONFLICT whose refresh keeps them — and resumes it', async () => {
    const page = await regulatorPage(`/regulator/enrolments/${enrolmentId}`);
    await page.getByRole('button', { name: 'Suspend' }).click();
    const dialog = page.getByRole('dialog', { name: 'Suspend your track' });
    await dialog.getByRole('radio', { name: 'Breach of plan' }).check();
    const reasons = dialog.getByLabel(/^Reasons/);
    await reasons.fill('Live traffic exceeded the agreed 5% cap.');

    // Meanwhile a colleague suspends and resumes the track (the page updates live; the open form
    // still decides on the version it was opened with).
    for (const mutation of ['suspendTrack', 'resumeTrack']) {
      const { version } = await enrolment();
      await gql(
        `mutation($input: ${mutation === 'suspendTrack' ? 'SuspendTrackInput' : 'EnrolmentActionInput'}!) { ${mutation}(input: $input) { state } }`,
        {
          input: {
            enrolmentId,
            expectedVersion: version,
            reasons: 'Checked by a colleague.',
            ...(mutation === 'suspendTrack' ? { ground: 'PARTICIPANT_REQUEST' } : {}),
          },
        },
        regulator,
      );
    }
    await dialog.getByRole('button', { name: 'Suspend your track' }).click();
    await dialog.getByText('Someone else changed this').waitFor();
    expect((await enrolment()).state).toBe('TESTING');
    await dialog.getByRole('button', { name: 'Refresh' }).click();
    await dialog.getByText('Someone else changed this').waitFor({ state: 'detached' });
    await dialog.getByText(`You decide on version ${(await enrolment()).version} of the enrolment`).waitFor();
    await eventually(async () => {
      expect(await reasons.inputValue()).toBe('Live traffic exceeded the agreed 5% cap.');
      expect(await dialog.getByRole('radio', { name: 'Breach of plan' }).isChecked()).toBe(true);
    });
    await dialog.getByRole('button', { name: 'Suspend your track' }).click();
    await notification(page, 'Your track is suspended').waitFor();
    await page.getByText(/Suspended since .*: Breach of plan/).waitFor();
    await page.getByText('Live traffic exceeded the agreed 5% cap.').waitFor();
    expect((await enrolment()).state).toBe('SUSPENDED');
    await expectAccessible(page, 'enrolment review (suspended)');

    await page.getByRole('button', { name: 'Resume' }).click();
    const resume = page.getByRole('dialog', { name: 'Resume your track' });
    await resume.getByLabel('Reasons').fill('Traffic cap enforced in code; verified.');
    await resume.getByRole('button', { name: 'Resume your track' }).click();
    await notification(page, 'Your track is resumed').waitFor();
    await page.getByText('Only a suspended track can be resumed; this one is ADMITTED').waitFor();
    expect((await enrolment()).state).toBe('TESTING');
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows an incident reported in one browser context live in another', async () => {
    const watching = await regulatorPage('/regulator/incidents');
    await watching.getByRole('list', { name: 'Incidents' }).waitFor();
    await eventually(async () =>
      expect(await watching.getByRole('combobox', { name: 'Programme' }).inputValue()).toBe(
        'Cross-border AI credit-scoring pilot',
      ),
    );
    const alsoWatching = await regulatorPage(`/regulator/enrolments/${enrolmentId}?tab=incidents`);
    await alsoWatching.getByText('No incident has been reported on this enrolment.').waitFor();

    const reporting = await regulatorPage(`/regulator/enrolments/${enrolmentId}?tab=incidents`);
    await reporting.getByRole('button', { name: 'Report an incident' }).click();
    const dialog = reporting.getByRole('dialog', { name: 'Report an incident' });
    await dialog.getByRole('combobox', { name: 'Severity' }).click();
    await reporting.getByRole('option', { name: 'High' }).click();
    const description = 'Scores for applicants with joint accounts doubled after a partner API change.';
    await dialog.getByLabel(/^What happened/).fill(description);
    await dialog.getByLabel('Harm caused or risked').fill('Credit limits overstated for 40 applicants.');
    await expectAccessible(reporting, 'report an incident dialog');
    await dialog.getByRole('button', { name: 'Report the incident' }).click();
    await notification(reporting, 'Incident reported').waitFor();

    // The other contexts see it without reloading: the programme's incidents and the enrolment's.
    const card = watching.getByRole('listitem').filter({ hasText: description });
    await card.waitFor();
    await expect(card.textContent()).resolves.toMatch(/High severity.*New/);
    await expect(card.getByRole('link', { name: SYSTEM }).isVisible()).resolves.toBe(true);
    await alsoWatching.getByRole('listitem').filter({ hasText: description }).waitFor();
    await alsoWatching.getByRole('tab', { name: 'Incidents (1)' }).waitFor();
    await expectAccessible(watching, 'incidents, with a live one');
    for (const page of [watching, alsoWatching, reporting]) expect(pageProblems(page)).toEqual([]);
  });

  it('decides the exit from the queue’s Exits, and the exit report renders and downloads', async () => {
    const { version } = await enrolment();
    await gql(
      'mutation($input: EnrolmentActionInput!) { requestExit(input: $input) { state } }',
      { input: { enrolmentId, expectedVersion: version } },
      innovator,
    );
    const page = await regulatorPage('/regulator/queue');
    await page.getByRole('tab', { name: /^Exits/ }).click();
    await page.getByRole('link', { name: `Decide: ${SYSTEM}` }).click();
    await page.getByRole('heading', { name: SYSTEM, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Decide exit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Decide exit' });
    await dialog.getByRole('radio', { name: 'Authorise' }).check();
    await dialog.getByLabel('Reasons').fill('Every exit criterion met; transition plan agreed.');
    await dialog.getByRole('button', { name: 'Record the exit decision' }).click();
    await notification(page, 'Exit decision recorded').waitFor();
    expect((await enrolment()).state).toBe('EXITED');

    await page.getByRole('link', { name: 'Exit report' }).click();
    await page.getByRole('heading', { name: 'Exit report', level: 1 }).waitFor();
    const report = page.getByRole('article', { name: 'The exit report' });
    await report.getByRole('heading', { name: `Exit report — ${SYSTEM}`, level: 2 }).waitFor();
    // The Markdown's table, as a table: one row per FCA exit criterion.
    const exitCriteria = await fcaCriteria('EXIT');
    await expect(report.getByRole('table').getByRole('row').count()).resolves.toBe(exitCriteria.length + 1);
    await report.getByRole('columnheader', { name: 'outcome' }).waitFor();
    await report.getByText('Every exit criterion met; transition plan agreed.', { exact: false }).waitFor();
    await expectAccessible(page, 'exit report');

    const { exitReport } = await gql(
      'query($id: ID!) { exitReport(enrolmentId: $id) { markdown } }',
      { id: enrolmentId },
      regulator,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download (.md)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('exit-report-lumen-review-scorer.md');
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(exitReport.markdown);
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows the enrolment’s audit trail, and Verify says the chain is intact', async () => {
    const page = await regulatorPage(`/regulator/enrolments/${enrolmentId}?tab=audit`);
    const table = page.getByRole('table');
    await table.getByRole('row').filter({ hasText: 'Decide entry' }).filter({ hasText: 'justification' }).waitFor();
    const { auditTrail } = await gql(
      'query($id: ID!) { auditTrail(filter: { enrolmentId: $id }, first: 100) { totalCount } }',
      { id: enrolmentId },
      regulator,
    );
    await eventually(async () => expect(await table.locator('tbody tr').count()).toBe(auditTrail.totalCount));

    await page.getByRole('button', { name: 'Verify the audit trail' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Verified: the audit trail is intact' });
    await status.waitFor();
    const { verifyAuditTrail } = await gql('{ verifyAuditTrail { ok entries } }', {}, regulator);
    expect(verifyAuditTrail.ok).toBe(true);
    await expect(status.textContent()).resolves.toContain(
      `All ${verifyAuditTrail.entries.toLocaleString('en-GB')} entries`,
    );
    await expectAccessible(page, 'audit trail, verified');
    expect(pageProblems(page)).toEqual([]);
  });

  it('draws the programme funnel with the API’s figures, as charts and tables', async () => {
    const page = await regulatorPage('/regulator/funnel');
    const { programmeFunnel: funnel } = await gql(
      'query($id: ID!) { programmeFunnel(programmeId: $id) { applications submitted tested exited authorities { authority { acronym } targeted } } }',
      { id: programmeId },
      regulator,
    );
    await page.getByRole('img', { name: new RegExp(`^Funnel: Applications ${funnel.applications},`) }).waitFor();
    const stages = page.getByRole('table', { name: 'From application to exit' });
    for (const [stage, count] of Object.entries({
      Applications: funnel.applications,
      Submitted: funnel.submitted,
      Tested: funnel.tested,
      Exited: funnel.exited,
    }))
      await eventually(async () =>
        expect(await stages.getByRole('row').filter({ hasText: stage }).getByRole('cell').allTextContents()).toEqual([
          stage,
          String(count),
        ]),
      );
    const fca = funnel.authorities.find((a: any) => a.authority.acronym === 'FCA');
    const row = page.getByRole('table', { name: "Each authority's tracks" }).getByRole('row', { name: /\(FCA\)/ });
    await eventually(async () => expect(await row.getByRole('cell').nth(1).textContent()).toBe(String(fca.targeted)));
    expect(pageProblems(page)).toEqual([]);
  });
});
