import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConsoleBrowser,
  DEMO,
  eventually,
  expectAccessible,
  fieldError,
  pageProblems,
  tabTo,
} from '@sandbridge/testing';
import type { Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// The innovator's side of the console in Chromium: the organisation and a system's enrolments, the
// open programmes with each authority's criteria per stage, applying (the API's field problems at
// their fields, the entry evaluation of the saved draft before submitting, submitting), and an
// enrolment's page — its actions at the version read (CONFLICT, refresh) and its live updates when a
// regulator acts elsewhere.

let cb: ConsoleBrowser;

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

const PILOT = 'Cross-border AI credit-scoring pilot';
const FAST_TRACK = 'Singapore fast track for AI credit models tested abroad';
const HASH = 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778';

/** The API itself, as a demo account (the same server, over HTTP). */
async function api<T = any>(email: string, query: string, variables: Record<string, unknown> = {}) {
  const token = await cb.server.login(email, 'sandbridge-demo');
  return cb.server.gql<T>(query, variables, token);
}

async function innovatorPage(path: string): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, DEMO.innovator.email);
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

async function programmeId(name: string): Promise<string> {
  const answer = await api(DEMO.innovator.email, '{ programmes(first: 20) { edges { node { id name } } } }');
  return answer.data!.programmes.edges.find((e: any) => e.node.name === name).node.id;
}

async function enrolmentOf(system: string, programme: string): Promise<{ id: string; version: number }> {
  const answer = await api(
    DEMO.innovator.email,
    '{ enrolments(first: 100) { edges { node { id version state aiSystem { name } programme { name } } } } }',
  );
  const found = answer
    .data!.enrolments.edges.map((e: any) => e.node)
    .filter((e: any) => e.aiSystem.name === system && e.programme.name === programme)
    .find((e: any) => e.state !== 'WITHDRAWN');
  return { id: found.id, version: found.version };
}

/**
 * Waits until the notifications titled `titles` are gone (they close by themselves): axe then checks
 * the page, not a notification halfway through its fade.
 */
async function notificationsGone(page: Page, titles: RegExp): Promise<void> {
  await page.getByRole('alert').filter({ hasText: titles }).first().waitFor({ state: 'detached' });
}

/**
 * Runs axe once the page's CSS transitions (a dialog or a notification fading in) have finished: a
 * colour halfway through a fade is not the colour people read.
 */
async function expectAccessibleNow(page: Page, where: string): Promise<void> {
  await page.waitForFunction(() =>
    (globalThis as any).document
      .getAnimations()
      .every((a: any) => a.constructor.name !== 'CSSTransition' || a.playState === 'finished'),
  );
  await expectAccessible(page, where);
}

/** The message the API gives at `path`, as the console shows it (first letter upper-case). */
function messageAt(errors: { path: string; message: string }[], path: string): string {
  const text = errors.find((p) => p.path === path)?.message;
  if (!text) throw new Error(`The API gave no problem at ${path}: ${JSON.stringify(errors)}`);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

describe('the innovator console: programmes, applying, enrolments', () => {
  it("lists the open programmes, and shows one with each authority's criteria per stage", async () => {
    const page = await innovatorPage('/innovator/programmes');
    await page.getByRole('link', { name: FAST_TRACK }).waitFor();
    await page.getByRole('link', { name: PILOT }).click();
    await page.getByRole('heading', { name: PILOT, level: 1 }).waitFor();

    const facts = page.getByRole('region', { name: 'About the programme' });
    await expect(facts.getByRole('row', { name: /Cohort capacity/ }).textContent()).resolves.toContain('12 places');
    await expect(facts.getByRole('row', { name: /Joint-entry rule/ }).textContent()).resolves.toContain(
      'Each authority',
    );
    await expect(facts.getByRole('row', { name: /Application window/ }).textContent()).resolves.toContain(
      'Open for applications today',
    );

    // Each authority's criteria, stage by stage, as many as the API says it attached.
    const id = await programmeId(PILOT);
    const attached = await api(
      DEMO.innovator.email,
      'query($id: ID!) { programme(id: $id) { participants { authority { acronym } criteria { stage } } } }',
      { id },
    );
    const criteria = page.getByRole('region', { name: 'Criteria by authority' });
    // The lead first, then the others as the API lists them.
    await eventually(async () =>
      expect(await criteria.getByRole('tab').allTextContents()).toEqual(
        attached.data!.programme.participants.map(
          (p: any, i: number) => p.authority.acronym + (i === 0 ? ' (lead)' : ''),
        ),
      ),
    );
    expect(attached.data!.programme.participants[0].authority.acronym).toBe('FCA');
    for (const participant of attached.data!.programme.participants) {
      await criteria.getByRole('tab', { name: new RegExp(`^${participant.authority.acronym}`) }).click();
      for (const [stage, label] of [
        ['ENTRY', 'Entry'],
        ['TESTING', 'Testing'],
        ['EXIT', 'Exit'],
      ]) {
        const count = participant.criteria.filter((c: any) => c.stage === stage).length;
        await criteria.getByRole('heading', { name: `${label} criteria (${count})`, level: 3 }).waitFor();
      }
    }
    // MAS's tab: its optional entry criterion says so.
    await criteria.getByRole('tab', { name: 'MAS' }).click();
    await criteria
      .getByRole('row', { name: /entry\.feat-assessment/ })
      .getByText('Optional', { exact: true })
      .waitFor();

    // The organisation's applications to it, each linking to its page.
    const applications = page.getByRole('region', { name: 'Your applications' });
    await applications.getByRole('link', { name: /Open the enrolment of Lumen Thin-File Scorer/ }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Apply' }));
    await expectAccessibleNow(page, 'programme page');
    expect(pageProblems(page)).toEqual([]);
  });

  it('applies: field problems at their fields, the entry evaluation of the draft before submitting, then submits', async () => {
    const page = await innovatorPage('/innovator/programmes');
    await page.getByRole('link', { name: FAST_TRACK }).click();
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('heading', { name: `Apply to ${FAST_TRACK}`, level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Application' });

    // A system that already holds an application to the programme cannot be chosen.
    await form.getByRole('combobox', { name: 'AI system' }).click();
    await page.getByRole('option', { name: 'Lumen Thin-File Scorer' }).click();

    // No authority chosen: the API's problem shows at the authorities.
    await form.getByRole('button', { name: 'Save as draft' }).click();
    await form.getByText('Must name at least one authority').waitFor();

    // Invalid evidence for three criteria; the attestation left unanswered (not sent: the API's
    // positions are of what was sent, and land at the rows they came from).
    await form.getByRole('checkbox', { name: /^MAS/ }).check();
    const boundary = form.getByRole('group', { name: /^Boundary conditions/ });
    const technology = form.getByRole('group', { name: /^New or emerging technology/ });
    const intention = form.getByRole('group', { name: /^Intention and ability to deploy in Singapore/ });
    const scenarios = form.getByRole('group', { name: /^Test scenarios and expected outcomes/ });
    await boundary.getByLabel('Evidence reference').fill('dms://lumen/boundary-conditions.pdf');
    await boundary.getByLabel('SHA-256', { exact: true }).fill('not-a-hash');
    await technology.getByLabel('Evidence reference').fill('dms://lumen/technology.pdf');
    await technology.getByLabel('SHA-256', { exact: true }).fill(HASH.toUpperCase());
    await scenarios.getByLabel('Evidence reference').fill(`dms://${'x'.repeat(520)}`);
    await scenarios.getByLabel('SHA-256', { exact: true }).fill(HASH);
    await form.getByRole('button', { name: 'Save as draft' }).click();
    await form.getByText('Check the fields marked below.').waitFor();

    // What the API says of the same input, field by field.
    const fastTrack = await programmeId(FAST_TRACK);
    const choices = await api(
      DEMO.innovator.email,
      `query($id: ID!) { programme(id: $id) { participants { authority { id } criteria(stage: ENTRY) { criterion { id key } } } }
        aiSystems(first: 20) { edges { node { id name } } } }`,
      { id: fastTrack },
    );
    const mas = choices.data!.programme.participants[0];
    const criterion = (key: string) => mas.criteria.find((c: any) => c.criterion.key === key).criterion.id;
    const refused = await api(
      DEMO.innovator.email,
      'mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { id } }',
      {
        input: {
          programmeId: fastTrack,
          aiSystemId: choices.data!.aiSystems.edges.find((e: any) => e.node.name === 'Lumen Thin-File Scorer').node.id,
          targetAuthorityIds: [mas.authority.id],
          entryResults: [
            {
              criterionId: criterion('entry.boundary-conditions'),
              evidenceReference: 'dms://lumen/boundary-conditions.pdf',
              evidenceSha256: 'not-a-hash',
            },
            {
              criterionId: criterion('entry.innovative-technology'),
              evidenceReference: 'dms://lumen/technology.pdf',
              evidenceSha256: HASH.toUpperCase(),
            },
            {
              criterionId: criterion('entry.test-scenarios'),
              evidenceReference: `dms://${'x'.repeat(520)}`,
              evidenceSha256: HASH,
            },
          ],
        },
      },
    );
    const problems = refused.errors![0].extensions!.errors as { path: string; message: string }[];
    expect(problems.map((p) => p.path).sort()).toEqual([
      'input.entryResults.0.evidenceSha256',
      'input.entryResults.1.evidenceSha256',
      'input.entryResults.2.evidenceReference',
    ]);
    expect(await fieldError(boundary.getByLabel('SHA-256', { exact: true }))).toBe(
      messageAt(problems, 'input.entryResults.0.evidenceSha256'),
    );
    expect(await fieldError(boundary.getByLabel('SHA-256', { exact: true }))).toBe(
      'Must be 64 lower-case hexadecimal characters',
    );
    expect(await fieldError(technology.getByLabel('SHA-256', { exact: true }))).toBe(
      messageAt(problems, 'input.entryResults.1.evidenceSha256'),
    );
    expect(await fieldError(scenarios.getByLabel('Evidence reference'))).toBe(
      messageAt(problems, 'input.entryResults.2.evidenceReference'),
    );
    expect(await fieldError(boundary.getByLabel('Evidence reference'))).toBeNull();
    expect(await fieldError(scenarios.getByLabel('SHA-256', { exact: true }))).toBeNull();
    expect(await fieldError(intention.getByRole('checkbox'))).toBeNull();
    expect(new URL(page.url()).pathname).toMatch(/\/apply$/);
    await expectAccessibleNow(page, 'application form with field errors');

    // Corrected, the attestation still unanswered: saved as a DRAFT, on its own page.
    await boundary.getByLabel('SHA-256', { exact: true }).fill(HASH);
    await technology.getByLabel('SHA-256', { exact: true }).fill(HASH);
    await scenarios.getByLabel('Evidence reference').fill('dms://lumen/test-scenarios.pdf');
    await form.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/innovator\/enrolments\/[^/]+\/application$/);
    await page.getByRole('heading', { name: 'Application: Lumen Thin-File Scorer', level: 1 }).waitFor();

    // The entry evaluation, before submitting: the unanswered mandatory attestation is marked.
    const evaluation = page.getByRole('region', { name: 'Entry evaluation' });
    const masEvaluation = evaluation.getByRole('region', { name: 'MAS: 3 of 4 met' });
    await masEvaluation.waitFor();
    await masEvaluation.getByText('1 mandatory criterion not met').waitFor();
    const marked = masEvaluation.locator('tr[data-mandatory-unmet]');
    await expect(marked.count()).resolves.toBe(1);
    await expect(marked.textContent()).resolves.toMatch(
      /Intention and ability to deploy in Singapore.*Mandatory.*Not submitted.*Mandatory, not met/,
    );
    await expect(
      masEvaluation
        .getByRole('row', { name: /Boundary conditions/ })
        .getByText('Met', { exact: true })
        .count(),
    ).resolves.toBe(1);
    await notificationsGone(page, /Draft saved/);
    await expectAccessibleNow(page, 'draft application with its entry evaluation');

    // Submitting over an unmet mandatory criterion asks first.
    await page.getByRole('button', { name: 'Submit application' }).click();
    const confirm = page.getByRole('dialog', { name: 'Submit with unmet mandatory criteria?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Go back' }).click();
    await confirm.waitFor({ state: 'detached' });

    // A change not saved yet: submitting waits for it, and says why.
    const draftForm = page.getByRole('form', { name: 'Application' });
    await draftForm
      .getByRole('group', { name: /^Intention and ability/ })
      .getByRole('checkbox')
      .check();
    const submit = page.getByRole('button', { name: 'Submit application' });
    await eventually(async () => expect(await submit.isDisabled()).toBe(true));
    await page.getByText('Save your changes first: the evaluation shows the saved draft').waitFor();
    await draftForm.getByRole('button', { name: 'Save draft' }).click();
    await evaluation.getByRole('region', { name: 'MAS: 4 of 4 met' }).waitFor();
    await evaluation.getByText('Every mandatory criterion met').waitFor();
    await expect(evaluation.locator('tr[data-mandatory-unmet]').count()).resolves.toBe(0);

    await submit.click();
    await page.waitForURL(/\/innovator\/enrolments\/[^/]+$/);
    await page.getByRole('heading', { name: `Lumen Thin-File Scorer in ${FAST_TRACK}`, level: 1 }).waitFor();
    await page.getByText(/^State: Submitted ·/).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Application submitted').waitFor();
    await timeline.getByText('Application changed').waitFor();
    const submitted = await enrolmentOf('Lumen Thin-File Scorer', FAST_TRACK);
    expect(new URL(page.url()).pathname).toBe(`/innovator/enrolments/${submitted.id}`);
    await notificationsGone(page, /Draft saved|Application submitted/);
    await expectAccessibleNow(page, 'enrolment page (submitted)');
    expect(pageProblems(page)).toEqual([]);
  }, 120_000);

  it("updates an enrolment's page live when a regulator acts elsewhere", async () => {
    const { id, version } = await enrolmentOf('Lumen Arrears Assistant', PILOT);
    const page = await innovatorPage(`/innovator/enrolments/${id}`);
    await page.getByRole('heading', { name: `Lumen Arrears Assistant in ${PILOT}`, level: 1 }).waitFor();
    await page.getByText('Live: this page updates as the authorities act.').waitFor();
    const fca = page.getByRole('article', { name: 'FCA track' });
    await fca.getByText('Not decided yet').waitFor();
    // A mark a reload would lose.
    await page.evaluate(() => ((globalThis as any).notReloaded = true));

    // The FCA, elsewhere (its own session, over the API), starts the review and admits.
    const token = await cb.server.login(DEMO.regulator.email, 'sandbridge-demo');
    const reviewed = await cb.server.gql(
      'mutation($input: EnrolmentActionInput!) { startReview(input: $input) { version state } }',
      { input: { enrolmentId: id, expectedVersion: version } },
      token,
    );
    expect(reviewed.data?.startReview.state).toBe('UNDER_REVIEW');
    await page.getByText(/^State: Under review ·/).waitFor();
    await page.getByText(/^Updated live:/).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Review started').waitFor();

    const admitted = await cb.server.gql(
      'mutation($input: DecideEntryInput!) { decideEntry(input: $input) { version } }',
      {
        input: {
          enrolmentId: id,
          expectedVersion: reviewed.data!.startReview.version,
          decision: 'ADMIT',
          reasons: 'Clear consumer benefit for borrowers in arrears.',
        },
      },
      token,
    );
    expect(admitted.errors).toBeUndefined();
    await fca.getByText('Admitted', { exact: true }).waitFor();
    await fca.getByText('Reasons: Clear consumer benefit for borrowers in arrears.').waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('FCA admitted').waitFor();

    expect(await page.evaluate(() => (globalThis as any).notReloaded)).toBe(true);
    await expectAccessibleNow(page, 'enrolment page (updated live)');
    expect(pageProblems(page)).toEqual([]);
  });

  it('withdraws at the version read: a CONFLICT is shown, and its refresh keeps the reasons typed', async () => {
    // A draft of the Affordability Checker to the fast track, made through the API.
    const fastTrack = await programmeId(FAST_TRACK);
    const choices = await api(
      DEMO.innovator.email,
      `query($id: ID!) { programme(id: $id) { leadAuthority { id } }
        aiSystems(first: 20) { edges { node { id name } } } }`,
      { id: fastTrack },
    );
    const mas = choices.data!.programme.leadAuthority.id;
    const created = await api(
      DEMO.innovator.email,
      'mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { id version } }',
      {
        input: {
          programmeId: fastTrack,
          aiSystemId: choices.data!.aiSystems.edges.find((e: any) => e.node.name === 'Lumen Affordability Checker').node
            .id,
          targetAuthorityIds: [mas],
        },
      },
    );
    const { id, version } = created.data!.createEnrolment;

    const page = await innovatorPage(`/innovator/enrolments/${id}`);
    await page.getByRole('link', { name: 'Continue the application' }).waitFor();
    // Meanwhile the application changes elsewhere (another tab of the organisation): version 2.
    const changed = await api(
      DEMO.innovator.email,
      'mutation($input: UpdateEnrolmentApplicationInput!) { updateEnrolmentApplication(input: $input) { version } }',
      { input: { enrolmentId: id, expectedVersion: version, targetAuthorityIds: [mas] } },
    );
    expect(changed.data?.updateEnrolmentApplication.version).toBe(version + 1);

    await tabTo(page, page.getByRole('button', { name: 'Withdraw' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Withdraw the enrolment' });
    await dialog.getByLabel('Reasons').fill('The fast track does not fit this system.');
    await expectAccessibleNow(page, 'withdraw dialog');
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    const conflict = dialog.getByRole('alert').filter({ hasText: 'Someone else changed this' });
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('version 2');
    await conflict.getByRole('button', { name: 'Refresh' }).click();
    await page
      .locator('main')
      .getByText(new RegExp(`· version ${version + 1} ·`))
      .waitFor();
    await eventually(async () =>
      expect(await dialog.getByLabel('Reasons').inputValue()).toBe('The fast track does not fit this system.'),
    );

    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/^State: Withdrawn ·/).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Reasons: The fast track does not fit this system.').waitFor();
    // Nothing more to do: every action is disabled, with the API's reason beside it.
    await eventually(async () => {
      expect(await page.getByRole('button', { name: 'Withdraw' }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Request exit' }).isDisabled()).toBe(true);
    });
    expect(pageProblems(page)).toEqual([]);
  });

  it("edits the organisation, and shows a system's enrolments leading to each enrolment's page", async () => {
    const page = await innovatorPage('/innovator/systems');
    const organisation = page.getByRole('region', { name: 'Your organisation' });
    await organisation.getByText('Lumen Credit Analytics Ltd', { exact: true }).waitFor();
    await organisation.getByRole('button', { name: 'Edit organisation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit your organisation' });
    await dialog.getByLabel(/^Name/).fill('L');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('Check the fields marked below.').waitFor();
    const me = await api(DEMO.innovator.email, '{ me { organisation { id } } }');
    const refused = await api(
      DEMO.innovator.email,
      'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }',
      { input: { id: me.data!.me.organisation.id, name: 'L', homeJurisdictionCode: 'GB' } },
    );
    const problems = refused.errors![0].extensions!.errors as { path: string; message: string }[];
    expect(await fieldError(dialog.getByLabel(/^Name/))).toBe(messageAt(problems, 'input.name'));
    await dialog.getByLabel(/^Name/).fill('Lumen Credit Analytics Limited');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await organisation.getByText('Lumen Credit Analytics Limited', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Lumen Thin-File Scorer' }).click();
    await page.getByRole('heading', { name: 'Lumen Thin-File Scorer', level: 1 }).waitFor();
    const enrolments = page.getByRole('region', { name: 'Enrolments' });
    const pilotRow = enrolments.getByRole('row', { name: new RegExp(PILOT) });
    await pilotRow.getByText('Exited', { exact: true }).waitFor();
    await notificationsGone(page, /Organisation saved/);
    await expectAccessibleNow(page, 'system page');

    await pilotRow.getByRole('link', { name: `Open the enrolment of Lumen Thin-File Scorer in ${PILOT}` }).click();
    await page.getByRole('heading', { name: `Lumen Thin-File Scorer in ${PILOT}`, level: 1 }).waitFor();
    await page.getByRole('article', { name: 'FCA track' }).getByText('Authorised', { exact: true }).waitFor();
    await page.getByRole('article', { name: 'AI Office track' }).getByText('Rejected', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('AI Office rejected').waitFor();
    await expectAccessibleNow(page, 'enrolment page (exited)');
    expect(pageProblems(page)).toEqual([]);
  });
});
