import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ConsoleBrowser, DEMO, DEMO_PASSWORD, expectAccessible, pageProblems, tabTo } from '@sandbridge/testing';
import type { FileChooser, Locator, Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// Evidence in Chromium, the acceptance journey: Nordvik's innovator writes a test report to
// MAS and, at the row of an EVIDENCE criterion, uploads a real (small) PDF through the form — the
// progress bar reaches 100 %, the SHA-256 shown is node:crypto's — and submits; MAS's regulator opens
// the report and downloads the file (the same bytes); another innovator (Lumen) gets 404 for it and
// does not see it; the audit trail records the regulator's download. Then the evidence library: the
// file listed, its details edited (a CONFLICT keeps the input), a revision uploaded and the chain
// shown, the over-limit refusal in words, the upload by keyboard, and the pages' accessibility; a
// file named by a plan section and downloaded by the regulator from the plan; entry evidence uploaded
// in the application form and named by the saved draft.

const NORDVIK = 'innovator.nordvik@demo.sandbridge.test';
const LUMEN = DEMO.innovator.email;
const MAS_REGULATOR = 'regulator.mas@demo.sandbridge.test';
const FAST_TRACK = 'Singapore fast track for AI credit models tested abroad';
const SYSTEM = 'Nordvik Consumer Credit Model';
const EXIT_STRATEGY = 'Exit and transition strategy';
const TITLE = 'Nordvik exit and transition strategy 2026';
/** The server's evidence limit here (EVIDENCE_MAX_BYTES): 1 MB, so a 413 costs little to provoke. */
const LIMIT_BYTES = 1024 * 1024;

/** A minimal valid PDF (one empty page, a line of text), its cross-reference offsets computed. */
function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const PDF = minimalPdf('Nordvik exit strategy: transition within 90 days.');
const PDF_SHA256 = createHash('sha256').update(PDF).digest('hex');
const REVISION = minimalPdf('Nordvik exit strategy, revised: transition within 60 days.');
const REVISION_SHA256 = createHash('sha256').update(REVISION).digest('hex');

let cb: ConsoleBrowser;
let nordvik: string;
/** Nordvik's fast-track enrolment (in TESTING, admitted by MAS, a plan agreed). */
let enrolmentId: string;
/** What the journey made. */
const made: { evidenceId?: string; reportId?: string } = {};

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({
    entry: await ensureBuilt('dist/apps/api/src/main.js'),
    env: { EVIDENCE_MAX_BYTES: String(LIMIT_BYTES) },
  });
  nordvik = await cb.server.login(NORDVIK, DEMO_PASSWORD);
  const { data } = await cb.server.gql<{
    enrolments: { edges: { node: { id: string; state: string; programme: { name: string } } }[] };
  }>('{ enrolments(first: 20) { edges { node { id state programme { name } } } } }', {}, nordvik);
  enrolmentId = data!.enrolments.edges
    .map((e) => e.node)
    .find((e) => e.programme.name === FAST_TRACK && e.state === 'TESTING')!.id;
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

const row = (page: Page, title: string): Locator => page.getByRole('group', { name: title, exact: true });
const notification = (page: Page, title: string) => page.getByRole('alert').filter({ hasText: title }).first();

async function signedIn(email: string, path: string, heading: string | RegExp): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, email);
  await page.goto(path);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  return page;
}

/**
 * Presses `key` on the focused file input until Chromium opens its file chooser: right after the focus
 * moves, headless Chromium sometimes lets the first press go by without one.
 */
async function chooseByKeyboard(page: Page, key: string): Promise<FileChooser> {
  for (let attempt = 1; ; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 2_000 });
    await page.keyboard.press(key);
    try {
      return await chooser;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** GET /evidence/:id as `token`: the status and the bytes. */
async function fetchEvidence(id: string, token: string): Promise<{ status: number; bytes: Buffer }> {
  const response = await fetch(`${cb.url}/evidence/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Waits until `read` answers `expected` (the page updates after a request). */
async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) expect(last).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
}

/** The upload's progress bar reaches 100 %, said to assistive technology too. */
async function uploadedFully(scope: Locator): Promise<void> {
  const bar = scope.getByRole('progressbar', { name: /^Upload progress/ });
  await until(() => bar.getAttribute('aria-valuenow'), '100');
  await until(() => bar.getAttribute('aria-valuetext'), '100%');
}

describe('Evidence behind a test report', () => {
  it('uploads a PDF while writing a test report: progress to 100 %, the hash node:crypto computes, then submits', async () => {
    const page = await signedIn(NORDVIK, `/innovator/enrolments/${enrolmentId}/report`, 'Submit a test report');
    await page.getByLabel(/^Lab name/).fill('AI Verify Foundation test lab');
    await page.getByLabel(/^Method( \*)?$/).fill('AIVERIFY:transition');

    const exit = row(page, EXIT_STRATEGY);
    await exit.getByRole('button', { name: `Upload a new file for ${EXIT_STRATEGY}` }).click();
    await exit
      .getByLabel(`New file for ${EXIT_STRATEGY}`)
      .setInputFiles({ name: 'exit-strategy.pdf', mimeType: 'application/pdf', buffer: PDF });
    await exit.getByLabel('Title', { exact: true }).fill(TITLE);
    await expectAccessible(page, 'report form with an evidence upload');
    await exit.getByRole('button', { name: 'Upload: exit-strategy.pdf' }).click();

    await uploadedFully(exit);
    const uploaded = exit.getByRole('region', { name: `Uploaded: ${TITLE}` });
    await uploaded.waitFor();
    await until(() => uploaded.locator('code').first().textContent(), PDF_SHA256);
    await uploaded.getByText('application/pdf', { exact: false }).waitFor();
    // The result names the file: its hash and, as the reference, its title.
    // (Read until shown: the form takes the upload's answer a render after the progress bar's 100 %.)
    await until(() => exit.getByLabel('SHA-256 of the evidence').inputValue(), PDF_SHA256);
    await until(() => exit.getByLabel('Evidence reference').inputValue(), TITLE);
    const chosen = new RegExp(`^${TITLE} — exit-strategy.pdf`);
    await until(
      async () => chosen.test(await exit.getByRole('combobox', { name: 'Evidence from your library' }).inputValue()),
      true,
    );

    // What the API stored: the same bytes, under the hash node:crypto gives.
    const { data } = await cb.server.gql<{
      evidenceList: { edges: { node: { id: string; sha256: string; size: number; mediaType: string } }[] };
    }>('{ evidenceList(first: 10) { edges { node { id sha256 size mediaType } } } }', {}, nordvik);
    const stored = data!.evidenceList.edges.map((e) => e.node).find((e) => e.sha256 === PDF_SHA256)!;
    expect(stored).toMatchObject({ size: PDF.length, mediaType: 'application/pdf' });
    made.evidenceId = stored.id;

    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.waitForURL(/\/reports\/[^/]+$/);
    made.reportId = new URL(page.url()).pathname.split('/').at(-1);
    await notification(page, 'Test report submitted').waitFor();
    // The innovator's own report shows the file, to open or download.
    await page.getByRole('button', { name: `Download ${TITLE}` }).waitFor();
    const { data: report } = await cb.server.gql<{
      testReport: { results: { evidenceId: string | null; evidenceSha256: string | null }[] };
    }>(
      'query($id: ID!) { testReport(id: $id) { results { evidenceId evidenceSha256 } } }',
      { id: made.reportId },
      nordvik,
    );
    expect(report!.testReport.results).toContainEqual({ evidenceId: made.evidenceId, evidenceSha256: PDF_SHA256 });
    expect(pageProblems(page)).toEqual([]);
  });

  it('lets MAS’s regulator download it from the report (the same bytes), and audits the download', async () => {
    const page = await signedIn(MAS_REGULATOR, `/regulator/enrolments/${enrolmentId}?tab=reports`, SYSTEM);
    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: `Download ${TITLE}` })
      .first()
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('exit-strategy.pdf');
    expect(await readFile((await file.path())!)).toEqual(PDF);

    // "Open" shows the PDF in a new tab.
    const opened = page.context().waitForEvent('page');
    await page
      .getByRole('button', { name: `Open ${TITLE}` })
      .first()
      .click();
    const tab = await opened;
    await tab.waitForURL(/^blob:/);
    await tab.close();
    await expectAccessible(page, 'report with its evidence, as the regulator reads it');
    expect(pageProblems(page)).toEqual([]);

    // The audit trail: the regulator's downloads of the file, each recorded.
    const mas = await cb.server.login(MAS_REGULATOR, DEMO_PASSWORD);
    const admin = await cb.server.login(DEMO.admin.email, DEMO_PASSWORD);
    const me = await cb.server.gql<{ me: { id: string } }>('{ me { id } }', {}, mas);
    const downloads: { action: string; entityId: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const trail: { data?: { auditTrail: AuditPage } | null } = await cb.server.gql<{ auditTrail: AuditPage }>(
        'query($actor: String!, $after: String) { auditTrail(first: 100, after: $after, filter: { actorAccountId: $actor }) { pageInfo { hasNextPage endCursor } edges { node { action entityId } } } }',
        { actor: me.data!.me.id, after },
        admin,
      );
      const page = trail.data!.auditTrail;
      downloads.push(...page.edges.map((e) => e.node).filter((n) => n.action === 'DOWNLOAD_EVIDENCE'));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(downloads.filter((d) => d.entityId === made.evidenceId).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps it from another innovator: 404 on GET /evidence/:id, absent from their library', async () => {
    const lumen = await cb.server.login(LUMEN, DEMO_PASSWORD);
    const refused = await fetchEvidence(made.evidenceId!, lumen);
    expect(refused.status).toBe(404);
    expect(refused.bytes.includes(PDF.subarray(0, 64))).toBe(false);
    const { data } = await cb.server.gql<{ evidenceList: { totalCount: number; edges: { node: { id: string } }[] } }>(
      '{ evidenceList(first: 100) { totalCount edges { node { id } } } }',
      {},
      lumen,
    );
    expect(data!.evidenceList.edges.map((e) => e.node.id)).not.toContain(made.evidenceId);
    const single = await cb.server.gql('query($id: ID!) { evidence(id: $id) { id } }', { id: made.evidenceId }, lumen);
    expect(single.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Nordvik itself still may.
    const own = await fetchEvidence(made.evidenceId!, nordvik);
    expect(own.status).toBe(200);
    expect(own.bytes).toEqual(PDF);

    const page = await signedIn(LUMEN, '/innovator/evidence', 'Evidence library');
    await page.getByRole('button', { name: 'Upload evidence' }).waitFor();
    await expect(page.getByText(TITLE).count()).resolves.toBe(0);
  });
});

interface AuditPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { action: string; entityId: string } }[];
}

describe('The evidence library', () => {
  it('lists the file; edits its details (CONFLICT keeps the input); uploads a revision and shows the chain', async () => {
    const page = await signedIn(NORDVIK, '/innovator/evidence', 'Evidence library');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Evidence library' }).waitFor();
    const file = page.getByRole('row').filter({ hasText: TITLE });
    await file.getByText('exit-strategy.pdf').first().waitFor();
    await file.getByText('PDF', { exact: true }).waitFor();
    await expectAccessible(page, 'evidence library');

    // Someone else changes the file's details while the dialog is open: CONFLICT, the input kept.
    await file.getByRole('button', { name: `More for ${TITLE}` }).click();
    await page.getByRole('menuitem', { name: 'Edit the details' }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${TITLE}` });
    const { data } = await cb.server.gql<{ evidence: { version: number } }>(
      'query($id: ID!) { evidence(id: $id) { version } }',
      { id: made.evidenceId },
      nordvik,
    );
    const changed = await cb.server.gql(
      'mutation($input: UpdateEvidenceMetadataInput!) { updateEvidenceMetadata(input: $input) { id } }',
      { input: { id: made.evidenceId, title: TITLE, expectedVersion: data!.evidence.version } },
      nordvik,
    );
    expect(changed.errors).toBeUndefined();
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel('Expiry day').fill(soon);
    await dialog.getByLabel(/^Title/).fill(`${TITLE} (signed)`);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('Someone else changed this').waitFor();
    await until(() => dialog.getByLabel(/^Title/).inputValue(), `${TITLE} (signed)`);
    await expectAccessible(page, 'evidence details dialog with a conflict');
    await dialog.getByRole('button', { name: 'Refresh' }).click();
    await dialog.getByText('Someone else changed this').waitFor({ state: 'detached' });
    await until(() => dialog.getByLabel(/^Title/).inputValue(), `${TITLE} (signed)`);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await notification(page, 'Changes saved').waitFor();

    const signed = page.getByRole('row').filter({ hasText: `${TITLE} (signed)` });
    await signed.getByText('Expires in 10 days').waitFor();
    // The "expiring soon" filter keeps it.
    await page.getByLabel('Expiring within 30 days').check();
    await signed.waitFor();
    await page.getByLabel('Expiring within 30 days').uncheck();

    // A revision: POST /evidence with `supersedes`, then the chain.
    await signed.getByRole('button', { name: `More for ${TITLE} (signed)` }).click();
    await page.getByRole('menuitem', { name: 'Upload a revision' }).click();
    const revise = page.getByRole('dialog', { name: `Upload a revision of ${TITLE} (signed)` });
    await revise
      .getByLabel('File to upload')
      .setInputFiles({ name: 'exit-strategy-v2.pdf', mimeType: 'application/pdf', buffer: REVISION });
    await revise.getByLabel(/^Title/).fill(`${TITLE}, revised`);
    await revise.getByRole('button', { name: 'Upload the revision: exit-strategy-v2.pdf' }).click();
    await uploadedFully(revise);
    await until(() => revise.locator('code').first().textContent(), REVISION_SHA256);
    await revise.getByRole('button', { name: 'Close' }).click();

    const revised = page.getByRole('row').filter({ hasText: `${TITLE}, revised` });
    await revised.getByText(`revises ${TITLE} (signed)`).waitFor();
    await revised.getByRole('button', { name: `More for ${TITLE}, revised` }).click();
    await page.getByRole('menuitem', { name: 'Show the revisions' }).click();
    const chain = page.getByRole('dialog', { name: `Revisions of ${TITLE}, revised` });
    await chain.getByText(`${TITLE}, revised (this file)`).waitFor();
    // Newest first: the revision, then the file it supersedes, each to open or download.
    await chain.getByRole('button', { name: `Download ${TITLE} (signed)`, exact: true }).waitFor();
    const names = await chain
      .getByRole('button', { name: /^Download / })
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    expect(names).toEqual([`Download ${TITLE}, revised`, `Download ${TITLE} (signed)`]);
    await expectAccessible(page, 'revisions of a file');
    await chain.getByRole('button', { name: 'Close' }).click();

    // The earlier revision leaves the list unless asked for.
    await until(
      () =>
        page
          .getByRole('row')
          .filter({ hasText: `${TITLE} (signed)Superseded` })
          .count(),
      0,
    );
    await page.getByLabel('Show earlier revisions').check();
    await page.getByText(`Superseded by ${TITLE}, revised`).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('says when a file is over the limit (413), and uploads by keyboard alone', async () => {
    const page = await signedIn(NORDVIK, '/innovator/evidence', 'Evidence library');
    await page.getByRole('button', { name: 'Upload evidence' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload evidence' });
    // A PDF (the type is checked first) padded past the limit.
    const oversized = Buffer.concat([PDF, Buffer.alloc(LIMIT_BYTES, 0x20)]);
    await dialog
      .getByLabel('File to upload')
      .setInputFiles({ name: 'too-large.pdf', mimeType: 'application/pdf', buffer: oversized });
    await dialog.getByRole('button', { name: 'Upload: too-large.pdf' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'The file is larger than the limit of 1 MB.' }).waitFor();
    await expectAccessible(page, 'upload refused as too large');

    // By keyboard: Tab to the file input, Space opens the picker; Tab to Upload, Enter.
    const text = Buffer.from('Nordvik model card\n', 'utf8');
    await dialog.getByLabel(/^Title/).focus();
    await tabTo(page, dialog.getByLabel('File to upload'), { backwards: true, max: 10 });
    await (
      await chooseByKeyboard(page, 'Space')
    ).setFiles({ name: 'model-card.txt', mimeType: 'text/plain', buffer: text });
    await tabTo(page, dialog.getByRole('button', { name: 'Upload: model-card.txt' }), { max: 10 });
    await page.keyboard.press('Enter');
    await uploadedFully(dialog);
    await until(() => dialog.locator('code').first().textContent(), createHash('sha256').update(text).digest('hex'));
    await page.keyboard.press('Escape');
    await page.getByRole('row').filter({ hasText: 'model-card.txt' }).first().waitFor();
    expect(pageProblems(page).filter((p) => !/413/.test(p))).toEqual([]);
  });
});

describe('Evidence in a sandbox plan', () => {
  it('attaches a library file to a plan section in an amendment; the regulator opens it from the plan', async () => {
    // Nordvik's newest version awaits approval: a revision of it, with a file in its Safeguards.
    const versions = await cb.server.gql<{ enrolment: { planVersions: { version: number }[] } }>(
      'query($id: ID!) { enrolment(id: $id) { planVersions { version } } }',
      { id: enrolmentId },
      nordvik,
    );
    const latest = Math.max(...versions.data!.enrolment.planVersions.map((v) => v.version));
    const page = await signedIn(
      NORDVIK,
      `/innovator/enrolments/${enrolmentId}/plan?from=${latest}`,
      /^(Revise|Amend) the sandbox plan$/,
    );
    const form = page.getByRole('form', { name: 'Sandbox plan' });
    const safeguards = form.getByRole('group', { name: 'Safeguards', exact: true });
    await safeguards.getByRole('combobox', { name: 'Evidence from your library' }).click();
    await page.getByRole('option', { name: new RegExp(`^${TITLE}, revised — exit-strategy-v2\\.pdf`) }).click();
    await safeguards.getByRole('button', { name: `Download ${TITLE}, revised` }).waitFor();
    await expectAccessible(page, 'plan editor with a section’s evidence');
    await form.getByRole('button', { name: `Propose version ${latest + 1}` }).click();
    await notification(page, `Sandbox plan version ${latest + 1} proposed`).waitFor();

    // The proposal names the file in its Safeguards section, as the API has it.
    const { data } = await cb.server.gql<{
      enrolment: { planVersions: { version: number; safeguards: { evidence: { sha256: string }[] } }[] };
    }>(
      'query($id: ID!) { enrolment(id: $id) { planVersions { version safeguards { evidence { sha256 } } } } }',
      { id: enrolmentId },
      nordvik,
    );
    const proposed = data!.enrolment.planVersions.find((v) => v.version === latest + 1)!;
    expect(proposed.safeguards.evidence).toEqual([{ sha256: REVISION_SHA256 }]);

    // MAS's regulator reads the proposal on the plan tab and downloads the file: the same bytes.
    const regulator = await signedIn(MAS_REGULATOR, `/regulator/enrolments/${enrolmentId}?tab=plan`, SYSTEM);
    const download = regulator.waitForEvent('download');
    await regulator
      .getByRole('button', { name: `Download ${TITLE}, revised` })
      .first()
      .click();
    expect(await readFile((await (await download).path())!)).toEqual(REVISION);
    expect(pageProblems(page)).toEqual([]);
    expect(pageProblems(regulator)).toEqual([]);
  });
});

describe('Evidence in an application', () => {
  it('uploads entry evidence in the application form; the draft names the file', async () => {
    const lumen = await cb.server.login(LUMEN, DEMO_PASSWORD);
    const page = await signedIn(LUMEN, '/innovator/programmes', 'Open programmes');
    await page.getByRole('link', { name: FAST_TRACK }).click();
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('heading', { name: `Apply to ${FAST_TRACK}`, level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Application' });
    await form.getByRole('combobox', { name: 'AI system' }).click();
    await page.getByRole('option', { name: 'Lumen Thin-File Scorer' }).click();
    await form.getByRole('checkbox', { name: /^MAS/ }).check();

    const boundary = form.getByRole('group', { name: /^Boundary conditions/ });
    await boundary.getByRole('button', { name: /^Upload a new file for Boundary conditions/ }).click();
    const pdf = minimalPdf('Lumen boundary conditions.');
    await boundary
      .getByLabel(/^New file for Boundary conditions/)
      .setInputFiles({ name: 'boundary-conditions.pdf', mimeType: 'application/pdf', buffer: pdf });
    await boundary.getByRole('button', { name: 'Upload: boundary-conditions.pdf' }).click();
    await uploadedFully(boundary);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await until(() => boundary.getByLabel('SHA-256', { exact: true }).inputValue(), sha256);
    await until(() => boundary.getByLabel('Evidence reference').inputValue(), 'boundary-conditions.pdf');
    await expectAccessible(page, 'application form with an evidence upload');

    await form.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/innovator\/enrolments\/[^/]+\/application$/);
    const draftId = new URL(page.url()).pathname.split('/').at(-2)!;
    const { data } = await cb.server.gql<{
      enrolment: { entryResults: { evidenceSha256: string | null; evidence: { filename: string } | null }[] };
    }>(
      'query($id: ID!) { enrolment(id: $id) { entryResults { evidenceSha256 evidence { filename } } } }',
      { id: draftId },
      lumen,
    );
    expect(data!.enrolment.entryResults).toContainEqual({
      evidenceSha256: sha256,
      evidence: { filename: 'boundary-conditions.pdf' },
    });
    // The draft's form shows the file chosen.
    await page
      .getByRole('group', { name: /^Boundary conditions/ })
      .getByRole('combobox', { name: 'Evidence from your library' })
      .and(page.locator('input[value^="boundary-conditions.pdf — boundary-conditions.pdf"]'))
      .waitFor();
    expect(pageProblems(page)).toEqual([]);
  });
});
