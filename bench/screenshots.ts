import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
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
const ADMIN = 'admin@demo.sandbridge.test';

/** Waits until the notifications shown so far have closed by themselves. */
/** From the regulator's enrolments to one of them, by its AI system's name. */
async function openEnrolment(page: Page, system: string): Promise<void> {
  await page.getByRole('link', { name: system, exact: true }).click();
  await page.getByRole('heading', { name: system, level: 1 }).waitFor();
}

const notificationsGone = (page: Page) =>
  page.locator('.mantine-Notification-root').last().waitFor({ state: 'detached', timeout: 15_000 });

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
    file: 'admin-health.png',
    as: ADMIN,
    path: '/admin/health',
    ready: (page) => page.getByText(/^Last checked /).waitFor(),
  },
  {
    file: 'admin-audit.png',
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
