import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, ROOT, signIn, startConsoleServer } from './console-browser.js';

/**
 * npm run docs:screenshots — PNGs of the console's main screens in docs/screenshots/ (shown in the
 * README), taken in Chromium on the built server with the demo data. Add a screen to SCREENS when a
 * page is worth showing; each signs in afresh (`as`) in a new browser context.
 */

interface Screen {
  file: string;
  /** The demo account to sign in as; none: signed out. */
  as?: string;
  path: string;
  /** Brings the page to the state to show and waits for it. */
  ready: (page: Page) => Promise<unknown>;
  /** The whole page, not only the window. */
  fullPage?: boolean;
}

const INNOVATOR = 'innovator.lumen@demo.sandbridge.test';
const REGULATOR = 'regulator.fca@demo.sandbridge.test';
const NEGOTIATOR = 'negotiator.eu@demo.sandbridge.test';
const ADMIN = 'admin@demo.sandbridge.test';
const SCENARIO = join(ROOT, 'examples', 'simulation', 'small.scenario.json');

/** From the regulator's enrolments to one of them, by its AI system's name. */
async function openEnrolment(page: Page, system: string): Promise<void> {
  await page.getByRole('link', { name: system, exact: true }).click();
  await page.getByRole('heading', { name: system, level: 1 }).waitFor();
}

/** Waits until the notifications shown so far have closed by themselves. */
const notificationsGone = (page: Page) =>
  page.locator('.mantine-Notification-root').last().waitFor({ state: 'detached', timeout: 15_000 });

/** Chooses an option of a (multiple) choice in `scope` by keyboard; Tab closes its list. */
async function chooseOption(scope: Locator, label: string | RegExp, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).focus();
  await scope.page().keyboard.press('ArrowDown');
  await scope.page().getByRole('option', { name: option }).click();
  await scope.page().keyboard.press('Tab');
}

const drawn = (page: Page) => page.locator('[data-chart-state="drawn"]');

/** From the Simulations page: starts a run of the small example (or of `json`) named `name`, on to its page. */
async function startSimulation(page: Page, name: string, json?: string): Promise<void> {
  await page.getByRole('button', { name: 'Start a simulation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a simulation' });
  if (json) await dialog.getByLabel('Scenario (JSON)').fill(json);
  else {
    await dialog.locator('input[type=file]').setInputFiles(SCENARIO);
    await dialog.getByLabel('Name').and(page.locator('[value="small"]')).waitFor();
  }
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Start' }).click();
  await page.waitForURL(/\/negotiator\/simulations\/[^/]+$/);
}

const SCREENS: Screen[] = [
  {
    file: 'sign-in.png',
    path: '/sign-in',
    ready: (page) => page.getByRole('region', { name: 'Demo accounts' }).waitFor(),
    fullPage: true,
  },
  {
    file: 'innovator-systems.png',
    as: INNOVATOR,
    path: '/innovator/systems',
    ready: (page) => page.getByRole('table').waitFor(),
  },
  {
    file: 'innovator-register-system-errors.png',
    as: INNOVATOR,
    path: '/innovator/systems',
    ready: async (page) => {
      await page.getByRole('button', { name: 'Register an AI system' }).click();
      const dialog = page.getByRole('dialog', { name: 'Register an AI system' });
      await dialog.getByLabel('Name').fill('Lumen Open-Banking Scorer');
      await dialog.getByLabel('Sector').fill('finance');
      await dialog.getByRole('combobox', { name: 'Risk class' }).click();
      await page.getByRole('option', { name: 'High' }).click();
      await dialog.getByLabel('Intended purpose').fill('Scores');
      await dialog.getByRole('button', { name: 'Register' }).click();
      await dialog.getByText('Check the fields marked below.').waitFor();
    },
  },
  {
    file: 'innovator-programme.png',
    as: INNOVATOR,
    path: '/innovator/programmes',
    ready: async (page) => {
      await page.getByRole('link', { name: 'Cross-border AI credit-scoring pilot' }).click();
      await page.getByRole('heading', { name: 'Criteria by authority' }).waitFor();
    },
  },
  {
    file: 'innovator-application-evaluation.png',
    as: INNOVATOR,
    path: '/innovator/programmes',
    ready: async (page) => {
      await page.getByRole('link', { name: 'Singapore fast track for AI credit models tested abroad' }).click();
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByRole('combobox', { name: 'AI system' }).click();
      await page.getByRole('option', { name: 'Lumen Thin-File Scorer' }).click();
      await page.getByRole('checkbox', { name: /^MAS/ }).check();
      const hash = 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778';
      for (const [criterion, reference] of [
        ['Boundary conditions', 'dms://lumen/boundary-conditions.pdf'],
        ['New or emerging technology', 'dms://lumen/technology-description.pdf'],
      ]) {
        const group = page.getByRole('group', { name: new RegExp(`^${criterion}`) });
        await group.getByLabel('Evidence reference').fill(reference);
        await group.getByLabel('SHA-256', { exact: true }).fill(hash);
      }
      await page.getByRole('button', { name: 'Save as draft' }).click();
      await page.getByRole('region', { name: 'MAS: 2 of 4 met' }).waitFor();
      // Past the notification, which fades on its own.
      await page.getByRole('alert').filter({ hasText: 'Draft saved' }).waitFor({ state: 'detached' });
    },
    fullPage: true,
  },
  {
    file: 'innovator-enrolment.png',
    as: INNOVATOR,
    path: '/innovator/enrolments',
    ready: async (page) => {
      await page
        .getByRole('link', {
          name: 'Open the enrolment of Lumen Affordability Checker in Cross-border AI credit-scoring pilot',
        })
        .click();
      await page.getByRole('region', { name: 'Timeline' }).getByText('Track suspended').waitFor();
    },
  },
  {
    file: 'regulator-criteria.png',
    as: REGULATOR,
    path: '/regulator/criteria',
    ready: (page) => page.getByRole('link', { name: 'testing.auc' }).waitFor(),
  },
  {
    // A revision made for the picture: version 2 of testing.auc, its threshold raised, beside version 1.
    file: 'regulator-criterion-history.png',
    as: REGULATOR,
    path: '/regulator/criteria',
    ready: async (page) => {
      await page.getByRole('button', { name: 'Actions for testing.auc version 1' }).click();
      await page.getByRole('menuitem', { name: 'Revise' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Make a new draft' }).click();
      await page.getByRole('button', { name: 'Edit draft' }).click();
      const dialog = page.getByRole('dialog', { name: /^Edit version 2 of testing\.auc/ });
      await dialog.getByLabel(/^Threshold/).fill('0.8');
      await dialog
        .getByLabel('Description')
        .fill('Area under the ROC curve on an out-of-time hold-out sample, measured monthly and at exit.');
      await dialog.getByRole('button', { name: 'Save draft' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('[data-changed]').first().waitFor();
      await notificationsGone(page);
    },
  },
  {
    file: 'regulator-programme.png',
    as: REGULATOR,
    path: '/regulator/programmes',
    ready: async (page) => {
      await page.getByRole('link', { name: 'Cross-border AI credit-scoring pilot' }).click();
      await page.getByRole('region', { name: 'Lifecycle' }).waitFor();
    },
  },
  {
    file: 'regulator-work-queue.png',
    as: REGULATOR,
    path: '/regulator/queue',
    ready: (page) => page.getByRole('table').waitFor(),
  },
  {
    file: 'regulator-enrolment-review.png',
    as: REGULATOR,
    path: '/regulator/enrolments',
    ready: async (page) => {
      await openEnrolment(page, 'Merlion Premium Instalment Scorer');
      await page
        .getByRole('table', { name: /testing criteria/ })
        .first()
        .waitFor();
    },
    fullPage: true,
  },
  {
    // Merlion's amendment after its incident: MAS has approved it, the FCA reads what it changes.
    file: 'regulator-plan-diff.png',
    as: REGULATOR,
    path: '/regulator/enrolments',
    ready: async (page) => {
      await openEnrolment(page, 'Merlion Premium Instalment Scorer');
      await page.getByRole('tab', { name: 'Sandbox plan' }).click();
      const changes = page.getByRole('region', { name: /^What version 2 changes from version 1/ });
      await changes.getByRole('region', { name: 'Safeguards' }).waitFor();
      // The diff, under the page's sticky header.
      await changes
        .getByRole('heading', { level: 2 })
        .evaluate((heading: { scrollIntoView(): void }) => heading.scrollIntoView());
      await page.evaluate('window.scrollBy(0, -72)');
    },
  },
  {
    file: 'regulator-exit-report.png',
    as: REGULATOR,
    path: '/regulator/enrolments',
    ready: async (page) => {
      await openEnrolment(page, 'Lumen Thin-File Scorer');
      await page.getByRole('link', { name: 'Exit report' }).click();
      await page.getByRole('article', { name: 'The exit report' }).getByRole('table').first().waitFor();
    },
    fullPage: true,
  },
  {
    // The FCA's exit report editor on Lumen's exited enrolment (a correction, once the demo has an issued version).
    file: 'regulator-exit-report-editor.png',
    as: REGULATOR,
    path: '/regulator/enrolments',
    ready: async (page) => {
      await openEnrolment(page, 'Lumen Thin-File Scorer');
      await page.getByRole('link', { name: 'Exit report' }).click();
      const own = page.getByRole('region', { name: 'Exit documents of FCA' });
      await own.getByRole('article', { name: 'Written proof of FCA' }).waitFor();
      const correction = own.getByRole('button', { name: 'Start a correction' });
      if (await correction.isVisible()) await correction.click();
      const keyIssues = own.getByRole('group', { name: 'Key regulatory issues and how they were resolved' });
      await keyIssues
        .getByLabel('Text')
        .fill('Explainability of declines for thin-file applicants: resolved with reason codes reviewed monthly.');
      await own.getByRole('heading', { name: 'Exit report', exact: true }).scrollIntoViewIfNeeded();
    },
  },
  {
    file: 'regulator-funnel.png',
    as: REGULATOR,
    path: '/regulator/funnel',
    ready: (page) => page.getByRole('img', { name: /^Funnel: / }).waitFor(),
    fullPage: true,
  },
  {
    // Merlion at the FCA, moved back to before the UK–Singapore arrangement: its recognition a gap, marked.
    file: 'recognition-explorer.png',
    as: REGULATOR,
    path: '/regulator/explorer',
    ready: async (page) => {
      const system = page.getByRole('combobox', { name: 'AI system' });
      await system.and(page.locator(':enabled')).waitFor();
      await system.click();
      await page.getByRole('option', { name: 'Merlion Premium Instalment Scorer' }).click();
      await page.locator('[data-outcome^="RECOGNISED"]').first().waitFor();
      for (let step = 0; step < 2; step++) {
        const day = await page.getByLabel('Day (UTC)').inputValue();
        await page.getByRole('button', { name: /^Previous change \(/ }).click();
        await page.locator(`input[type=date]:not([value="${day}"])`).waitFor();
      }
      const changed = page
        .locator('[data-criterion]')
        .filter({ has: page.locator('[data-changed]') })
        .first();
      await changed.waitFor();
      await changed.getByRole('button').first().click();
      await changed.getByRole('table').first().waitFor();
    },
    fullPage: true,
  },
  {
    // Nordvik's fast-track enrolment has gaps at MAS: reached as a person would, from the passport.
    file: 'innovator-report-preview.png',
    as: 'innovator.nordvik@demo.sandbridge.test',
    path: '/innovator/passports',
    ready: async (page) => {
      await page.getByRole('link', { name: 'MAS', exact: true }).click();
      await page.getByRole('link', { name: /^Submit a test report to MAS/ }).click();
      await page.getByLabel(/^Lab name/).fill('AI Verify Foundation test lab');
      await page.getByLabel('The lab is accredited').check();
      await page.getByLabel('Accreditation body').fill('SAC');
      await page.getByLabel(/^Method( \*)?$/).fill('AIVERIFY:transparency');
      const row = (title: string) => page.getByRole('group', { name: title, exact: true });
      await row('Explanations for customers')
        .getByLabel(/^Value/)
        .fill('0.95');
      await row('Time to take effect of a human override')
        .getByLabel(/^Value/)
        .fill('300');
      await row('Reproducible decisions')
        .getByLabel(/^Value/)
        .fill('0.995');
      await row('Reproducible decisions').getByText('Pass', { exact: true }).waitFor();
      await row('Time to take effect of a human override').getByText('Fail', { exact: true }).waitFor();
      // The results, under the page's sticky header.
      await page
        .getByRole('heading', { name: 'MAS · Testing criteria', level: 3 })
        .first()
        .evaluate((heading: { scrollIntoView(): void }) => heading.scrollIntoView());
      await page.evaluate('window.scrollBy(0, -72)');
    },
  },
  {
    // The plan editor, revising Merlion's proposed amendment (version 1 stays in force meanwhile).
    file: 'innovator-plan-editor.png',
    as: 'innovator.merlion@demo.sandbridge.test',
    path: '/innovator/enrolments',
    ready: async (page) => {
      await page
        .getByRole('link', {
          name: 'Open the enrolment of Merlion Premium Instalment Scorer in Cross-border AI credit-scoring pilot',
        })
        .click();
      await page
        .getByRole('region', { name: 'Sandbox plan' })
        .getByRole('button', { name: 'Revise version 2' })
        .click();
      await page.getByRole('heading', { name: 'Revise the sandbox plan', level: 1 }).waitFor();
      await page
        .getByRole('form', { name: 'Sandbox plan' })
        .getByRole('textbox', { name: /^Safeguards/ })
        .waitFor();
    },
    fullPage: true,
  },
  {
    file: 'innovator-passport.png',
    as: 'innovator.merlion@demo.sandbridge.test',
    path: '/innovator/passports',
    ready: async (page) => {
      await page.getByRole('combobox', { name: 'AI system' }).click();
      await page.getByRole('option', { name: 'Merlion Premium Instalment Scorer' }).click();
      await page.getByText('Passport of Merlion Premium Instalment Scorer:').waitFor();
    },
  },
  {
    file: 'innovator-passport-drill-down.png',
    as: 'innovator.merlion@demo.sandbridge.test',
    path: '/innovator/passports',
    ready: async (page) => {
      await page.getByRole('combobox', { name: 'AI system' }).click();
      await page.getByRole('option', { name: 'Merlion Premium Instalment Scorer' }).click();
      await page.getByText('Passport of Merlion Premium Instalment Scorer:').waitFor();
      await page.getByRole('link', { name: 'FCA', exact: true }).click();
      await page.getByText(/^Recognised \(\d+\)$/).click();
      await page
        .getByRole('button', { name: /Recognised$/ })
        .first()
        .click();
      const item = page.getByRole('region', { name: /Recognised$/ }).first();
      await item.getByText(/^Recognised in full through /).waitFor();
      await page
        .getByRole('heading', { name: 'Criteria', level: 2 })
        .evaluate((heading: { scrollIntoView(): void }) => heading.scrollIntoView());
      await page.evaluate('window.scrollBy(0, -72)');
    },
  },
  {
    file: 'innovator-evidence-library.png',
    as: INNOVATOR,
    path: '/innovator/evidence',
    ready: async (page) => {
      // Two files uploaded through the page (the demo data has none): one expiring soon.
      const soon = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
      for (const [name, title, expiry] of [
        ['model-card.txt', 'Lumen Review Scorer model card', ''],
        ['robustness-lab-report.txt', 'Robustness lab report (accredited)', soon],
      ]) {
        await page.getByRole('button', { name: 'Upload evidence' }).click();
        const dialog = page.getByRole('dialog', { name: 'Upload evidence' });
        await dialog
          .getByLabel('File to upload')
          .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(`${title}\n`, 'utf8') });
        await dialog.getByLabel(/^Title/).fill(title);
        if (expiry) await dialog.getByLabel('Expiry day').fill(expiry);
        await dialog.getByRole('button', { name: `Upload: ${name}` }).click();
        await dialog.getByRole('region', { name: `Uploaded: ${title}` }).waitFor();
        await page.keyboard.press('Escape');
        await page.getByRole('row').filter({ hasText: title }).waitFor();
      }
      await page.getByText('Expires in 12 days').waitFor();
    },
  },
  {
    file: 'negotiator-scenario-builder.png',
    as: NEGOTIATOR,
    path: '/negotiator/simulations/new',
    ready: async (page) => {
      // A variant with the proposed UK–EU agreement as if signed, and a rule of EU–SG removed in it.
      await page.getByRole('table', { name: 'Agreements of the baseline' }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill('UK–EU as if signed');
      await page.getByRole('button', { name: 'Add a variant' }).click();
      await page.getByLabel('Name of variant 1').fill('With UK–EU');
      const choose = async (label: string, option: RegExp) => {
        await page.getByRole('combobox', { name: label }).focus();
        await page.keyboard.press('ArrowDown');
        await page.getByRole('option', { name: option }).click();
        await page.keyboard.press('Tab');
      };
      await choose('Drafts as if signed in variant 1', /^UK–EU AI testing arrangement/);
      await choose('Agreement whose rule to change in variant 1', /^EU–Singapore/);
      await choose('Which rule to change in variant 1', /^No recognition of Singapore privacy tests/);
      await page.getByRole('button', { name: 'Remove the rule in this variant' }).click();
      await page.getByText(/^Removed: No recognition of Singapore privacy tests/).waitFor();
      await page
        .getByRole('heading', { name: 'Baseline', level: 2 })
        .evaluate((heading: { scrollIntoView(): void }) => heading.scrollIntoView());
      await page.evaluate('window.scrollBy(0, -72)');
    },
  },
  {
    // The programme designer's result: the demo pilot's three designs run, the funnel per design as
    // the API's chart beside its figures.
    file: 'programme-designer.png',
    as: REGULATOR,
    path: '/regulator/programme-designs/new',
    ready: async (page) => {
      await page.getByRole('combobox', { name: 'Stored programme' }).click();
      await page.getByRole('option', { name: /^Cross-border AI credit-scoring pilot/ }).click();
      await page.getByRole('textbox', { name: 'Replications' }).first().fill('1000');
      await page.getByRole('button', { name: 'Load the programme' }).click();
      await page.getByRole('region', { name: 'Design 1: As designed' }).waitFor();
      await page.getByRole('textbox', { name: 'Name of the run' }).fill('Credit-scoring pilot: designs');
      await page.getByRole('button', { name: 'Start the simulation' }).click();
      await page.locator('[data-run-status="COMPLETED"]').waitFor({ timeout: 120_000 });
      await page.locator('[data-chart-state="drawn"]').waitFor();
      await page.getByRole('table', { name: 'Funnel per design' }).waitFor();
    },
    fullPage: true,
  },
  {
    file: 'negotiator-agreements.png',
    as: NEGOTIATOR,
    path: '/negotiator/agreements',
    ready: async (page) => {
      // Every agreement, not only the EU's.
      await page.getByRole('row').filter({ hasText: 'UK–EU AI testing arrangement' }).waitFor();
      await page.getByLabel('Only those EU is party to').uncheck();
      await page.getByRole('row').filter({ hasText: 'UK–Singapore AI assurance arrangement' }).waitFor();
    },
  },
  {
    // The EU–SG agreement in force: its three rules (one an exclusion), both approvals, its timeline.
    file: 'negotiator-agreement.png',
    as: NEGOTIATOR,
    path: '/negotiator/agreements',
    ready: async (page) => {
      await page.getByRole('link', { name: 'EU–Singapore mutual recognition of AI test results' }).click();
      await page.getByRole('article', { name: 'Rule 3' }).waitFor();
      await page.getByText('In force (current status): every party approved').waitFor();
    },
    fullPage: true,
  },
  {
    // A draft made for the picture (the demo has none), its first rule sent without a mode: the
    // API's refusal shown at the Mode field.
    file: 'negotiator-rule-editor.png',
    as: NEGOTIATOR,
    path: '/negotiator/agreements',
    ready: async (page) => {
      await page.getByRole('button', { name: 'New draft agreement' }).click();
      const create = page.getByRole('dialog', { name: 'New draft agreement' });
      await create.getByLabel(/^Name/).fill('EU–Singapore fairness results');
      await chooseOption(create, /^Parties/, /^SG/);
      await create.getByRole('button', { name: 'Create draft' }).click();
      await page.getByRole('heading', { level: 1, name: 'EU–Singapore fairness results' }).waitFor();
      await page.getByRole('button', { name: 'Add a rule' }).click();
      const editor = page.getByRole('dialog', { name: 'Add a rule' });
      await editor.getByLabel(/^Name/).fill('EU-tested fairness results, recognised by Singapore');
      await chooseOption(editor, /^Origins/, 'EU');
      await chooseOption(editor, /^Recognising jurisdictions/, 'SG');
      await chooseOption(editor, 'Categories', 'Fairness');
      await chooseOption(editor, 'Stages', 'Testing');
      await editor.getByLabel('Tested by an accredited lab').check();
      await editor.getByLabel('Maximum result age (days)').fill('365');
      await editor.getByRole('button', { name: 'Add the rule' }).click();
      await editor.getByRole('combobox', { name: 'Mode' }).and(page.locator('[aria-invalid="true"]')).waitFor();
      await editor.getByText('Check the fields marked below').waitFor();
    },
  },
  {
    // The small example scenario (examples/simulation), run through the start dialog to the end.
    file: 'negotiator-simulation-run.png',
    as: NEGOTIATOR,
    path: '/negotiator/simulations',
    ready: async (page) => {
      await startSimulation(page, 'small');
      await page.getByRole('heading', { name: 'Simulation: small', level: 1 }).waitFor();
      await page.locator('[data-run-status="COMPLETED"]').waitFor({ timeout: 120_000 });
      await page.locator('[data-chart-state="drawn"]').first().waitFor();
      await page
        .getByRole('img', { name: /^Matrices of criteria recognised/ })
        .and(drawn(page))
        .waitFor();
      await page
        .getByRole('img', { name: /marginal|thanks to each agreement/i })
        .and(drawn(page))
        .waitFor();
    },
    fullPage: true,
  },
  {
    // Two runs of the small example, the second without its variant A, compared side by side.
    file: 'negotiator-compare-runs.png',
    as: NEGOTIATOR,
    path: '/negotiator/simulations',
    ready: async (page) => {
      await startSimulation(page, 'small');
      await page.locator('[data-run-status="COMPLETED"]').waitFor({ timeout: 120_000 });
      await page.goto('/negotiator/simulations');
      const scenario = JSON.parse(readFileSync(SCENARIO, 'utf8')) as { variants: unknown[] };
      scenario.variants = scenario.variants.slice(1);
      await startSimulation(page, 'without A', JSON.stringify(scenario, null, 2));
      await page.locator('[data-run-status="COMPLETED"]').waitFor({ timeout: 120_000 });
      await page.goto('/negotiator/simulations');
      for (const name of ['without A', 'small']) {
        // The newest of that name (another screen may have run one before).
        const row = page
          .getByRole('row')
          .filter({ has: page.getByRole('link', { name, exact: true }) })
          .first();
        await row.locator('[data-run-status="COMPLETED"]').waitFor({ timeout: 120_000 });
        await row.getByRole('checkbox', { name: `Compare ${name}` }).check();
      }
      await page.getByRole('button', { name: /^Compare 2 selected/ }).click();
      await page.getByRole('table', { name: 'Totals of the compared runs' }).waitFor();
      await page.getByRole('heading', { name: 'Runs side by side', level: 2 }).scrollIntoViewIfNeeded();
    },
    fullPage: true,
  },
  {
    file: 'admin-accounts.png',
    as: ADMIN,
    path: '/admin/accounts',
    ready: (page) => page.getByRole('button', { name: `Disable ${REGULATOR}` }).waitFor(),
  },
  {
    file: 'admin-health.png',
    as: ADMIN,
    path: '/admin/health',
    ready: (page) => page.getByText(/^Last checked /).waitFor(),
  },
  {
    file: 'admin-audit.png',
    as: ADMIN,
    path: '/admin/audit',
    ready: async (page) => {
      await page.getByRole('table').waitFor();
      await page.getByRole('button', { name: 'Verify the audit trail' }).click();
      await page.getByRole('status').getByText('Verified: the audit trail is intact').waitFor();
    },
  },
  {
    file: 'registry.png',
    path: '/registry',
    ready: async (page) => {
      await page.getByRole('heading', { name: 'Public registry', level: 1 }).waitFor();
      await page.getByRole('table').first().waitFor();
    },
    fullPage: true,
  },
  {
    // The FCA's exit report on Lumen's thin-file scorer, which Lumen consented to publish.
    file: 'registry-exit-report.png',
    path: '/registry',
    ready: async (page) => {
      await page.getByRole('row').filter({ hasText: 'Lumen' }).getByRole('link').first().click();
      await page.getByRole('heading', { name: /^Exit report: /, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Download the signed copy (JSON)' }).waitFor();
    },
    fullPage: true,
  },
  {
    file: 'admin-audit-filtered.png',
    as: ADMIN,
    path: '/admin/audit?action=DECIDE_ENTRY&action=SUBMIT_TEST_REPORT',
    ready: async (page) => {
      await page.locator('table caption').waitFor();
      // The filters and the first entries, below the checkpoint.
      await page
        .getByRole('region', { name: 'Filters' })
        .evaluate((filters: { scrollIntoView(): void }) => filters.scrollIntoView());
    },
  },
];

async function main(): Promise<void> {
  const out = join(ROOT, 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  process.stderr.write('Starting the built server with the demo data…\n');
  const server = await startConsoleServer();
  const browser = await launchChromium();
  try {
    // SCREENSHOTS=a.png,b.png retakes only those (a new screen, without the others' minutes).
    const only = process.env.SCREENSHOTS?.split(',').map((file) => file.trim());
    for (const screen of SCREENS.filter((s) => !only || only.includes(s.file))) {
      const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      if (screen.as) await signIn(page, screen.as);
      await page.goto(screen.path);
      await screen.ready(page);
      const file = join(out, screen.file);
      await page.screenshot({ path: file, fullPage: screen.fullPage ?? false, animations: 'disabled' });
      process.stdout.write(`${relative(ROOT, file)}\n`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
