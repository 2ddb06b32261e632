import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConsoleBrowser,
  DEMO,
  DEMO_PASSWORD,
  eventually,
  expectAccessible,
  fieldError,
  pageProblems,
  shownFieldError,
} from '@sandbridge/testing';
import type { Locator, Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// Sandbox plans in Chromium, on the built server with the demo data:
// (a) agreement across two authorities — Nordvik's application to the pilot, admitted (through the
//     API) by the AI Office and MAS; its innovator proposes a plan in the editor (the API's problems at
//     their fields first), MAS asks for changes with reasons, the innovator's page shows them live and
//     a revised version is proposed from the first; MAS and the AI Office approve it, each in a browser
//     context of its own; the plan is agreed and in force, the diff between the versions shows what
//     changed, and the test report form names the version reports are made under.
// (b) an extension refused inside 30 days — Lumen's application, admitted by the FCA, its plan (made
//     through the API) ending in 20 days: the extension form says in words that it is too late and
//     sends nothing, and an amendment moving the end day later is refused by the API
//     (EXTENSION_TOO_LATE), said at the form and at the end day; the plan stays as it was.

const NORDVIK = 'innovator.nordvik@demo.sandbridge.test';
const MAS_REGULATOR = 'regulator.mas@demo.sandbridge.test';
const AIO_REGULATOR = 'regulator.aioffice@demo.sandbridge.test';
const FCA_REGULATOR = DEMO.regulator.email;
const LUMEN = DEMO.innovator.email;
const SME = 'Nordvik SME Cash-flow Underwriter';
const ARREARS = 'Lumen Arrears Assistant';
const CHANGES = 'Say who reviews a declined SME application, and within how many days.';
const FIRST_SAFEGUARDS = 'A credit officer reviews every declined application.';
const REVISED_SAFEGUARDS =
  'A credit officer reviews every declined application within two working days; the applicant may ask for a review without the model.';

let cb: ConsoleBrowser;
const tokens: Record<string, string> = {};
/** The enrolments the tests work on, made ready through the API. */
const made: { sme?: string; arrears?: string } = {};

interface Ref {
  id: string;
  version: number;
  state: string;
}
const REF = 'id version state';

async function gql<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const response = await cb.server.gql<T>(query, variables, token);
  if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

/** A UTC day `days` from today, YYYY-MM-DD (the server's clock is the test's). */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The demo enrolment of `system` in `state`, as its innovator sees it. */
async function demoEnrolment(token: string, system: string, state: string) {
  const data = await gql<{
    enrolments: {
      edges: { node: Ref & { aiSystem: { name: string }; tracks: { authority: { id: string; acronym: string } }[] } }[];
    };
  }>(
    `{ enrolments(first: 100) { edges { node { ${REF} aiSystem { name } tracks { authority { id acronym } } } } } }`,
    {},
    token,
  );
  const found = data.enrolments.edges.map((e) => e.node).find((e) => e.aiSystem.name === system && e.state === state);
  if (!found) throw new Error(`The demo data has no ${state} enrolment of ${system}`);
  return found;
}

const decideEntry = async (ref: Ref, token: string, decision: 'ADMIT' | 'DECLINE') =>
  (
    await gql<{ decideEntry: Ref }>(
      `mutation($input: DecideEntryInput!) { decideEntry(input: $input) { ${REF} } }`,
      {
        input: { enrolmentId: ref.id, expectedVersion: ref.version, decision, reasons: 'Decided for the plan tests.' },
      },
      token,
    )
  ).decideEntry;

/** Every version of the enrolment's plan as the innovator reads it, newest first. */
async function planVersions(enrolmentId: string, token: string) {
  const data = await gql<{
    enrolment: {
      version: number;
      planVersions: {
        version: number;
        status: string;
        inForce: boolean;
        timeline: { endDay: string };
        requirements: { criteria: { key: string; authority: { acronym: string } }[] };
      }[];
    };
  }>(
    `query($id: ID!) { enrolment(id: $id) { version planVersions {
       version status inForce timeline { endDay } requirements { criteria { key authority { acronym } } } } } }`,
    { id: enrolmentId },
    token,
  );
  return data.enrolment;
}

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
  for (const email of [NORDVIK, MAS_REGULATOR, AIO_REGULATOR, FCA_REGULATOR, LUMEN])
    tokens[email] = await cb.server.login(email, DEMO_PASSWORD);

  // (a) Nordvik's application under review by the AI Office and MAS: both admit it, no plan yet.
  let sme: Ref = await demoEnrolment(tokens[NORDVIK], SME, 'UNDER_REVIEW');
  sme = await decideEntry(sme, tokens[AIO_REGULATOR], 'ADMIT');
  sme = await decideEntry(sme, tokens[MAS_REGULATOR], 'ADMIT');
  expect(sme.state).toBe('TESTING');
  made.sme = sme.id;

  // (b) Lumen's submitted application: the FCA admits it (MAS declines), and its plan, agreed with the
  // FCA, has testing end in 20 days — 10 days past the last day an extension may be asked for.
  let arrears: Ref = await demoEnrolment(tokens[LUMEN], ARREARS, 'SUBMITTED');
  arrears = (
    await gql<{ startReview: Ref }>(
      `mutation($input: EnrolmentActionInput!) { startReview(input: $input) { ${REF} } }`,
      { input: { enrolmentId: arrears.id, expectedVersion: arrears.version } },
      tokens[FCA_REGULATOR],
    )
  ).startReview;
  arrears = await decideEntry(arrears, tokens[FCA_REGULATOR], 'ADMIT');
  arrears = await decideEntry(arrears, tokens[MAS_REGULATOR], 'DECLINE');
  const proposed = await gql<{ proposeSandboxPlan: { id: string; enrolment: Ref } }>(
    `mutation($input: ProposeSandboxPlanInput!) { proposeSandboxPlan(input: $input) { id enrolment { ${REF} } } }`,
    {
      input: {
        enrolmentId: arrears.id,
        expectedVersion: arrears.version,
        timeline: { startDay: dayFromToday(-100), endDay: dayFromToday(20) },
        objectives: { text: 'Show that arrears conversations suggested by the assistant treat customers fairly.' },
        scope: { text: 'Customers of one partner lender in arrears of up to three months.' },
        personalData: { processed: false },
        safeguards: { text: 'A collections agent approves every suggestion before it reaches a customer.' },
        seriousIncidentProcedure: { text: 'Stop suggestions, tell the FCA within 24 hours, then investigate.' },
      },
    },
    tokens[LUMEN],
  );
  const agreed = await gql<{ approveSandboxPlan: { status: string } }>(
    'mutation($input: ApproveSandboxPlanInput!) { approveSandboxPlan(input: $input) { status } }',
    {
      input: { planId: proposed.proposeSandboxPlan.id, expectedVersion: proposed.proposeSandboxPlan.enrolment.version },
    },
    tokens[FCA_REGULATOR],
  );
  expect(agreed.approveSandboxPlan.status).toBe('AGREED');
  made.arrears = arrears.id;
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

const notification = (page: Page, title: string) => page.getByRole('alert').filter({ hasText: title }).first();
const planSection = (page: Page) => page.getByRole('region', { name: 'Sandbox plan' });

/** Picks an option of a Mantine Select, and waits for its list to close. */
async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option }).click();
  await page.getByRole('listbox').first().waitFor({ state: 'detached' });
}

/**
 * Counts the subscriptions a page sends over its WebSocket (graphql-ws), by operation name: a page
 * that re-subscribes after a navigation is following live once the count has grown.
 */
function subscriptionsOf(page: Page) {
  const sent: string[] = [];
  page.on('websocket', (socket) => socket.on('framesent', ({ payload }) => sent.push(String(payload))));
  const count = (operation: string) => sent.filter((f) => f.includes(`subscription ${operation}`)).length;
  return {
    count,
    /** Resolves once `operation` has been sent more than `than` times (the server listens within milliseconds). */
    async moreThan(operation: string, than: number): Promise<void> {
      for (const started = Date.now(); count(operation) <= than;) {
        if (Date.now() - started > 15_000) throw new Error(`The page never subscribed to ${operation} again`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** A regulator's review page of the enrolment, on its Sandbox plan tab, once it follows the programme's events. */
async function planTab(email: string, enrolmentId: string, system: string): Promise<Page> {
  const page = await cb.newPage();
  const subscriptions = subscriptionsOf(page);
  await cb.signIn(page, email);
  await page.goto(`/regulator/enrolments/${enrolmentId}?tab=plan`);
  await page.getByRole('heading', { name: system, level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'Sandbox plan', selected: true }).waitFor();
  await subscriptions.moreThan('EnrolmentLive', 0);
  return page;
}

/** A step of a story, as a test: not run once an earlier one failed (it would fail for that reason alone). */
let failed: string | null = null;
const step = (name: string, run: () => Promise<void>) => async () => {
  if (failed) throw new Error(`Not run: the earlier step "${failed}" failed`);
  try {
    await run();
  } catch (error) {
    failed = name;
    throw error;
  }
};

describe('A sandbox plan agreed with two authorities, through the console', () => {
  let innovator: Page;
  let subscriptions: ReturnType<typeof subscriptionsOf>;

  it(
    'the innovator proposes the plan; the API’s problems land at their fields first',
    step('the innovator proposes the plan; the API’s problems land at their fields first', async () => {
      innovator = await cb.newPage();
      subscriptions = subscriptionsOf(innovator);
      await cb.signIn(innovator, NORDVIK);
      await innovator.goto(`/innovator/enrolments/${made.sme}`);
      await innovator.getByRole('heading', { name: new RegExp(`^${SME} in `), level: 1 }).waitFor();
      const section = planSection(innovator);
      await section.getByText('No sandbox plan has been proposed yet.').waitFor();
      // No report before a plan is agreed: the reason is said where the report would be started.
      await innovator
        .getByText('Test reports are submitted under an agreed sandbox plan: none is agreed yet')
        .first()
        .waitFor();
      await eventually(async () =>
        expect(await innovator.getByRole('button', { name: 'Submit a test report' }).isDisabled()).toBe(true),
      );

      const subscribed = subscriptions.count('MyEnrolmentEvents');
      await section.getByRole('button', { name: 'Propose the sandbox plan' }).click();
      await innovator.getByRole('heading', { name: 'Propose the sandbox plan', level: 1 }).waitFor();
      expect(new URL(innovator.url()).pathname).toBe(`/innovator/enrolments/${made.sme}/plan`);
      const form = innovator.getByRole('form', { name: 'Sandbox plan' });
      // The attached testing and exit criteria of both authorities are in scope, and stay so.
      const requirements = form.getByRole('group', { name: 'Requirements in scope', exact: true });
      const always = requirements.getByRole('list', { name: 'Always in scope' }).getByRole('listitem');
      await always
        .filter({ hasText: /^AI Office · / })
        .first()
        .waitFor();
      await expect(always.filter({ hasText: /^MAS · / }).count()).resolves.toBeGreaterThan(0);
      // An entry criterion of MAS's is added to them.
      await requirements.getByRole('checkbox', { name: /^MAS · Boundary conditions/ }).check();

      // 200 days is more than the pilot allows (180), and a one-authority section names no authority.
      const timeline = form.getByRole('group', { name: 'Timeline', exact: true });
      await timeline.getByLabel(/^Start day/).fill(dayFromToday(1));
      await timeline.getByLabel(/^End day/).fill(dayFromToday(201));
      await timeline.getByText(/The programme allows at most 180 days of testing: no later than /).waitFor();
      await timeline.getByRole('button', { name: 'Add a milestone' }).click();
      const milestone = timeline.getByRole('group', { name: 'Milestone 1', exact: true });
      await milestone.getByLabel(/^Day/).fill(dayFromToday(60));
      await milestone.getByLabel(/^Milestone/).fill('First test report to both authorities');
      await form
        .getByRole('textbox', { name: /^Objectives/ })
        .fill('Show that SME cash-flow underwriting is accurate and fair across sectors.');
      const scope = form.getByRole('group', { name: 'Scope', exact: true });
      await scope.getByRole('textbox', { name: /^Scope/ }).fill('SME loans up to 250,000 from one partner bank.');
      await scope.getByRole('radio', { name: 'One authority' }).check();
      await scope
        .getByText('Only the admitting authority named for the section may read it; never published.')
        .waitFor();
      const personal = form.getByRole('group', { name: 'Personal data', exact: true });
      await personal.getByLabel('Personal data is processed during the testing').check();
      await choose(
        innovator,
        personal.getByRole('combobox', { name: /^Data protection authority involved/ }),
        'European Data Protection Supervisor (EDPS)',
      );
      await personal.getByRole('radio', { name: 'Programme authorities' }).check();
      await form.getByRole('textbox', { name: /^Safeguards/ }).fill(FIRST_SAFEGUARDS);
      await form
        .getByRole('textbox', { name: /^Serious-incident procedure/ })
        .fill('Stop automated decisions and tell both authorities within 24 hours.');
      await expectAccessible(innovator, 'plan editor');

      await form.getByRole('button', { name: 'Propose version 1' }).click();
      await form.getByText('Some of what you entered needs correcting').waitFor();
      await expect(fieldError(timeline.getByLabel(/^End day/))).resolves.toMatch(
        /^Must be no later than \d{4}-\d{2}-\d{2} \(startDay \+ the programme's maximum testing period of 180 days\)$/,
      );
      await expect(fieldError(scope.getByRole('combobox', { name: /^The authority it belongs to/ }))).resolves.toBe(
        'Is required for a HOME_AUTHORITY section: the authority that alone may read it',
      );
      expect((await planVersions(made.sme!, tokens[NORDVIK])).planVersions).toEqual([]);

      await timeline.getByLabel(/^End day/).fill(dayFromToday(150));
      await scope.getByRole('radio', { name: 'Public' }).check();
      await form.getByRole('button', { name: 'Propose version 1' }).click();
      await innovator.waitForURL((url) => url.pathname === `/innovator/enrolments/${made.sme}`);
      await notification(innovator, 'Sandbox plan version 1 proposed').waitFor();
      const version1 = section.getByRole('article', { name: 'Version 1' });
      await version1.getByText('Proposed', { exact: true }).waitFor();
      await version1.getByText(/Awaiting the approval of (AI Office, MAS|MAS, AI Office)\./).waitFor();
      // Back on the enrolment page, which follows the programme's events again.
      await subscriptions.moreThan('MyEnrolmentEvents', subscribed);
      expect(pageProblems(innovator)).toEqual([]);
    }),
    120_000,
  );

  it(
    'MAS asks for changes with its reasons; the innovator’s page shows them live',
    step('MAS asks for changes with its reasons; the innovator’s page shows them live', async () => {
      const mas = await planTab(MAS_REGULATOR, made.sme!, SME);
      await mas.getByRole('heading', { name: 'Version 1 proposed', level: 2 }).waitFor();
      const decisions = mas.getByRole('table', { name: 'The authorities’ decisions on version 1' });
      await decisions.getByRole('row').filter({ hasText: 'Awaiting its decision' }).nth(1).waitFor();
      await expectAccessible(mas, 'sandbox plan tab (proposed)');

      await mas.getByRole('button', { name: 'Request changes' }).click();
      const dialog = mas.getByRole('dialog', { name: 'Request changes to version 1' });
      await dialog.getByRole('button', { name: 'Request changes' }).click();
      await expect(shownFieldError(dialog.getByRole('textbox', { name: /^What must change/ }))).resolves.toMatch(
        /^Is required|^Must/,
      );
      await dialog.getByRole('textbox', { name: /^What must change/ }).fill(CHANGES);
      await dialog.getByRole('button', { name: 'Request changes' }).click();
      await notification(mas, 'Changes requested').waitFor();
      await dialog.waitFor({ state: 'detached' });
      await mas.getByText('Changes requested', { exact: true }).first().waitFor();

      // Live, without a reload: MAS's reasons on the innovator's page.
      const asked = planSection(innovator).getByRole('alert').filter({ hasText: 'MAS asked for changes' });
      await asked.getByText(CHANGES).waitFor();
      await planSection(innovator)
        .getByRole('article', { name: 'Version 1' })
        .getByText('Changes requested')
        .first()
        .waitFor();
      await expectAccessible(innovator, 'enrolment page (plan changes requested)');
      expect(pageProblems(mas)).toEqual([]);
      expect(pageProblems(innovator)).toEqual([]);
    }),
    90_000,
  );

  it(
    'the innovator revises the first version into a second',
    step('the innovator revises the first version into a second', async () => {
      const before = subscriptions.count('MyEnrolmentEvents');
      await planSection(innovator).getByRole('button', { name: 'Revise version 1' }).click();
      await innovator.getByRole('heading', { name: 'Revise the sandbox plan', level: 1 }).waitFor();
      const form = innovator.getByRole('form', { name: 'Sandbox plan' });
      // Every section starts as version 1 has it.
      await eventually(async () => {
        expect(await form.getByRole('textbox', { name: /^Safeguards/ }).inputValue()).toBe(FIRST_SAFEGUARDS);
        expect(
          await form
            .getByRole('group', { name: 'Milestone 1', exact: true })
            .getByLabel(/^Milestone/)
            .inputValue(),
        ).toBe('First test report to both authorities');
        expect(
          await form
            .getByRole('group', { name: 'Personal data', exact: true })
            .getByRole('radio', { name: 'Programme authorities' })
            .isChecked(),
        ).toBe(true);
      });
      await form.getByRole('textbox', { name: /^Safeguards/ }).fill(REVISED_SAFEGUARDS);
      await form
        .getByRole('textbox', { name: /^Why this version/ })
        .fill('MAS asked who reviews declines, and how fast.');
      await form.getByRole('button', { name: 'Propose version 2' }).click();
      await innovator.waitForURL((url) => url.pathname === `/innovator/enrolments/${made.sme}`);
      await notification(innovator, 'Sandbox plan version 2 proposed').waitFor();
      await planSection(innovator)
        .getByRole('article', { name: 'Version 2' })
        .getByText('Proposed', { exact: true })
        .waitFor();
      await subscriptions.moreThan('MyEnrolmentEvents', before);
      expect(pageProblems(innovator)).toEqual([]);
    }),
    60_000,
  );

  it(
    'MAS and the AI Office approve it, each in its own browser context: agreed, with the diff of what changed',
    step(
      'MAS and the AI Office approve it, each in its own browser context: agreed, with the diff of what changed',
      async () => {
        const mas = await planTab(MAS_REGULATOR, made.sme!, SME);
        await mas.getByRole('heading', { name: 'Version 2 proposed', level: 2 }).waitFor();
        // What version 2 changes from version 1: the safeguards, field by field.
        const changes = mas.getByRole('region', { name: 'What version 2 changes from version 1' });
        await changes.getByText('Version 2 changes 1 of 8 sections of version 1: safeguards.').waitFor();
        const safeguards = changes.getByRole('region', { name: 'Safeguards' });
        const text = safeguards.locator('tr[data-changed]');
        await eventually(async () =>
          expect(await text.textContent()).toBe(`TextChanged${FIRST_SAFEGUARDS}${REVISED_SAFEGUARDS}`),
        );
        await expect(changes.getByRole('region', { name: 'Objectives' }).count()).resolves.toBe(0);
        await expectAccessible(mas, 'sandbox plan tab (version diff)');

        const aio = await planTab(AIO_REGULATOR, made.sme!, SME);
        await aio.getByRole('heading', { name: 'Version 2 proposed', level: 2 }).waitFor();

        await mas.getByRole('button', { name: 'Approve version 2' }).click();
        let dialog = mas.getByRole('dialog', { name: 'Approve version 2 of the sandbox plan' });
        await dialog.getByRole('textbox', { name: /^Remarks/ }).fill('Answers our request.');
        await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
        await notification(mas, 'Plan approved').waitFor();
        await dialog.waitFor({ state: 'detached' });
        const masDecisions = mas.getByRole('table', { name: 'The authorities’ decisions on version 2' });
        await masDecisions.getByRole('row').filter({ hasText: 'Answers our request.' }).getByText('Approved').waitFor();
        await masDecisions
          .getByRole('row')
          .filter({ hasText: 'AI Office' })
          .getByText('Awaiting its decision')
          .waitFor();

        // The AI Office's page learns of MAS's approval live, then approves: the plan is agreed.
        const aioDecisions = aio.getByRole('table', { name: 'The authorities’ decisions on version 2' });
        await aioDecisions.getByRole('row').filter({ hasText: 'MAS' }).getByText('Approved').waitFor();
        await aio.getByRole('button', { name: 'Approve version 2' }).click();
        dialog = aio.getByRole('dialog', { name: 'Approve version 2 of the sandbox plan' });
        await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
        await notification(aio, 'Plan approved').waitFor();
        await dialog.waitFor({ state: 'detached' });
        await aio.getByRole('heading', { name: 'Version 2', exact: true, level: 2 }).waitFor();
        // Once agreed, what it changed from the version before it is still shown.
        await aio
          .getByRole('region', { name: 'What version 2 changes from version 1' })
          .getByText('Version 2 changes 1 of 8 sections of version 1: safeguards.')
          .waitFor();
        await aio.getByText('Agreed', { exact: true }).first().waitFor();
        await aio.getByText('In force', { exact: true }).first().waitFor();
        expect(pageProblems(mas)).toEqual([]);
        expect(pageProblems(aio)).toEqual([]);

        // The innovator's page: version 2 agreed and in force, live; the diff of the versions says what changed.
        const section = planSection(innovator);
        const inForce = section.getByRole('article', { name: 'The plan in force' });
        await inForce.getByText('Version 2 in force').waitFor();
        await inForce.getByText('Agreed', { exact: true }).waitFor();
        await section.getByRole('tab', { name: 'Compare versions' }).click();
        await eventually(async () => {
          expect(await section.getByRole('combobox', { name: 'Compare', exact: true }).inputValue()).toBe(
            'Version 1 (changes requested)',
          );
          expect(await section.getByRole('combobox', { name: 'with', exact: true }).inputValue()).toBe(
            'Version 2 (agreed, in force)',
          );
        });
        await section.getByText('Version 2 changes 1 of 8 sections of version 1: safeguards.').waitFor();
        await eventually(async () =>
          expect(
            await section.getByRole('region', { name: 'Safeguards' }).locator('tr[data-changed]').textContent(),
          ).toBe(`TextChanged${FIRST_SAFEGUARDS}${REVISED_SAFEGUARDS}`),
        );
        await expectAccessible(innovator, 'enrolment page (plan agreed, versions compared)');

        const plan = await planVersions(made.sme!, tokens[NORDVIK]);
        expect(plan.planVersions.map((v) => [v.version, v.status, v.inForce])).toEqual([
          [2, 'AGREED', true],
          [1, 'CHANGES_REQUESTED', false],
        ]);
        // Both versions have MAS's entry criterion the innovator added beside the required ones.
        for (const version of plan.planVersions)
          expect(version.requirements.criteria).toContainEqual({
            key: 'entry.boundary-conditions',
            authority: { acronym: 'MAS' },
          });

        // Reports may now be made, under version 2.
        await innovator.getByRole('button', { name: 'Submit a test report' }).click();
        await innovator.getByRole('heading', { name: 'Submit a test report', level: 1 }).waitFor();
        await innovator
          .getByText('Made under version 2 of the sandbox plan, agreed with the admitting authorities.')
          .waitFor();
        expect(pageProblems(innovator)).toEqual([]);
      },
    ),
    120_000,
  );
});

describe('An extension refused inside 30 days of the end day', () => {
  it('says so at the extension form and at an amendment moving the end day; nothing changes', async () => {
    const before = await planVersions(made.arrears!, tokens[LUMEN]);
    expect(before.planVersions.map((v) => [v.version, v.status, v.inForce, v.timeline.endDay])).toEqual([
      [1, 'AGREED', true, dayFromToday(20)],
    ]);

    const page = await cb.newPage();
    await cb.signIn(page, LUMEN);
    await page.goto(`/innovator/enrolments/${made.arrears}`);
    const section = planSection(page);
    await section.getByRole('article', { name: 'The plan in force' }).getByText('Version 1 in force').waitFor();

    await section.getByRole('button', { name: 'Request an extension' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request an extension of version 1' });
    const refusal = dialog.getByRole('alert').filter({ hasText: 'Too late for an extension' });
    await refusal
      .getByText(
        `Extensions are asked for no later than 30 days before the agreed end day ${dayFromToday(20)} (the last day was ${dayFromToday(-10)})`,
      )
      .waitFor();
    await eventually(async () =>
      expect(await dialog.getByRole('button', { name: 'Request the extension' }).isDisabled()).toBe(true),
    );
    await expectAccessible(page, 'extension form (too late)');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Moving the end day later in an amendment is an extension too: the API refuses it.
    await section.getByRole('button', { name: 'Propose an amendment' }).click();
    await page.getByRole('heading', { name: 'Amend the sandbox plan', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Sandbox plan' });
    const endDay = form.getByRole('group', { name: 'Timeline', exact: true }).getByLabel(/^End day/);
    await eventually(async () => expect(await endDay.inputValue()).toBe(dayFromToday(20)));
    await endDay.fill(dayFromToday(40));
    await form.getByRole('button', { name: 'Propose version 2' }).click();
    const refused = form.getByRole('alert').filter({ hasText: 'Too late for an extension' });
    const words = `Extensions are asked for no later than 30 days before the agreed end day ${dayFromToday(20)} (the last day was ${dayFromToday(-10)})`;
    await refused.getByText(words).waitFor();
    await expect(fieldError(endDay)).resolves.toBe(words);
    await expectAccessible(page, 'plan editor (extension too late)');

    // Nothing changed: the same single version, in force, at the same enrolment version.
    expect(await planVersions(made.arrears!, tokens[LUMEN])).toEqual(before);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await section.getByRole('article', { name: 'The plan in force' }).getByText('Version 1 in force').waitFor();
    await expect(section.getByRole('article', { name: 'Version 2' }).count()).resolves.toBe(0);
    expect(pageProblems(page)).toEqual([]);
  }, 90_000);
});
